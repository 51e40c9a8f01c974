"""Queries behind the weekly digests: their subjects, the week's items, subscriptions, and what
was queued for whom (with its outbox row's state)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select as sa_select
from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    ActorType,
    Agency,
    Board,
    BoardLevel,
    DeliveryStatus,
    DigestDelivery,
    DigestSubscription,
    District,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    NotifyChannel,
    OutboundMessage,
    Province,
    StatusChange,
    Urgency,
)
from storage.repositories.feedback_queue import OPEN_STATUSES, FeedbackScope
from storage.upsert import insert_ignoring_conflicts


@dataclass(frozen=True)
class DigestItem:
    """What a digest may show of an item: never the original text, only the redacted one."""

    id: int
    reference: str
    category: str | None
    district_code: str | None
    district_name: str | None
    kind: FeedbackKind
    status: FeedbackStatus
    urgency: Urgency
    redacted_text: str
    duplicate_of_id: int | None
    created_at: datetime
    due_at: datetime | None
    resolved_at: datetime | None
    rating: int | None
    citizen_confirmed_fix: bool | None
    reopen_count: int


@dataclass(frozen=True)
class DigestDeliveryState:
    """A digest queued for one recipient, and where its outbox row stands."""

    dedupe_key: str
    week: str
    board_id: int | None
    agency_id: int | None
    channel: NotifyChannel
    target: str
    status: DeliveryStatus
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    sent_at: datetime | None


_DELIVERY_COLUMNS = (
    DigestDelivery.dedupe_key,
    DigestDelivery.week,
    DigestDelivery.board_id,
    DigestDelivery.agency_id,
    DigestDelivery.channel,
    DigestDelivery.target,
    OutboundMessage.status,
    OutboundMessage.attempts,
    OutboundMessage.last_error,
    OutboundMessage.next_attempt_at,
    OutboundMessage.sent_at,
)

_ITEM_COLUMNS = (
    FeedbackItem.id,
    FeedbackItem.reference,
    FeedbackItem.category,
    FeedbackItem.district_code,
    District.name_th,
    FeedbackItem.kind,
    FeedbackItem.status,
    FeedbackItem.urgency,
    FeedbackItem.redacted_text,
    FeedbackItem.duplicate_of_id,
    FeedbackItem.created_at,
    FeedbackItem.due_at,
    FeedbackItem.resolved_at,
    FeedbackItem.rating,
    FeedbackItem.citizen_confirmed_fix,
    FeedbackItem.reopen_count,
)


class DigestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def province_boards(self) -> Sequence[tuple[Board, Province]]:
        """Every provincial board with its province, by province code."""
        statement = (
            select(Board, Province)
            .join(Province, col(Board.province_code) == Province.code)
            .where(col(Board.level) == BoardLevel.PROVINCE, col(Board.district_code).is_(None))
            .order_by(col(Province.code))
        )
        return [(board, province) for board, province in (await self.session.exec(statement))]

    async def _items(self, *conditions: object, limit: int | None = None) -> list[DigestItem]:
        statement = (
            sa_select(*_ITEM_COLUMNS)  # type: ignore[call-overload]
            .join(District, col(FeedbackItem.district_code) == District.code, isouter=True)
            .where(*conditions)
            .order_by(col(FeedbackItem.created_at), col(FeedbackItem.id))
        )
        if limit is not None:
            statement = statement.limit(limit)
        return [DigestItem(*row) for row in (await self.session.execute(statement)).all()]

    async def filed(
        self, *, scope: FeedbackScope, start: datetime, end: datetime
    ) -> list[DigestItem]:
        """Items filed in [start, end)."""
        created_at = col(FeedbackItem.created_at)
        return await self._items(scope.condition(), created_at >= start, created_at < end)

    async def by_ids(self, ids: Sequence[int]) -> list[DigestItem]:
        return await self._items(col(FeedbackItem.id).in_(ids)) if ids else []

    async def overdue(self, *, scope: FeedbackScope, at: datetime) -> list[DigestItem]:
        """Items still open whose due date passed before `at`, most overdue first."""
        found = await self._items(
            scope.condition(),
            col(FeedbackItem.status).in_(OPEN_STATUSES),
            col(FeedbackItem.due_at) < at,
        )
        return sorted(found, key=lambda item: (item.due_at or at, item.id))

    async def fixed(
        self, *, scope: FeedbackScope, start: datetime, end: datetime
    ) -> list[DigestItem]:
        """Items resolved in [start, end) that are still resolved (or closed since)."""
        resolved_at = col(FeedbackItem.resolved_at)
        return await self._items(
            scope.condition(),
            col(FeedbackItem.status).in_((FeedbackStatus.RESOLVED, FeedbackStatus.CLOSED)),
            resolved_at >= start,
            resolved_at < end,
        )

    async def closed_without_fix(
        self, *, scope: FeedbackScope, start: datetime, end: datetime
    ) -> int:
        """Items rejected, or closed unresolved, by a status change in [start, end)."""
        statement = (
            sa_select(col(FeedbackItem.id))
            .join(StatusChange, col(StatusChange.feedback_id) == FeedbackItem.id)
            .where(
                scope.condition(),
                col(FeedbackItem.resolved_at).is_(None),
                col(FeedbackItem.status).in_((FeedbackStatus.REJECTED, FeedbackStatus.CLOSED)),
                col(StatusChange.to_status).in_((FeedbackStatus.REJECTED, FeedbackStatus.CLOSED)),
                col(StatusChange.created_at) >= start,
                col(StatusChange.created_at) < end,
            )
            .distinct()
        )
        return len((await self.session.execute(statement)).all())

    async def reopened(self, *, scope: FeedbackScope, start: datetime, end: datetime) -> int:
        """Reopenings by citizens in [start, end) (status changes made by a citizen)."""
        statement = (
            sa_select(col(StatusChange.id))
            .join(FeedbackItem, col(StatusChange.feedback_id) == FeedbackItem.id)
            .where(
                scope.condition(),
                col(StatusChange.actor_type) == ActorType.CITIZEN,
                col(StatusChange.from_status).in_((FeedbackStatus.RESOLVED, FeedbackStatus.CLOSED)),
                col(StatusChange.created_at) >= start,
                col(StatusChange.created_at) < end,
            )
        )
        return len((await self.session.execute(statement)).all())

    # Subscriptions

    async def subscriptions(
        self, *, board_id: int | None = None, agency_id: int | None = None, active_only: bool = True
    ) -> Sequence[DigestSubscription]:
        conditions = []
        if board_id is not None:
            conditions.append(col(DigestSubscription.board_id) == board_id)
        if agency_id is not None:
            conditions.append(col(DigestSubscription.agency_id) == agency_id)
        if active_only:
            conditions.append(col(DigestSubscription.is_active).is_(True))
        statement = (
            select(DigestSubscription).where(*conditions).order_by(col(DigestSubscription.id))
        )
        return (await self.session.exec(statement)).all()

    async def subscription(self, subscription_id: int) -> DigestSubscription | None:
        return await self.session.get(DigestSubscription, subscription_id)

    async def find_subscription(
        self, *, board_id: int | None, agency_id: int | None, channel: NotifyChannel, target: str
    ) -> DigestSubscription | None:
        statement = select(DigestSubscription).where(
            col(DigestSubscription.board_id).is_(None)
            if board_id is None
            else col(DigestSubscription.board_id) == board_id,
            col(DigestSubscription.agency_id).is_(None)
            if agency_id is None
            else col(DigestSubscription.agency_id) == agency_id,
            col(DigestSubscription.channel) == channel,
            col(DigestSubscription.target) == target,
        )
        return (await self.session.exec(statement)).first()

    async def add_subscription(self, subscription: DigestSubscription) -> DigestSubscription:
        self.session.add(subscription)
        await self.session.flush()
        return subscription

    async def delete_subscription(self, subscription: DigestSubscription) -> None:
        """Forget a subscription; its past deliveries stay, no longer linked to it."""
        await self.session.execute(
            update(DigestDelivery)
            .where(col(DigestDelivery.subscription_id) == subscription.id)
            .values(subscription_id=None)
        )
        await self.session.delete(subscription)
        await self.session.flush()

    async def subscribed_agencies(self) -> Sequence[Agency]:
        """Agencies with at least one active subscription."""
        statement = (
            select(Agency)
            .where(
                col(Agency.id).in_(
                    select(DigestSubscription.agency_id).where(
                        col(DigestSubscription.is_active).is_(True),
                        col(DigestSubscription.agency_id).is_not(None),
                    )
                )
            )
            .order_by(col(Agency.code))
        )
        return (await self.session.exec(statement)).all()

    # Deliveries: the digest's record of what it queued, and the outbox row that delivers it

    async def record_delivery(self, delivery: DigestDelivery) -> None:
        """Keep that this digest was queued for this recipient (nothing if it already was)."""
        await insert_ignoring_conflicts(
            self.session,
            DigestDelivery.__table__,  # type: ignore[attr-defined]
            [delivery.model_dump(exclude={"id"})],
        )

    async def deliveries(
        self, *, week: str | None = None, statuses: Sequence[DeliveryStatus] = ()
    ) -> list[DigestDeliveryState]:
        """Queued digests with how their outbox rows stand, oldest first."""
        conditions = []
        if week is not None:
            conditions.append(col(DigestDelivery.week) == week)
        if statuses:
            conditions.append(col(OutboundMessage.status).in_(statuses))
        statement = (
            sa_select(*_DELIVERY_COLUMNS)  # type: ignore[call-overload]
            .join(OutboundMessage, col(DigestDelivery.outbound_message_id) == OutboundMessage.id)
            .where(*conditions)
            .order_by(col(DigestDelivery.id))
        )
        return [DigestDeliveryState(*row) for row in (await self.session.execute(statement)).all()]
