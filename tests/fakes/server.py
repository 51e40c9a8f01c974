"""A real HTTP server on 127.0.0.1 in a background thread, recording every request it answers."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request


@dataclass
class RecordedCall:
    method: str
    path: str
    headers: dict[str, str]
    json: Any
    body: bytes = field(repr=False, default=b"")
    accepted: bool = False  # the fake answered 2xx and would have delivered it
    refused_with: int | None = None  # the status of a refusal the fake was told to make


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def read_payload(request: Request) -> tuple[bytes, Any]:
    """The body and its decoded form: JSON, or a form whose JSON-looking values are decoded."""
    body = await request.body()
    content_type = request.headers.get("content-type", "")
    if "json" in content_type:
        return body, json.loads(body or b"null")
    if "x-www-form-urlencoded" in content_type:
        form: dict[str, Any] = {}
        for key, value in parse_qsl(body.decode(), keep_blank_values=True):
            try:
                form[key] = json.loads(value) if value[:1] in "[{" else value
            except ValueError:
                form[key] = value
        return body, form
    if "multipart/form-data" in content_type:
        parsed = await request.form()
        return body, {key: value for key, value in parsed.items() if isinstance(value, str)}
    return body, None


class FakeHttpServer:
    """Serves a Starlette app with uvicorn in a thread; `calls` holds what it received."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.port = free_port()
        self.calls: list[RecordedCall] = []
        self._lock = threading.Lock()
        self._server = uvicorn.Server(
            uvicorn.Config(
                app,
                host="127.0.0.1",
                port=self.port,
                log_level="warning",
                lifespan="off",
                timeout_graceful_shutdown=1,  # a client's open call does not hold up the end
            )
        )
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=3)  # a daemon thread: what is left ends with the run

    def record(self, request: Request, body: bytes, payload: Any) -> RecordedCall:
        call = RecordedCall(
            method=request.method,
            path=request.url.path,
            headers={k.lower(): v for k, v in request.headers.items()},
            json=payload,
            body=body,
        )
        with self._lock:
            self.calls.append(call)
        return call

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
