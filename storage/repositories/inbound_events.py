"""Durable chat intake: store each platform event once, mark how it ended, and blank the events
of a citizen who asked to be erased."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import asyncpg
from sqlalchemy import String, cast, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Channel, EventStatus, InboundEvent
from storage.upsert import (
    insert_many_new,
    insert_new_rows_returning,
    insert_one_if_new,
)

_TABLE = InboundEvent.__table__  # type: ignore[attr-defined]
_column = _TABLE.c


async def store_if_new(
    session: AsyncSession,
    *,
    channel: Channel,
    external_id: str,
    event_type: str,
    payload: dict[str, Any],
    raw_body: str,
    is_redelivery: bool,
    received_at: datetime,
) -> int | None:
    """Insert the event unless (channel, external_id) exists; the new id, or None if it did."""
    row = {
        "channel": Channel(channel).value,
        "external_id": external_id,
        "event_type": event_type,
        "payload": payload,
        "raw_body": raw_body,
        "is_redelivery": is_redelivery,
        "status": EventStatus.PENDING.value,
        "attempts": 0,
        "received_at": received_at,
    }
    new_id: int | None = await insert_one_if_new(session, _TABLE, row, returning=_TABLE.c.id)
    return new_id


async def store_all_if_new(
    session: AsyncSession,
    *,
    channel: Channel,
    events: Sequence[Mapping[str, Any]],
    received_at: datetime,
) -> list[int]:
    """Insert the events (external_id, event_type, payload, raw_body, is_redelivery) not seen
    before, in one statement; the new ids in the order the events came."""
    rows = [
        {
            **event,
            "channel": Channel(channel).value,
            "status": EventStatus.PENDING.value,
            "attempts": 0,
            "received_at": received_at,
        }
        for event in events
    ]
    new_ids = await insert_many_new(session, _TABLE, rows, returning=_column.id)
    return sorted(int(i) for i in new_ids)  # ids grow in insert order


async def store_batches_if_new(
    session: AsyncSession,
    *,
    batches: Sequence[tuple[Channel, Sequence[Mapping[str, Any]]]],
    received_at: datetime,
) -> list[list[int]]:
    """Store several webhooks' events (as `store_all_if_new` takes them) in this session's
    transaction; for each webhook the ids of its new rows in order. An event that two of them
    carry (a redelivery racing the first delivery) is new for the first only."""
    rows = [
        {
            **event,
            "channel": Channel(channel).value,
            "status": EventStatus.PENDING.value,
            "attempts": 0,
            "received_at": received_at,
        }
        for channel, events in batches
        for event in events
    ]
    # One statement, sent as executemany: SQLAlchemy splits it into multi-row INSERTs within
    # the database's parameter limit.
    new: dict[tuple[str, str], int] = {
        (str(channel), str(external_id)): int(row_id)
        for row_id, channel, external_id in await insert_new_rows_returning(
            session, _TABLE, rows, _column.id, _column.channel, _column.external_id
        )
    }
    return _new_ids_by_batch(batches, new)


# The same INSERT as `store_batches_if_new`'s for PostgreSQL, written once for asyncpg: one
# prepared statement whatever the batch (the events come as arrays, one per column), with no
# SQLAlchemy execution around it. A second place that knows the columns: `InboundEvent`'s.
# The payload is the event's own JSON text (`raw_body`) read as jsonb, so it is sent once.
_INSERT_UNNEST = f"""
INSERT INTO {_TABLE.name}
    (channel, external_id, event_type, payload, raw_body, is_redelivery, request_id,
     status, attempts, received_at)
SELECT channel, external_id, event_type, raw_body::jsonb, raw_body, is_redelivery, request_id,
       '{EventStatus.PENDING.value}', 0, $7
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[])
    AS event(channel, external_id, event_type, raw_body, is_redelivery, request_id)
ON CONFLICT DO NOTHING
RETURNING id, channel, external_id
"""


async def store_batches_if_new_asyncpg(
    connection: asyncpg.Connection,
    *,
    batches: Sequence[tuple[Channel, Sequence[Mapping[str, Any]]]],
    received_at: datetime,
) -> list[list[int]]:
    """`store_batches_if_new` on PostgreSQL in one statement and one round trip, whatever the
    number of events (atomic by itself: the connection need not be in a transaction). Each
    event's payload is read from its `raw_body`, its own JSON (`bot.event_store.event_rows`)."""
    rows = [(Channel(channel).value, event) for channel, events in batches for event in events]
    returned = await connection.fetch(
        _INSERT_UNNEST,
        [channel for channel, _ in rows],
        [str(event["external_id"]) for _, event in rows],
        [event["event_type"] for _, event in rows],
        [event["raw_body"] for _, event in rows],
        [bool(event["is_redelivery"]) for _, event in rows],
        [event.get("request_id") for _, event in rows],
        received_at,
    )
    new = {(record["channel"], record["external_id"]): int(record["id"]) for record in returned}
    return _new_ids_by_batch(batches, new)


def _new_ids_by_batch(
    batches: Sequence[tuple[Channel, Sequence[Mapping[str, Any]]]],
    new: dict[tuple[str, str], int],
) -> list[list[int]]:
    """For each webhook, the ids of its new rows in order; an event two of them carry is new
    for the first only."""
    found: list[list[int]] = []
    for channel, events in batches:
        keys = [(Channel(channel).value, str(event["external_id"])) for event in events]
        found.append(sorted(i for i in (new.pop(key, None) for key in keys) if i is not None))
    return found


async def get_event(session: AsyncSession, event_id: int) -> InboundEvent | None:
    return await session.get(InboundEvent, event_id)


async def finish(
    session: AsyncSession, event_id: int, *, status: EventStatus, now: datetime
) -> bool:
    """Mark a pending event processed/ignored; False when another worker got there first."""
    result = await session.execute(
        update(_TABLE)
        .where(_column.id == event_id, _column.status == EventStatus.PENDING.value)
        .values(status=status.value, processed_at=now, attempts=_column.attempts + 1)
    )
    return (result.rowcount or 0) == 1  # type: ignore[attr-defined]


async def record_failure(
    session: AsyncSession, event_id: int, *, error: str, max_attempts: int, now: datetime
) -> int:
    """Count a failed attempt, giving up (status `failed`) at `max_attempts`; the attempts so far."""
    await session.execute(
        update(_TABLE)
        .where(_column.id == event_id, _column.status == EventStatus.PENDING.value)
        .values(attempts=_column.attempts + 1, error=error[:2000])
    )
    attempts = int(
        await session.scalar(select(_column.attempts).where(_column.id == event_id)) or 0
    )
    if attempts >= max_attempts:
        await session.execute(
            update(_TABLE)
            .where(_column.id == event_id, _column.status == EventStatus.PENDING.value)
            .values(status=EventStatus.FAILED.value, processed_at=now)
        )
    return attempts


async def pending_ids(
    session: AsyncSession,
    *,
    received_before: datetime,
    channels: Sequence[Channel],
    limit: int = 500,
) -> list[int]:
    """Events of `channels` still waiting (e.g. after a crash), oldest first: received before
    `received_before` and not enqueued again by a recovery pass since then."""
    rows = await session.scalars(
        select(_column.id)
        .where(
            _column.status == EventStatus.PENDING.value,
            _column.received_at < received_before,
            or_(_column.requeued_at.is_(None), _column.requeued_at < received_before),
            _column.channel.in_([Channel(c).value for c in channels]),
        )
        .order_by(_column.received_at, _column.id)
        .limit(limit)
    )
    return [int(i) for i in rows]


async def mark_requeued(session: AsyncSession, ids: Sequence[int], at: datetime) -> None:
    """Note that a recovery pass enqueued these events again at `at`."""
    if ids:
        await session.execute(
            update(InboundEvent).where(_column.id.in_(list(ids))).values(requeued_at=at)
        )


async def forget_citizen_events(
    session: AsyncSession, channel: Channel, channel_user_id: str, pseudonym: str
) -> int:
    """Blank the raw events that carry this platform id: an event of this person loses its
    payload, any body that names them is dropped, and a web chat id inside an event id is
    replaced by the pseudonym. The rows stay, so a late redelivery is still recognised."""
    escaped = channel_user_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    needle = f"%{escaped}%"
    in_payload = cast(_column.payload, String).like(needle, escape="\\")
    in_body = _column.raw_body.like(needle, escape="\\")
    in_id = _column.external_id.like(needle, escape="\\")
    statement = select(InboundEvent).where(
        _column.channel == channel.value, in_payload | in_body | in_id
    )
    events = (await session.execute(statement)).scalars().all()
    for event in events:
        if channel_user_id in json.dumps(event.payload, ensure_ascii=False):
            event.payload, event.error = {"erased": True}, None
        # The body may hold other people's events of the same delivery: it goes as a whole.
        event.raw_body = "" if channel_user_id in event.raw_body else event.raw_body
        event.external_id = event.external_id.replace(channel_user_id, pseudonym)
        session.add(event)
    await session.flush()
    return len(events)
