"""Service levels with a clock the test controls: due dates, escalation to supervisors and board."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services.actors import Actor
from services.errors import InvalidInputError
from services.filing import file_feedback
from services.policy import ServiceLevelPolicy, load_policy
from services.service_levels import escalate_overdue
from services.ticket_moves import change_status, forward
from storage.models import Board, Channel, FeedbackItem, FeedbackStatus, NotifyChannel, Urgency
from tests.services.conftest import NOW, add_official, agency, official_actor, outbox

S = FeedbackStatus


async def _item(
    session: AsyncSession,
    *,
    category: str = "ประปา",
    text: str = "น้ำประปาไม่ไหลทั้งหมู่บ้านมาสองวันแล้ว",
    policy: ServiceLevelPolicy | None = None,
) -> FeedbackItem:
    filed = await file_feedback(
        session,
        channel=Channel.LINE,
        text=text,
        analysis=None,
        category=category,
        district_code="5001",
        now=NOW,
        policy=policy,
    )
    return filed.item


async def test_due_dates_follow_urgency_and_category(tmp_path: Path) -> None:
    policy = ServiceLevelPolicy()
    assert policy.due_at("ถนน", Urgency.HIGH, NOW) == NOW + timedelta(hours=24)
    assert policy.due_at("ถนน", Urgency.NORMAL, NOW) == NOW + timedelta(days=7)
    assert policy.due_at(None, Urgency.LOW, NOW) == NOW + timedelta(days=14)
    path = tmp_path / "sla.yaml"
    path.write_text(
        "defaults: {normal: 120}\ncategories:\n  ไฟฟ้า: {high: 6, normal: 48}\n", encoding="utf-8"
    )
    custom = load_policy(path)
    assert custom.allowed("ไฟฟ้า", Urgency.HIGH) == timedelta(hours=6)
    assert custom.allowed("ไฟฟ้า", Urgency.LOW) == timedelta(days=14)
    assert custom.allowed("ถนน", Urgency.NORMAL) == timedelta(hours=120)
    path.write_text("categories:\n  ไฟฟ้า: {urgent: 6}\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="unknown urgency 'urgent'"):
        load_policy(path)


async def test_overdue_items_go_to_supervisors_then_the_board_each_once(
    session: AsyncSession,
) -> None:
    pwa = await agency(session, "pwa-50")
    boss = await add_official(session, pwa, supervisor=True)
    await add_official(session, pwa)  # not a supervisor: not told
    item = await _item(session)
    await _item(session, text="ท่อประปาแตกหน้าโรงเรียน น้ำไหลนองถนนทั้งวัน")
    board = await session.get(Board, item.board_id)
    assert board is not None and board.code == "cab-50"
    board.notify_channel, board.notify_target = NotifyChannel.TELEGRAM, "-100200300"
    session.add(board)
    assert item.due_at == NOW + timedelta(days=7)

    assert await escalate_overdue(session, now=NOW + timedelta(days=6)) == 0
    assert await escalate_overdue(session, now=NOW + timedelta(days=7, minutes=1)) == 2
    to_boss = await outbox(session, kind="escalation", target=boss.email)
    assert len(to_boss) == 2  # both items, one message each
    assert to_boss[0].payload["level"] == 1 and to_boss[0].channel == "email"
    assert to_boss[0].payload["agency_name"] == "การประปาส่วนภูมิภาค จังหวัดเชียงใหม่"
    assert await escalate_overdue(session, now=NOW + timedelta(days=8)) == 0
    assert len(await outbox(session, kind="escalation")) == 2

    assert await escalate_overdue(session, now=NOW + timedelta(days=14, minutes=1)) == 2
    to_board = await outbox(session, kind="escalation", recipient_type="board")
    assert len(to_board) == 2 and to_board[0].target == "-100200300"
    assert to_board[0].payload["level"] == 2
    assert await escalate_overdue(session, now=NOW + timedelta(days=30)) == 0
    assert len(await outbox(session, kind="escalation")) == 4
    refreshed = await session.get(FeedbackItem, item.id)
    assert refreshed is not None and refreshed.escalation_level == 2


async def test_finished_items_do_not_escalate_and_forwarding_starts_again(
    session: AsyncSession,
) -> None:
    official = await official_actor(session, "pwa-50")
    pwa = await agency(session, "pwa-50")
    await add_official(session, pwa, supervisor=True)
    done = await _item(session)
    await change_status(session, done.id or 0, to=S.ACCEPTED, actor=official, now=NOW)
    await change_status(
        session, done.id or 0, to=S.RESOLVED, actor=official, note="ซ่อมท่อแล้ว", now=NOW
    )
    moved = await _item(session, text="ไฟดับทั้งหมู่บ้านตั้งแต่เมื่อวาน ปั๊มน้ำก็ใช้ไม่ได้")
    assert await escalate_overdue(session, now=NOW + timedelta(days=8)) == 1
    assert (await session.get(FeedbackItem, moved.id)).escalation_level == 1  # type: ignore[union-attr]
    later = NOW + timedelta(days=8)
    await forward(
        session,
        moved.id or 0,
        agency_code="pea-50",
        actor=Actor.official(official.user_id or 0),
        reason="ไฟฟ้าดับ เป็นงานของการไฟฟ้า",
        now=later,
    )
    refreshed = await session.get(FeedbackItem, moved.id)
    assert refreshed is not None and refreshed.escalation_level == 0
    assert refreshed.due_at == later + timedelta(days=7)
    assert await escalate_overdue(session, now=later + timedelta(days=1)) == 0


async def test_without_supervisors_the_agency_itself_is_told(session: AsyncSession) -> None:
    await agency(session, "pwa-50", notify="C-pwa-chiangmai")
    await _item(session)
    assert await escalate_overdue(session, now=NOW + timedelta(days=7, hours=1)) == 1
    told = await outbox(session, kind="escalation")
    assert len(told) == 1 and told[0].target == "C-pwa-chiangmai"
