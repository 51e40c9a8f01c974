"""The one door to what the running app holds (settings, database, media, queues …).

The composition root builds one runtime object when the app starts and puts it on the app
(`install_runtime`); every package reads it back through `runtime_of` and checks it is the Protocol
that names what the package needs (`admin.runtime.AdminRuntime`, `bot.runtime.ChatRuntime`), so
neither imports the composition root.
"""

from __future__ import annotations

from typing import Any, Protocol

_ATTRIBUTE = "runtime"


class HasState(Protocol):
    """A Starlette or FastAPI application: what it holds for its lifetime is on `state`."""

    @property
    def state(self) -> Any: ...


def install_runtime(app: HasState, runtime: object) -> None:
    setattr(app.state, _ATTRIBUTE, runtime)


def runtime_of(app: HasState) -> object:
    """The app's runtime; the caller checks it has what its package's Protocol names."""
    runtime = getattr(app.state, _ATTRIBUTE, None)
    if runtime is None:
        raise RuntimeError("the app has no runtime yet: create_app() installs it as it starts")
    return runtime


def lacking(shape: type) -> TypeError:
    return TypeError(f"the app's runtime lacks what {shape.__name__} names")
