"""/api/v1/volunteering/programmes: post, publish, cancel, see who signed up, record who came
(scoped to the organising agency)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status

from admin.auth.dependencies import CurrentUser
from admin.dependencies import SessionDep
from admin.volunteering import service
from admin.volunteering.schemas import (
    Attendance,
    Cancelled,
    ProgrammeDetail,
    ProgrammePublic,
    ProgrammeWrite,
)
from storage.types import utcnow

router = APIRouter(prefix="/volunteering/programmes", tags=["volunteering"])

ProgrammeId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("", response_model=ProgrammePublic, status_code=status.HTTP_201_CREATED)
async def create_programme(
    body: ProgrammeWrite, principal: CurrentUser, session: SessionDep
) -> ProgrammePublic:
    """A draft: no citizen sees it until it is published."""
    return await service.create(session, principal, body, now=utcnow())


@router.get("", response_model=list[ProgrammePublic])
async def list_programmes(principal: CurrentUser, session: SessionDep) -> list[ProgrammePublic]:
    """Your agency's (a board's: its province's; an admin's: all), soonest first."""
    return await service.listed(session, principal)


@router.get("/{programme_id}", response_model=ProgrammeDetail)
async def get_programme(
    programme_id: ProgrammeId, principal: CurrentUser, session: SessionDep
) -> ProgrammeDetail:
    """The programme with its counts; the organising agency also sees who signed up."""
    return await service.one(session, principal, programme_id)


@router.post("/{programme_id}/publish", response_model=ProgrammePublic)
async def publish_programme(
    programme_id: ProgrammeId, principal: CurrentUser, session: SessionDep
) -> ProgrammePublic:
    """Open it to sign-ups: citizens near it see it when they ask for volunteer work."""
    return await service.publish(session, principal, programme_id, now=utcnow())


@router.post("/{programme_id}/cancel", response_model=Cancelled)
async def cancel_programme(
    programme_id: ProgrammeId, principal: CurrentUser, session: SessionDep
) -> Cancelled:
    """Call it off; everyone signed up or waiting is told by chat."""
    return await service.cancel(session, principal, programme_id, now=utcnow())


@router.post("/{programme_id}/attendance", response_model=ProgrammeDetail)
async def record_attendance(
    programme_id: ProgrammeId, body: Attendance, principal: CurrentUser, session: SessionDep
) -> ProgrammeDetail:
    """Who came and who did not (sign-up ids); the programme is then finished."""
    return await service.attendance(session, principal, programme_id, body, now=utcnow())
