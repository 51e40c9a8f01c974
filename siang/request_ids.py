"""ASGI middleware: every request gets an `X-Request-ID` (the caller's, when it sends a sane
one), set for the request's log lines and the events it stores, and echoed in the answer."""

from __future__ import annotations

import re
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.request_ids import use_request_id

_SANE = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name == b"x-request-id":
            offered = value.decode("latin-1")
            if _SANE.fullmatch(offered):
                return offered
    return uuid.uuid4().hex


class RequestIds:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(scope["headers"])
        use_request_id(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        await self.app(scope, receive, send_with_id)
