"""Queue a message for delivery: one row per `dedupe_key`, whatever happens twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DeliveryStatus, OutboundMessage, RecipientType
from storage.outbox_wake import mark_outbox_queued
from storage.types import utcnow
from storage.upsert import insert_many_new, insert_one_if_new


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

    Returns the new row's id, or None when the message was already queued (nothing is added).
    `broadcast_key` marks the rows of one broadcast (`queue_broadcast` queues them). The
    session's unit of work wakes delivery when the transaction commits.
    """
    if len(dedupe_key) > 200:
        raise ValueError(f"dedupe_key longer than 200 characters: {dedupe_key[:60]}…")
    row = _row(
        dedupe_key=dedupe_key,
        recipient_type=recipient_type,
        channel=channel,
        target=target,
        kind=kind,
        payload=payload,
        citizen_id=citizen_id,
        agency_id=agency_id,
        board_id=board_id,
        feedback_id=feedback_id,
        broadcast_key=broadcast_key,
    )
    table = OutboundMessage.__table__  # type: ignore[attr-defined]
    new_id: int | None = await insert_one_if_new(session, table, row, returning=table.c.id)
    if new_id is not None:
        mark_outbox_queued(session)  # the unit of work wakes delivery once this commits
    return new_id


@dataclass(frozen=True)
class BroadcastRecipient:
    citizen_id: int
    channel: str
    target: str


async def queue_broadcast(
    session: AsyncSession,
    recipients: Sequence[BroadcastRecipient],
    *,
    kind: str,
    payload: dict[str, Any],
    broadcast_key: str,
) -> int:
    """Queue one message to many citizens (dedupe key `<broadcast_key>:citizen:<id>`) in one
    batched insert; returns how many were new (those who had it already are left alone)."""
    table = OutboundMessage.__table__  # type: ignore[attr-defined]
    rows = [
        _row(
            dedupe_key=f"{broadcast_key}:citizen:{person.citizen_id}",
            recipient_type=RecipientType.CITIZEN,
            channel=person.channel,
            target=person.target,
            kind=kind,
            payload=payload,
            citizen_id=person.citizen_id,
            broadcast_key=broadcast_key,
        )
        for person in recipients
    ]
    queued = len(await insert_many_new(session, table, rows, returning=table.c.id))
    if queued:
        mark_outbox_queued(session)
    return queued


def _row(
    *,
    dedupe_key: str,
    recipient_type: RecipientType,
    channel: str,
    target: str,
    kind: str,
    payload: dict[str, Any],
    citizen_id: int | None = None,
    agency_id: int | None = None,
    board_id: int | None = None,
    feedback_id: int | None = None,
    broadcast_key: str | None = None,
) -> dict[str, Any]:
    now = utcnow()
    return {
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
