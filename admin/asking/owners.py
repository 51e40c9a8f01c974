"""Who may ask the citizens of an area, and who may read what was asked, the same for
consultations and surveys: an agency's officials for their agency, a board's members for their
province, admins for anyone; analysts read everything, and a board also reads what an agency
asked of its province's citizens."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.areas import district_codes, province_codes
from admin.auth.scope import Principal
from services.errors import ForbiddenError, InvalidInputError, NotFoundError
from storage.models import UserRole
from storage.repositories.agencies import AgencyRepository, BoardRepository


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


class AskedBody(Protocol):
    """What a new consultation's (or survey's) body names of where and for whom it asks."""

    @property
    def provinces(self) -> list[str]: ...

    @property
    def districts(self) -> list[str]: ...

    @property
    def agency(self) -> str | None: ...


@dataclass(frozen=True)
class AreasAndOwner:
    province_codes: list[str]
    district_codes: list[str]
    owner_agency_id: int | None
    owner_board_id: int | None


async def areas_and_owner(
    session: AsyncSession, principal: Principal, body: AskedBody
) -> AreasAndOwner:
    """The areas a new consultation (or survey) asks, by code, and its owner (`owner_of`)."""
    provinces = await province_codes(session, body.provinces)
    districts = await district_codes(session, body.districts, provinces)
    agency_id, board_id = await owner_of(session, principal, body.agency, provinces)
    return AreasAndOwner(provinces, districts, agency_id, board_id)


class Owned(Protocol):
    """What the access rules read of a consultation (or a survey): its owner and its areas."""

    @property
    def owner_agency_id(self) -> int | None: ...

    @property
    def owner_board_id(self) -> int | None: ...

    @property
    def province_codes(self) -> list[Any]: ...


class Asked(Owned, Protocol):
    """A consultation or a survey as the officials' side reads it: besides its owner and areas,
    what it is called, about what, in which state, and when."""

    @property
    def id(self) -> int | None: ...

    @property
    def title(self) -> str: ...

    @property
    def district_codes(self) -> list[Any]: ...

    @property
    def topics(self) -> list[Any]: ...

    @property
    def status(self) -> StrEnum: ...  # ConsultationStatus or SurveyStatus

    @property
    def created_at(self) -> datetime: ...

    @property
    def closes_at(self) -> datetime: ...

    @property
    def published_at(self) -> datetime | None: ...

    @property
    def closed_at(self) -> datetime | None: ...


OwnedRow = TypeVar("OwnedRow", bound=Owned)
Row = TypeVar("Row")


def may_manage(principal: Principal, asked: Owned) -> bool:
    if principal.role is UserRole.ADMIN:
        return True
    if principal.role is UserRole.OFFICIAL:
        return asked.owner_agency_id in principal.agency_ids
    if principal.role is UserRole.BOARD:
        return asked.owner_board_id is not None and asked.owner_board_id == principal.board_id
    return False


def may_read(principal: Principal, asked: Owned) -> bool:
    """Its owners manage it; analysts read every one; a board reads those asked of its
    province's citizens (an agency's too), so the board follows what its province decides."""
    if may_manage(principal, asked) or principal.role is UserRole.ANALYST:
        return True
    return (
        principal.role is UserRole.BOARD
        and principal.board_province_code is not None
        and principal.board_province_code in asked.province_codes
    )


def readable(principal: Principal, asked: OwnedRow | None, *, noun: str, asked_id: int) -> OwnedRow:
    """The consultation (or survey) found, if the principal may read it; else not found
    (`noun` names it: "consultation", "survey")."""
    if asked is None or not may_read(principal, asked):
        raise NotFoundError(f"No {noun} {asked_id} you may read.")
    return asked


def managed(principal: Principal, asked: OwnedRow | None, *, noun: str, asked_id: int) -> OwnedRow:
    """The consultation (or survey) found, if the principal manages it; else not found."""
    if asked is None or not may_manage(principal, asked):
        raise NotFoundError(f"No {noun} {asked_id} of yours.")
    return asked


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
