"""The digest's consultation section: the consultations and surveys that closed in the digest's
week, asked of the board's province (or owned by the agency), with their published summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.summary import ThemeShown
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


def _result(summary: ConsultationSummary, province_code: str | None) -> ConsultationResult:
    assert summary.closed_at is not None
    return ConsultationResult(
        title=summary.title,
        question=summary.question,
        owner=summary.owner,
        closed_at=summary.closed_at,
        total=summary.total,
        options=_options(summary.options, summary.share),
        areas=[
            ConsultationArea(name=a.name, total=a.total)
            for a in _areas(summary, province_code)[:AREAS]
        ],
        free_answers=summary.free_answers,
        themes=_themes(summary.themes),
    )


def _options(options: list[OptionCount], share: Callable[[int], float]) -> list[ConsultationOption]:
    """Each option's count and its share (a consultation's of everyone who answered, a survey
    question's of those who picked an option)."""
    return [
        ConsultationOption(label=o.label, count=o.count, share_pct=share(o.count)) for o in options
    ]


def _themes(themes: list[ThemeShown]) -> list[ConsultationTheme]:
    return [ConsultationTheme(label=t.label, count=t.count, examples=t.examples) for t in themes]


def _survey_result(summary: SurveySummary) -> SurveyResult:
    assert summary.closed_at is not None
    return SurveyResult(
        title=summary.title,
        owner=summary.owner,
        closed_at=summary.closed_at,
        respondents=summary.respondents,
        completed=summary.completed,
        questions=[
            SurveyQuestionResult(
                number=question.number,
                text=question.text,
                answered=question.answered,
                options=_options(question.options, question.share),
                free_answers=question.free_answers,
                themes=_themes(question.themes),
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
