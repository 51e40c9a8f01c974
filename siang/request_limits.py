"""A ceiling on every request body: refused on its Content-Length, or counted as it streams in.

Without it a 400 MB body to `/api/v1/auth/token` took the server from 325 MB to 1.5 GB (issue 14),
because the framework reads a whole body before anyone looks at it. The check sits in front of
every route (`siang.edge`); routes that take uploads get their own, larger ceiling.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send


class BodyTooLargeError(HTTPException):
    """The body passed its route's ceiling (rendered as 413 by the app's HTTP error handler)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request bodies here are limited to {limit} bytes")
        self.limit = limit


class BodyLimits:
    """`default_bytes` for every path, or its path prefix's own ceiling."""

    def __init__(self, *, default_bytes: int, route_bytes: Mapping[str, int] | None = None) -> None:
        self.default_bytes = default_bytes
        # Longest prefix first, so "/chat/api/photos" wins over a shorter "/chat/".
        self.route_bytes = sorted((route_bytes or {}).items(), key=lambda r: -len(r[0]))

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.route_bytes:
            if path.startswith(prefix):
                return limit
        return self.default_bytes


def content_length(scope: Scope) -> int | None:
    """The request's declared Content-Length, if it declares a sane one."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def refuse(error: BodyTooLargeError, scope: Scope, receive: Receive, send: Send) -> None:
    """The 413, where no route's handler has answered it."""
    response = JSONResponse(
        {"error": {"code": "body_too_large", "message": error.detail}},
        status_code=413,
        headers={"Connection": "close"},  # the rest of the body is never read
    )
    await response(scope, receive, send)
