"""A session on a seeded database with the starter routing rules, and people to act on tickets."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.actors import Actor
from services.filing import file_feedback
from services.routing import load_rules
from storage.database import Database
from storage.models import (
    Agency,
    Channel,
    Citizen,
    FeedbackItem,
    NotifyChannel,
    OutboundMessage,
    UserAccount,
    UserAgency,
    UserRole,
)

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
_numbers = itertools.count(1)


@pytest.fixture
async def session(database: Database) -> AsyncIterator[AsyncSession]:
    """One session for the test; the starter rules are loaded and committed first."""
    async with database.unit_of_work() as setup:
        await load_rules(setup)
    async with database.session() as active:
        yield active
        await active.rollback()


async def add_citizen(
    session: AsyncSession, channel: Channel = Channel.LINE, *, user_id: str | None = None
) -> Citizen:
    citizen = Citizen(channel=channel, channel_user_id=user_id or f"U{next(_numbers):032x}")
    session.add(citizen)
    await session.flush()
    return citizen


async def agency(session: AsyncSession, code: str, *, notify: str | None = None) -> Agency:
    """A seeded agency by code, optionally told of new items in a LINE group."""
    found = (await session.exec(select(Agency).where(col(Agency.code) == code))).first()
    assert found is not None, code
    if notify is not None:
        found.notify_channel = NotifyChannel.LINE
        found.notify_target = notify
        session.add(found)
        await session.flush()
    return found


async def add_official(
    session: AsyncSession, agency_row: Agency, *, supervisor: bool = False
) -> UserAccount:
    user = UserAccount(email=f"official{next(_numbers)}@example.go.th", role=UserRole.OFFICIAL)
    session.add(user)
    await session.flush()
    assert user.id is not None and agency_row.id is not None
    session.add(UserAgency(user_id=user.id, agency_id=agency_row.id, is_supervisor=supervisor))
    await session.flush()
    return user


async def outbox(session: AsyncSession, **where: object) -> list[OutboundMessage]:
    """Queued messages matching the column values given, oldest first."""
    statement = select(OutboundMessage).order_by(col(OutboundMessage.id))
    for name, value in where.items():
        statement = statement.where(getattr(OutboundMessage, name) == value)
    return list((await session.exec(statement)).all())


async def official_actor(session: AsyncSession, code: str = "bkk-district-office-1004") -> Actor:
    """An official of that agency, as the actor of the changes they make."""
    user = await add_official(session, await agency(session, code))
    assert user.id is not None
    return Actor.official(user.id)


POTHOLE = "ถนนซอยสีลม 9 เป็นหลุมลึกมาก รถมอเตอร์ไซค์ล้มไปสองคันแล้ว"


async def file_report(
    session: AsyncSession,
    citizen_id: int | None = None,
    *,
    text: str = POTHOLE,
    category: str = "ถนน",
    district: str = "1004",
) -> FeedbackItem:
    """A report filed on LINE in Bang Rak (district 1004), routed by the starter rules."""
    filed = await file_feedback(
        session,
        channel=Channel.LINE,
        text=text,
        analysis=None,
        citizen_id=citizen_id,
        category=category,
        district_code=district,
        now=NOW,
    )
    return filed.item
