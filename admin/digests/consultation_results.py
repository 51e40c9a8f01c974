"""The digest's consultation section: the consultations and surveys that closed in the digest's
week, asked of the board's province (or owned by the agency), with their published summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.summary import SummaryHeading, ThemeShown
from admin.consultations.summary import AreaCounts, ConsultationSummary, summarise
from admin.digests.schemas import (
    ConsultationArea,
    ConsultationOption,
    ConsultationResult,
    ConsultationSection,
    ConsultationTheme,
    DigestSubjectInfo,
    SurveyQuestionResult,
    SurveyResult,
)
from admin.surveys.summary import SurveySummary, summarise_survey
from services.question_results import OptionCount
from storage.repositories.consultations import ConsultationRepository
from storage.repositories.surveys import SurveyRepository

AREAS = 10


def _areas(summary: ConsultationSummary, province_code: str | None) -> list[AreaCounts]:
    """A board reads its own districts; an agency (or a consultation answered from nowhere
    known by district) reads provinces."""
    if province_code is not None:
        districts = [a for a in summary.by_district if a.code.startswith(province_code)]
        if districts:
            return districts
    return summary.by_province


def _closed(summary: SummaryHeading) -> dict[str, Any]:
    """What the digest names of a closed consultation or survey: its title, whose, when."""
    assert summary.closed_at is not None
    return {"title": summary.title, "owner": summary.owner, "closed_at": summary.closed_at}


def _answers(
    options: list[OptionCount],
    share: Callable[[int], float],
    free_answers: int,
    themes: list[ThemeShown],
) -> dict[str, Any]:
    """One question's answers in the digest, a consultation's or a survey question's: each
    option's count and share (a consultation's of everyone who answered, a survey question's of
    those who picked an option), and the typed answers' count and themes."""
    return {
        "options": [
            ConsultationOption(label=o.label, count=o.count, share_pct=share(o.count))
            for o in options
        ],
        "free_answers": free_answers,
        "themes": [
            ConsultationTheme(label=t.label, count=t.count, examples=t.examples) for t in themes
        ],
    }


def _result(summary: ConsultationSummary, province_code: str | None) -> ConsultationResult:
    return ConsultationResult(
        **_closed(summary),
        question=summary.question,
        total=summary.total,
        areas=[
            ConsultationArea(name=a.name, total=a.total)
            for a in _areas(summary, province_code)[:AREAS]
        ],
        **_answers(summary.options, summary.share, summary.free_answers, summary.themes),
    )


def _survey_result(summary: SurveySummary) -> SurveyResult:
    return SurveyResult(
        **_closed(summary),
        respondents=summary.respondents,
        completed=summary.completed,
        questions=[
            SurveyQuestionResult(
                number=question.number,
                text=question.text,
                answered=question.answered,
                **_answers(
                    question.options, question.share, question.free_answers, question.themes
                ),
            )
            for question in summary.questions
        ],
    )


async def consultation_section(
    session: AsyncSession,
    *,
    info: DigestSubjectInfo,
    agency_id: int | None,
    start: datetime,
    end: datetime,
) -> ConsultationSection:
    """A board's section: consultations and surveys asked of its province; an agency's: its
    own."""
    board = info.kind == "board"
    province = info.province_code if board else None
    owner = None if board else agency_id
    found = await ConsultationRepository(session).closed(
        province_code=province, agency_id=owner, closed_from=start, closed_to=end
    )
    surveys = await SurveyRepository(session).closed(
        province_code=province, agency_id=owner, closed_from=start, closed_to=end
    )
    return ConsultationSection(
        results=[  # in the order they closed
            _result(await summarise(session, consultation, language="th"), province)
            for consultation in reversed(found)
        ],
        surveys=[
            _survey_result(await summarise_survey(session, survey, language="th"))
            for survey in reversed(surveys)
        ],
    )
