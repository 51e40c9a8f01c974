"""What the survey pages show: the reader's surveys beside their consultations, and one
survey's results question by question (the summary /public and the digests show)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.asked_lists import ListedAsked, listed_with_areas
from admin.surveys import service
from admin.surveys.summary import SurveySummary, summarise_survey
from storage.models import Survey
from storage.repositories.surveys import SurveyRepository


async def listed(
    session: AsyncSession, principal: Principal, *, language: str
) -> list[ListedAsked[Survey]]:
    """The reader's surveys with their provinces' names and respondents so far."""
    found = await service.visible(session, principal)
    respondents = await SurveyRepository(session).respondent_totals([s.id for s in found if s.id])
    return await listed_with_areas(session, found, respondents, language=language)


async def one(
    session: AsyncSession, principal: Principal, survey_id: int, *, language: str
) -> SurveySummary:
    """One survey's results, if the reader may read it (NotFoundError otherwise)."""
    survey = await service.readable(session, principal, survey_id)
    return await summarise_survey(session, survey, language=language)
