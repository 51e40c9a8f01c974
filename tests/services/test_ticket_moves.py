"""An official's moves: every status change, notes, locking, forwarding, merging, assigning."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.actors import Actor
from services.errors import ConflictError, ForbiddenError, InvalidInputError, NotFoundError
from services.filing import file_feedback
from services.ticket_changes import NewMedia
from services.ticket_lookups import history
from services.ticket_moves import assign, change_status, forward, merge
from storage.database import Database
from storage.models import (
    Channel,
    FeedbackItem,
    FeedbackStatus,
    RoutingCorrection,
)
from tests.services.conftest import (
    NOW,
    POTHOLE,
    add_citizen,
    add_official,
    agency,
    file_report,
    official_actor,
    outbox,
)

S = FeedbackStatus


async def _in_status(session: AsyncSession, status: FeedbackStatus) -> FeedbackItem:
    """A routed item put straight into `status` (as the lifecycle would have left it)."""
    item = await file_report(session, text=f"{POTHOLE} ({status.value})", district="1038")
    item.status = status
    if status in (S.RESOLVED, S.CLOSED):
        item.resolved_at = NOW
    session.add(item)
    await session.flush()
    return item


async def test_every_legal_and_illegal_status_change(session: AsyncSession) -> None:
    official = await official_actor(session)
    legal = {
        (S.RECEIVED, S.REJECTED),
        (S.ROUTED, S.ACCEPTED),
        (S.ROUTED, S.REJECTED),
        (S.ACCEPTED, S.IN_PROGRESS),
        (S.ACCEPTED, S.RESOLVED),
        (S.ACCEPTED, S.REJECTED),
        (S.IN_PROGRESS, S.RESOLVED),
        (S.IN_PROGRESS, S.REJECTED),
        (S.RESOLVED, S.CLOSED),
        (S.REJECTED, S.CLOSED),
    }
    # Legal moves that belong to another operation than an official's status change.
    other_operation = {
        (S.RECEIVED, S.ROUTED),
        (S.RECEIVED, S.FORWARDED),
        (S.ROUTED, S.FORWARDED),
        (S.ACCEPTED, S.FORWARDED),
        (S.IN_PROGRESS, S.FORWARDED),
        (S.FORWARDED, S.ROUTED),
        (S.RESOLVED, S.ACCEPTED),
        (S.CLOSED, S.ACCEPTED),
        (S.RECEIVED, S.CLOSED),
        (S.ROUTED, S.CLOSED),
        (S.ACCEPTED, S.CLOSED),
        (S.IN_PROGRESS, S.CLOSED),
    }
    official = official
    for start in S:
        for to in S:
            item = await _in_status(session, start)
            call = change_status(session, item.id or 0, to=to, actor=official, note="ดำเนินการแล้ว")
            if (start, to) in legal:
                moved = await call
                assert moved.status is to, (start, to)
                last = (await history(session, item.id or 0))[-1]
                assert (last.from_status, last.to_status) == (start, to)
                assert last.actor_type.value == "official" and last.note == "ดำเนินการแล้ว"
            elif (start, to) in other_operation:
                with pytest.raises(InvalidInputError, match=f"{start.value} to {to.value}"):
                    await call
            else:
                with pytest.raises(ConflictError, match=f"from {start.value} to {to.value}"):
                    await call


async def test_resolving_and_rejecting_need_a_note(session: AsyncSession) -> None:
    official = await official_actor(session)
    item = await _in_status(session, S.ACCEPTED)
    for to in (S.RESOLVED, S.REJECTED):
        with pytest.raises(InvalidInputError, match="needs a note"):
            await change_status(session, item.id or 0, to=to, actor=official, note=" ")


async def test_citizens_cannot_set_a_status(session: AsyncSession) -> None:
    item = await _in_status(session, S.ROUTED)
    with pytest.raises(ForbiddenError):
        await change_status(session, item.id or 0, to=S.ACCEPTED, actor=Actor.citizen(1))


async def test_a_stale_version_is_refused(session: AsyncSession) -> None:
    official = await official_actor(session)
    colleague = await official_actor(session)
    item = await _in_status(session, S.ROUTED)
    seen = item.version
    await change_status(session, item.id or 0, to=S.ACCEPTED, actor=official, expected_version=seen)
    with pytest.raises(ConflictError, match="has changed") as raised:
        await change_status(
            session,
            item.id or 0,
            to=S.REJECTED,
            actor=colleague,
            note="ไม่ใช่หน้าที่",
            expected_version=seen,
        )
    assert raised.value.status_code == 409
    assert (await session.get(FeedbackItem, item.id)).status is S.ACCEPTED  # type: ignore[union-attr]


async def test_two_officials_at_the_same_moment_cannot_lose_a_change(database: Database) -> None:
    async with database.unit_of_work() as setup:
        official = await official_actor(setup)
        colleague = await official_actor(setup)
        item = await _in_status(setup, S.ACCEPTED)
        item_id, seen = item.id or 0, item.version
    first, second = database.session(), database.session()
    try:
        await change_status(first, item_id, to=S.IN_PROGRESS, actor=official, expected_version=seen)
        racing = asyncio.create_task(
            change_status(
                second,
                item_id,
                to=S.REJECTED,
                actor=colleague,
                note="ซ้ำ",
                expected_version=seen,
            )
        )
        await asyncio.sleep(0.2)  # let the second writer reach the database and wait there
        await first.commit()
        with pytest.raises(ConflictError):
            await racing
        await second.rollback()
    finally:
        await first.close()
        await second.close()
    async with database.unit_of_work() as check:
        final = await check.get(FeedbackItem, item_id)
        assert final is not None and final.status is S.IN_PROGRESS and final.version == seen + 1
        assert [c.to_status for c in await history(check, item_id)][-1] is S.IN_PROGRESS


async def test_status_changes_reach_the_citizen_with_the_note_and_photos(
    session: AsyncSession,
) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session, Channel.TELEGRAM, user_id="777001")
    item = await file_report(session, citizen.id)
    actor = official
    await change_status(session, item.id or 0, to=S.ACCEPTED, actor=actor, note="รับเรื่องแล้ว")
    await change_status(
        session,
        item.id or 0,
        to=S.RESOLVED,
        actor=actor,
        note="ซ่อมผิวถนนเรียบร้อย",
        media=[NewMedia("image/jpeg", "after/1.jpg", 100, "b" * 64)],
    )
    changed = await outbox(session, kind="status_changed")
    assert [m.payload["to_status"] for m in changed] == ["accepted", "resolved"]
    assert all(m.channel == "telegram" and m.target == "777001" for m in changed)
    assert changed[1].payload["note"] == "ซ่อมผิวถนนเรียบร้อย"
    assert changed[1].payload["media_urls"] == ["/media/after/1.jpg"]
    assert changed[1].payload["agency_name"] == "สำนักงานเขตบางรัก"
    check = await outbox(session, kind="resolution_check")
    assert len(check) == 1 and check[0].payload["reference"] == item.reference


async def test_forwarding_keeps_the_wrong_routing_as_a_training_example(
    session: AsyncSession,
) -> None:
    official = await official_actor(session)
    await agency(session, "bma-public-works-10", notify="bma-works@example.go.th")
    citizen = await add_citizen(session)
    item = await file_report(session, citizen.id)
    with pytest.raises(InvalidInputError, match="reason"):
        await forward(
            session, item.id or 0, agency_code="bma-public-works-10", actor=official, reason=""
        )
    with pytest.raises(NotFoundError):
        await forward(session, item.id or 0, agency_code="nowhere", actor=official, reason="x")
    moved = await forward(
        session,
        item.id or 0,
        agency_code="bma-public-works-10",
        actor=official,
        reason="ถนนสายหลัก สำนักการโยธาดูแล",
        category="สะพาน",
        now=NOW + timedelta(hours=3),
    )
    assert moved.status is S.ROUTED and moved.category == "สะพาน"
    assert moved.due_at == NOW + timedelta(hours=3, days=7)
    steps = [(c.from_status, c.to_status) for c in await history(session, item.id or 0)]
    assert steps[-2:] == [(S.ROUTED, S.FORWARDED), (S.FORWARDED, S.ROUTED)]
    correction = (await session.exec(select(RoutingCorrection))).one()
    assert correction.predicted_category == "ถนน" and correction.corrected_category == "สะพาน"
    assert correction.reason == "ถนนสายหลัก สำนักการโยธาดูแล"
    assert "ซอยสีลม" in correction.redacted_text
    office = await agency(session, "bkk-district-office-1004")
    works = await agency(session, "bma-public-works-10")
    assert (correction.from_agency_id, correction.to_agency_id) == (office.id, works.id)
    told = await outbox(session, kind="status_changed")
    assert len(told) == 1 and told[0].payload["to_status"] == "forwarded"
    assert told[0].payload["agency_name"] == "สำนักการโยธา กรุงเทพมหานคร"
    new_work = await outbox(session, kind="agency_new_item", agency_id=works.id)
    assert len(new_work) == 1
    with pytest.raises(InvalidInputError, match="already with"):
        await forward(
            session, item.id or 0, agency_code="bma-public-works-10", actor=official, reason="x"
        )


async def test_merging_makes_the_item_and_its_followers_follow_the_other(
    session: AsyncSession,
) -> None:
    official = await official_actor(session)
    people = [await add_citizen(session) for _ in range(3)]
    lead = await file_report(session, people[0].id, text="ไฟถนนดับทั้งซอยอารีย์ 2", category="แสงสว่าง")
    other = await file_report(
        session, people[1].id, text="ซอยพหลโยธิน 7 มืดมาก ไม่มีไฟส่องทาง", category="แสงสว่าง"
    )
    follower = await file_feedback(
        session,
        channel=Channel.LINE,
        text="ซอยพหลโยธิน 7 มืดมาก ไฟส่องทางไม่มี",
        analysis=None,
        citizen_id=people[2].id,
        category="แสงสว่าง",
        district_code="1004",
        now=NOW,
    )
    assert follower.duplicate_of is not None and follower.duplicate_of.id == other.id
    merged = await merge(
        session, other.id or 0, into_id=lead.id or 0, actor=official, note="ซอยเดียวกัน"
    )
    assert merged.status is S.CLOSED and merged.duplicate_of_id == lead.id
    assert merged.resolved_at is None
    told = await outbox(session, kind="status_changed")
    assert {m.citizen_id for m in told} == {people[1].id, people[2].id} and len(told) == 2
    assert all(m.payload["note_facts"] == {"code": "merged", "into": lead.reference} for m in told)
    assert all(m.payload["note"] == "ซอยเดียวกัน" for m in told)
    refreshed = await session.get(FeedbackItem, follower.item.id)
    assert refreshed is not None and refreshed.duplicate_of_id == lead.id
    await change_status(session, lead.id or 0, to=S.ACCEPTED, actor=official, note="รับเรื่อง")
    heard = [
        m
        for m in await outbox(session, kind="status_changed")
        if m.payload["to_status"] == "accepted"
    ]
    assert {m.citizen_id for m in heard} == {p.id for p in people} and len(heard) == 3
    with pytest.raises(InvalidInputError, match="its own duplicates"):
        await merge(session, lead.id or 0, into_id=other.id or 0, actor=official)
    finished = await _in_status(session, S.REJECTED)
    with pytest.raises(ConflictError, match="not open"):
        await merge(session, lead.id or 0, into_id=finished.id or 0, actor=official)
    with pytest.raises(InvalidInputError, match="itself"):
        await merge(session, lead.id or 0, into_id=lead.id or 0, actor=official)


async def test_assigning_to_an_official_of_the_agency(session: AsyncSession) -> None:
    official = await official_actor(session)
    office = await agency(session, "bkk-district-office-1004")
    elsewhere = await agency(session, "pwa-40")
    item = await file_report(session)
    ours = await add_official(session, office)
    theirs = await add_official(session, elsewhere)
    assigned = await assign(session, item.id or 0, user_id=ours.id or 0, actor=official)
    assert assigned.assigned_user_id == ours.id
    with pytest.raises(InvalidInputError, match="not an official"):
        await assign(session, item.id or 0, user_id=theirs.id or 0, actor=official)
