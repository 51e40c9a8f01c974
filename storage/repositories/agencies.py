"""Agencies (by id, code, type and area), their types, and the provinces' boards."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, AgencyType, Board, Province


class AgencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, agency_id: int) -> Agency | None:
        return await self.session.get(Agency, agency_id)

    async def by_code(self, code: str) -> Agency | None:
        statement = select(Agency).where(col(Agency.code) == code)
        return (await self.session.exec(statement)).first()

    async def by_codes(self, codes: Sequence[str]) -> Sequence[Agency]:
        statement = select(Agency).where(col(Agency.code).in_(codes))
        return (await self.session.exec(statement)).all()

    async def types(self) -> Sequence[AgencyType]:
        return (await self.session.exec(select(AgencyType))).all()

    async def by_ids(self, ids: Sequence[int]) -> Sequence[Agency]:
        if not ids:
            return []
        statement = select(Agency).where(col(Agency.id).in_(ids))
        return (await self.session.exec(statement)).all()

    async def search(
        self,
        *,
        province_code: str | None = None,
        type_code: str | None = None,
        text: str | None = None,
        ids: frozenset[int] | None = None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Agency], int]:
        """Active agencies matching the filters, by code, and how many match in all."""
        conditions: list[ColumnElement[bool]] = [col(Agency.is_active).is_(True)]
        if province_code is not None:
            conditions.append(col(Agency.province_code) == province_code)
        if type_code is not None:
            conditions.append(col(Agency.type_code) == type_code)
        if text:
            pattern = f"%{text}%"
            conditions.append(
                or_(
                    col(Agency.name_th).ilike(pattern),
                    col(Agency.name_en).ilike(pattern),
                    col(Agency.code).ilike(pattern),
                )
            )
        if ids is not None:
            conditions.append(col(Agency.id).in_(ids))
        total = (
            await self.session.exec(select(func.count()).select_from(Agency).where(*conditions))
        ).one()
        statement = (
            select(Agency).where(*conditions).order_by(col(Agency.code)).limit(limit).offset(offset)
        )
        return (await self.session.exec(statement)).all(), total


class BoardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, board_id: int) -> Board | None:
        return await self.session.get(Board, board_id)

    async def of_province(self, province_code: str) -> Board | None:
        statement = select(Board).where(
            col(Board.province_code) == province_code, col(Board.district_code).is_(None)
        )
        return (await self.session.exec(statement)).first()


HALF_THE_PROVINCES = 38  # of 77


class AgencyLookup:
    """Agencies by type and area, as routing needs them (cached for one session's work)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._levels: dict[str, str] | None = None
        self._found: dict[tuple[str, str | None, str | None], Agency | None] = {}
        self._nationwide: dict[str, bool] = {}

    async def type_levels(self) -> dict[str, str]:
        if self._levels is None:
            types = (await self.session.exec(select(AgencyType))).all()
            self._levels = {t.code: t.level for t in types}
        return self._levels

    async def of_type(
        self, type_code: str, *, province_code: str | None, district_code: str | None
    ) -> Agency | None:
        """The active agency of that type serving the area: a district's for district-level
        types, the province's for province-level ones, the one national agency otherwise."""
        key = (type_code, province_code, district_code)
        if key not in self._found:
            self._found[key] = await self._of_type(type_code, province_code, district_code)
        return self._found[key]

    async def _of_type(
        self, type_code: str, province_code: str | None, district_code: str | None
    ) -> Agency | None:
        level = (await self.type_levels()).get(type_code)
        if level is None:
            return None
        statement = select(Agency).where(
            col(Agency.type_code) == type_code, col(Agency.is_active).is_(True)
        )
        if level == "district":
            if district_code is None:
                return None
            statement = statement.where(col(Agency.district_code) == district_code)
        elif level == "province":
            if province_code is None:
                return None
            statement = statement.where(
                col(Agency.province_code) == province_code, col(Agency.district_code).is_(None)
            )
        elif level != "national":
            return None  # subdistrict bodies are not seeded: rules name them directly
        return (await self.session.exec(statement.order_by(col(Agency.id)))).first()

    async def serves_most_of_the_country(self, type_code: str) -> bool:
        """A national agency, or agencies of the type in more than half the provinces (not a
        Bangkok-only or metropolitan-area type)."""
        if type_code not in self._nationwide:
            national = select(Agency.id).where(
                col(Agency.type_code) == type_code,
                col(Agency.is_active).is_(True),
                col(Agency.province_code).is_(None),
            )
            found = (await self.session.exec(national)).first() is not None
            self._nationwide[type_code] = (
                found or len(await self.provinces_with_type(type_code)) > HALF_THE_PROVINCES
            )
        return self._nationwide[type_code]

    async def serves_every_province(self, type_code: str) -> bool:
        """A national agency, or an agency of the type in every province: where a citizen
        lives does not change which kind of office answers them."""
        national = select(Agency.id).where(
            col(Agency.type_code) == type_code,
            col(Agency.is_active).is_(True),
            col(Agency.province_code).is_(None),
        )
        if (await self.session.exec(national)).first() is not None:
            return True
        provinces = (await self.session.exec(select(func.count(col(Province.code))))).one()
        return len(await self.provinces_with_type(type_code)) >= provinces > 0

    async def provinces_with_type(self, type_code: str) -> set[str]:
        statement = select(col(Agency.province_code)).where(
            col(Agency.type_code) == type_code, col(Agency.is_active).is_(True)
        )
        return {code for code in (await self.session.exec(statement)).all() if code}
