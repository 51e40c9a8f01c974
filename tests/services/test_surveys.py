"""Surveys: several questions answered one by one, skips, coming back later, changed answers,
one response per citizen, the closing time, and results per question."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services import news, surveys
from services.asking_citizens import Answered
from services.citizen_data.erasure import erase_citizen
from services.errors import ConflictError, InvalidInputError
from services.surveys import NewSurvey, Question
from storage.models import Citizen, OutboundMessage, SurveyAnswer, SurveyResponse
from tests.services.conftest import NOW, add_citizen

LATER = NOW + timedelta(days=7)
QUESTIONS = [
    Question("ใช้บริการรถโดยสารประจำทางบ่อยแค่ไหน", ("ทุกวัน", "ทุกสัปดาห์", "แทบไม่ใช้")),
    Question("อยากให้ปรับปรุงอะไรมากที่สุด", ("ความถี่", "ป้ายรถ"), free_answer=True),
    Question("มีข้อเสนอแนะอื่นไหม", free_answer=True, optional=True),
]


def survey_body(**changes: object) -> NewSurvey:
    body: dict[str, object] = {
        "title": "รถเมล์เชียงใหม่",
        "questions": QUESTIONS,
        "province_codes": ["50"],
        "closes_at": LATER,
        "intro": "ช่วยตอบ 3 ข้อสั้น ๆ",
    }
    body.update(changes)
    return NewSurvey(**body)  # type: ignore[arg-type]


async def _published(session: AsyncSession) -> int:
    survey = await surveys.create(session, survey_body(), now=NOW)
    assert survey.id is not None
    await surveys.publish(session, survey.id, now=NOW)
    return survey.id


async def _person(session: AsyncSession) -> int:
    citizen: Citizen = await add_citizen(session)
    assert citizen.id is not None
    await news.subscribe(session, citizen.id, province_code="50")
    return citizen.id


async def test_it_reaches_the_subscribers_of_its_area_once_each(session: AsyncSession) -> None:
    here = [await _person(session) for _ in range(3)]
    elsewhere = await add_citizen(session)
    assert elsewhere.id is not None
    await news.subscribe(session, elsewhere.id, province_code="10")
    survey = await surveys.create(session, survey_body(), now=NOW)
    assert survey.id is not None
    assert await surveys.publish(session, survey.id, now=NOW) == 3
    assert await surveys.publish(session, survey.id, now=NOW) == 0
    sent = (
        await session.exec(select(OutboundMessage).where(col(OutboundMessage.kind) == "survey"))
    ).all()
    assert sorted(m.citizen_id or 0 for m in sent) == sorted(here)
    assert sent[0].payload["questions"] == 3


async def test_questions_are_answered_in_order_and_the_optional_one_skipped(
    session: AsyncSession,
) -> None:
    survey_id, citizen = await _published(session), await _person(session)
    first = await surveys.answer(
        session, survey_id, citizen_id=citizen, question_index=0, option_index=2, now=NOW
    )
    assert (first.outcome, first.next_question, first.completed_now) == (Answered.NEW, 1, False)
    second = await surveys.answer(
        session,
        survey_id,
        citizen_id=citizen,
        question_index=1,
        redacted_text="อยากได้รถทุก 15 นาที",
        theme="transport",
        now=NOW,
    )
    assert second.next_question == 2
    with pytest.raises(InvalidInputError):  # the first two cannot be skipped
        await surveys.answer(
            session, survey_id, citizen_id=citizen, question_index=0, skipped=True, now=NOW
        )
    with pytest.raises(InvalidInputError):  # an option question without a free answer
        await surveys.answer(
            session, survey_id, citizen_id=citizen, question_index=0, redacted_text="x", now=NOW
        )
    last = await surveys.answer(
        session, survey_id, citizen_id=citizen, question_index=2, skipped=True, now=NOW
    )
    assert (last.next_question, last.completed_now) == (None, True)
    response = (await session.exec(select(SurveyResponse))).one()
    assert response.completed_at == NOW


async def test_a_citizen_who_left_continues_where_they_stopped(session: AsyncSession) -> None:
    survey_id, citizen = await _published(session), await _person(session)
    survey = await surveys.get(session, survey_id)
    assert await surveys.where_to_continue(session, survey, citizen) == 0
    assert await surveys.unfinished(session, citizen, now=NOW) is survey  # asked of their area
    await surveys.answer(
        session, survey_id, citizen_id=citizen, question_index=0, option_index=0, now=NOW
    )
    # ... they tapped the menu and went off; later:
    assert await surveys.where_to_continue(session, survey, citizen) == 1
    assert (await surveys.unfinished(session, citizen, now=NOW)) is survey
    stranger = await add_citizen(session)  # hears no news of Chiang Mai: nothing to carry on
    assert stranger.id is not None
    assert await surveys.unfinished(session, stranger.id, now=NOW) is None
    # Answering the last question first still leads back to the one left open.
    jumped = await surveys.answer(
        session, survey_id, citizen_id=citizen, question_index=2, skipped=True, now=NOW
    )
    assert jumped.next_question == 1


async def test_an_answer_changes_until_close_and_each_citizen_has_one_response(
    session: AsyncSession,
) -> None:
    survey_id, citizen = await _published(session), await _person(session)
    for option in (0, 0, 1):
        await surveys.answer(
            session, survey_id, citizen_id=citizen, question_index=0, option_index=option, now=NOW
        )
    again = await surveys.answer(
        session, survey_id, citizen_id=citizen, question_index=0, option_index=1, now=NOW
    )
    assert again.outcome is Answered.SAME
    responses = await session.scalar(select(func.count()).select_from(SurveyResponse))
    answers = (await session.exec(select(SurveyAnswer))).all()
    assert responses == 1 and len(answers) == 1
    assert (answers[0].option_index, answers[0].changes) == (1, 1)

    await surveys.close(session, survey_id, now=NOW + timedelta(days=1))
    with pytest.raises(ConflictError):
        await surveys.answer(
            session, survey_id, citizen_id=citizen, question_index=1, option_index=0, now=NOW
        )
    with pytest.raises(ConflictError):  # past its closing time, even if never closed
        other = await _published(session)
        await surveys.answer(
            session, other, citizen_id=citizen, question_index=0, option_index=0, now=LATER
        )


async def test_results_count_each_question_and_group_free_answers(session: AsyncSession) -> None:
    survey_id = await _published(session)
    people = [await _person(session) for _ in range(4)]
    for person, option in zip(people, (0, 0, 1, 2), strict=True):
        await surveys.answer(
            session, survey_id, citizen_id=person, question_index=0, option_index=option, now=NOW
        )
    await surveys.answer(
        session, survey_id, citizen_id=people[0], question_index=1, option_index=1, now=NOW
    )
    await surveys.answer(
        session,
        survey_id,
        citizen_id=people[1],
        question_index=1,
        redacted_text="รถมาช้ามาก",
        theme="transport",
        now=NOW,
    )
    await surveys.answer(
        session, survey_id, citizen_id=people[0], question_index=2, skipped=True, now=NOW
    )
    summary = await surveys.results(session, await surveys.get(session, survey_id))
    assert (summary.respondents, summary.completed) == (4, 1)
    first, second, third = summary.questions
    assert [o.count for o in first.options] == [2, 1, 1] and first.answered == 4
    assert [o.count for o in second.options] == [0, 1] and second.free_answer_count == 1
    assert second.themes[0].label == "transport" and second.themes[0].example == "รถมาช้ามาก"
    assert (third.answered, third.skipped) == (0, 1)


@pytest.mark.parametrize(
    ("questions", "problem"),
    [
        ([], "at least one question"),
        ([Question("ข้อเดียว", ("ตัวเลือกเดียว",))], "at least two options"),
        ([Question("ไม่มีทางตอบ")], "give options, allow a free answer"),
        ([Question("ซ้ำ", ("ก", "ก"))], "given twice"),
        ([Question(f"ข้อ {n}", free_answer=True) for n in range(11)], "At most 10 questions"),
    ],
)
async def test_a_survey_that_cannot_be_answered_is_refused(
    session: AsyncSession, questions: list[Question], problem: str
) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        await surveys.create(session, survey_body(questions=questions), now=NOW)


async def test_erasure_forgets_the_typed_words_and_keeps_the_counts(session: AsyncSession) -> None:
    survey_id, citizen_id = await _published(session), await _person(session)
    await surveys.answer(
        session, survey_id, citizen_id=citizen_id, question_index=0, option_index=0, now=NOW
    )
    await surveys.answer(
        session,
        survey_id,
        citizen_id=citizen_id,
        question_index=1,
        redacted_text="รถมาช้า บ้านอยู่ซอย 5",
        theme="transport",
        now=NOW,
    )
    citizen = await session.get(Citizen, citizen_id)
    assert citizen is not None
    await erase_citizen(session, citizen, now=NOW)
    summary = await surveys.results(session, await surveys.get(session, survey_id))
    assert summary.questions[0].options[0].count == 1 and summary.questions[1].answered == 1
    assert summary.questions[1].free_answer_count == 0  # the words are gone
