"""Routing rules (in the order they are tried) and the corrections officials made to a routing."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import RoutingCorrection, RoutingRule


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

    async def of_items(self, feedback_ids: Sequence[int]) -> Sequence[RoutingCorrection]:
        statement = select(RoutingCorrection).where(
            col(RoutingCorrection.feedback_id).in_(feedback_ids)
        )
        return (await self.session.exec(statement)).all()
