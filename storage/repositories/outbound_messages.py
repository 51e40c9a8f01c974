"""Queries for delivering the outbox: due rows, claiming one so it is sent once, the outcome."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from storage.models import Channel, Citizen, DeliveryStatus, OutboundMessage

ERASED_TARGET = "erased"  # where a message to an erased citizen went, once sent
_TABLE = OutboundMessage.__table__  # type: ignore[attr-defined]
_column = _TABLE.c


def _due(now: datetime) -> ColumnElement[bool]:
    """Pending and not leased, or failed with a retry time that has come."""
    return or_(
        and_(
            _column.status == DeliveryStatus.PENDING.value,
            or_(_column.next_attempt_at.is_(None), _column.next_attempt_at <= now),
        ),
        and_(
            _column.status == DeliveryStatus.FAILED.value,
            _column.next_attempt_at.is_not(None),
            _column.next_attempt_at <= now,
        ),
    )


async def due_ids(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int = 100,
    exclude_channels: Sequence[str] = (),
) -> list[int]:
    """Rows ready to (re)send, oldest first (rows of `exclude_channels` are collected elsewhere)."""
    query = select(_column.id).where(_due(now))
    if exclude_channels:
        query = query.where(_column.channel.not_in(list(exclude_channels)))
    rows = await session.scalars(query.order_by(_column.id).limit(limit))
    return [int(i) for i in rows]


async def hold(session: AsyncSession, message_id: int, *, until: datetime) -> None:
    """Keep a pending row away from drains until `until` (its sender will claim it sooner)."""
    await session.execute(
        update(_TABLE)
        .where(_column.id == message_id, _column.status == DeliveryStatus.PENDING.value)
        .values(next_attempt_at=until)
    )


async def claim(
    session: AsyncSession,
    message_id: int,
    *,
    now: datetime,
    lease_until: datetime,
    held: bool = False,
) -> bool:
    """Take the row for one attempt; False when it is not due or another sender took it.

    The guarded UPDATE is the lock: of two racing drains only one sees its row change. `held`
    claims a row this process `hold`-ed for itself, whatever its next attempt time.
    """
    never_tried = and_(_column.status == DeliveryStatus.PENDING.value, _column.attempts == 0)
    result = await session.execute(
        update(_TABLE)
        .where(_column.id == message_id, never_tried if held else _due(now))
        .values(
            status=DeliveryStatus.PENDING.value,
            attempts=_column.attempts + 1,
            next_attempt_at=lease_until,
        )
    )
    return (result.rowcount or 0) == 1  # type: ignore[attr-defined]


async def message_id_for(session: AsyncSession, dedupe_key: str) -> int | None:
    """The row queued under `dedupe_key`, if any."""
    found = await session.scalar(select(_column.id).where(_column.dedupe_key == dedupe_key))
    return int(found) if found is not None else None


async def get_message(session: AsyncSession, message_id: int) -> OutboundMessage | None:
    return await session.get(OutboundMessage, message_id)


async def get_citizen(session: AsyncSession, citizen_id: int) -> Citizen | None:
    return await session.get(Citizen, citizen_id)


async def citizen_id_for(
    session: AsyncSession, *, channel: Channel, platform_user_id: str
) -> int | None:
    """The citizen behind a platform user id, if the conversation created one."""
    citizen = Citizen.__table__.c  # type: ignore[attr-defined]
    found = await session.scalar(
        select(citizen.id).where(
            citizen.channel == Channel(channel).value, citizen.channel_user_id == platform_user_id
        )
    )
    return int(found) if found is not None else None


async def mark_sent(
    session: AsyncSession, message_id: int, *, now: datetime, note: str | None = None
) -> None:
    """Sent; `note` says why when that is inferred rather than seen (kept in `last_error`)."""
    await session.execute(
        update(_TABLE)
        .where(_column.id == message_id)
        .values(
            status=DeliveryStatus.SENT.value, sent_at=now, next_attempt_at=None, last_error=note
        )
    )


async def record_attempt(
    session: AsyncSession,
    message_id: int,
    *,
    retry_key: str,
    reply_token_spent_at: datetime | None,
) -> None:
    """Before calling the platform: the row's retry key, and whether this attempt spends the
    reply token (a spent token clears the last error, so a later attempt can tell a crash)."""
    values: dict[str, object] = {"retry_key": retry_key}
    if reply_token_spent_at is not None:
        values |= {"reply_token_spent_at": reply_token_spent_at, "last_error": None}
    await session.execute(update(_TABLE).where(_column.id == message_id).values(**values))


async def mark_failed(
    session: AsyncSession, message_id: int, *, error: str, retry_at: datetime | None
) -> None:
    """Failed this time; tried again at `retry_at`, or never when it is None."""
    await session.execute(
        update(_TABLE)
        .where(_column.id == message_id)
        .values(
            status=DeliveryStatus.FAILED.value, last_error=error[:2000], next_attempt_at=retry_at
        )
    )


async def mark_skipped(session: AsyncSession, message_id: int, *, reason: str) -> None:
    await session.execute(
        update(_TABLE)
        .where(_column.id == message_id)
        .values(status=DeliveryStatus.SKIPPED.value, last_error=reason[:2000], next_attempt_at=None)
    )


async def replace_payload(session: AsyncSession, message_id: int, payload: dict[str, Any]) -> None:
    """A settled row's payload, cut down to what is worth keeping."""
    await session.execute(update(_TABLE).where(_column.id == message_id).values(payload=payload))


async def forget_recipient(session: AsyncSession, message_id: int) -> None:
    """A settled message whose recipient asked to be erased: no platform id, no content."""
    await session.execute(
        update(_TABLE)
        .where(_column.id == message_id)
        .values(target=ERASED_TARGET, payload={"erased": True})
    )
