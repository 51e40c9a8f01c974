"""Queries over feedback items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, District, FeedbackItem, Province


@dataclass(frozen=True)
class FeedbackSummaryRow:
    """One line of `siang feedback list`: the item and the names of its area and agency."""

    item: FeedbackItem
    province: str | None
    district: str | None
    agency_code: str | None
    agency_name: str | None


class FeedbackRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, feedback_id: int) -> FeedbackItem | None:
        return await self.session.get(FeedbackItem, feedback_id)

    async def by_reference(self, reference: str) -> FeedbackItem | None:
        statement = select(FeedbackItem).where(col(FeedbackItem.reference) == reference)
        return (await self.session.exec(statement)).first()

    async def summaries(self, *, limit: int | None = None) -> Sequence[FeedbackSummaryRow]:
        """Items newest first, with their area and agency names, in one query."""
        province, district, agency = aliased(Province), aliased(District), aliased(Agency)
        statement = (
            sa_select(
                FeedbackItem,
                col(province.name_th),
                col(district.name_th),
                col(agency.code),
                col(agency.name_th),
            )
            .join(province, col(FeedbackItem.province_code) == province.code, isouter=True)
            .join(district, col(FeedbackItem.district_code) == district.code, isouter=True)
            .join(agency, col(FeedbackItem.agency_id) == agency.id, isouter=True)
            .order_by(col(FeedbackItem.created_at).desc(), col(FeedbackItem.id).desc())
        )
        if limit is not None:
            statement = statement.limit(limit)
        rows = (await self.session.execute(statement)).all()
        return [FeedbackSummaryRow(*row) for row in rows]
