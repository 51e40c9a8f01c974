"""Every status against every operation that is not an official's status change: forwarding,
merging, the citizen's reopen and rating, and the scheduler's auto-close. Each move the
lifecycle table allows happens and is recorded; every other one is refused (409 when the table
forbids it, 422 when another call makes that move), naming the status it started from."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services.citizen_side import rate, reopen_by_citizen
from services.errors import ConflictError, InvalidInputError
from services.filing import file_feedback
from services.lifecycle import TRANSITIONS, Operation
from services.service_levels import close_expired
from services.ticket_lookups import history
from services.ticket_moves import forward, merge
from storage.models import Channel as ChatChannel
from storage.models import FeedbackItem, FeedbackStatus
from tests.services.conftest import NOW, add_citizen, official_actor

S = FeedbackStatus
OPEN = (S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS)
# Every status an item can rest in; "closed" twice: after a fix, and without one.
STARTS: list[tuple[FeedbackStatus, bool]] = [(status, False) for status in S] + [(S.CLOSED, True)]


async def _item_in(
    session: AsyncSession, status: FeedbackStatus, *, fixed: bool, text: str
) -> tuple[FeedbackItem, int]:
    """A citizen's routed item put straight into `status`, as the lifecycle would have left it."""
    citizen = await add_citizen(session)
    filed = await file_feedback(
        session,
        channel=ChatChannel.LINE,
        text=text,
        analysis=None,
        citizen_id=citizen.id,
        category="ถนน",
        district_code="1038",
        now=NOW,
    )
    item = filed.item
    item.status = status
    item.resolved_at = NOW if status is S.RESOLVED or fixed else None
    session.add(item)
    await session.flush()
    assert citizen.id is not None
    return item, citizen.id


Attempt = Callable[[FeedbackItem, int], Awaitable[FeedbackItem]]


async def _each_start(
    session: AsyncSession, to: FeedbackStatus, operation: Operation, attempt: Attempt
) -> list[tuple[FeedbackStatus, bool]]:
    """Try `attempt` from every start; the starts it succeeded from (others must be refused)."""
    moved: list[tuple[FeedbackStatus, bool]] = []
    for number, (start, fixed) in enumerate(STARTS):
        item, citizen_id = await _item_in(
            session, start, fixed=fixed, text=f"ถนนเป็นหลุมหน้าซอย {number} ({operation.value})"
        )
        assert item.id is not None
        before = len(await history(session, item.id))
        try:
            after = await attempt(item, citizen_id)
        except (ConflictError, InvalidInputError) as refused:  # 409 illegal; 422 wrong call
            assert start.value in str(refused), (start, str(refused))
            assert (await session.get(FeedbackItem, item.id)).status is start  # type: ignore[union-attr]
            assert len(await history(session, item.id)) == before
            continue
        moved.append((start, fixed))
        steps = [(c.from_status, c.to_status) for c in await history(session, item.id)]
        if start is not to:  # a rating of a closed fix records no move
            assert (start, to) in steps[before:], (start, steps)
            assert operation in TRANSITIONS[(start, to)]
        assert after.status in (to, S.ROUTED)
    return moved


async def test_forwarding_is_for_open_items_only(session: AsyncSession) -> None:
    official = await official_actor(session)

    async def attempt(item: FeedbackItem, _: int) -> FeedbackItem:
        return await forward(
            session,
            item.id or 0,
            agency_code="bma-public-works-10",
            actor=official,
            reason="ถนนสายหลัก สำนักการโยธาดูแล",
            now=NOW,
        )

    moved = await _each_start(session, S.FORWARDED, Operation.FORWARD, attempt)
    assert moved == [(status, False) for status in OPEN]


async def test_merging_closes_open_items_only(session: AsyncSession) -> None:
    official = await official_actor(session)
    lead, _ = await _item_in(session, S.ROUTED, fixed=False, text="ถนนเป็นหลุมใหญ่ ซอยลาดพร้าว 101")

    async def attempt(item: FeedbackItem, _: int) -> FeedbackItem:
        return await merge(session, item.id or 0, into_id=lead.id or 0, actor=official, now=NOW)

    moved = await _each_start(session, S.CLOSED, Operation.MERGE, attempt)
    assert moved == [(status, False) for status in OPEN]


async def test_the_citizen_reopens_only_a_fix(session: AsyncSession) -> None:
    async def attempt(item: FeedbackItem, citizen_id: int) -> FeedbackItem:
        return await reopen_by_citizen(
            session, item.id or 0, citizen_id=citizen_id, note="ยังไม่แก้", now=NOW + timedelta(days=1)
        )

    moved = await _each_start(session, S.ACCEPTED, Operation.REOPEN, attempt)
    assert moved == [(S.RESOLVED, False), (S.CLOSED, True)]


async def test_the_citizen_rates_only_a_fix(session: AsyncSession) -> None:
    async def attempt(item: FeedbackItem, citizen_id: int) -> FeedbackItem:
        return await rate(session, item.id or 0, citizen_id=citizen_id, rating=4, now=NOW)

    moved = await _each_start(session, S.CLOSED, Operation.RATE, attempt)
    assert moved == [(S.RESOLVED, False), (S.CLOSED, True)]


async def test_the_clock_closes_only_unrated_fixes(session: AsyncSession) -> None:
    items: dict[tuple[FeedbackStatus, bool], tuple[int, int]] = {}
    for number, (start, fixed) in enumerate(STARTS):
        item, citizen_id = await _item_in(session, start, fixed=fixed, text=f"หลุมบนถนนซอย {number}")
        items[(start, fixed)] = (item.id or 0, citizen_id)
    assert await close_expired(session, now=NOW + timedelta(days=13)) == 0
    assert await close_expired(session, now=NOW + timedelta(days=30)) == 1
    for (start, _), (item_id, _) in items.items():
        found = await session.get(FeedbackItem, item_id)
        assert found is not None and found.status is (S.CLOSED if start is S.RESOLVED else start)
    closed_id, citizen_id = items[(S.RESOLVED, False)]
    last = (await history(session, closed_id))[-1]
    assert (last.from_status, last.to_status, last.actor_type.value) == (
        S.RESOLVED,
        S.CLOSED,
        "system",
    )
    with pytest.raises(ConflictError, match="more than 14 days"):
        await reopen_by_citizen(
            session, closed_id, citizen_id=citizen_id, now=NOW + timedelta(days=31)
        )
