"""Queries over provinces, districts and subdistricts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import District, Province, Subdistrict


class AreaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def provinces(self) -> Sequence[Province]:
        result = await self.session.exec(select(Province).order_by(col(Province.code)))
        return result.all()

    async def province(self, code_or_name: str) -> Province | None:
        """A province by its code or its Thai or English name."""
        statement = select(Province).where(
            (col(Province.code) == code_or_name)
            | (col(Province.name_th) == code_or_name)
            | (col(Province.name_en) == code_or_name)
        )
        return (await self.session.exec(statement)).first()

    async def districts(self, *, province_code: str) -> Sequence[District]:
        statement = (
            select(District)
            .where(col(District.province_code) == province_code)
            .order_by(col(District.code))
        )
        return (await self.session.exec(statement)).all()

    async def province_codes(self) -> set[str]:
        return set((await self.session.exec(select(col(Province.code)))).all())

    async def districts_by_code(self, codes: Sequence[str]) -> dict[str, District]:
        statement = select(District).where(col(District.code).in_(codes))
        return {district.code: district for district in (await self.session.exec(statement))}

    async def district(self, code: str) -> District | None:
        return await self.session.get(District, code)

    async def subdistricts(self, *, district_code: str) -> Sequence[Subdistrict]:
        statement = (
            select(Subdistrict)
            .where(col(Subdistrict.district_code) == district_code)
            .order_by(col(Subdistrict.code))
        )
        return (await self.session.exec(statement)).all()

    async def count_provinces(self) -> int:
        return len(await self.provinces())
