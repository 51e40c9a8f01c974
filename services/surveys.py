"""Surveys: several questions put to the citizens of some areas, answered one by one in chat.

A survey is its own model (`Survey`, `SurveyResponse`, `SurveyAnswer`), not a consultation with
several questions: a consultation is one decision with live results by area, digests, /public
pages and indicators built on its one answer per citizen; a survey is a questionnaire whose
citizen moves through questions, skips the optional ones, stops and comes back. Generalising
`Consultation` would have changed its table, its API and every reader of its answers; a new
model keeps all of that as it is and shares only what is truly the same: the audience (the
citizens who asked for news of the area, `ConsultationRepository.audience_in`), opening and
closing, the outbox with one key per survey and citizen (`services.asking_citizens`), and the
counts and themes of one question's answers (`services.question_results`).

The engine here (`Question`, `next_question`, `check_answer`) is also what runs the built-in
satisfaction questions after a resolution (`services.satisfaction`), whose answers are written
to the ticket instead of a `SurveyAnswer`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services import asking_citizens
from services.asking_citizens import MAX_OPTION_CHARS, MAX_OPTIONS, Answered
from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.question_results import OptionCount, Theme, result_facts, themes_of
from storage.models import Survey, SurveyAnswer, SurveyResponse, SurveyStatus
from storage.repositories.consultations import ConsultationRepository
from storage.repositories.surveys import SurveyRepository

MAX_QUESTIONS = 10  # a chat survey longer than this is not finished by many


@dataclass(frozen=True)
class Question:
    """One question: options to tap and/or a free answer; an optional one can be skipped.
    Tapping one of `stop_options` ends the survey there (the built-in satisfaction survey:
    "not fixed" asks nothing more)."""

    text: str
    options: tuple[str, ...] = ()
    free_answer: bool = False
    optional: bool = False
    stop_options: frozenset[int] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "options": list(self.options),
            "free_answer": self.free_answer,
            "optional": self.optional,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Question:
        return cls(
            text=str(raw["text"]),
            options=tuple(str(o) for o in raw.get("options") or ()),
            free_answer=bool(raw.get("free_answer")),
            optional=bool(raw.get("optional")),
        )


def questions_of(survey: Survey) -> list[Question]:
    return [Question.from_json(raw) for raw in survey.questions]


def check_answer(
    question: Question, *, option_index: int | None, text: str | None, skipped: bool
) -> None:
    """Refuse an answer the question does not take."""
    if skipped:
        if not question.optional:
            raise InvalidInputError("This question cannot be skipped.")
        return
    if option_index is not None and not 0 <= option_index < len(question.options):
        raise InvalidInputError("No such option.")
    if text is not None and not question.free_answer:
        raise InvalidInputError("This question takes options only.")
    if option_index is None and not (text or "").strip():
        raise InvalidInputError("No answer.")


def next_question(
    questions: list[Question], answered: Collection[int], *, after: int | None = None
) -> int | None:
    """The question to ask next: the first unanswered one after `after`, else the first
    unanswered one at all; None when every question is answered (or skipped)."""
    start = -1 if after is None else after
    order: list[int] = [*range(start + 1, len(questions)), *range(0, start + 1)]
    for index in order:
        if index not in answered:
            return index
    return None


# --- creating, publishing, closing ---------------------------------------------------------


@dataclass(frozen=True)
class NewSurvey:
    title: str
    questions: list[Question]
    province_codes: list[str]
    closes_at: datetime
    intro: str = ""
    district_codes: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # `services.topics` codes


def _valid_question(question: Question, number: int) -> Question:
    options = tuple(option.strip() for option in question.options)
    where = f"Question {number}:"
    if not question.text.strip():
        raise InvalidInputError(f"{where} the text is empty.")
    if any(not option for option in options) or len(set(options)) != len(options):
        raise InvalidInputError(f"{where} an option is empty or given twice.")
    if len(options) > MAX_OPTIONS:
        raise InvalidInputError(f"{where} at most {MAX_OPTIONS} options.")
    if any(len(option) > MAX_OPTION_CHARS for option in options):
        raise InvalidInputError(f"{where} an option is longer than {MAX_OPTION_CHARS} characters.")
    if len(options) == 1:
        raise InvalidInputError(f"{where} give at least two options, or none.")
    if not options and not question.free_answer:
        raise InvalidInputError(f"{where} give options, allow a free answer, or both.")
    return Question(question.text.strip(), options, question.free_answer, question.optional)


def _validated(body: NewSurvey, now: datetime) -> NewSurvey:
    if not body.questions:
        raise InvalidInputError("A survey needs at least one question.")
    if len(body.questions) > MAX_QUESTIONS:
        raise InvalidInputError(f"At most {MAX_QUESTIONS} questions.")
    asking_citizens.check_reach(body, now)
    return replace(
        body,
        title=body.title.strip(),
        questions=[_valid_question(q, n) for n, q in enumerate(body.questions, start=1)],
        intro=body.intro.strip(),
    )


async def create(
    session: AsyncSession,
    body: NewSurvey,
    *,
    now: datetime,
    owner: asking_citizens.Owner = asking_citizens.NOBODY,
) -> Survey:
    """A draft questionnaire; nobody hears of it until it is published."""
    valid = _validated(body, now)
    survey = Survey(
        title=valid.title,
        intro=valid.intro,
        questions=[q.to_json() for q in valid.questions],
        **asking_citizens.draft_columns(valid, owner, now=now),
    )
    return await SurveyRepository(session).add(survey)


async def get(session: AsyncSession, survey_id: int) -> Survey:
    survey = await SurveyRepository(session).get(survey_id)
    if survey is None:
        raise NotFoundError(f"No survey {survey_id}.")
    return survey


async def publish(session: AsyncSession, survey_id: int, *, now: datetime) -> int:
    """Open the survey and queue it for every subscriber of its areas; returns how many were
    queued now. Publishing again queues only those who have not had it."""
    survey = await get(session, survey_id)
    asking_citizens.open_to_answers(session, survey, noun="survey", now=now)
    payload = {
        "survey_id": survey.id,
        "title": survey.title,
        "intro": survey.intro,
        "questions": len(survey.questions),
        "closes_at": survey.closes_at.isoformat(),
    }
    audience = list(await SurveyRepository(session).audience(survey))
    # One LINE multicast per 500 people, as a consultation goes (dedupe `survey:<id>:citizen:<id>`).
    return await asking_citizens.queue_to(
        session, audience, kind="survey", key=f"survey:{survey.id}", payload=payload
    )


async def close(session: AsyncSession, survey_id: int, *, now: datetime) -> int:
    """Stop taking answers and queue the results to everyone who answered at least one question;
    returns how many were queued now (closing again queues only those not yet sent)."""
    survey = await get(session, survey_id)
    await asking_citizens.close_to_answers(session, survey, now=now)
    summary = await results(session, survey)
    payload = {
        "survey_id": survey.id,
        "title": survey.title,
        "respondents": summary.respondents,
        "completed": summary.completed,
        "questions": [
            {
                "text": question.text,
                "answered": question.answered,
                "free_answers": question.free_answer_count,
                **result_facts(question.options, question.themes),
            }
            for question in summary.questions
        ],
    }
    return await asking_citizens.queue_to(
        session,
        await SurveyRepository(session).participants(survey_id),
        kind="survey_results",
        key=f"survey-results:{survey.id}",
        payload=payload,
    )


# --- answering ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """What an answer did, and where the citizen goes next (None: every question answered)."""

    outcome: Answered
    next_question: int | None
    completed_now: bool


async def _response(
    session: AsyncSession, survey: Survey, citizen_id: int, now: datetime
) -> SurveyResponse:
    assert survey.id is not None
    repository = SurveyRepository(session)
    existing = await repository.response_of(survey.id, citizen_id)
    if existing is not None:
        return existing
    province, district = await asking_citizens.answering_area(
        session, citizen_id, survey.province_codes
    )
    new = SurveyResponse(
        survey_id=survey.id,
        citizen_id=citizen_id,
        province_code=province,
        district_code=district,
        started_at=now,
    )
    added = await repository.add_response_if_new(new)
    if added is None:  # the same citizen's other message got there first
        raise ConflictError("An answer arrived twice at the same moment; the first one counts.")
    return added


def _same(answer: SurveyAnswer, option: int | None, text: str | None, skipped: bool) -> bool:
    return (answer.option_index, answer.free_text, answer.skipped) == (option, text, skipped)


async def answer(
    session: AsyncSession,
    survey_id: int,
    *,
    citizen_id: int,
    question_index: int,
    now: datetime,
    option_index: int | None = None,
    redacted_text: str | None = None,
    theme: str | None = None,
    skipped: bool = False,
) -> Progress:
    """The citizen's answer to one question (a tapped option, their masked words, or a skip);
    a new answer to an answered question changes it, until the survey closes."""
    survey = await get(session, survey_id)
    questions = questions_of(survey)
    if not 0 <= question_index < len(questions):
        raise InvalidInputError("No such question.")
    text = redacted_text[:2000] if redacted_text is not None else None
    check_answer(questions[question_index], option_index=option_index, text=text, skipped=skipped)
    if not asking_citizens.is_open(survey, now):
        raise ConflictError("The survey is closed.")
    response = await _response(session, survey, citizen_id, now)
    assert response.id is not None
    repository = SurveyRepository(session)
    answers = await repository.answers_of(response.id)
    existing = answers.get(question_index)
    if existing is not None and _same(existing, option_index, text, skipped):
        outcome = Answered.SAME
    elif existing is not None:
        existing.option_index, existing.free_text, existing.theme = option_index, text, theme
        existing.skipped, existing.answered_at = skipped, now
        existing.changes += 1
        await repository.save(existing)
        outcome = Answered.CHANGED
    else:
        row = SurveyAnswer(
            response_id=response.id,
            survey_id=survey_id,
            question_index=question_index,
            option_index=option_index,
            free_text=text,
            theme=theme,
            skipped=skipped,
            answered_at=now,
        )
        if not await repository.add_answer_if_new(row):
            raise ConflictError("An answer arrived twice at the same moment; the first one counts.")
        outcome = Answered.NEW
    following = next_question(questions, {*answers, question_index}, after=question_index)
    completed_now = following is None and response.completed_at is None
    if completed_now:
        response.completed_at = now
        await repository.save(response)
    return Progress(outcome, following, completed_now)


async def where_to_continue(session: AsyncSession, survey: Survey, citizen_id: int) -> int | None:
    """The first question the citizen has not answered (0 before they start; None when done)."""
    assert survey.id is not None
    repository = SurveyRepository(session)
    response = await repository.response_of(survey.id, citizen_id)
    answered = await repository.answers_of(response.id) if response and response.id else {}
    return next_question(questions_of(survey), answered)


async def unfinished(session: AsyncSession, citizen_id: int, *, now: datetime) -> Survey | None:
    """The open survey the citizen last started and did not finish (to continue it), else the
    newest open one asked of an area they hear news of that they have not started."""
    repository = SurveyRepository(session)
    for survey in await repository.unfinished_of(citizen_id):
        if asking_citizens.is_open(survey, now):
            return survey
    areas = await ConsultationRepository(session).subscriptions_of(citizen_id)
    for survey in await repository.listed(status=SurveyStatus.PUBLISHED):
        asked = any(
            area.province_code in survey.province_codes
            and (not survey.district_codes or area.district_code in ("", *survey.district_codes))
            for area in areas
        )
        if (
            asked
            and asking_citizens.is_open(survey, now)
            and survey.id is not None
            and await repository.response_of(survey.id, citizen_id) is None
        ):
            return survey
    return None


# --- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    text: str
    answered: int  # an option or words (or both)
    skipped: int
    options: list[OptionCount]
    free_answer_count: int
    themes: list[Theme]


@dataclass(frozen=True)
class SurveyResults:
    respondents: int  # answered at least one question
    completed: int  # answered (or skipped) every question
    questions: list[QuestionResult]


async def results(session: AsyncSession, survey: Survey) -> SurveyResults:
    """Per question: answers, skips, counts by option, and the free answers grouped by theme
    with a few (masked) examples each."""
    assert survey.id is not None
    repository = SurveyRepository(session)
    answered: Counter[int] = Counter()
    skipped: Counter[int] = Counter()
    chosen: dict[int, Counter[int]] = {}
    for row in await repository.question_counts(survey.id):
        if row.skipped:
            skipped[row.question_index] += row.count
            continue
        answered[row.question_index] += row.count
        if row.option_index is not None:
            chosen.setdefault(row.question_index, Counter())[row.option_index] += row.count
    free: dict[int, list[SurveyAnswer]] = {}
    for free_answer in await repository.free_answers(survey.id):
        free.setdefault(free_answer.question_index, []).append(free_answer)
    started, completed = await repository.response_totals(survey.id)
    return SurveyResults(
        respondents=started,
        completed=completed,
        questions=[
            QuestionResult(
                text=question.text,
                answered=answered[index],
                skipped=skipped[index],
                options=[
                    OptionCount(label, chosen.get(index, Counter())[i])
                    for i, label in enumerate(question.options)
                ],
                free_answer_count=len(free.get(index, [])),
                themes=themes_of(free.get(index, [])),
            )
            for index, question in enumerate(questions_of(survey))
        ],
    )
