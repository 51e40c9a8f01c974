"""What the operators' /metrics reads: the intake's and the outbox's rows counted by state.

Read at each scrape from the tables every process writes, so one scrape of any web process is
right however many web processes and workers share the database, and a redelivered event,
stored once, is counted once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import EventStatus, InboundEvent, OutboundMessage

_events = InboundEvent.__table__.c  # type: ignore[attr-defined]
_outbox = OutboundMessage.__table__.c  # type: ignore[attr-defined]


async def event_counts(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(channel, status, events) for every stored inbound event."""
    rows = await session.execute(
        select(_events.channel, _events.status, func.count()).group_by(
            _events.channel, _events.status
        )
    )
    return [(str(channel), str(status), int(count)) for channel, status, count in rows]


async def oldest_pending_received_at(session: AsyncSession) -> datetime | None:
    """When the oldest event still waiting to be processed arrived (None: nothing waits)."""
    oldest: datetime | None = await session.scalar(
        select(func.min(_events.received_at)).where(_events.status == EventStatus.PENDING.value)
    )
    return oldest


async def recent_processing_times(
    session: AsyncSession, *, since: datetime, limit: int = 10_000
) -> list[tuple[datetime, datetime]]:
    """(received_at, processed_at) of the events received since `since` and finished, newest
    first (at most `limit`)."""
    rows = await session.execute(
        select(_events.received_at, _events.processed_at)
        .where(
            _events.status.in_([EventStatus.PROCESSED.value, EventStatus.IGNORED.value]),
            _events.received_at >= since,
            _events.processed_at.is_not(None),
        )
        .order_by(_events.received_at.desc())
        .limit(limit)
    )
    return [(received, processed) for received, processed in rows]


async def outbox_counts(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(channel, status, messages) for every outbox row."""
    rows = await session.execute(
        select(_outbox.channel, _outbox.status, func.count()).group_by(
            _outbox.channel, _outbox.status
        )
    )
    return [(str(channel), str(status), int(count)) for channel, status, count in rows]
