"""A fake LINE Messaging API (and content API) on 127.0.0.1, plus signed webhook builders.

It answers like LINE: replies need a live, unused reply token (else 400 "Invalid reply token"),
pushes and multicasts honour `X-Line-Retry-Key` (409 for a key already accepted), a multicast
takes 1 to 500 user ids (else 400), content is served per message id, and every call is recorded.
Like LINE, it refuses (400, with the property at fault) a message over its limits: more than 5
message objects, a text over 5,000 characters, more than 13 quick replies, an action label over
20 characters.
`answer_delay` holds every accepted reply, push or multicast's answer (a slow network, or a
worker killed after LINE took its call), `fail_next` refuses the next matching call and `fail_until`
refuses every reply, push and multicast for a while (an outage, or a throttle with Retry-After).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
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

from tests.fakes.server import FakeHttpServer, RecordedCall, read_payload

MAX_MESSAGES = 5
MAX_TEXT_CHARS = 5000
MAX_QUICK_REPLIES = 13
MAX_LABEL_CHARS = 20
CHANNEL_SECRET = "line-test-channel-secret"
ACCESS_TOKEN = "line-test-access-token"
_ids = itertools.count(1)


@dataclass
class SentMessage:
    """One LINE message object Siang sent to `to` (a user or group id)."""

    to: str
    via: str  # "reply", "push" or "multicast"
    message: dict[str, Any]

    @property
    def text(self) -> str:
        if self.message.get("type") == "text":
            return str(self.message.get("text", ""))
        if self.message.get("type") == "flex":
            return json.dumps(self.message.get("contents"), ensure_ascii=False)
        return ""

    @property
    def quick_reply_labels(self) -> list[str]:
        items = (self.message.get("quickReply") or {}).get("items", [])
        return [item["action"].get("label", "") for item in items]

    @property
    def quick_reply_actions(self) -> list[dict[str, Any]]:
        items = (self.message.get("quickReply") or {}).get("items", [])
        return [item["action"] for item in items]

    @property
    def labels(self) -> list[str]:
        """Every action label on this message: its quick replies and its Flex footer."""
        return [str(action.get("label", "")) for _, action in _actions(self.message)]


class FakeLineApi(FakeHttpServer):
    def __init__(self) -> None:
        self._state_lock = threading.Lock()
        self.reply_tokens: dict[str, str] = {}  # token -> who it answers
        self.used_tokens: set[str] = set()
        self.retry_keys: set[str] = set()
        self.contents: dict[str, tuple[bytes, str]] = {}
        self.failures: list[tuple[str, int]] = []  # (path fragment, status) to answer once
        self.retry_after: str | None = None  # a Retry-After header sent with injected failures
        self.answer_delay = 0.0  # seconds an accepted push or multicast waits to answer
        # (status, until time.monotonic(), Retry-After): every send refused until then
        self.outage: tuple[int, float, str | None] | None = None
        super().__init__(
            Starlette(
                routes=[
                    Route("/v2/bot/message/reply", self._reply, methods=["POST"]),
                    Route("/v2/bot/message/push", self._push, methods=["POST"]),
                    Route("/v2/bot/message/multicast", self._multicast, methods=["POST"]),
                    Route("/v2/bot/message/{message_id}/content", self._content),
                    Route("/v2/bot/profile/{user_id}", self._profile),
                ]
            )
        )

    # --- what tests arrange -----------------------------------------------------------

    def reset(self) -> None:
        super().reset()
        with self._state_lock:
            self.reply_tokens.clear()
            self.used_tokens.clear()
            self.retry_keys.clear()
            self.contents.clear()
            self.failures.clear()
            self.retry_after = None
            self.answer_delay = 0.0
            self.outage = None

    def issue_reply_token(self, to: str) -> str:
        token = f"rt-{uuid.uuid4().hex}"
        with self._state_lock:
            self.reply_tokens[token] = to
        return token

    def add_content(self, message_id: str, data: bytes, content_type: str = "image/jpeg") -> None:
        self.contents[message_id] = (data, content_type)

    def fail_next(self, path_fragment: str, status: int) -> None:
        self.failures.append((path_fragment, status))

    def fail_until(self, status: int, seconds: float, retry_after: str | None = None) -> None:
        """Refuse every reply, push and multicast with `status` (and a Retry-After header, if
        given) for `seconds` from now; a later call replaces the window."""
        self.outage = (status, time.monotonic() + seconds, retry_after)

    # --- what tests read --------------------------------------------------------------

    def sent(self, to: str | None = None) -> list[SentMessage]:
        """Every message object sent (replies and pushes, in order), optionally to one id."""
        result: list[SentMessage] = []
        for call in list(self.calls):
            if not call.accepted:
                continue
            if call.path.endswith("/reply"):
                who = self.reply_tokens.get(call.json["replyToken"], "?")
                result += [SentMessage(who, "reply", m) for m in call.json["messages"]]
            elif call.path.endswith("/push"):
                result += [SentMessage(call.json["to"], "push", m) for m in call.json["messages"]]
            elif call.path.endswith("/multicast"):
                for user in call.json["to"]:
                    result += [SentMessage(user, "multicast", m) for m in call.json["messages"]]
        return [m for m in result if to is None or m.to == to]

    def multicasts(self) -> list[RecordedCall]:
        """The multicast calls LINE accepted (each delivered to every id in its `to`)."""
        return [c for c in list(self.calls) if c.accepted and c.path.endswith("/multicast")]

    def received_by(self) -> dict[str, int]:
        """How many message objects each user received, by push, multicast or reply."""
        counts: dict[str, int] = {}
        for message in self.sent():
            counts[message.to] = counts.get(message.to, 0) + 1
        return counts

    def texts(self, to: str | None = None) -> list[str]:
        return [m.text for m in self.sent(to)]

    def wait_for(self, count: int, to: str | None = None, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.sent(to)) < count and time.monotonic() < deadline:
            time.sleep(0.02)

    # --- the fake API ----------------------------------------------------------------------

    def _authorised(self, request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {ACCESS_TOKEN}"

    def _injected_failure(self, path: str) -> int | None:
        for index, (fragment, status) in enumerate(self.failures):
            if fragment in path:
                del self.failures[index]
                return status
        return None

    def _refuse(self, call: RecordedCall, request: Request) -> JSONResponse | None:
        if not self._authorised(request):
            return JSONResponse({"message": "Authentication failed"}, status_code=401)
        outage = self.outage
        sending = call.path.endswith(("/reply", "/push", "/multicast"))
        if outage is not None and sending and time.monotonic() < outage[1]:
            status: int | None = outage[0]
            retry_after = outage[2]
        else:
            status, retry_after = self._injected_failure(call.path), self.retry_after
        if status is not None:
            call.refused_with = status
            headers = {"Retry-After": retry_after} if retry_after else None
            return JSONResponse(
                {"message": "injected failure"}, status_code=status, headers=headers
            )
        return None

    def _repeated(self, request: Request) -> JSONResponse | None:
        """409 for a retry key LINE already accepted (the call is not delivered again)."""
        retry_key = request.headers.get("x-line-retry-key")
        with self._state_lock:
            if retry_key and retry_key in self.retry_keys:
                return JSONResponse(
                    {"message": "The retry key is already accepted"}, status_code=409
                )
            if retry_key:
                self.retry_keys.add(retry_key)
        return None

    async def _reply(self, request: Request) -> Response:
        body, payload = await read_payload(request)
        call = self.record(request, body, payload)
        refused = self._refuse(call, request)
        if refused is not None:
            return refused
        invalid = _over_limits(payload)
        if invalid is not None:
            return invalid
        token = payload.get("replyToken", "")
        with self._state_lock:
            if token not in self.reply_tokens or token in self.used_tokens:
                return JSONResponse({"message": "Invalid reply token"}, status_code=400)
            self.used_tokens.add(token)
        call.accepted = True
        await asyncio.sleep(self.answer_delay)
        return JSONResponse({"sentMessages": _sent(payload["messages"])})

    async def _push(self, request: Request) -> Response:
        body, payload = await read_payload(request)
        call = self.record(request, body, payload)
        refused = self._refuse(call, request)
        if refused is not None:
            return refused
        invalid = _over_limits(payload)
        if invalid is not None:
            return invalid
        repeated = self._repeated(request)
        if repeated is not None:
            return repeated
        call.accepted = True
        await asyncio.sleep(self.answer_delay)
        return JSONResponse({"sentMessages": _sent(payload["messages"])})

    async def _multicast(self, request: Request) -> Response:
        body, payload = await read_payload(request)
        call = self.record(request, body, payload)
        refused = self._refuse(call, request)
        if refused is not None:
            return refused
        to = payload.get("to") if isinstance(payload, dict) else None
        if not isinstance(to, list) or not 1 <= len(to) <= 500:
            return JSONResponse({"message": "The request body has 1 error(s)"}, status_code=400)
        if any(not (isinstance(u, str) and u.startswith("U")) for u in to):  # users only
            return JSONResponse({"message": "The property, 'to', is invalid"}, status_code=400)
        invalid = _over_limits(payload)
        if invalid is not None:
            return invalid
        repeated = self._repeated(request)
        if repeated is not None:
            return repeated
        call.accepted = True
        await asyncio.sleep(self.answer_delay)
        return JSONResponse({})

    async def _content(self, request: Request) -> Response:
        call = self.record(request, b"", None)
        refused = self._refuse(call, request)
        if refused is not None:
            return refused
        found = self.contents.get(request.path_params["message_id"])
        if found is None:
            return JSONResponse({"message": "Not found"}, status_code=404)
        data, content_type = found
        return Response(data, media_type=content_type)

    async def _profile(self, request: Request) -> Response:
        self.record(request, b"", None)
        user_id = request.path_params["user_id"]
        return JSONResponse({"userId": user_id, "displayName": "ทดสอบ", "language": "th"})


def _actions(message: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(property path, action) for each action on a message: quick replies, Flex footer."""
    found: list[tuple[str, dict[str, Any]]] = []
    for index, item in enumerate((message.get("quickReply") or {}).get("items", [])):
        found.append((f"quickReply.items[{index}].action", item.get("action") or {}))
    footer = (message.get("contents") or {}).get("footer") or {}
    for index, part in enumerate(footer.get("contents", [])):
        if "action" in part:
            found.append((f"contents.footer.contents[{index}].action", part["action"]))
    return found


def _over_limits(payload: Any) -> JSONResponse | None:
    """LINE's 400 for a message beyond its limits, naming each property at fault."""
    messages = payload.get("messages") if isinstance(payload, dict) else None
    if not isinstance(messages, list):
        return None
    details: list[dict[str, str]] = []
    if not 1 <= len(messages) <= MAX_MESSAGES:
        details.append({"message": "Size must be between 1 and 5", "property": "messages"})
    for number, message in enumerate(messages):
        where = f"messages[{number}]"
        if message.get("type") == "text" and len(message.get("text", "")) > MAX_TEXT_CHARS:
            details.append({"message": "Length must be between 0 and 5000", "property": where})
        items = (message.get("quickReply") or {}).get("items", [])
        if len(items) > MAX_QUICK_REPLIES:
            details.append(
                {"message": "Size must be between 1 and 13", "property": f"{where}.quickReply"}
            )
        for path, action in _actions(message):
            if len(str(action.get("label", ""))) > MAX_LABEL_CHARS:
                details.append(
                    {
                        "message": "Length must be between 0 and 20",
                        "property": f"{where}.{path}.label",
                    }
                )
    if not details:
        return None
    return JSONResponse(
        {"message": f"The request body has {len(details)} error(s)", "details": details},
        status_code=400,
    )


def _sent(messages: list[Any]) -> list[dict[str, str]]:
    return [{"id": str(next(_ids)), "quoteToken": uuid.uuid4().hex} for _ in messages]


# --- webhook bodies, as LINE sends them ----------------------------------------------------


def sign(body: bytes, secret: str = CHANNEL_SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def webhook_body(*events: dict[str, Any]) -> bytes:
    return json.dumps({"destination": "Ubot", "events": list(events)}, ensure_ascii=False).encode()


def event(
    kind: str,
    user_id: str,
    *,
    reply_token: str | None = None,
    event_id: str | None = None,
    redelivery: bool = False,
    group_id: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    source: dict[str, Any] = {"type": "user", "userId": user_id}
    if group_id:
        source = {"type": "group", "groupId": group_id, "userId": user_id}
    data: dict[str, Any] = {
        "type": kind,
        "mode": "active",
        "timestamp": int(time.time() * 1000),
        "source": source,
        "webhookEventId": event_id or f"01H{uuid.uuid4().hex[:23].upper()}",
        "deliveryContext": {"isRedelivery": redelivery},
    }
    if reply_token:
        data["replyToken"] = reply_token
    data.update(fields)
    return data


def _message_id() -> str:
    return str(next(_ids) + 5_000_000)


def text_event(user_id: str, text: str, **kw: Any) -> dict[str, Any]:
    message = {"type": "text", "id": _message_id(), "quoteToken": uuid.uuid4().hex, "text": text}
    return event("message", user_id, message=message, **kw)


def sticker_event(user_id: str, **kw: Any) -> dict[str, Any]:
    message = {
        "type": "sticker",
        "id": _message_id(),
        "quoteToken": uuid.uuid4().hex,
        "packageId": "446",
        "stickerId": "1988",
        "stickerResourceType": "STATIC",
    }
    return event("message", user_id, message=message, **kw)


def image_event(user_id: str, message_id: str, **kw: Any) -> dict[str, Any]:
    message = {
        "type": "image",
        "id": message_id,
        "quoteToken": uuid.uuid4().hex,
        "contentProvider": {"type": "line"},
    }
    return event("message", user_id, message=message, **kw)


def location_event(
    user_id: str, latitude: float, longitude: float, address: str = "", **kw: Any
) -> dict[str, Any]:
    message = {
        "type": "location",
        "id": _message_id(),
        "title": "ตำแหน่งของฉัน",
        "address": address,
        "latitude": latitude,
        "longitude": longitude,
    }
    return event("message", user_id, message=message, **kw)


def postback_event(user_id: str, data: str, **kw: Any) -> dict[str, Any]:
    return event("postback", user_id, postback={"data": data}, **kw)


def follow_event(user_id: str, **kw: Any) -> dict[str, Any]:
    return event("follow", user_id, follow={"isUnblocked": False}, **kw)
