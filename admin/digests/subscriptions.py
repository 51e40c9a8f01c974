"""Who receives which digest: subscriptions per board (province) or agency, managed by admins."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from sqlmodel.ext.asyncio.session import AsyncSession

from services.errors import ConflictError, InvalidInputError, NotFoundError
from storage.models import DeliveryStatus, DigestSubscription, NotifyChannel
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.areas import AreaRepository
from storage.repositories.digests import DigestRepository

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_CHAT_ID = re.compile(r"^[A-Za-z0-9_@:.\-]{1,100}$")


class SubscriptionCreate(BaseModel):
    """Exactly one of `board` (a province's code or name) and `agency` (an agency code)."""

    board: str | None = Field(default=None, max_length=100, examples=["เชียงใหม่"])
    agency: str | None = Field(default=None, max_length=60)
    channel: Literal["email", "line", "telegram"]
    target: str = Field(
        min_length=1,
        max_length=300,
        description="e-mail address, LINE group id (C…) or Telegram chat id (-100…)",
    )
    name: str = Field(default="", max_length=200, description="who this is, for the list")

    @model_validator(mode="after")
    def _one_subject_and_a_real_target(self) -> SubscriptionCreate:
        if (self.board is None) == (self.agency is None):
            raise ValueError("give exactly one of board or agency")
        target = self.target.strip()
        if self.channel == "email" and not _EMAIL.match(target):
            raise ValueError("target must be an e-mail address for the email channel")
        if self.channel != "email" and not _CHAT_ID.match(target):
            raise ValueError("target must be a LINE group id or Telegram chat id")
        self.target = target
        return self


class SubscriptionPublic(BaseModel):
    id: int
    board: str | None = Field(description="the board's province code")
    agency: str | None = Field(description="the agency's code")
    channel: NotifyChannel
    target: str
    name: str
    is_active: bool
    created_at: datetime


class DeliveryPublic(BaseModel):
    """A digest queued for one recipient, as its outbox row stands."""

    week: str
    channel: NotifyChannel
    target: str
    board_id: int | None
    agency_id: int | None
    status: DeliveryStatus = Field(description="pending (queued), sent, failed or skipped")
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None = Field(
        description="when a failed delivery is tried again; null once the outbox gave up"
    )
    sent_at: datetime | None


async def _public(session: AsyncSession, subscription: DigestSubscription) -> SubscriptionPublic:
    board = (
        await BoardRepository(session).get(subscription.board_id) if subscription.board_id else None
    )
    agency = (
        await AgencyRepository(session).get(subscription.agency_id)
        if subscription.agency_id
        else None
    )
    assert subscription.id is not None
    return SubscriptionPublic(
        id=subscription.id,
        board=board.province_code if board else None,
        agency=agency.code if agency else None,
        channel=subscription.channel,
        target=subscription.target,
        name=subscription.name,
        is_active=subscription.is_active,
        created_at=subscription.created_at,
    )


async def _subject_ids(
    session: AsyncSession, *, board: str | None, agency: str | None
) -> tuple[int | None, int | None]:
    board_id = agency_id = None
    if board is not None:
        province = await AreaRepository(session).province(board)
        found = await BoardRepository(session).of_province(province.code) if province else None
        if found is None:
            raise NotFoundError(f"no provincial board for {board!r}")
        board_id = found.id
    if agency is not None:
        unit = await AgencyRepository(session).by_code(agency)
        if unit is None:
            raise NotFoundError(f"no agency {agency!r}")
        agency_id = unit.id
    return board_id, agency_id


async def list_subscriptions(
    session: AsyncSession, *, board: str | None, agency: str | None
) -> list[SubscriptionPublic]:
    board_id, agency_id = await _subject_ids(session, board=board, agency=agency)
    found = await DigestRepository(session).subscriptions(
        board_id=board_id, agency_id=agency_id, active_only=False
    )
    return [await _public(session, subscription) for subscription in found]


async def add_subscription(session: AsyncSession, new: SubscriptionCreate) -> SubscriptionPublic:
    board_id, agency_id = await _subject_ids(session, board=new.board, agency=new.agency)
    channel = NotifyChannel(new.channel)
    repository = DigestRepository(session)
    if await repository.find_subscription(
        board_id=board_id, agency_id=agency_id, channel=channel, target=new.target
    ):
        raise ConflictError(f"{new.target} already receives this digest by {new.channel}")
    subscription = await repository.add_subscription(
        DigestSubscription(
            board_id=board_id,
            agency_id=agency_id,
            channel=channel,
            target=new.target,
            name=new.name,
        )
    )
    return await _public(session, subscription)


async def remove_subscription(session: AsyncSession, subscription_id: int) -> None:
    repository = DigestRepository(session)
    subscription = await repository.subscription(subscription_id)
    if subscription is None:
        raise NotFoundError(f"no subscription {subscription_id}")
    await repository.delete_subscription(subscription)


async def list_deliveries(
    session: AsyncSession, *, week: str | None, failed_only: bool
) -> list[DeliveryPublic]:
    """Queued digests and how the outbox delivered them; `failed_only`: failed or skipped."""
    if week is not None and not re.match(r"^\d{4}-W\d{2}$", week):
        raise InvalidInputError("week must look like 2026-W47")
    statuses = (DeliveryStatus.FAILED, DeliveryStatus.SKIPPED) if failed_only else ()
    found = await DigestRepository(session).deliveries(week=week, statuses=statuses)
    return [DeliveryPublic.model_validate(state, from_attributes=True) for state in found]
