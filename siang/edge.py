"""The one middleware every request passes: its request id, its security headers and its body
limit, in one ASGI layer.

They were three middlewares, each wrapping `send` (and the limit `receive`) in a closure of its
own, and a webhook passed each of them and FastAPI's own on the way in and again with both of its
answer's messages: the layers were about a sixth of a production web process's busy time in a
burst of webhooks (py-spy, bench/webhook_burst.py). What each does is unchanged and lives where
it did: `siang.request_ids`, `siang.security_headers`, `siang.request_limits`.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.request_ids import use_request_id
from siang.request_ids import request_id_from
from siang.request_limits import BodyLimits, BodyTooLargeError, content_length, refuse
from siang.security_headers import add_security_headers


class Edge:
    """ASGI middleware: an `X-Request-ID` on every answer and log line, the security headers
    its path calls for, and 413 for a body over its path's ceiling (declared or streamed)."""

    def __init__(
        self, app: ASGIApp, *, default_bytes: int, route_bytes: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.limits = BodyLimits(default_bytes=default_bytes, route_bytes=route_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        request_id = request_id_from(scope["headers"])
        use_request_id(request_id)
        started = False

        async def send_marked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                add_security_headers(path, headers)
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        limit = self.limits.limit_for(path)
        declared = content_length(scope)
        if declared is not None and declared > limit:
            await refuse(BodyTooLargeError(limit), scope, receive, send_marked)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        try:
            await self.app(scope, counting_receive, send_marked)
        except BodyTooLargeError as too_large:  # raised where no route's handler caught it
            if started:
                raise
            await refuse(too_large, scope, receive, send_marked)
