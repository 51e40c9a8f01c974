"""A fake Telegram Bot API on 127.0.0.1 (methods, getFile and file download, getUpdates),
plus builders for the updates Telegram POSTs to a webhook."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.server import FakeHttpServer, read_payload

MAX_CALLBACK_DATA_BYTES = 64  # Telegram refuses longer callback_data (BUTTON_DATA_INVALID)
BOT_ID = 7000001
BOT_TOKEN = f"{BOT_ID}:AAtestTOKENforSiangFakeTelegramApi"
WEBHOOK_SECRET = "telegram-test-webhook-secret"
_update_ids = itertools.count(900_000_001)
_message_ids = itertools.count(1)


@dataclass
class SentTelegramMessage:
    method: str
    chat_id: str
    text: str
    params: dict[str, Any]

    @property
    def inline_buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]

    @property
    def keyboard_buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("keyboard", []) for button in row]


class FakeTelegramApi(FakeHttpServer):
    def __init__(self) -> None:
        self._state_lock = threading.Lock()
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, bytes)
        self.updates: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.failures: list[tuple[str, int, str, int | None]] = []
        self.answer_delay = 0.0  # seconds a send waits to answer once taken
        super().__init__(
            Starlette(
                routes=[
                    Route("/bot{token}/{method}", self._method, methods=["GET", "POST"]),
                    Route("/file/bot{token}/{file_path:path}", self._file),
                ]
            )
        )

    def reset(self) -> None:
        super().reset()
        with self._state_lock:
            self.files.clear()
            self.updates.clear()
            self.webhook.clear()
            self.failures.clear()
            self.answer_delay = 0.0

    def add_file(self, file_id: str, data: bytes, file_path: str = "photos/file_1.jpg") -> None:
        self.files[file_id] = (file_path, data)

    def queue_update(self, update: dict[str, Any]) -> None:
        with self._state_lock:
            self.updates.append(update)

    def fail_next(
        self,
        method: str,
        status: int,
        description: str = "injected",
        *,
        retry_after: int | None = None,
    ) -> None:
        """Refuse the next call of `method`; a 429 says when to retry in `parameters`."""
        self.failures.append((method, status, description, retry_after))

    def sent(self, chat_id: str | int | None = None) -> list[SentTelegramMessage]:
        result = []
        for call in list(self.calls):
            method = call.path.rsplit("/", 1)[-1]
            if method not in ("sendMessage", "sendPhoto") or not call.accepted:
                continue
            params = call.json or {}
            text = str(params.get("text") or params.get("caption") or "")
            result.append(SentTelegramMessage(method, str(params.get("chat_id")), text, params))
        return [m for m in result if chat_id is None or m.chat_id == str(chat_id)]

    def texts(self, chat_id: str | int | None = None) -> list[str]:
        return [m.text for m in self.sent(chat_id)]

    def wait_for(self, count: int, chat_id: str | int | None = None, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while len(self.sent(chat_id)) < count and time.monotonic() < deadline:
            time.sleep(0.02)

    # --- the fake API -------------------------------------------------------------------

    async def _method(self, request: Request) -> Response:
        body, payload = await read_payload(request)
        call = self.record(request, body, payload)
        if request.path_params["token"] != BOT_TOKEN:
            return _error(401, "Unauthorized")
        method = request.path_params["method"]
        for index, (name, status, description, retry_after) in enumerate(self.failures):
            if name == method:
                del self.failures[index]
                return _error(status, description, retry_after=retry_after)
        params: dict[str, Any] = payload or {}
        if _callback_data_too_long(params):
            return _error(400, "Bad Request: BUTTON_DATA_INVALID")
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        result = await handler(params)
        call.accepted = True
        if method.startswith("send"):
            await asyncio.sleep(self.answer_delay)  # taken, the answer still on its way
        return JSONResponse({"ok": True, "result": result})

    async def _api_getMe(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return {"id": BOT_ID, "is_bot": True, "first_name": "Siang", "username": "siang_test_bot"}

    async def _message(self, params: dict[str, Any], **content: Any) -> Any:
        chat_id = int(params["chat_id"])
        return {
            "message_id": next(_message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Siang"},
            **content,
        }

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return await self._message(params, text=params.get("text", ""))

    async def _api_sendPhoto(self, params: dict[str, Any]) -> Any:  # noqa: N802
        size = {"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}
        return await self._message(params, photo=[size], caption=params.get("caption"))

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return True

    async def _api_getFile(self, params: dict[str, Any]) -> Any:  # noqa: N802
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            return {"file_id": file_id, "file_unique_id": file_id}
        path, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(data),
            "file_path": path,
        }

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = dict(params)
        return True

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = {}
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:  # noqa: N802
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), 1.0)
        deadline = time.monotonic() + wait
        while True:
            with self._state_lock:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                ready = list(self.updates)
            if ready or time.monotonic() >= deadline:
                return ready
            await asyncio.sleep(0.05)

    async def _file(self, request: Request) -> Response:
        self.record(request, b"", None)
        if request.path_params["token"] != BOT_TOKEN:
            return _error(401, "Unauthorized")
        for path, data in self.files.values():
            if path == request.path_params["file_path"]:
                return Response(data, media_type="application/octet-stream")
        return _error(404, "Not Found")


def _callback_data_too_long(params: dict[str, Any]) -> bool:
    markup = params.get("reply_markup")
    if isinstance(markup, str) and markup.startswith("{"):
        markup = json.loads(markup)
    if not isinstance(markup, dict):
        return False
    return any(
        len(str(button.get("callback_data", "")).encode()) > MAX_CALLBACK_DATA_BYTES
        for row in markup.get("inline_keyboard", [])
        for button in row
    )


def _error(status: int, description: str, *, retry_after: int | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:  # as Telegram answers flood control
        body["parameters"] = {"retry_after": retry_after}
    return JSONResponse(body, status_code=status)


# --- updates, as Telegram POSTs them -------------------------------------------------------


def _user(user_id: int, language: str = "th") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "ทดสอบ", "language_code": language}


def message_update(
    user_id: int, *, update_id: int | None = None, language: str = "th", **content: Any
) -> dict[str, Any]:
    return {
        "update_id": update_id or next(_update_ids),
        "message": {
            "message_id": next(_message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "ทดสอบ"},
            "from": _user(user_id, language),
            **content,
        },
    }


def text_update(user_id: int, text: str, **kw: Any) -> dict[str, Any]:
    return message_update(user_id, text=text, **kw)


def photo_update(user_id: int, file_id: str, caption: str | None = None) -> dict[str, Any]:
    sizes = [
        {"file_id": f"{file_id}-small", "file_unique_id": "s", "width": 90, "height": 60},
        {"file_id": file_id, "file_unique_id": "l", "width": 1280, "height": 960},
    ]
    extra: dict[str, Any] = {"caption": caption} if caption else {}
    return message_update(user_id, photo=sizes, **extra)


def location_update(user_id: int, latitude: float, longitude: float) -> dict[str, Any]:
    return message_update(user_id, location={"latitude": latitude, "longitude": longitude})


def sticker_update(user_id: int) -> dict[str, Any]:
    sticker = {
        "file_id": "sticker-1",
        "file_unique_id": "st1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    return message_update(user_id, sticker=sticker)


def callback_update(user_id: int, data: str, *, update_id: int | None = None) -> dict[str, Any]:
    return {
        "update_id": update_id or next(_update_ids),
        "callback_query": {
            "id": uuid.uuid4().hex[:16],
            "from": _user(user_id),
            "chat_instance": "ci-1",
            "data": data,
            "message": {
                "message_id": next(_message_ids),
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Siang"},
                "text": "…",
            },
        },
    }
