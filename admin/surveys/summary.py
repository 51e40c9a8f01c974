"""A closed survey's results as anyone may read them, in the reader's language: per question,
the counts by option and the typed answers' themes with examples masked for the public.

The same summary is the workspace's results, the public page's and a board's digest section
(as `admin.consultations.summary` is for consultations; what both share is
`admin.asking.summary`). Nothing in it
names a citizen: counts, and examples that are stored redacted texts masked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.summary import (
    ThemeShown,
    owner_name,
    province_names,
    reader_language,
    themes_shown,
)
from services import surveys
from services.question_results import OptionCount
from storage.models import Survey, SurveyStatus
from storage.repositories.public_figures import PublicFiguresRepository


@dataclass(frozen=True)
class QuestionShown:
    number: int
    text: str
    answered: int
    skipped: int
    options: list[OptionCount]
    free_answers: int
    themes: list[ThemeShown]

    def share(self, count: int) -> float:
        """`count` as a percentage of those who picked an option (0 when nobody did)."""
        picked = sum(option.count for option in self.options)
        return round(count * 100.0 / picked, 1) if picked else 0.0


@dataclass(frozen=True)
class SurveySummary:
    id: int
    title: str
    status: SurveyStatus
    owner: str  # the agency's or the board's name
    provinces: list[str]  # names
    published_at: datetime | None
    closes_at: datetime
    closed_at: datetime | None
    respondents: int
    completed: int
    questions: list[QuestionShown]


async def summarise_survey(
    session: AsyncSession, survey: Survey, *, language: str
) -> SurveySummary:
    """The survey's results now (live while it is open, final once closed)."""
    assert survey.id is not None
    language = reader_language(language)
    results = await surveys.results(session, survey)
    provinces = await PublicFiguresRepository(session).provinces(sorted(survey.province_codes))
    return SurveySummary(
        id=survey.id,
        title=survey.title,
        status=survey.status,
        owner=await owner_name(session, survey, language=language),
        provinces=province_names(survey.province_codes, provinces, language=language),
        published_at=survey.published_at,
        closes_at=survey.closes_at,
        closed_at=survey.closed_at,
        respondents=results.respondents,
        completed=results.completed,
        questions=[
            QuestionShown(
                number=number,
                text=question.text,
                answered=question.answered,
                skipped=question.skipped,
                options=question.options,
                free_answers=question.free_answer_count,
                themes=themes_shown(question.themes, language),
            )
            for number, question in enumerate(results.questions, start=1)
        ],
    )
