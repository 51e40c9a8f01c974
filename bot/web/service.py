"""The web chat's intake: store each message durably (idempotent by the client's message id),
answer it through the conversation engine in the same request, and remember the answer so a
retried request gets the same reply instead of a second one."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from bot.intake import ConversationHandler
from bot.messages import Inbound, Outgoing, outgoing_to_json
from bot.texts import language_of, text
from storage.database import Database
from storage.models import Channel, EventStatus, InboundEvent
from storage.repositories import inbound_events, web_chat
from storage.types import utcnow

logger = logging.getLogger(__name__)


def external_id(session: str, client_id: str) -> str:
    return f"{session}:{client_id}"


async def receive(
    database: Database,
    engine: ConversationHandler,
    inbound: Inbound,
    *,
    now: datetime | None = None,
) -> tuple[list[dict[str, Any]], bool]:
    """(the answer as JSON messages, whether this was a repeat of a stored message)."""
    now = now or utcnow()
    payload: dict[str, Any] = {
        "user_id": inbound.user_id,
        "kind": inbound.kind.value,
        "text": inbound.text,
        "postback": inbound.postback,
        "latitude": inbound.latitude,
        "longitude": inbound.longitude,
        "media": None
        if inbound.media is None
        else {"storage_key": inbound.media.storage_key, "sha256": inbound.media.sha256},
        "language": inbound.language,
    }
    async with database.unit_of_work() as session:
        event_id = await inbound_events.store_if_new(
            session,
            channel=Channel.WEB,
            external_id=inbound.external_id,
            event_type=inbound.kind.value,
            payload=payload,
            raw_body=json.dumps(payload, ensure_ascii=False),
            is_redelivery=False,
            received_at=now,
        )
    if event_id is None:
        return await _stored_answer(database, inbound.external_id), True
    try:
        async with database.unit_of_work() as session:
            replies = [outgoing_to_json(m) for m in await engine.handle(session, inbound, now=now)]
            event = await session.get(InboundEvent, event_id)
            assert event is not None
            erased = event.payload.get("erased") is True  # this message asked for erasure
            event.payload = {"erased": True} if erased else {**payload}
            event.payload["replies"] = replies
            event.status, event.processed_at, event.attempts = EventStatus.PROCESSED, now, 1
            session.add(event)
    except Exception as error:  # the citizen gets an apology, never a trace
        logger.exception("web chat message failed", extra={"event_id": event_id})
        async with database.unit_of_work() as session:
            await inbound_events.record_failure(
                session, event_id, error=repr(error), max_attempts=1, now=now
            )
        return [
            outgoing_to_json(Outgoing(text=text(language_of(inbound.language), "error")))
        ], False
    return replies, False


async def _stored_answer(database: Database, external: str) -> list[dict[str, Any]]:
    async with database.unit_of_work() as session:
        event = await web_chat.event_by_external_id(session, external)
    if event is None or event.status is not EventStatus.PROCESSED:
        return []
    replies = event.payload.get("replies")
    return list(replies) if isinstance(replies, list) else []
