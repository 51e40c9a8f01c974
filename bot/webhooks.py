"""Chat platform webhooks: verify, store every event raw, acknowledge, and only then process.

The acknowledge path does the least it can: size check, signature or secret check, JSON split,
one INSERT … ON CONFLICT DO NOTHING for its events, shared with the webhooks arriving
alongside (`bot.event_store`, which enqueues the new ids once they are answered).

The two webhooks are plain ASGI endpoints, not FastAPI ones: a FastAPI endpoint solves its
dependencies and opens two exit stacks and an exception wrapper on every request, about a tenth
of a production web process's time in a burst of webhooks (py-spy, bench/webhook_burst.py), for
an endpoint that takes nothing but its body. A POST to either is a fast route
(`siang.fast_routes`): it skips the app's middleware stack and router, and gets what they would
give it from the same `siang.edge.Edge` (request id, security headers, body limit) and the app's
error handlers. Their routes are also ordinary Starlette routes, tried before every FastAPI
route (other methods: 405 naming POST); the OpenAPI document describes them with
`OPENAPI_PATHS`, since FastAPI documents only its own.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from bot.channels.base import WebhookRejectedError
from bot.messages import Channel
from bot.runtime import ChatRuntime
from services.runtime import runtime_of

logger = logging.getLogger(__name__)

_JSON = (b"content-type", b"application/json")


def _error(code: str, message: str) -> bytes:
    return _json({"error": {"code": code, "message": message}})


def _json(content: dict[str, Any]) -> bytes:
    """The bytes Starlette's JSONResponse would send for `content`."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


async def receive(
    body: bytes, headers: Headers, runtime: ChatRuntime, channel: Channel
) -> tuple[int, bytes]:
    """Shared intake for every platform webhook, with the runtime's adapters, database and
    queue: the answer's status and JSON body."""
    adapter = runtime.channels.get(channel)
    if adapter is None:
        return 404, _error("channel_not_configured", f"{channel.value} is not configured here")
    try:
        adapter.verify(body, headers)
        events = adapter.split(body)
    except WebhookRejectedError as rejected:
        logger.warning("webhook rejected", extra={"channel": channel.value, "code": rejected.code})
        return rejected.status_code, _error(rejected.code, rejected.message)
    # No cap on events: a signed body is the platform's, and refusing it loses what it carries
    # (LINE does not redeliver a 4xx). The byte limit bounds the work: a 1 MB body of 2,500
    # events is stored in one INSERT and acknowledged in about half a second (bench/).
    # The store enqueues the new events once this answer is on its way: the rows are stored,
    # so the platform need not wait for the queue.
    new_ids = await runtime.event_store.store(channel, events)
    return 200, b'{"received":%d,"new":%d}' % (len(events), len(new_ids))


async def _body(receive_message: Receive) -> bytes:
    """The whole body. The app's `Edge` holds it to the webhook ceiling (413 on its
    Content-Length or as it streams), so reading it whole here is bounded."""
    chunks = []
    while True:
        message: Message = await receive_message()
        if message["type"] == "http.disconnect":  # hung up before its body was whole
            raise ClientDisconnect
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


class Webhook:
    """The ASGI endpoint of one platform's webhook: store its events; answer 200 once they are
    safely stored. It builds its answer's two messages itself (no Request, no JSONResponse)."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    async def __call__(self, scope: Scope, receive_message: Receive, send: Send) -> None:
        runtime = runtime_of(scope["app"], ChatRuntime)  # type: ignore[type-abstract]
        body = await _body(receive_message)
        status, answer = await receive(body, Headers(scope=scope), runtime, self.channel)
        headers = [(b"content-length", str(len(answer)).encode()), _JSON]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": answer})


def routes() -> list[Route]:
    """The webhooks' routes, to be put ahead of the app's others (`siang.app`), which also
    takes them as fast routes (`siang.fast_routes`)."""
    return [
        Route("/webhooks/line", Webhook(Channel.LINE), methods=["POST"], name="line_webhook"),
        Route(
            "/webhooks/telegram",
            Webhook(Channel.TELEGRAM),
            methods=["POST"],
            name="telegram_webhook",
        ),
    ]


def _operation(operation_id: str, summary: str, description: str) -> dict[str, Any]:
    answer = {
        "type": "object",
        "required": ["received", "new"],
        "properties": {
            "received": {"type": "integer", "description": "Events in the body."},
            "new": {"type": "integer", "description": "Events not stored before."},
        },
    }
    return {
        "post": {
            "tags": ["chat webhooks"],
            "summary": summary,
            "description": description,
            "operationId": operation_id,
            "responses": {
                "200": {
                    "description": "Stored (a redelivered event is not stored again).",
                    "content": {"application/json": {"schema": answer}},
                }
            },
        }
    }


# The errors each answers are declared with every other operation's (`siang.openapi`).
OPENAPI_PATHS: dict[str, dict[str, Any]] = {
    "/webhooks/line": _operation(
        "line_webhook_webhooks_line_post",
        "LINE Messaging API webhook (X-Line-Signature verified)",
        "Store LINE events; answer 200 once they are safely stored.",
    ),
    "/webhooks/telegram": _operation(
        "telegram_webhook_webhooks_telegram_post",
        "Telegram Bot API webhook (secret token verified)",
        "Store a Telegram update; answer 200 once it is safely stored.",
    ),
}
