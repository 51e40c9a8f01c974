"""Filing feedback: stored, routed, the board linked, a repeat follows the open ticket, people told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.analysis import (
    Intent,
    LabelScore,
    MessageAnalysis,
    PlaceMatch,
)
from nlp.analysis import Sentiment as NlpSentiment
from nlp.analysis import Urgency as NlpUrgency
from services.citizen_side import citizen_items
from services.errors import InvalidInputError
from services.filing import file_feedback
from services.ticket_changes import NewMedia
from services.ticket_lookups import history
from services.ticket_moves import change_status
from storage.models import (
    Channel,
    FeedbackKind,
    FeedbackMedia,
    FeedbackStatus,
    RoutingRule,
    Sentiment,
    Urgency,
)
from tests.services.conftest import (
    NOW,
    POTHOLE,
    add_citizen,
    agency,
    file_report,
    official_actor,
    outbox,
)

S = FeedbackStatus


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


async def test_a_repeated_report_follows_the_open_ticket(session: AsyncSession) -> None:
    official = await official_actor(session)
    first_citizen, s2, s3 = [await add_citizen(session) for _ in range(3)]
    lead = await file_report(session, first_citizen.id)
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
    lead = await file_report(session, reporter.id)
    again = await file_report(session, follower.id, text="ซอยสีลม 9 ถนนเป็นหลุมลึก รถมอเตอร์ไซค์ล้มอีกแล้ว")
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
    lead = await file_report(session, citizen.id)
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


async def test_with_no_routing_rules_a_report_is_filed_unrouted_and_no_rules_are_loaded(
    session: AsyncSession,
) -> None:
    await session.exec(delete(RoutingRule))
    citizen = await add_citizen(session)
    item = await file_report(session, citizen.id)
    assert item.agency_id is None and item.due_at is None
    assert item.status is S.RECEIVED and item.reference.startswith("SG-")
    assert item.routing_facts == {"code": "no_rule"} and item.routing_reason is None
    assert (await session.exec(select(RoutingRule))).all() == []
    assert [m.kind for m in await outbox(session)] == ["ticket_filed"]
