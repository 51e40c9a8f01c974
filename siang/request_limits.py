"""A ceiling on every request body: refused on its Content-Length, or counted as it streams in.

Without it a 400 MB body to `/api/v1/auth/token` took the server from 325 MB to 1.5 GB (issue 14),
because the framework reads a whole body before anyone looks at it. The check sits in front of
every route; routes that take uploads get their own, larger ceiling.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLargeError(HTTPException):
    """The body passed its route's ceiling (rendered as 413 by the app's HTTP error handler)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request bodies here are limited to {limit} bytes")
        self.limit = limit


class RequestBodyLimit:
    """ASGI middleware: 413 for a body over `default_bytes` (or its path prefix's own ceiling)."""

    def __init__(
        self, app: ASGIApp, *, default_bytes: int, route_bytes: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.default_bytes = default_bytes
        # Longest prefix first, so "/chat/api/photos" wins over a shorter "/chat/".
        self.route_bytes = sorted((route_bytes or {}).items(), key=lambda r: -len(r[0]))

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.route_bytes:
            if path.startswith(prefix):
                return limit
        return self.default_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(BodyTooLargeError(limit), scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLargeError as too_large:  # raised where no route's handler caught it
            if started:
                raise
            await _refuse(too_large, scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def _refuse(error: BodyTooLargeError, scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse(
        {"error": {"code": "body_too_large", "message": error.detail}},
        status_code=413,
        headers={"Connection": "close"},  # the rest of the body is never read
    )
    await response(scope, receive, send)
