"""The outbox: due rows, claiming one so it is sent once, the outcome, and a citizen's messages
(settled when the conversation answered, counted, read for a copy of their data, erased)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from storage.models import Channel, Citizen, DeliveryStatus, OutboundMessage, RecipientType

ANSWERED_IN_CONVERSATION = "answered in the conversation"
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


@dataclass(frozen=True)
class DueRow:
    """What delivery needs to know of a due row to tell a single send from a broadcast batch."""

    id: int
    channel: str
    target: str
    broadcast_key: str | None
    retry_key: str | None


async def due_rows(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int = 100,
    exclude_channels: Sequence[str] = (),
) -> list[DueRow]:
    """Rows ready to (re)send, oldest first, with their channel and broadcast."""
    query = select(
        _column.id, _column.channel, _column.target, _column.broadcast_key, _column.retry_key
    ).where(_due(now))
    if exclude_channels:
        query = query.where(_column.channel.not_in(list(exclude_channels)))
    rows = await session.execute(query.order_by(_column.id).limit(limit))
    return [DueRow(int(r.id), r.channel, r.target, r.broadcast_key, r.retry_key) for r in rows]


async def claim_broadcast(
    session: AsyncSession,
    *,
    broadcast_key: str,
    channel: str,
    retry_key: str | None,
    now: datetime,
    lease_until: datetime,
    limit: int,
) -> list[int]:
    """Take up to `limit` due rows of one broadcast and channel for one batch; their ids.

    Rows never tried in a batch (`retry_key` None) form new batches; rows a batch already tried
    are taken again only with that batch (the same `retry_key`), so a retried or resumed batch
    repeats the very call the platform may have taken. The due condition is checked again by
    the UPDATE itself: of two racing drains, each row goes to one.
    """
    same_batch = (
        _column.retry_key.is_(None) if retry_key is None else _column.retry_key == retry_key
    )
    batch = (
        select(_column.id)
        .where(
            _column.broadcast_key == broadcast_key,
            _column.channel == channel,
            same_batch,
            _due(now),
        )
        .order_by(_column.id)
        .limit(limit)
        .scalar_subquery()
    )
    result = await session.execute(
        update(_TABLE)
        .where(_column.id.in_(batch), _due(now))
        .values(
            status=DeliveryStatus.PENDING.value,
            attempts=_column.attempts + 1,
            next_attempt_at=lease_until,
        )
        .returning(_column.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(int(i) for i in result.scalars())


async def messages_by_id(session: AsyncSession, ids: Sequence[int]) -> list[OutboundMessage]:
    statement = select(OutboundMessage).where(_column.id.in_(list(ids))).order_by(_column.id)
    return list((await session.execute(statement)).scalars())


async def citizens_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Citizen]:
    citizen = Citizen.__table__.c  # type: ignore[attr-defined]
    statement = select(Citizen).where(citizen.id.in_(list(set(ids))))
    return {c.id: c for c in (await session.execute(statement)).scalars() if c.id is not None}


async def record_batch_attempt(
    session: AsyncSession, ids: Sequence[int], *, retry_key: str, now: datetime
) -> None:
    """Before one call for many rows: the batch's retry key and the moment the call began."""
    await session.execute(
        update(_TABLE)
        .where(_column.id.in_(list(ids)))
        .values(retry_key=retry_key, sending_since=now)
        .execution_options(synchronize_session=False)
    )


async def split_broadcast(session: AsyncSession, ids: Sequence[int], *, now: datetime) -> None:
    """Rows a platform refused as one batch go out one by one instead (due at once)."""
    await session.execute(
        update(_TABLE)
        .where(_column.id.in_(list(ids)))
        .values(
            broadcast_key=None,
            retry_key=None,
            sending_since=None,
            status=DeliveryStatus.PENDING.value,
            next_attempt_at=now,
        )
        .execution_options(synchronize_session=False)
    )


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


def _rows(message_ids: int | Sequence[int]) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = (
        _column.id == message_ids
        if isinstance(message_ids, int)
        else _column.id.in_(list(message_ids))
    )
    return condition


async def mark_sent(
    session: AsyncSession,
    message_ids: int | Sequence[int],
    *,
    now: datetime,
    note: str | None = None,
) -> None:
    """Sent; `note` says why when that is inferred rather than seen (kept in `last_error`)."""
    await session.execute(
        update(_TABLE)
        .where(_rows(message_ids))
        .values(
            status=DeliveryStatus.SENT.value,
            sent_at=now,
            next_attempt_at=None,
            last_error=note,
            sending_since=None,
        )
        .execution_options(synchronize_session=False)
    )


async def record_attempt(
    session: AsyncSession,
    message_id: int,
    *,
    retry_key: str,
    reply_token_spent_at: datetime | None,
    now: datetime,
    lease_until: datetime | None = None,
) -> None:
    """Before calling the platform: the row's retry key, when the call began, and whether this
    attempt spends the reply token (a spent token clears the last error, so a later attempt can
    tell a crash); `lease_until` shortens the claim, so a crash is retried sooner."""
    values: dict[str, object] = {"retry_key": retry_key, "sending_since": now}
    if lease_until is not None:
        values["next_attempt_at"] = lease_until
    if reply_token_spent_at is not None:
        values |= {"reply_token_spent_at": reply_token_spent_at, "last_error": None}
    await session.execute(update(_TABLE).where(_column.id == message_id).values(**values))


async def mark_failed(
    session: AsyncSession,
    message_ids: int | Sequence[int],
    *,
    error: str,
    retry_at: datetime | None,
) -> None:
    """Failed this time; tried again at `retry_at`, or never when it is None."""
    await session.execute(
        update(_TABLE)
        .where(_rows(message_ids))
        .values(
            status=DeliveryStatus.FAILED.value,
            last_error=error[:2000],
            next_attempt_at=retry_at,
            sending_since=None,
        )
        .execution_options(synchronize_session=False)
    )


async def mark_skipped(
    session: AsyncSession, message_ids: int | Sequence[int], *, reason: str
) -> None:
    await session.execute(
        update(_TABLE)
        .where(_rows(message_ids))
        .values(
            status=DeliveryStatus.SKIPPED.value,
            last_error=reason[:2000],
            next_attempt_at=None,
            sending_since=None,
        )
        .execution_options(synchronize_session=False)
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


async def settle_answered_in_conversation(
    session: AsyncSession, *, feedback_id: int, citizen_id: int, kind: str
) -> int:
    """Settle a queued citizen message that went out as the conversation's own reply
    (skipped, with `ANSWERED_IN_CONVERSATION` as the reason), so it is not sent twice."""
    result = await session.execute(
        update(_TABLE)
        .where(
            _column.feedback_id == feedback_id,
            _column.citizen_id == citizen_id,
            _column.kind == kind,
            _column.recipient_type == RecipientType.CITIZEN.value,
            _column.status == DeliveryStatus.PENDING.value,
        )
        .values(status=DeliveryStatus.SKIPPED.value, last_error=ANSWERED_IN_CONVERSATION)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def about_items(
    session: AsyncSession, feedback_ids: Sequence[int]
) -> Sequence[OutboundMessage]:
    statement = select(OutboundMessage).where(_column.feedback_id.in_(list(feedback_ids)))
    return (await session.execute(statement)).scalars().all()


async def count_sent_to(session: AsyncSession, citizen_id: int) -> int:
    """Messages sent to the citizen (replies, status changes, questions about a fix)."""
    statement = select(func.count()).where(
        _column.citizen_id == citizen_id, _column.status == DeliveryStatus.SENT.value
    )
    return int((await session.execute(statement)).scalar_one())


async def forget_citizen(session: AsyncSession, citizen: Citizen, pseudonym: str) -> None:
    """The citizen's messages lose their platform id and their content; nothing pending goes
    out (the erasure's own answer is queued after this, and forgets its target once sent)."""
    assert citizen.id is not None
    await session.flush()  # changes made to loaded rows first; these updates win
    theirs = (_column.citizen_id == citizen.id) | (
        (_column.channel == citizen.channel.value) & (_column.target == citizen.channel_user_id)
    )
    await session.execute(
        update(_TABLE)
        .where(
            theirs,
            _column.status.in_([DeliveryStatus.PENDING.value, DeliveryStatus.FAILED.value]),
        )
        .values(status=DeliveryStatus.SKIPPED.value, last_error="citizen erased")
    )
    await session.execute(
        update(_TABLE)
        .where(theirs)
        .values(target=pseudonym, payload={"erased": True}, next_attempt_at=None)
        .execution_options(synchronize_session=False)
    )
