"""GET /api/v1/agencies: agencies with their codes, filtered by province, type or name."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from admin.agencies.schemas import AgencyPage, AgencyPublic
from admin.auth.dependencies import CurrentUser
from admin.dependencies import SessionDep
from services.errors import NotFoundError
from storage.repositories.agencies import AgencyRepository
from storage.repositories.areas import AreaRepository

router = APIRouter(prefix="/agencies", tags=["agencies"])


@router.get("", response_model=AgencyPage)
async def list_agencies(
    principal: CurrentUser,
    session: SessionDep,
    province: Annotated[
        str | None, Query(max_length=100, description="Province code or Thai/English name.")
    ] = None,
    type_code: Annotated[
        str | None,
        Query(alias="type", max_length=40, description="Agency type code, e.g. district_office."),
    ] = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of a name or code.")] = None,
    mine: Annotated[bool, Query(description="Only the caller's own agencies.")] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> AgencyPage:
    """Active agencies by code; officials add `mine=true` to see the agencies they work for."""
    province_code: str | None = None
    if province:
        found = await AreaRepository(session).province(province.strip())
        if found is None:
            raise NotFoundError(f"no province {province!r}")
        province_code = found.code
    agencies, total = await AgencyRepository(session).search(
        province_code=province_code,
        type_code=type_code or None,
        text=q or None,
        ids=principal.agency_ids if mine else None,
        limit=limit,
        offset=offset,
    )
    return AgencyPage(
        items=[AgencyPublic.model_validate(a, from_attributes=True) for a in agencies],
        total=total,
        limit=limit,
        offset=offset,
    )
