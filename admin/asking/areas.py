"""The areas a consultation or a survey is asked of, as the officials' API reads and names
them: provinces by name or code, districts by code within them."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.schemas import Area
from services.errors import InvalidInputError
from storage.repositories.areas import AreaRepository


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


async def area_names(session: AsyncSession, codes: list[str], *, districts: bool) -> list[Area]:
    areas = AreaRepository(session)
    out = []
    for code in codes:
        found = await (areas.district(code) if districts else areas.province(code))
        out.append(Area(code=code, name=found.name_th if found else code))
    return out
