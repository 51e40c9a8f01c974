"""Queue a message for delivery: one row per `dedupe_key`, whatever happens twice."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DeliveryStatus, OutboundMessage, RecipientType
from storage.outbox_wake import mark_outbox_queued
from storage.types import utcnow
from storage.upsert import insert_one_if_new


async def queue_message(
    session: AsyncSession,
    *,
    recipient_type: RecipientType,
    channel: str,
    target: str,
    kind: str,
    payload: dict[str, Any],
    dedupe_key: str,
    citizen_id: int | None = None,
    agency_id: int | None = None,
    board_id: int | None = None,
    feedback_id: int | None = None,
    broadcast_key: str | None = None,
) -> int | None:
    """Add a pending message unless one with the same `dedupe_key` exists.

    `broadcast_key` marks the rows of one broadcast (one consultation to its subscribers):
    delivery sends those of a platform with multicast together. Returns the new row's id, or None when the message was already queued (nothing is added).
    The session's unit of work wakes delivery when the transaction commits.
    """
    if len(dedupe_key) > 200:
        raise ValueError(f"dedupe_key longer than 200 characters: {dedupe_key[:60]}…")
    now = utcnow()
    row = {
        "dedupe_key": dedupe_key,
        "recipient_type": RecipientType(recipient_type).value,
        "citizen_id": citizen_id,
        "agency_id": agency_id,
        "board_id": board_id,
        "feedback_id": feedback_id,
        "broadcast_key": broadcast_key,
        "channel": str(channel),
        "target": target,
        "kind": kind,
        "payload": payload,
        "status": DeliveryStatus.PENDING.value,
        "attempts": 0,
        "created_at": now,
        "next_attempt_at": now,
    }
    table = OutboundMessage.__table__  # type: ignore[attr-defined]
    new_id: int | None = await insert_one_if_new(session, table, row, returning=table.c.id)
    if new_id is not None:
        mark_outbox_queued(session)  # the unit of work wakes delivery once this commits
    return new_id
