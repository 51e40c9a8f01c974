"""A closed survey's results as anyone may read them, in the reader's language: per question,
the counts by option and the typed answers' themes with examples masked for the public.

The same summary is the workspace's results, the public page's and a board's digest section
(as `admin.consultations.summary` is for consultations; what both share is
`admin.asking.summary`). Nothing in it
names a citizen: counts, and examples that are stored redacted texts masked again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking import summary as asked
from services import surveys
from services.question_results import OptionCount
from storage.models import Survey
from storage.repositories.public_figures import PublicFiguresRepository


@dataclass(frozen=True)
class QuestionShown:
    number: int
    text: str
    answered: int
    skipped: int
    options: list[OptionCount]
    free_answers: int
    themes: list[asked.ThemeShown]

    def share(self, count: int) -> float:
        """`count` as a percentage of those who picked an option (0 when nobody did)."""
        picked = sum(option.count for option in self.options)
        return round(count * 100.0 / picked, 1) if picked else 0.0


@dataclass(frozen=True)
class SurveySummary(asked.SummaryHeading):
    respondents: int
    completed: int
    questions: list[QuestionShown]


async def summarise_survey(
    session: AsyncSession, survey: Survey, *, language: str
) -> SurveySummary:
    """The survey's results now (live while it is open, final once closed)."""
    assert survey.id is not None
    language = asked.reader_language(language)
    results = await surveys.results(session, survey)
    provinces = await PublicFiguresRepository(session).provinces(sorted(survey.province_codes))
    return SurveySummary(
        **await asked.heading_fields(session, survey, provinces, language=language),
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
                themes=asked.themes_shown(question.themes, language),
            )
            for number, question in enumerate(results.questions, start=1)
        ],
    )
