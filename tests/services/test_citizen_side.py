"""The citizen's side: no phantom fixes (the citizen confirms, rates or reopens; closing without a
fix never counts), and the list of their own items."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.actors import Actor
from services.citizen_side import citizen_items, confirm_fixed, rate, reopen_by_citizen
from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.filing import file_feedback
from services.service_levels import close_expired
from services.ticket_lookups import history
from services.ticket_moves import change_status, merge
from storage.models import Channel, FeedbackItem, FeedbackStatus
from storage.repositories.indicators import resolution_stats
from tests.services.conftest import NOW, add_citizen, agency, file_report, official_actor, outbox

S = FeedbackStatus


async def _resolved(
    session: AsyncSession, official: Actor, citizen_id: int | None, text: str
) -> FeedbackItem:
    item_id = (await file_report(session, citizen_id, text=text)).id or 0
    await change_status(session, item_id, to=S.ACCEPTED, actor=official, now=NOW)
    return await change_status(
        session, item_id, to=S.RESOLVED, actor=official, note="ปะหลุมแล้ว", now=NOW
    )


async def test_the_citizen_confirms_and_rates_which_closes_the_ticket(
    session: AsyncSession,
) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    item = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 30")
    confirmed = await confirm_fixed(session, item.id or 0, citizen_id=citizen.id or 0)
    assert confirmed.citizen_confirmed_fix is True and confirmed.status is S.RESOLVED
    rated = await rate(
        session, item.id or 0, citizen_id=citizen.id or 0, rating=5, comment="เร็วมาก ขอบคุณ"
    )
    assert rated.status is S.CLOSED and rated.rating == 5 and rated.closed_at is not None
    assert rated.resolved_at is not None  # closed after a fix: it counts as fixed
    last = (await history(session, item.id or 0))[-1]
    assert (last.from_status, last.to_status, last.actor_type.value) == (
        S.RESOLVED,
        S.CLOSED,
        "citizen",
    )
    with pytest.raises(ConflictError, match="already rated"):
        await rate(session, item.id or 0, citizen_id=citizen.id or 0, rating=4)


async def test_ratings_are_checked(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen, stranger = await add_citizen(session), await add_citizen(session)
    item = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 32")
    with pytest.raises(InvalidInputError, match="1 to 5"):
        await rate(session, item.id or 0, citizen_id=citizen.id or 0, rating=6)
    with pytest.raises(NotFoundError):
        await rate(session, item.id or 0, citizen_id=stranger.id or 0, rating=3)
    open_item = await file_feedback(
        session,
        channel=Channel.LINE,
        text="ไฟดับ",
        analysis=None,
        citizen_id=citizen.id,
        category="ไฟฟ้า",
        province_code="50",
        now=NOW,
    )
    with pytest.raises(ConflictError, match="only a resolved item"):
        await rate(session, open_item.item.id or 0, citizen_id=citizen.id or 0, rating=3)


async def test_not_fixed_reopens_within_14_days_and_goes_back_to_the_agency(
    session: AsyncSession,
) -> None:
    await agency(session, "bkk-district-office-1004", notify="C-bangrak")
    official = await official_actor(session)
    citizen = await add_citizen(session)
    item = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 34")
    later = NOW + timedelta(days=13)
    reopened = await reopen_by_citizen(
        session, item.id or 0, citizen_id=citizen.id or 0, note="ยังเป็นหลุมเหมือนเดิม", now=later
    )
    assert reopened.status is S.ACCEPTED and reopened.reopen_count == 1
    assert reopened.resolved_at is None and reopened.citizen_confirmed_fix is False
    assert reopened.due_at == later + timedelta(days=7)
    last = (await history(session, item.id or 0))[-1]
    assert last.actor_type.value == "citizen" and last.note == "ยังเป็นหลุมเหมือนเดิม"
    assert last.note_facts == {"code": "reopened_by_citizen"}
    to_agency = await outbox(session, kind="agency_new_item")
    assert [m.payload["reopened"] for m in to_agency] == [False, True]
    # fixed again, reopened again: both counted
    await change_status(session, item.id or 0, to=S.RESOLVED, actor=official, note="ลาดยางใหม่")
    again = await reopen_by_citizen(session, item.id or 0, citizen_id=citizen.id or 0, now=later)
    assert again.reopen_count == 2


async def test_too_late_to_reopen(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    item = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 36")
    with pytest.raises(ConflictError, match="more than 14 days"):
        await reopen_by_citizen(
            session, item.id or 0, citizen_id=citizen.id or 0, now=NOW + timedelta(days=15)
        )


async def test_a_closed_fix_can_still_be_reopened_in_the_window(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    item = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 38")
    await rate(session, item.id or 0, citizen_id=citizen.id or 0, rating=2)
    reopened = await reopen_by_citizen(
        session, item.id or 0, citizen_id=citizen.id or 0, now=NOW + timedelta(days=2)
    )
    assert reopened.status is S.ACCEPTED and reopened.rating is None


async def test_unrated_fixes_close_after_the_window_once(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    item = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 40")
    assert await close_expired(session, now=NOW + timedelta(days=13)) == 0
    assert await close_expired(session, now=NOW + timedelta(days=14, minutes=1)) == 1
    assert await close_expired(session, now=NOW + timedelta(days=20)) == 0
    closed = await session.get(FeedbackItem, item.id)
    assert closed is not None and closed.status is S.CLOSED and closed.resolved_at is not None
    last = (await history(session, item.id or 0))[-1]
    assert last.actor_type.value == "system" and last.note is None
    assert last.note_facts == {"code": "auto_closed", "days": 14}
    told = [
        m
        for m in await outbox(session, kind="status_changed")
        if m.payload["to_status"] == "closed"
    ]
    assert len(told) == 1


async def test_closed_without_a_fix_never_counts_as_fixed(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    fixed = await _resolved(session, official, citizen.id, "หลุมหน้าปากซอยเจริญกรุง 42")
    await confirm_fixed(session, fixed.id or 0, citizen_id=citizen.id or 0)
    fixed_twice = await _resolved(session, official, citizen.id, "ท่อแตกหน้าตลาดบางรัก ซอย 50")
    await reopen_by_citizen(
        session, fixed_twice.id or 0, citizen_id=citizen.id or 0, now=NOW + timedelta(days=1)
    )
    await change_status(session, fixed_twice.id or 0, to=S.RESOLVED, actor=official, note="เปลี่ยนท่อ")
    rejected = await file_feedback(
        session,
        channel=Channel.WEB,
        text="ขอให้ย้ายเสาไฟฟ้าหน้าบ้านซอย 60",
        analysis=None,
        category="ถนน",
        district_code="1004",
        now=NOW,
    )
    await change_status(
        session, rejected.item.id or 0, to=S.REJECTED, actor=official, note="เป็นทรัพย์สินเอกชน"
    )
    await change_status(session, rejected.item.id or 0, to=S.CLOSED, actor=official)
    duplicate = await file_feedback(
        session,
        channel=Channel.WEB,
        text="ต้นไม้ล้มขวางถนนซอย 70",
        analysis=None,
        category="ถนน",
        district_code="1004",
        now=NOW,
    )
    still_open = await file_feedback(
        session,
        channel=Channel.WEB,
        text="ต้นไม้ใหญ่ล้มทับถนน ซอย 70 รถผ่านไม่ได้",
        analysis=None,
        category="ต้นไม้",
        district_code="1004",
        now=NOW,
    )
    await merge(session, duplicate.item.id or 0, into_id=still_open.item.id or 0, actor=official)
    stats = await resolution_stats(session, district_code="1004")
    assert stats.fixed == 2
    assert stats.confirmed_fixed == 1
    assert stats.closed_without_fix == 2
    assert stats.finished == 4
    assert (stats.reopened_items, stats.reopens) == (1, 1)
    assert stats.confirmed_share == 0.5


async def test_citizen_items_lists_open_ones_newest_first(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    first = await file_report(session, citizen.id, text="ไฟดับหน้าบ้าน", category="ไฟฟ้า")
    second = await file_report(session, citizen.id, text="ท่อประปาแตกหน้าบ้าน", category="ประปา")
    second.created_at = NOW + timedelta(minutes=5)
    session.add(second)
    await change_status(session, first.id or 0, to=S.REJECTED, actor=official, note="ซ้ำ")
    assert [i.id for i in await citizen_items(session, citizen.id or 0)] == [second.id]
    everything = await citizen_items(session, citizen.id or 0, open_only=False)
    assert [i.id for i in everything] == [second.id, first.id]
    open_ids = (
        await session.exec(select(col(FeedbackItem.id)).where(col(FeedbackItem.status) == S.ROUTED))
    ).all()
    assert second.id in open_ids
