"""Consultations: who hears of one, one answer per citizen, changed answers, closing, results."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services import consultations, news
from services.asking_citizens import Answered
from services.consultations import NewConsultation
from services.errors import ConflictError, InvalidInputError
from storage.models import Channel, ConsultationStatus, OutboundMessage
from tests.services.conftest import NOW, add_citizen

LATER = NOW + timedelta(days=7)


def poll(**changes: object) -> NewConsultation:
    body: dict[str, object] = {
        "title": "ตลาดนัดวันอาทิตย์",
        "question": "ควรย้ายตลาดนัดไปที่ลานจอดรถเทศบาลไหม",
        "options": ["ย้าย", "ไม่ย้าย", "ไม่แน่ใจ"],
        "province_codes": ["50"],
        "closes_at": LATER,
    }
    body.update(changes)
    return NewConsultation(**body)  # type: ignore[arg-type]


async def _sent(session: AsyncSession, kind: str) -> list[OutboundMessage]:
    rows = await session.exec(
        select(OutboundMessage)
        .where(col(OutboundMessage.kind) == kind)
        .order_by(col(OutboundMessage.id))
    )
    return list(rows.all())


async def test_publishing_reaches_subscribers_of_the_area_only_and_never_twice(
    session: AsyncSession,
) -> None:
    chiang_mai = [await add_citizen(session) for _ in range(3)]
    elsewhere = await add_citizen(session, Channel.TELEGRAM)
    silent = await add_citizen(session)  # subscribed, then asked for no messages
    unsubscribed = await add_citizen(session)
    for citizen in chiang_mai:
        assert citizen.id is not None
        await news.subscribe(session, citizen.id, province_code="50")
    assert elsewhere.id and silent.id and unsubscribed.id
    await news.subscribe(session, elsewhere.id, province_code="10")
    await news.subscribe(session, silent.id, province_code="50")
    silent.notifications_enabled = False
    await news.subscribe(session, unsubscribed.id, province_code="50")
    assert await news.unsubscribe(session, unsubscribed.id) == 1

    draft = await consultations.create(session, poll(), now=NOW)
    assert draft.status is ConsultationStatus.DRAFT
    assert await _sent(session, "consultation") == []
    assert draft.id is not None

    assert await consultations.publish(session, draft.id, now=NOW) == 3
    sent = await _sent(session, "consultation")
    assert sorted(m.citizen_id or 0 for m in sent) == sorted(c.id or 0 for c in chiang_mai)
    assert sent[0].payload["options"] == ["ย้าย", "ไม่ย้าย", "ไม่แน่ใจ"]
    # Published again (a crash mid-way, or new subscribers): only those not yet sent.
    late = await add_citizen(session)
    assert late.id is not None
    await news.subscribe(session, late.id, province_code="50", district_code="5001")
    assert await consultations.publish(session, draft.id, now=NOW) == 1
    assert len(await _sent(session, "consultation")) == 4


async def test_one_answer_per_citizen_changeable_until_close_then_refused(
    session: AsyncSession,
) -> None:
    people = [await add_citizen(session) for _ in range(4)]
    for person in people:
        assert person.id is not None
        await news.subscribe(session, person.id, province_code="50")
    consultation = await consultations.create(session, poll(), now=NOW)
    assert consultation.id is not None
    await consultations.publish(session, consultation.id, now=NOW)
    ids = [p.id for p in people if p.id is not None]

    answer = consultations.answer_option
    assert await answer(session, consultation.id, citizen_id=ids[0], option_index=0, now=NOW) == (
        Answered.NEW
    )
    assert await answer(session, consultation.id, citizen_id=ids[0], option_index=0, now=NOW) == (
        Answered.SAME
    )
    assert await answer(session, consultation.id, citizen_id=ids[0], option_index=1, now=NOW) == (
        Answered.CHANGED
    )
    await answer(session, consultation.id, citizen_id=ids[1], option_index=1, now=NOW)
    await answer(session, consultation.id, citizen_id=ids[2], option_index=2, now=NOW)
    with pytest.raises(InvalidInputError):
        await answer(session, consultation.id, citizen_id=ids[3], option_index=3, now=NOW)

    summary = await consultations.results(session, consultation)
    assert summary.total == 3
    assert [(o.label, o.count) for o in summary.options] == [
        ("ย้าย", 0),
        ("ไม่ย้าย", 2),
        ("ไม่แน่ใจ", 1),
    ]
    assert [(a.key, a.total) for a in summary.by_province] == [("50", 3)]

    # Past its closing time an answer is refused even before anyone closes it.
    with pytest.raises(ConflictError):
        await answer(session, consultation.id, citizen_id=ids[3], option_index=0, now=LATER)
    assert await consultations.close(session, consultation.id, now=LATER) == 3
    told = await _sent(session, "consultation_results")
    assert sorted(m.citizen_id or 0 for m in told) == sorted(ids[:3])
    assert told[0].payload["options"] == [
        {"label": "ย้าย", "count": 0},
        {"label": "ไม่ย้าย", "count": 2},
        {"label": "ไม่แน่ใจ", "count": 1},
    ]
    with pytest.raises(ConflictError):
        await answer(session, consultation.id, citizen_id=ids[0], option_index=0, now=LATER)
    assert await consultations.close(session, consultation.id, now=LATER) == 0  # told once


async def test_free_answers_are_grouped_by_theme_with_a_redacted_example(
    session: AsyncSession,
) -> None:
    consultation = await consultations.create(session, poll(options=[], free_answer=True), now=NOW)
    assert consultation.id is not None
    await consultations.publish(session, consultation.id, now=NOW)
    themes = ["ถนน", "ถนน", "ความสะอาด"]
    for theme in themes:
        person = await add_citizen(session)
        assert person.id is not None
        await consultations.answer_free(
            session,
            consultation.id,
            citizen_id=person.id,
            redacted_text=f"อยากให้แก้เรื่อง{theme} ติดต่อ [เบอร์โทร]",
            theme=theme,
            now=NOW,
        )
    summary = await consultations.results(session, consultation)
    assert summary.free_answer_count == 3
    assert [(t.label, t.count) for t in summary.themes] == [("ถนน", 2), ("ความสะอาด", 1)]
    assert summary.themes[0].example == "อยากให้แก้เรื่องถนน ติดต่อ [เบอร์โทร]"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"options": ["ใช่"]}, "at least two"),
        ({"options": ["ใช่", "ใช่"]}, "same"),
        ({"options": [], "free_answer": False}, "free answer"),
        ({"province_codes": []}, "province"),
        ({"closes_at": NOW - timedelta(hours=1)}, "past"),
        ({"options": ["ใช่", " "]}, "empty"),
    ],
)
async def test_a_consultation_that_could_not_be_answered_is_refused(
    session: AsyncSession, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        await consultations.create(session, poll(**changes), now=NOW)


async def test_a_draft_cannot_be_closed_and_a_closed_one_not_published_again(
    session: AsyncSession,
) -> None:
    consultation = await consultations.create(session, poll(), now=NOW)
    assert consultation.id is not None
    with pytest.raises(ConflictError):
        await consultations.close(session, consultation.id, now=NOW)
    await consultations.publish(session, consultation.id, now=NOW)
    await consultations.close(session, consultation.id, now=NOW + timedelta(hours=1))
    with pytest.raises(ConflictError):
        await consultations.publish(session, consultation.id, now=NOW + timedelta(hours=2))
