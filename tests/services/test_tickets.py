"""Filing feedback and the ticket's life: history, notifications, forwarding, merging, locking."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.analysis import (
    Intent,
    LabelScore,
    MessageAnalysis,
    PlaceMatch,
)
from nlp.analysis import Sentiment as NlpSentiment
from nlp.analysis import Urgency as NlpUrgency
from services.actors import Actor
from services.errors import ConflictError, ForbiddenError, InvalidInputError, NotFoundError
from services.outbox import queue_message
from services.tickets import (
    NewMedia,
    assign,
    change_status,
    citizen_items,
    file_feedback,
    find_by_reference,
    forward,
    history,
    merge,
)
from storage.database import Database
from storage.models import (
    Channel,
    FeedbackItem,
    FeedbackKind,
    FeedbackMedia,
    FeedbackStatus,
    RecipientType,
    RoutingCorrection,
    Sentiment,
    Urgency,
)
from tests.services.conftest import NOW, add_citizen, add_official, agency, official_actor, outbox

S = FeedbackStatus
POTHOLE = "ถนนซอยสีลม 9 เป็นหลุมลึกมาก รถมอเตอร์ไซค์ล้มไปสองคันแล้ว"


async def _file(
    session: AsyncSession,
    citizen_id: int | None = None,
    *,
    text: str = POTHOLE,
    category: str = "ถนน",
    district: str = "1004",
) -> FeedbackItem:
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


async def test_filing_stores_routes_and_tells_the_citizen_and_the_agency(
    session: AsyncSession,
) -> None:
    office = await agency(session, "bkk-district-office-1004", notify="C-line-group-bangrak")
    citizen = await add_citizen(session)
    filed = await file_feedback(
        session,
        channel=Channel.LINE,
        text="ถนนหน้าบ้านเลขที่ 12 ซอยสีลม 9 เป็นหลุม โทรหาผม 081-234-5678",
        analysis=None,
        citizen_id=citizen.id,
        category="ถนน",
        district_code="1004",
        media=[NewMedia("image/jpeg", "ab/cd.jpg", 2048, "a" * 64)],
        now=NOW,
    )
    item = filed.item
    assert item.reference.startswith("SG-") and len(item.reference) == 10
    assert "081-234-5678" in item.original_text
    assert "081-234-5678" not in item.redacted_text
    assert item.province_code == "10" and item.due_at == NOW + timedelta(days=7)
    assert [(c.from_status, c.to_status) for c in await history(session, item.id or 0)] == [
        (None, S.RECEIVED),
        (S.RECEIVED, S.ROUTED),
    ]
    media = (await session.exec(select(FeedbackMedia))).all()
    assert [m.storage_key for m in media] == ["ab/cd.jpg"]
    to_citizen = await outbox(session, kind="ticket_filed")
    assert len(to_citizen) == 1
    assert to_citizen[0].target == citizen.channel_user_id and to_citizen[0].channel == "line"
    assert to_citizen[0].payload["reference"] == item.reference
    assert to_citizen[0].payload["agency_name"] == "สำนักงานเขตบางรัก"
    to_agency = await outbox(session, kind="agency_new_item")
    assert len(to_agency) == 1 and to_agency[0].target == "C-line-group-bangrak"
    assert to_agency[0].agency_id == office.id
    assert "081-234-5678" not in to_agency[0].payload["redacted_text"]
    assert to_agency[0].payload["district"] == "บางรัก"


async def test_explicit_choices_win_over_the_analysis(session: AsyncSession) -> None:
    analysis = MessageAnalysis(
        categories=[LabelScore("ไฟฟ้า", 0.8), LabelScore("ถนน", 0.3)],
        place=PlaceMatch(province="เชียงใหม่", province_code="50"),
        sentiment=NlpSentiment.NEGATIVE,
        sentiment_score=0.9,
        intent=Intent.COMPLAINT,
        urgency=NlpUrgency.HIGH,
        redacted="ไฟฟ้าดับ [ชื่อ]",
    )
    filed = await file_feedback(
        session,
        channel=Channel.TELEGRAM,
        text="ไฟฟ้าดับ นายสมชาย",
        analysis=analysis,
        category="ประปา",
        province_code="40",
        now=NOW,
    )
    item = filed.item
    assert item.category == "ประปา" and item.province_code == "40"
    assert filed.agency is not None and filed.agency.code == "pwa-40"
    assert item.sentiment is Sentiment.NEGATIVE and item.urgency is Urgency.HIGH
    assert item.kind is FeedbackKind.COMPLAINT and item.redacted_text == "ไฟฟ้าดับ [ชื่อ]"
    assert item.categories[0] == {"label": "ไฟฟ้า", "score": 0.8}
    assert item.due_at == NOW + timedelta(hours=24)


async def test_unknown_area_codes_are_refused(session: AsyncSession) -> None:
    with pytest.raises(InvalidInputError, match="unknown district"):
        await file_feedback(
            session, channel=Channel.WEB, text="x", analysis=None, district_code="9999"
        )
    with pytest.raises(InvalidInputError, match="not in province"):
        await file_feedback(
            session,
            channel=Channel.WEB,
            text="x",
            analysis=None,
            province_code="50",
            district_code="1004",
        )
    with pytest.raises(InvalidInputError, match="text or a photo"):
        await file_feedback(session, channel=Channel.WEB, text="  ", analysis=None)


async def _in_status(session: AsyncSession, status: FeedbackStatus) -> FeedbackItem:
    """A routed item put straight into `status` (as the lifecycle would have left it)."""
    item = await _file(session, text=f"{POTHOLE} ({status.value})", district="1038")
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
    item = await _file(session, citizen.id)
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
    item = await _file(session, citizen.id)
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


async def test_a_repeated_report_follows_the_open_ticket(session: AsyncSession) -> None:
    official = await official_actor(session)
    first_citizen, s2, s3 = [await add_citizen(session) for _ in range(3)]
    lead = await _file(session, first_citizen.id)
    again = await file_feedback(
        session,
        channel=Channel.LINE,
        text="ซอยสีลม 9 ถนนเป็นหลุมลึก รถมอเตอร์ไซค์ล้มอีกแล้ว",
        analysis=None,
        citizen_id=s2.id,
        category="ถนน",
        district_code="1004",
        now=NOW + timedelta(hours=1),
    )
    assert again.duplicate_of is not None and again.duplicate_of.id == lead.id
    assert again.follower_count == 1 and again.item.status is S.CLOSED
    assert again.item.resolved_at is None  # a duplicate is never counted as fixed
    third_report = await file_feedback(
        session,
        channel=Channel.WEB,
        text="ถนนซอยสีลม 9 หลุมลึกมาก รถล้ม",
        analysis=None,
        citizen_id=s3.id,
        category="ถนน",
        district_code="1004",
        now=NOW + timedelta(hours=2),
    )
    assert third_report.follower_count == 2
    filed_messages = await outbox(session, kind="ticket_filed")
    assert [m.payload["duplicate_of_reference"] for m in filed_messages] == [
        None,
        lead.reference,
        lead.reference,
    ]
    assert [m.payload["follower_count"] for m in filed_messages] == [0, 1, 2]
    assert [m.payload["reporter_number"] for m in filed_messages] == [1, 2, 3]
    # elsewhere, the same words are another problem
    other = await file_feedback(
        session,
        channel=Channel.WEB,
        text=POTHOLE,
        analysis=None,
        category="ถนน",
        district_code="1038",
        now=NOW,
    )
    assert other.duplicate_of is None
    # every follower hears each change of the ticket they follow
    await change_status(session, lead.id or 0, to=S.ACCEPTED, actor=official)
    heard = await outbox(session, kind="status_changed")
    assert {m.citizen_id for m in heard} == {lead.citizen_id, s2.id, s3.id} and len(heard) == 3
    follower_message = next(m for m in heard if m.citizen_id == s2.id)
    assert follower_message.payload["reference"] == lead.reference
    assert follower_message.payload["your_reference"] == again.item.reference
    # followers see the ticket they follow among their open items
    assert [i.id for i in await citizen_items(session, s2.id or 0)] == [again.item.id]


async def test_followers_hear_the_note_masked_and_the_reporter_as_written(
    session: AsyncSession,
) -> None:
    official = await official_actor(session)
    reporter, follower = await add_citizen(session), await add_citizen(session)
    lead = await _file(session, reporter.id)
    again = await _file(session, follower.id, text="ซอยสีลม 9 ถนนเป็นหลุมลึก รถมอเตอร์ไซค์ล้มอีกแล้ว")
    assert again.duplicate_of_id == lead.id
    note = "นัดคุณสมศรี มีสุข 089-123-4567 ไว้พรุ่งนี้เช้า"
    await change_status(session, lead.id or 0, to=S.ACCEPTED, actor=official, note=note)
    heard = {m.citizen_id: m.payload["note"] for m in await outbox(session, kind="status_changed")}
    assert heard[reporter.id] == note  # the agency speaks to its reporter
    assert "พรุ่งนี้เช้า" in heard[follower.id]
    assert "สมศรี" not in heard[follower.id] and "089-123-4567" not in heard[follower.id]


async def test_praise_or_a_question_about_an_open_problem_is_its_own_item(
    session: AsyncSession,
) -> None:
    citizen, other = await add_citizen(session), await add_citizen(session)
    lead = await _file(session, citizen.id)
    for kind, text in (
        (FeedbackKind.PRAISE, "ขอบคุณที่มาดูถนนซอยสีลม 9 ที่เป็นหลุมลึกมาก รถมอเตอร์ไซค์ล้มไปสองคัน"),
        (FeedbackKind.QUESTION, "ถนนซอยสีลม 9 เป็นหลุมลึกมาก รถมอเตอร์ไซค์ล้มไปสองคัน จะซ่อมวันไหนคะ"),
    ):
        filed = await file_feedback(
            session,
            channel=Channel.LINE,
            text=text,
            analysis=None,
            citizen_id=other.id,
            kind=kind,
            category="ถนน",
            district_code="1004",
            now=NOW + timedelta(hours=1),
        )
        assert filed.duplicate_of is None, kind
        assert filed.item.status is not S.CLOSED and filed.agency is not None
        # thanks asks for no action, so it can never fall overdue; a question is answered
        assert (filed.item.due_at is None) is (kind is FeedbackKind.PRAISE), kind
    assert lead.status is not S.CLOSED


async def test_merging_makes_the_item_and_its_followers_follow_the_other(
    session: AsyncSession,
) -> None:
    official = await official_actor(session)
    people = [await add_citizen(session) for _ in range(3)]
    lead = await _file(session, people[0].id, text="ไฟถนนดับทั้งซอยอารีย์ 2", category="แสงสว่าง")
    other = await _file(
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
    assert all(lead.reference in (m.payload["note"] or "") for m in told)
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
    item = await _file(session)
    ours = await add_official(session, office)
    theirs = await add_official(session, elsewhere)
    assigned = await assign(session, item.id or 0, user_id=ours.id or 0, actor=official)
    assert assigned.assigned_user_id == ours.id
    with pytest.raises(InvalidInputError, match="not an official"):
        await assign(session, item.id or 0, user_id=theirs.id or 0, actor=official)


async def test_a_reference_is_found_however_it_is_typed(session: AsyncSession) -> None:
    item = await _file(session)
    body = item.reference.replace("-", "")[2:]
    for typed in (item.reference, item.reference.lower(), f" sg {body[:4]} {body[4:]} ", body):
        found = await find_by_reference(session, typed)
        assert found is not None and found.id == item.id, typed
    wrong_check = item.reference[:-1] + ("2" if item.reference[-1] != "2" else "3")
    assert await find_by_reference(session, wrong_check) is None
    assert await find_by_reference(session, "") is None


async def test_the_same_message_is_queued_once(session: AsyncSession) -> None:
    arguments = {
        "recipient_type": RecipientType.CITIZEN,
        "channel": "line",
        "target": "U1",
        "kind": "status_changed",
        "payload": {"reference": "SG-2345-6X"},
        "dedupe_key": "status_changed:test:citizen:1",
    }
    assert await queue_message(session, **arguments) is not None  # type: ignore[arg-type]
    assert await queue_message(session, **arguments) is None  # type: ignore[arg-type]
    assert len(await outbox(session, dedupe_key="status_changed:test:citizen:1")) == 1


async def test_citizen_items_lists_open_ones_newest_first(session: AsyncSession) -> None:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    first = await _file(session, citizen.id, text="ไฟดับหน้าบ้าน", category="ไฟฟ้า")
    second = await _file(session, citizen.id, text="ท่อประปาแตกหน้าบ้าน", category="ประปา")
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
