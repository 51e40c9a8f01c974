"""Chat platform webhooks: verify, store every event raw, acknowledge, and only then process.

The acknowledge path does the least it can: size check, signature or secret check, JSON split,
one INSERT … ON CONFLICT DO NOTHING for its events, shared with the webhooks arriving
alongside (`bot.event_store`, which enqueues the new ids once they are answered).

The two webhooks are plain Starlette routes, tried before every FastAPI route: a FastAPI
endpoint solves its dependencies and opens two exit stacks and an exception wrapper on every
request, about a tenth of a production web process's time in a burst of webhooks (py-spy,
bench/webhook_burst.py), for an endpoint that takes nothing but its body. The app's middlewares
(request ids, security headers, the body limit) and error handlers apply as to every route;
the OpenAPI document describes them with `OPENAPI_PATHS`, since FastAPI documents only its own.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from bot.channels.base import WebhookRejectedError
from bot.messages import Channel
from bot.runtime import ChatRuntime
from services.runtime import runtime_of

logger = logging.getLogger(__name__)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def receive(request: Request, runtime: ChatRuntime, channel: Channel) -> JSONResponse:
    """Shared intake for every platform webhook: the runtime's adapters, database and queue."""
    adapter = runtime.channels.get(channel)
    if adapter is None:
        return _error(404, "channel_not_configured", f"{channel.value} is not configured here")
    # The app's RequestBodyLimit middleware has already held the body to the webhook ceiling
    # (413 on its Content-Length or as it streams), so reading it whole here is bounded.
    body = await request.body()
    try:
        adapter.verify(body, request.headers)
        events = adapter.split(body)
    except WebhookRejectedError as rejected:
        logger.warning("webhook rejected", extra={"channel": channel.value, "code": rejected.code})
        return _error(rejected.status_code, rejected.code, rejected.message)
    # No cap on events: a signed body is the platform's, and refusing it loses what it carries
    # (LINE does not redeliver a 4xx). The byte limit bounds the work: a 1 MB body of 2,500
    # events is stored in one INSERT and acknowledged in about half a second (bench/).
    # The store enqueues the new events once this answer is on its way: the rows are stored,
    # so the platform need not wait for the queue.
    new_ids = await runtime.event_store.store(channel, events)
    return JSONResponse({"received": len(events), "new": len(new_ids)})


class Webhook:
    """The ASGI endpoint of one platform's webhook: store its events; answer 200 once they are
    safely stored."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    async def __call__(self, scope: Scope, receive_message: Receive, send: Send) -> None:
        request = Request(scope, receive_message)
        runtime = runtime_of(request.app, ChatRuntime)  # type: ignore[type-abstract]
        response = await receive(request, runtime, self.channel)
        await response(scope, receive_message, send)


def routes() -> list[Route]:
    """The webhooks' routes, to be put ahead of the app's others (`siang.app`)."""
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
