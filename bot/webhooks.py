"""Chat platform webhooks: verify, store every event raw, acknowledge, and only then process.

The acknowledge path does the least it can: size check, signature or secret check, JSON split,
one INSERT … ON CONFLICT DO NOTHING for its events in a transaction shared with the webhooks
arriving alongside (`bot.event_store`, which enqueues the new ids once they are answered).
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.channels.base import WebhookRejectedError
from bot.dependencies import RuntimeDep
from bot.messages import Channel
from bot.runtime import ChatRuntime

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["chat webhooks"])


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


@router.post("/line", summary="LINE Messaging API webhook (X-Line-Signature verified)")
async def line_webhook(request: Request, runtime: RuntimeDep) -> JSONResponse:
    """Store LINE events; answer 200 once they are safely stored."""
    return await receive(request, runtime, Channel.LINE)


@router.post("/telegram", summary="Telegram Bot API webhook (secret token verified)")
async def telegram_webhook(request: Request, runtime: RuntimeDep) -> JSONResponse:
    """Store a Telegram update; answer 200 once it is safely stored."""
    return await receive(request, runtime, Channel.TELEGRAM)
