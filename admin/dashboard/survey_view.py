"""What the survey pages show: the reader's surveys beside their consultations, and one
survey's results question by question (the summary /public and the digests show)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.consultation_view import areas_named
from admin.surveys import service
from admin.surveys.summary import SurveySummary, summarise_survey
from storage.models import Survey
from storage.repositories.surveys import SurveyRepository


@dataclass(frozen=True)
class ListedSurvey:
    survey: Survey
    provinces: str
    respondents: int


async def listed(
    session: AsyncSession, principal: Principal, *, language: str
) -> list[ListedSurvey]:
    """The reader's surveys with their provinces' names and respondents so far, read for the
    whole list at once."""
    found = await service.visible(session, principal)
    totals = await SurveyRepository(session).respondent_totals([s.id for s in found if s.id])
    areas = await areas_named(session, [s.province_codes for s in found], language=language)
    return [
        ListedSurvey(survey, where, totals.get(survey.id or 0, 0))
        for survey, where in zip(found, areas, strict=True)
    ]


async def one(
    session: AsyncSession, principal: Principal, survey_id: int, *, language: str
) -> SurveySummary:
    """One survey's results, if the reader may read it (NotFoundError otherwise)."""
    survey = await service.readable(session, principal, survey_id)
    return await summarise_survey(session, survey, language=language)
