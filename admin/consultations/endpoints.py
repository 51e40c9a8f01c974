"""/api/v1/consultations: create, publish, close, and read the results (scoped to the owner)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from admin.auth.dependencies import CurrentUser
from admin.consultations import service
from admin.consultations.schemas import (
    ConsultationPublic,
    ConsultationResults,
    ConsultationWrite,
    Sent,
)
from admin.dependencies import SessionDep
from storage.models import ConsultationStatus
from storage.types import utcnow

router = APIRouter(prefix="/consultations", tags=["consultations"])

ConsultationId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("", response_model=ConsultationPublic, status_code=status.HTTP_201_CREATED)
async def create_consultation(
    body: ConsultationWrite, principal: CurrentUser, session: SessionDep
) -> ConsultationPublic:
    """A draft: nobody hears of it until it is published."""
    return await service.create(session, principal, body, now=utcnow())


@router.get("", response_model=list[ConsultationPublic])
async def list_consultations(
    principal: CurrentUser,
    session: SessionDep,
    status: Annotated[ConsultationStatus | None, Query()] = None,
) -> list[ConsultationPublic]:
    """Yours (your agency's, your board's; an admin's: all), newest first."""
    return await service.listed(session, principal, status=status)


@router.get("/{consultation_id}", response_model=ConsultationPublic)
async def get_consultation(
    consultation_id: ConsultationId, principal: CurrentUser, session: SessionDep
) -> ConsultationPublic:
    return await service.one(session, principal, consultation_id)


@router.post("/{consultation_id}/publish", response_model=Sent)
async def publish_consultation(
    consultation_id: ConsultationId, principal: CurrentUser, session: SessionDep
) -> Sent:
    """Send it to the citizens of its areas who asked to hear about consultations (again: only
    to those who have not had it)."""
    return await service.publish(session, principal, consultation_id, now=utcnow())


@router.post("/{consultation_id}/close", response_model=Sent)
async def close_consultation(
    consultation_id: ConsultationId, principal: CurrentUser, session: SessionDep
) -> Sent:
    """Stop taking answers and tell everyone who took part the results."""
    return await service.close(session, principal, consultation_id, now=utcnow())


@router.get("/{consultation_id}/results", response_model=ConsultationResults)
async def consultation_results(
    consultation_id: ConsultationId, principal: CurrentUser, session: SessionDep
) -> ConsultationResults:
    """Counts by option, overall and by province, and the free answers' themes."""
    return await service.results(session, principal, consultation_id)
