"""The app, with a short way in for the few requests that are most of its traffic.

A request to FastAPI passes ten ASGI layers before its endpoint (FastAPI's and Starlette's own:
the server-error, telemetry, body-limit, exception and exit-stack middlewares, the router; and
ours), and its answer's two messages pass most of them again on the way out. For a webhook that
is about a sixth of a production web process's busy time in a burst (py-spy,
bench/webhook_burst.py). A fast route is taken, by its method and exact path, before any of
them: its endpoint runs inside the same `siang.edge.Edge` as every other route (request id,
security headers, body limit) and inside `HandledErrors`, which answers an exception with the
app's own handler for it, as the skipped layers would. Anything else at that path (another
method, a mounted root path) goes the long way, to the same route.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class SiangApi(FastAPI):
    """FastAPI, with fast routes (`add_fast_route`) tried before its middleware stack."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.fast_routes: dict[tuple[str, str], ASGIApp] = {}

    def add_fast_route(self, method: str, path: str, app: ASGIApp) -> None:
        """`app` answers `method path` itself: it must be wrapped in what every route gets (the
        app's `Edge`), and the route must exist as an ordinary one too, for the other methods,
        the OpenAPI document and a mounted root path."""
        self.fast_routes[(method, path)] = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.root_path and not scope.get("root_path"):
            fast = self.fast_routes.get((scope["method"], scope["path"]))
            if fast is not None:
                scope["app"] = self  # as Starlette sets it: the endpoint and handlers read it
                await fast(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


class HandledErrors:
    """An endpoint's exception answered by the app's handler for its class, as Starlette's
    exception middleware does; the catch-all handler (`Exception`) answers as its server-error
    middleware does, and the exception is raised again, so the server logs it. The app's
    handlers are coroutine functions (`siang.errors`), so they are awaited here directly."""

    def __init__(self, app: FastAPI, endpoint: ASGIApp) -> None:
        self.app = app
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.endpoint(scope, receive, watched)
        except Exception as error:
            handler = _handler_for(self.app.exception_handlers, error)
            if started or handler is None:
                raise
            response: Response = await handler(Request(scope, receive), error)
            await response(scope, receive, send)
            if self.app.exception_handlers.get(Exception) is handler:
                raise


def _handler_for(handlers: dict[Any, Callable[..., Any]], error: Exception) -> Any:
    for kind in type(error).__mro__:
        if kind in handlers:
            return handlers[kind]
    return None
