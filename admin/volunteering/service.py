"""Who may do what with volunteer programmes: an agency's officials post and run their own
agency's, admins any agency's; a board reads those of its province. Who signed up (and what they
gave the organiser) is shown to the organising agency's officials only. Every write is audited;
the rules live in `services.volunteering`."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import record
from admin.auth.scope import Principal
from admin.volunteering.schemas import (
    Area,
    Attendance,
    Cancelled,
    ProgrammeDetail,
    ProgrammePublic,
    ProgrammeWrite,
    SignUpCounts,
    SignUpPublic,
)
from services import volunteering
from services.errors import ForbiddenError, InvalidInputError, NotFoundError
from services.volunteering import NewProgramme
from storage.models import SignUpStatus, UserRole, VolunteerProgramme
from storage.repositories.agencies import AgencyRepository
from storage.repositories.areas import AreaRepository
from storage.repositories.volunteering import SignUpCounts as Counts
from storage.repositories.volunteering import VolunteerRepository


class VolunteeringAudit:
    CREATED = "volunteer_programme.created"
    PUBLISHED = "volunteer_programme.published"
    CANCELLED = "volunteer_programme.cancelled"
    ATTENDANCE = "volunteer_programme.attendance"


ENTITY = "volunteer_programme"


async def _owner(session: AsyncSession, principal: Principal, agency_code: str | None) -> int:
    """The organising agency's id."""
    agencies = AgencyRepository(session)
    if principal.role is UserRole.OFFICIAL:
        if agency_code is None:
            if len(principal.agency_ids) != 1:
                raise InvalidInputError("Name the organising agency (`agency`).")
            return next(iter(principal.agency_ids))
        agency = await agencies.by_code(agency_code)
        if agency is None or agency.id not in principal.agency_ids:
            raise ForbiddenError("You may post programmes for your own agency only.")
        return agency.id
    if principal.role is UserRole.ADMIN:
        if agency_code is None:
            raise InvalidInputError("Name the organising agency (`agency`).")
        agency = await agencies.by_code(agency_code)
        if agency is None or agency.id is None:
            raise InvalidInputError(f"No agency {agency_code!r}.")
        return agency.id
    raise ForbiddenError("Agencies organise volunteer programmes; boards and analysts read.")


def organises(principal: Principal, programme: VolunteerProgramme) -> bool:
    """The organising agency's officials: they run it and see who signed up."""
    return principal.role is UserRole.OFFICIAL and programme.owner_agency_id in principal.agency_ids


def may_manage(principal: Principal, programme: VolunteerProgramme) -> bool:
    return principal.role is UserRole.ADMIN or organises(principal, programme)


def may_read(principal: Principal, programme: VolunteerProgramme) -> bool:
    if may_manage(principal, programme):
        return True
    return (
        principal.role is UserRole.BOARD
        and principal.board_province_code == programme.province_code
    )


async def _visible(
    session: AsyncSession, principal: Principal, programme_id: int
) -> VolunteerProgramme:
    programme = await VolunteerRepository(session).get(programme_id)
    if programme is None or not may_read(principal, programme):
        raise NotFoundError(f"No volunteer programme {programme_id} of yours.")
    return programme


async def _managed(
    session: AsyncSession, principal: Principal, programme_id: int
) -> VolunteerProgramme:
    programme = await _visible(session, principal, programme_id)
    if not may_manage(principal, programme):
        raise ForbiddenError("Only the organising agency runs this programme.")
    return programme


async def public(
    session: AsyncSession, programme: VolunteerProgramme, counts: Counts | None = None
) -> ProgrammePublic:
    assert programme.id is not None
    if counts is None:
        counts = (await VolunteerRepository(session).counts([programme.id]))[programme.id]
    areas = AreaRepository(session)
    province = await areas.province(programme.province_code)
    district = await areas.district(programme.district_code) if programme.district_code else None
    agency = await AgencyRepository(session).get(programme.owner_agency_id)
    taken = counts.confirmed + counts.attended + counts.no_show
    return ProgrammePublic(
        id=programme.id,
        title=programme.title,
        description=programme.description,
        place=programme.place,
        province=Area(
            code=programme.province_code,
            name=province.name_th if province else programme.province_code,
        ),
        district=Area(code=district.code, name=district.name_th) if district else None,
        starts_at=programme.starts_at,
        ends_at=programme.ends_at,
        capacity=programme.capacity,
        requirements=programme.requirements,
        status=programme.status.value,
        agency=agency.code if agency else "",
        created_at=programme.created_at,
        published_at=programme.published_at,
        cancelled_at=programme.cancelled_at,
        sign_ups=SignUpCounts(
            confirmed=counts.confirmed,
            waitlisted=counts.waitlisted,
            cancelled=counts.cancelled,
            attended=counts.attended,
            no_show=counts.no_show,
            places_left=max(programme.capacity - taken, 0),
        ),
    )


async def _people(session: AsyncSession, programme_id: int) -> list[SignUpPublic]:
    people = []
    position = 0
    for found in await VolunteerRepository(session).of_programme(programme_id):
        assert found.id is not None
        waiting = found.status is SignUpStatus.WAITLISTED
        position += waiting
        people.append(
            SignUpPublic(
                id=found.id,
                status=found.status.value,
                waiting_position=position if waiting else None,
                contact=found.contact,
                signed_up_at=found.signed_up_at,
                confirmed_at=found.confirmed_at,
                cancelled_at=found.cancelled_at,
                attendance_at=found.attendance_at,
            )
        )
    return people


async def detail(
    session: AsyncSession, principal: Principal, programme: VolunteerProgramme
) -> ProgrammeDetail:
    assert programme.id is not None
    shown = await public(session, programme)
    people = await _people(session, programme.id) if organises(principal, programme) else None
    return ProgrammeDetail(**shown.model_dump(), people=people)


async def create(
    session: AsyncSession, principal: Principal, body: ProgrammeWrite, *, now: datetime
) -> ProgrammePublic:
    areas = AreaRepository(session)
    province = await areas.province(body.province.strip())
    if province is None:
        raise InvalidInputError(f"No province {body.province!r}.")
    if body.district is not None:
        district = await areas.district(body.district)
        if district is None or district.province_code != province.code:
            raise InvalidInputError(f"District {body.district!r} is not in {province.name_th}.")
    agency_id = await _owner(session, principal, body.agency)
    programme = await volunteering.create(
        session,
        NewProgramme(
            title=body.title,
            description=body.description,
            place=body.place,
            province_code=province.code,
            district_code=body.district,
            starts_at=body.starts_at,
            ends_at=body.ends_at,
            capacity=body.capacity,
            requirements=body.requirements,
        ),
        now=now,
        owner_agency_id=agency_id,
        created_by=principal.user_id,
    )
    await record(
        session,
        principal=principal,
        action=VolunteeringAudit.CREATED,
        entity_type=ENTITY,
        entity_id=programme.id,
        detail={"title": programme.title, "capacity": programme.capacity},
    )
    return await public(session, programme)


async def listed(session: AsyncSession, principal: Principal) -> list[ProgrammePublic]:
    repository = VolunteerRepository(session)
    if principal.role is UserRole.ADMIN:
        found = await repository.listed()
    elif principal.role is UserRole.OFFICIAL:
        found = await repository.listed(agency_ids=principal.agency_ids)
    elif principal.role is UserRole.BOARD and principal.board_province_code is not None:
        found = await repository.listed(province_code=principal.board_province_code)
    else:
        found = []
    counts = await repository.counts([p.id for p in found if p.id is not None])
    return [await public(session, p, counts[p.id]) for p in found if p.id is not None]


async def one(session: AsyncSession, principal: Principal, programme_id: int) -> ProgrammeDetail:
    return await detail(session, principal, await _visible(session, principal, programme_id))


async def publish(
    session: AsyncSession, principal: Principal, programme_id: int, *, now: datetime
) -> ProgrammePublic:
    programme = await _managed(session, principal, programme_id)
    if await volunteering.publish(session, programme_id, now=now):
        await record(
            session,
            principal=principal,
            action=VolunteeringAudit.PUBLISHED,
            entity_type=ENTITY,
            entity_id=programme_id,
        )
    return await public(session, programme)


async def cancel(
    session: AsyncSession, principal: Principal, programme_id: int, *, now: datetime
) -> Cancelled:
    await _managed(session, principal, programme_id)
    told = await volunteering.cancel_programme(session, programme_id, now=now)
    await record(
        session,
        principal=principal,
        action=VolunteeringAudit.CANCELLED,
        entity_type=ENTITY,
        entity_id=programme_id,
        detail={"told": told},
    )
    programme = await volunteering.get(session, programme_id)
    return Cancelled(programme=await public(session, programme), told=told)


async def attendance(
    session: AsyncSession,
    principal: Principal,
    programme_id: int,
    body: Attendance,
    *,
    now: datetime,
) -> ProgrammeDetail:
    await _managed(session, principal, programme_id)
    programme = await volunteering.record_attendance(
        session, programme_id, attended=body.attended, absent=body.absent, now=now
    )
    await record(
        session,
        principal=principal,
        action=VolunteeringAudit.ATTENDANCE,
        entity_type=ENTITY,
        entity_id=programme_id,
        detail={"attended": len(body.attended), "absent": len(body.absent)},
    )
    return await detail(session, principal, programme)
