"""Queries over routing rules, the agencies they resolve to, and routing corrections."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, AgencyType, RoutingCorrection, RoutingRule


class RoutingRuleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, rule_id: int) -> RoutingRule | None:
        return await self.session.get(RoutingRule, rule_id)

    async def active(self) -> Sequence[RoutingRule]:
        """Active rules, the one to try first first (priority, then the more specific)."""
        statement = select(RoutingRule).where(col(RoutingRule.is_active).is_(True))
        rules = (await self.session.exec(statement)).all()
        return sorted(rules, key=rule_order)

    async def all(self) -> Sequence[RoutingRule]:
        rules = (await self.session.exec(select(RoutingRule))).all()
        return sorted(rules, key=rule_order)

    async def by_names(self) -> dict[str, RoutingRule]:
        return {rule.name: rule for rule in (await self.session.exec(select(RoutingRule))).all()}

    async def deactivate_except(self, names: set[str]) -> int:
        """Switch off active rules not named; returns how many were switched off."""
        statement = (
            update(RoutingRule)
            .where(col(RoutingRule.is_active).is_(True), col(RoutingRule.name).not_in(names))
            .values(is_active=False)
        )
        result = await self.session.exec(statement)
        return int(result.rowcount or 0)


def rule_order(rule: RoutingRule) -> tuple[int, int, int]:
    """Higher priority first; among equals the more specific (district, province, keywords,
    category), then the older rule."""
    specificity = (
        (rule.district_code is not None) * 8
        + (rule.province_code is not None) * 4
        + bool(rule.keywords) * 2
        + (rule.category is not None)
    )
    return (-rule.priority, -specificity, rule.id or 0)


class AgencyLookup:
    """Agencies by type and area, as routing needs them (cached for one session's work)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._levels: dict[str, str] | None = None
        self._found: dict[tuple[str, str | None, str | None], Agency | None] = {}

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

    async def provinces_with_type(self, type_code: str) -> set[str]:
        statement = select(col(Agency.province_code)).where(
            col(Agency.type_code) == type_code, col(Agency.is_active).is_(True)
        )
        return {code for code in (await self.session.exec(statement)).all() if code}


class RoutingCorrectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_item(self, feedback_id: int) -> Sequence[RoutingCorrection]:
        statement = (
            select(RoutingCorrection)
            .where(col(RoutingCorrection.feedback_id) == feedback_id)
            .order_by(col(RoutingCorrection.id))
        )
        return (await self.session.exec(statement)).all()

    async def all(self, *, limit: int = 10_000) -> Sequence[RoutingCorrection]:
        statement = select(RoutingCorrection).order_by(col(RoutingCorrection.id)).limit(limit)
        return (await self.session.exec(statement)).all()
