"""/api/v1/surveys: create, publish, close, and read the results per question (scoped to the
owner, like consultations)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from admin.auth.dependencies import CurrentUser
from admin.dependencies import SessionDep
from admin.surveys import service
from admin.surveys.schemas import SurveyPublic, SurveyResults, SurveySent, SurveyWrite
from storage.models import SurveyStatus
from storage.types import utcnow

router = APIRouter(prefix="/surveys", tags=["surveys"])

SurveyId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("", response_model=SurveyPublic, status_code=status.HTTP_201_CREATED)
async def create_survey(
    body: SurveyWrite, principal: CurrentUser, session: SessionDep
) -> SurveyPublic:
    """A draft: nobody hears of it until it is published."""
    return await service.create(session, principal, body, now=utcnow())


@router.get("", response_model=list[SurveyPublic])
async def list_surveys(
    principal: CurrentUser,
    session: SessionDep,
    status: Annotated[SurveyStatus | None, Query()] = None,
) -> list[SurveyPublic]:
    """Yours (your agency's, your board's; an admin's: all), newest first."""
    return await service.listed(session, principal, status=status)


@router.get("/{survey_id}", response_model=SurveyPublic)
async def get_survey(
    survey_id: SurveyId, principal: CurrentUser, session: SessionDep
) -> SurveyPublic:
    return await service.one(session, principal, survey_id)


@router.post("/{survey_id}/publish", response_model=SurveySent)
async def publish_survey(
    survey_id: SurveyId, principal: CurrentUser, session: SessionDep
) -> SurveySent:
    """Send it to the citizens of its areas who asked to hear about consultations (again: only
    to those who have not had it)."""
    return await service.publish(session, principal, survey_id, now=utcnow())


@router.post("/{survey_id}/close", response_model=SurveySent)
async def close_survey(
    survey_id: SurveyId, principal: CurrentUser, session: SessionDep
) -> SurveySent:
    """Stop taking answers; the results stay readable."""
    return await service.close(session, principal, survey_id, now=utcnow())


@router.get("/{survey_id}/results", response_model=SurveyResults)
async def survey_results(
    survey_id: SurveyId, principal: CurrentUser, session: SessionDep
) -> SurveyResults:
    """Per question: answers, skips, counts by option, and the free answers' themes."""
    return await service.results(session, principal, survey_id)
