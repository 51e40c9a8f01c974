"""What the public transparency page reads besides the shared aggregates (`stats.py`): the names
of provinces and agencies in both languages, and each top issue's count with one stored
redacted text that stands for it. Never an original text, a point or a citizen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, District, FeedbackItem, FeedbackKind, Province
from storage.repositories.feedback_queue import FeedbackFilter

# Kinds whose texts describe a public problem or proposal (praise and questions name people
# and their own affairs more often, and say little about what the public raised).
REPRESENTATIVE_KINDS = (FeedbackKind.COMPLAINT, FeedbackKind.SUGGESTION, FeedbackKind.OPINION)


@dataclass(frozen=True)
class PlaceName:
    code: str
    name_th: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_th


@dataclass(frozen=True)
class AgencyName:
    id: int
    code: str
    name_th: str
    name_en: str
    province_code: str | None

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_th


@dataclass(frozen=True)
class IssueCount:
    """A category, how many items raised it, and the stored redacted text of its latest one."""

    category: str
    count: int
    redacted_text: str | None


class PublicFiguresRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def province(self, code: str) -> PlaceName | None:
        found = await self.session.get(Province, code)
        return PlaceName(found.code, found.name_th, found.name_en) if found else None

    async def provinces(self, codes: Sequence[str]) -> dict[str, PlaceName]:
        if not codes:
            return {}
        rows = await self.session.execute(
            select(Province.code, Province.name_th, Province.name_en).where(  # type: ignore[call-overload]
                col(Province.code).in_(codes)
            )
        )
        return {code: PlaceName(code, th, en) for code, th, en in rows.all()}

    async def districts(self, codes: Sequence[str]) -> dict[str, PlaceName]:
        if not codes:
            return {}
        rows = await self.session.execute(
            select(District.code, District.name_th, District.name_en).where(  # type: ignore[call-overload]
                col(District.code).in_(codes)
            )
        )
        return {code: PlaceName(code, th, en) for code, th, en in rows.all()}

    async def agency(self, agency_id: int) -> AgencyName | None:
        found = await self.session.get(Agency, agency_id)
        if found is None or found.id is None or not found.is_active:
            return None
        return AgencyName(found.id, found.code, found.name_th, found.name_en, found.province_code)

    async def agencies_by_code(self, codes: Sequence[str]) -> dict[str, AgencyName]:
        if not codes:
            return {}
        statement = select(
            Agency.id,  # type: ignore[call-overload]
            Agency.code,
            Agency.name_th,
            Agency.name_en,
            Agency.province_code,
        ).where(col(Agency.code).in_(codes), col(Agency.is_active).is_(True))
        rows = await self.session.execute(statement)
        return {row.code: AgencyName(*row) for row in rows.all()}

    async def top_issues(self, *, filters: FeedbackFilter, limit: int) -> list[IssueCount]:
        """The categories raised most under `filters`, biggest first, each with the redacted
        text of its latest original report (not a repeat, text present)."""
        category = col(FeedbackItem.category)
        counted = (
            select(category, func.count().label("total"))
            .where(*filters.conditions(), category.is_not(None))
            .group_by(category)
            .order_by(func.count().desc(), category)
            .limit(limit)
        )
        counts = [(row[0], int(row[1])) for row in (await self.session.execute(counted)).all()]
        if not counts:
            return []
        rank = (
            func.row_number()
            .over(
                partition_by=category,
                order_by=(col(FeedbackItem.created_at).desc(), col(FeedbackItem.id).desc()),
            )
            .label("rank")
        )
        latest = (
            select(category.label("category"), col(FeedbackItem.redacted_text).label("text"), rank)
            .where(
                *filters.conditions(),
                category.in_([name for name, _ in counts]),
                col(FeedbackItem.duplicate_of_id).is_(None),
                col(FeedbackItem.kind).in_(REPRESENTATIVE_KINDS),
                col(FeedbackItem.redacted_text) != "",
            )
            .subquery()
        )
        chosen = select(latest.c.category, latest.c.text).where(latest.c.rank == 1)
        texts: dict[str, str] = {
            row[0]: row[1] for row in (await self.session.execute(chosen)).all()
        }
        return [IssueCount(name, total, texts.get(name)) for name, total in counts]
