"""Who may ask what, and where: an agency's officials for their agency, a board's members for
their province, admins for anyone. Every write is audited; the rules live in
`services.consultations`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import record
from admin.auth.scope import Principal
from admin.consultations.schemas import (
    Area,
    AreaResult,
    ConsultationPublic,
    ConsultationResults,
    ConsultationWrite,
    FreeAnswers,
    OptionCount,
    Sent,
    ThemeCount,
)
from services import consultations
from services.consultations import NewConsultation
from services.errors import ForbiddenError, InvalidInputError, NotFoundError
from storage.models import Consultation, ConsultationStatus, UserRole
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.areas import AreaRepository
from storage.repositories.consultations import ConsultationRepository


class ConsultationAudit:
    CREATED = "consultation.created"
    PUBLISHED = "consultation.published"
    CLOSED = "consultation.closed"


async def province_codes(session: AsyncSession, names: list[str]) -> list[str]:
    areas = AreaRepository(session)
    codes = []
    for name in names:
        province = await areas.province(name.strip())
        if province is None:
            raise InvalidInputError(f"No province {name!r}.")
        codes.append(province.code)
    return codes


async def district_codes(
    session: AsyncSession, codes: list[str], provinces: list[str]
) -> list[str]:
    areas = AreaRepository(session)
    for code in codes:
        district = await areas.district(code)
        if district is None or district.province_code not in provinces:
            raise InvalidInputError(f"District {code!r} is not in the provinces named.")
    return codes


async def owner_of(
    session: AsyncSession, principal: Principal, agency_code: str | None, provinces: list[str]
) -> tuple[int | None, int | None]:
    """(agency id, board id) of a new consultation's (or survey's) owner: the board of the one
    province asked, or an agency of the official (`agency_code` when they have several)."""
    agencies = AgencyRepository(session)
    if principal.role is UserRole.BOARD:
        if principal.board_id is None or set(provinces) != {principal.board_province_code}:
            raise ForbiddenError("A board asks the citizens of its own province only.")
        return None, principal.board_id
    if principal.role is UserRole.OFFICIAL:
        if agency_code is not None:
            agency = await agencies.by_code(agency_code)
            if agency is None or agency.id not in principal.agency_ids:
                raise ForbiddenError("You may ask only for your own agency.")
            return agency.id, None
        if len(principal.agency_ids) != 1:
            raise InvalidInputError("Name the agency this consultation is for (`agency`).")
        return next(iter(principal.agency_ids)), None
    if principal.role is UserRole.ADMIN:
        if agency_code is None:
            return None, None
        agency = await agencies.by_code(agency_code)
        if agency is None:
            raise InvalidInputError(f"No agency {agency_code!r}.")
        return agency.id, None
    raise ForbiddenError("Analysts read; they do not consult.")


class Owned(Protocol):
    """What the access rules read of a consultation (or a survey): its owner and its areas."""

    @property
    def owner_agency_id(self) -> int | None: ...

    @property
    def owner_board_id(self) -> int | None: ...

    @property
    def province_codes(self) -> list[Any]: ...


def may_manage(principal: Principal, consultation: Owned) -> bool:
    if principal.role is UserRole.ADMIN:
        return True
    if principal.role is UserRole.OFFICIAL:
        return consultation.owner_agency_id in principal.agency_ids
    if principal.role is UserRole.BOARD:
        return (
            consultation.owner_board_id is not None
            and consultation.owner_board_id == principal.board_id
        )
    return False


def may_read(principal: Principal, consultation: Owned) -> bool:
    """Its owners manage it; analysts read every one; a board reads those asked of its
    province's citizens (an agency's too), so the board follows what its province decides."""
    if may_manage(principal, consultation) or principal.role is UserRole.ANALYST:
        return True
    return (
        principal.role is UserRole.BOARD
        and principal.board_province_code is not None
        and principal.board_province_code in consultation.province_codes
    )


async def readable(
    session: AsyncSession, principal: Principal, consultation_id: int
) -> Consultation:
    consultation = await ConsultationRepository(session).get(consultation_id)
    if consultation is None or not may_read(principal, consultation):
        raise NotFoundError(f"No consultation {consultation_id} you may read.")
    return consultation


async def _managed(
    session: AsyncSession, principal: Principal, consultation_id: int
) -> Consultation:
    consultation = await ConsultationRepository(session).get(consultation_id)
    if consultation is None or not may_manage(principal, consultation):
        raise NotFoundError(f"No consultation {consultation_id} of yours.")
    return consultation


async def area_names(session: AsyncSession, codes: list[str], *, districts: bool) -> list[Area]:
    areas = AreaRepository(session)
    out = []
    for code in codes:
        found = await (areas.district(code) if districts else areas.province(code))
        out.append(Area(code=code, name=found.name_th if found else code))
    return out


async def owner_names(
    session: AsyncSession, owner_agency_id: int | None, owner_board_id: int | None
) -> tuple[str | None, str | None]:
    """Who asked, as the API names them: the agency's code, or the board's province code."""
    agency = (
        await AgencyRepository(session).get(owner_agency_id)
        if owner_agency_id is not None
        else None
    )
    board = await BoardRepository(session).get(owner_board_id) if owner_board_id else None
    return (agency.code if agency else None), (board.province_code if board else None)


async def public(session: AsyncSession, consultation: Consultation) -> ConsultationPublic:
    assert consultation.id is not None
    agency, board_province = await owner_names(
        session, consultation.owner_agency_id, consultation.owner_board_id
    )
    return ConsultationPublic(
        id=consultation.id,
        title=consultation.title,
        question=consultation.question,
        context=consultation.context,
        options=[str(o) for o in consultation.options],
        free_answer=consultation.free_answer,
        provinces=await area_names(session, list(consultation.province_codes), districts=False),
        districts=await area_names(session, list(consultation.district_codes), districts=True),
        topics=[str(topic) for topic in consultation.topics],
        status=consultation.status.value,
        agency=agency,
        board_province=board_province,
        created_at=consultation.created_at,
        opens_at=consultation.opens_at,
        closes_at=consultation.closes_at,
        published_at=consultation.published_at,
        closed_at=consultation.closed_at,
    )


async def create(
    session: AsyncSession, principal: Principal, body: ConsultationWrite, *, now: datetime
) -> ConsultationPublic:
    provinces = await province_codes(session, body.provinces)
    districts = await district_codes(session, body.districts, provinces)
    agency_id, board_id = await owner_of(session, principal, body.agency, provinces)
    consultation = await consultations.create(
        session,
        NewConsultation(
            title=body.title,
            question=body.question,
            context=body.context,
            options=body.options,
            free_answer=body.free_answer,
            province_codes=provinces,
            district_codes=districts,
            topics=body.topics,
            opens_at=body.opens_at,
            closes_at=body.closes_at,
        ),
        now=now,
        owner_agency_id=agency_id,
        owner_board_id=board_id,
        created_by=principal.user_id,
    )
    await record(
        session,
        principal=principal,
        action=ConsultationAudit.CREATED,
        entity_type="consultation",
        entity_id=consultation.id,
        detail={"title": consultation.title, "provinces": provinces},
    )
    return await public(session, consultation)


async def visible(
    session: AsyncSession, principal: Principal, *, status: ConsultationStatus | None = None
) -> list[Consultation]:
    """The consultations the principal may read (`may_read`), newest first."""
    return await visible_in(ConsultationRepository(session).listed, principal, status=status)


Row = TypeVar("Row")


async def visible_in(
    listed: Callable[..., Awaitable[Sequence[Row]]], principal: Principal, *, status: Any
) -> list[Row]:
    """What the principal may read (`may_read`) of a repository's `listed` (consultations or
    surveys): everything for admins and analysts, their agencies' for an official, their
    board's and their province's for a board member."""
    if principal.role in (UserRole.ADMIN, UserRole.ANALYST):
        return list(await listed(status=status))
    if principal.role is UserRole.OFFICIAL:
        return list(await listed(agency_ids=principal.agency_ids, status=status))
    if principal.role is UserRole.BOARD and principal.board_id is not None:
        return list(
            await listed(
                board_id=principal.board_id,
                province_code=principal.board_province_code,
                status=status,
            )
        )
    return []


async def listed(
    session: AsyncSession, principal: Principal, *, status: ConsultationStatus | None
) -> list[ConsultationPublic]:
    return [await public(session, c) for c in await visible(session, principal, status=status)]


async def one(
    session: AsyncSession, principal: Principal, consultation_id: int
) -> ConsultationPublic:
    return await public(session, await readable(session, principal, consultation_id))


async def _send(
    session: AsyncSession,
    principal: Principal,
    consultation_id: int,
    *,
    step: Callable[[AsyncSession, int], Awaitable[int]],
    action: str,
) -> Sent:
    """Publish or close (`step`) a consultation the caller manages, audited with what it queued."""
    await _managed(session, principal, consultation_id)
    queued = await step(session, consultation_id)
    await record(
        session,
        principal=principal,
        action=action,
        entity_type="consultation",
        entity_id=consultation_id,
        detail={"queued": queued},
    )
    return Sent(consultation=await one(session, principal, consultation_id), queued=queued)


async def publish(
    session: AsyncSession, principal: Principal, consultation_id: int, *, now: datetime
) -> Sent:
    return await _send(
        session,
        principal,
        consultation_id,
        step=lambda s, cid: consultations.publish(s, cid, now=now),
        action=ConsultationAudit.PUBLISHED,
    )


async def close(
    session: AsyncSession, principal: Principal, consultation_id: int, *, now: datetime
) -> Sent:
    return await _send(
        session,
        principal,
        consultation_id,
        step=lambda s, cid: consultations.close(s, cid, now=now),
        action=ConsultationAudit.CLOSED,
    )


async def results(
    session: AsyncSession, principal: Principal, consultation_id: int
) -> ConsultationResults:
    consultation = await readable(session, principal, consultation_id)
    summary = await consultations.results(session, consultation)
    provinces = {
        a.code: a.name
        for a in await area_names(
            session, [a.key for a in summary.by_province if a.key], districts=False
        )
    }
    districts = {
        a.code: a.name
        for a in await area_names(session, [a.key for a in summary.by_district], districts=True)
    }

    def shown(areas: list[consultations.AreaResult], names: dict[str, str]) -> list[AreaResult]:
        return [
            AreaResult(
                key=area.key,
                name=names.get(area.key, ""),
                total=area.total,
                options=[OptionCount(label=o.label, count=o.count) for o in area.options],
            )
            for area in areas
        ]

    return ConsultationResults(
        total=summary.total,
        options=[OptionCount(label=o.label, count=o.count) for o in summary.options],
        by_province=shown(summary.by_province, provinces),
        by_district=shown(summary.by_district, districts),
        free_answers=FreeAnswers(
            count=summary.free_answer_count,
            themes=[
                ThemeCount(
                    label=t.label, count=t.count, example=t.example, examples=list(t.examples)
                )
                for t in summary.themes
            ],
        ),
    )
