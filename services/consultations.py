"""Consultations and polls ("decide together"): an agency or a board asks the citizens of some
areas one question; Siang sends it to those who asked to hear about consultations there, takes
one answer per citizen (changeable until it closes), and tells them the results.

Every message goes through the outbox with a key per consultation and citizen, so publishing
again after a crash sends only what was not sent, and no one gets the same message twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services import asking_citizens
from services.asking_citizens import MAX_OPTION_CHARS, MAX_OPTIONS, Answered
from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.question_results import OptionCount, Theme, result_facts, themes_of
from storage.models import Consultation, ConsultationAnswer
from storage.repositories.areas import AreaRepository
from storage.repositories.consultations import ConsultationRepository


@dataclass(frozen=True)
class NewConsultation:
    title: str
    question: str
    options: list[str]
    province_codes: list[str]
    closes_at: datetime
    context: str = ""
    free_answer: bool = False
    district_codes: list[str] = field(default_factory=list)
    opens_at: datetime | None = None
    topics: list[str] = field(default_factory=list)  # `services.topics` codes


def _validated(body: NewConsultation, now: datetime) -> NewConsultation:
    options = [option.strip() for option in body.options]
    if any(not option for option in options):
        raise InvalidInputError("An option is empty.")
    if len(set(options)) != len(options):
        raise InvalidInputError("Two options are the same.")
    if len(options) > MAX_OPTIONS:
        raise InvalidInputError(f"At most {MAX_OPTIONS} options.")
    if any(len(option) > MAX_OPTION_CHARS for option in options):
        raise InvalidInputError(f"An option is longer than {MAX_OPTION_CHARS} characters.")
    if len(options) == 1:
        raise InvalidInputError("A poll needs at least two options.")
    if not options and not body.free_answer:
        raise InvalidInputError("Give options, allow a free answer, or both.")
    asking_citizens.check_reach(body, now)
    if body.opens_at is not None and body.opens_at >= body.closes_at:
        raise InvalidInputError("opens_at is after closes_at.")
    return replace(
        body,
        title=body.title.strip(),
        question=body.question.strip(),
        context=body.context.strip(),
        options=options,
    )


async def create(
    session: AsyncSession,
    body: NewConsultation,
    *,
    now: datetime,
    owner: asking_citizens.Owner = asking_citizens.NOBODY,
) -> Consultation:
    """A draft poll; nobody hears of it until it is published."""
    valid = _validated(body, now)
    consultation = Consultation(
        title=valid.title,
        question=valid.question,
        context=valid.context,
        options=valid.options,
        free_answer=valid.free_answer,
        opens_at=valid.opens_at,
        **asking_citizens.draft_columns(valid, owner, now=now),
    )
    return await ConsultationRepository(session).add(consultation)


async def get(session: AsyncSession, consultation_id: int) -> Consultation:
    consultation = await ConsultationRepository(session).get(consultation_id)
    if consultation is None:
        raise NotFoundError(f"No consultation {consultation_id}.")
    return consultation


def _message(consultation: Consultation) -> dict[str, Any]:
    return {
        "consultation_id": consultation.id,
        "title": consultation.title,
        "question": consultation.question,
        "context": consultation.context,
        "options": list(consultation.options),
        "free_answer": consultation.free_answer,
        "closes_at": consultation.closes_at.isoformat(),
    }


async def publish(session: AsyncSession, consultation_id: int, *, now: datetime) -> int:
    """Open the consultation and queue it for every subscriber of its areas; returns how many
    messages were queued now. Publishing again (after a crash, or for people who subscribed
    since) queues only those who have not had it."""
    consultation = await get(session, consultation_id)
    asking_citizens.open_to_answers(session, consultation, noun="consultation", now=now)
    audience = list(await ConsultationRepository(session).audience(consultation))
    return await asking_citizens.queue_to(
        session,
        audience,
        kind="consultation",
        key=f"consultation:{consultation.id}",
        payload=_message(consultation),
    )


async def close(session: AsyncSession, consultation_id: int, *, now: datetime) -> int:
    """Close it and queue the results to everyone who took part; returns how many were queued."""
    consultation = await get(session, consultation_id)
    await asking_citizens.close_to_answers(session, consultation, now=now)
    summary = await results(session, consultation)
    payload = {
        "consultation_id": consultation.id,
        "title": consultation.title,
        "question": consultation.question,
        "total": summary.total,
        "free_answers": summary.free_answer_count,
        **result_facts(summary.options, summary.themes),
    }
    people = list(await ConsultationRepository(session).participants(consultation_id))
    return await asking_citizens.queue_to(
        session,
        people,
        kind="consultation_results",
        key=f"consultation-results:{consultation.id}",
        payload=payload,
    )


async def _answer_row(
    session: AsyncSession, consultation: Consultation, citizen_id: int, now: datetime
) -> tuple[ConsultationAnswer, bool]:
    """The citizen's answer row (a new one is not yet added), and whether it is new."""
    if not asking_citizens.is_open(consultation, now):
        raise ConflictError("The consultation is closed.")
    assert consultation.id is not None
    repository = ConsultationRepository(session)
    existing = await repository.answer_of(consultation.id, citizen_id)
    if existing is not None:
        return existing, False
    province, district = await asking_citizens.answering_area(
        session, citizen_id, consultation.province_codes
    )
    answer = ConsultationAnswer(
        consultation_id=consultation.id,
        citizen_id=citizen_id,
        province_code=province,
        district_code=district,
        answered_at=now,
    )
    return answer, True


async def _store(session: AsyncSession, answer: ConsultationAnswer, new: bool) -> Answered:
    if new:
        if await ConsultationRepository(session).add_answer_if_new(answer):
            return Answered.NEW
        raise ConflictError("An answer arrived twice at the same moment; the first one counts.")
    session.add(answer)
    await session.flush()
    return Answered.CHANGED


async def answer_option(
    session: AsyncSession,
    consultation_id: int,
    *,
    citizen_id: int,
    option_index: int,
    now: datetime,
) -> Answered:
    """The citizen tapped (or typed) an option. One answer each: a new tap changes it."""
    consultation = await get(session, consultation_id)
    if not 0 <= option_index < len(consultation.options):
        raise InvalidInputError("No such option.")
    answer, new = await _answer_row(session, consultation, citizen_id, now)
    if not new and answer.option_index == option_index:
        return Answered.SAME
    if not new:
        answer.changes += 1
        answer.answered_at = now
    answer.option_index = option_index
    return await _store(session, answer, new)


async def answer_free(
    session: AsyncSession,
    consultation_id: int,
    *,
    citizen_id: int,
    redacted_text: str,
    theme: str | None,
    now: datetime,
) -> Answered:
    """The citizen's own words (personal data already masked), with the NLP's theme."""
    consultation = await get(session, consultation_id)
    if not consultation.free_answer:
        raise InvalidInputError("This consultation takes options only.")
    answer, new = await _answer_row(session, consultation, citizen_id, now)
    if not new:
        answer.changes += 1
        answer.answered_at = now
    answer.free_text = redacted_text[:2000]
    answer.theme = theme
    return await _store(session, answer, new)


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaResult:
    key: str  # a province (or district) code, or "" for answers from no known area
    total: int
    options: list[OptionCount]


@dataclass(frozen=True)
class Results:
    total: int
    options: list[OptionCount]
    by_province: list[AreaResult]
    free_answer_count: int
    themes: list[Theme]
    by_district: list[AreaResult] = field(default_factory=list)  # known districts only


def _areas(
    totals: Counter[str], by_area: dict[str, Counter[int]], labels: list[str]
) -> list[AreaResult]:
    return [
        AreaResult(
            area,
            totals[area],
            [
                OptionCount(label, by_area.get(area, Counter()).get(i, 0))
                for i, label in enumerate(labels)
            ],
        )
        for area in sorted(totals)
    ]


async def results(session: AsyncSession, consultation: Consultation) -> Results:
    """Counts by option, overall, by province and by district, and the free answers grouped by
    theme with a few (masked) examples each."""
    assert consultation.id is not None
    repository = ConsultationRepository(session)
    labels = list(consultation.options)
    overall: Counter[int] = Counter()
    provinces: dict[str, Counter[int]] = {}
    districts: dict[str, Counter[int]] = {}
    province_totals: Counter[str] = Counter()
    district_totals: Counter[str] = Counter()
    for row in await repository.option_counts(consultation.id):
        province, district = row.province_code or "", row.district_code or ""
        province_totals[province] += row.count
        if district:
            district_totals[district] += row.count
        if row.option_index is not None:
            overall[row.option_index] += row.count
            provinces.setdefault(province, Counter())[row.option_index] += row.count
            if district:
                districts.setdefault(district, Counter())[row.option_index] += row.count
    free = await repository.free_answers(consultation.id)
    return Results(
        total=sum(province_totals.values()),
        options=[OptionCount(label, overall.get(i, 0)) for i, label in enumerate(labels)],
        by_province=_areas(province_totals, provinces, labels),
        free_answer_count=len(free),
        themes=themes_of(free),
        by_district=_areas(district_totals, districts, labels),
    )


# --- areas as citizens read them ------------------------------------------------------------


async def area_names(
    session: AsyncSession, province_code: str, district_code: str | None, language: str = "th"
) -> tuple[str, str | None]:
    """The names of a province and (if given) a district, for telling the citizen: official
    English ones for a citizen reading English ("Kathu", "Phuket"), else Thai."""
    areas = AreaRepository(session)
    province = await areas.province(province_code)
    district = await areas.district(district_code) if district_code else None
    english = language == "en"
    return (
        (province.name_en if english else province.name_th) if province else province_code,
        (district.name_en if english else district.name_th) if district else None,
    )
