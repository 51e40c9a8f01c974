"""Queries for the web chat: its stored events, and the messages it collects by polling."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Channel, DeliveryStatus, InboundEvent, OutboundMessage
from storage.repositories.outbound_messages import ANSWERED_IN_CONVERSATION

CHAT_REPLY = "chat_reply"  # answers sent in the HTTP response, never polled


async def event_by_external_id(session: AsyncSession, external_id: str) -> InboundEvent | None:
    statement = select(InboundEvent).where(
        col(InboundEvent.channel) == Channel.WEB, col(InboundEvent.external_id) == external_id
    )
    return (await session.exec(statement)).first()


async def pushed_messages(
    session: AsyncSession, *, target: str, after: int, limit: int = 20
) -> Sequence[OutboundMessage]:
    """Notifications queued for one web chat since message id `after`, oldest first."""
    statement = (
        select(OutboundMessage)
        .where(
            col(OutboundMessage.channel) == Channel.WEB.value,
            col(OutboundMessage.target) == target,
            col(OutboundMessage.id) > after,
            col(OutboundMessage.kind) != CHAT_REPLY,
            func.coalesce(col(OutboundMessage.last_error), "") != ANSWERED_IN_CONVERSATION,
        )
        .order_by(col(OutboundMessage.id))
        .limit(limit)
    )
    return (await session.exec(statement)).all()


async def latest_message_id(session: AsyncSession, *, target: str) -> int:
    statement = select(func.max(col(OutboundMessage.id))).where(
        col(OutboundMessage.channel) == Channel.WEB.value, col(OutboundMessage.target) == target
    )
    return int((await session.exec(statement)).one() or 0)


async def mark_collected(
    session: AsyncSession, message_ids: Sequence[int], *, now: datetime
) -> None:
    """The web chat fetched these: they count as sent."""
    if not message_ids:
        return
    await session.exec(
        update(OutboundMessage)
        .where(
            col(OutboundMessage.id).in_(list(message_ids)),
            col(OutboundMessage.status) != DeliveryStatus.SENT.value,
        )
        .values(status=DeliveryStatus.SENT.value, sent_at=now, last_error=None)
    )
