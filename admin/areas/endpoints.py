"""GET /api/v1/areas/…: the gazetteer, public and cacheable."""

from __future__ import annotations

from fastapi import APIRouter, Response

from admin.areas.schemas import DistrictPublic, ProvincePublic, SubdistrictPublic
from admin.dependencies import SessionDep
from services.errors import NotFoundError
from storage.repositories.areas import AreaRepository

router = APIRouter(prefix="/areas", tags=["areas"])

_CACHE = "public, max-age=86400"


@router.get("/provinces", response_model=list[ProvincePublic])
async def list_provinces(session: SessionDep, response: Response) -> list[ProvincePublic]:
    """All 77 provinces (Bangkok counted as one) with official codes."""
    response.headers["Cache-Control"] = _CACHE
    provinces = await AreaRepository(session).provinces()
    return [ProvincePublic.model_validate(p, from_attributes=True) for p in provinces]


@router.get("/provinces/{province}/districts", response_model=list[DistrictPublic])
async def list_districts(
    province: str, session: SessionDep, response: Response
) -> list[DistrictPublic]:
    """The districts (อำเภอ/เขต) of a province, given by code or Thai or English name."""
    areas = AreaRepository(session)
    found = await areas.province(province)
    if found is None:
        raise NotFoundError(f"no province {province!r}")
    response.headers["Cache-Control"] = _CACHE
    districts = await areas.districts(province_code=found.code)
    return [DistrictPublic.model_validate(d, from_attributes=True) for d in districts]


@router.get("/districts/{district_code}/subdistricts", response_model=list[SubdistrictPublic])
async def list_subdistricts(
    district_code: str, session: SessionDep, response: Response
) -> list[SubdistrictPublic]:
    """The subdistricts (ตำบล/แขวง) of a district, by its 4-digit code."""
    areas = AreaRepository(session)
    if await areas.district(district_code) is None:
        raise NotFoundError(f"no district {district_code!r}")
    response.headers["Cache-Control"] = _CACHE
    return [
        SubdistrictPublic(
            code=s.code,
            district_code=s.district_code,
            province_code=s.province_code,
            name_th=s.name_th,
            name_en=s.name_en,
            postal_codes=s.postal_codes.split(),
        )
        for s in await areas.subdistricts(district_code=district_code)
    ]
