"""The one door to what the running app holds (settings, database, media, queues …).

The composition root builds one runtime object when the app starts and puts it on the app
(`install_runtime`); every package reads it back through `runtime_of`, as the Protocol that
names what the package needs (`admin.runtime.AdminRuntime`, `bot.runtime.ChatRuntime`), so
neither imports the composition root. The request's unit of work (`SessionDep`) is here too,
so the officials' API and the chat endpoints commit the same way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any, Protocol, TypeVar, runtime_checkable

from fastapi import Depends, Request
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.database import Database

_ATTRIBUTE = "runtime"

Shape = TypeVar("Shape")

# (runtime class, shape) pairs already checked: a Protocol's isinstance looks up every member
# each time, about 90 µs a call on Python 3.11, and the runtime's class does not change.
_fitting: set[tuple[type, type]] = set()


class HasState(Protocol):
    """A Starlette or FastAPI application: what it holds for its lifetime is on `state`."""

    @property
    def state(self) -> Any: ...


def install_runtime(app: HasState, runtime: object) -> None:
    setattr(app.state, _ATTRIBUTE, runtime)


def runtime_of(app: HasState, shape: type[Shape]) -> Shape:
    """The app's runtime, checked to have what `shape` (a runtime-checkable Protocol) names.

    Callers passing a Protocol silence mypy's `type-abstract` (python/mypy#4717): the check
    below is exactly what makes a Protocol usable here."""
    runtime = getattr(app.state, _ATTRIBUTE, None)
    if runtime is None:
        raise RuntimeError("the app has no runtime yet: create_app() installs it as it starts")
    if (type(runtime), shape) not in _fitting:
        if not isinstance(runtime, shape):
            raise TypeError(f"the app's runtime lacks what {shape.__name__} names")
        _fitting.add((type(runtime), shape))
    checked: Shape = runtime
    return checked


@runtime_checkable
class HoldsDatabase(Protocol):
    @property
    def database(self) -> Database: ...


async def request_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: commits when the endpoint has returned, rolls back if it
    raised, and then wakes delivery for the messages it queued (`Database.unit_of_work`)."""
    database = runtime_of(request.app, HoldsDatabase).database  # type: ignore[type-abstract]
    async with database.unit_of_work() as session:
        yield session


# scope="function": the commit happens before the answer is sent (the default, "request", runs
# it after), so a failed commit is an error answer, never a 2xx for work that was undone.
SessionDep = Annotated[AsyncSession, Depends(request_session, scope="function")]
