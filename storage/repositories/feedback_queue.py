"""The officials' work queue: filtered, scoped, cursor-paginated feedback with names joined in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, true
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    Agency,
    Board,
    District,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    Province,
    Sentiment,
    Urgency,
)

OPEN_STATUSES = (
    FeedbackStatus.RECEIVED,
    FeedbackStatus.ROUTED,
    FeedbackStatus.ACCEPTED,
    FeedbackStatus.IN_PROGRESS,
    FeedbackStatus.FORWARDED,
)


@dataclass(frozen=True)
class FeedbackScope:
    """Which items a caller may see: everything, or items of these agencies or provinces."""

    everything: bool = False
    agency_ids: frozenset[int] = frozenset()
    province_codes: frozenset[str] = frozenset()

    def condition(self) -> ColumnElement[bool]:
        if self.everything:
            return true()
        parts: list[ColumnElement[bool]] = []
        if self.agency_ids:
            parts.append(col(FeedbackItem.agency_id).in_(self.agency_ids))
        if self.province_codes:
            parts.append(col(FeedbackItem.province_code).in_(self.province_codes))
        return or_(*parts) if parts else false()


@dataclass(frozen=True)
class FeedbackFilter:
    """The work queue's filters, already resolved to codes and ids."""

    statuses: tuple[FeedbackStatus, ...] = ()
    kinds: tuple[FeedbackKind, ...] = ()
    categories: tuple[str, ...] = ()
    province_code: str | None = None
    district_code: str | None = None
    agency_id: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    sentiments: tuple[Sentiment, ...] = ()
    urgencies: tuple[Urgency, ...] = ()
    text: str | None = None
    text_reference: str | None = None  # the reference the searched text reads as, if any
    overdue_at: datetime | None = None  # only items open and past due at this moment
    references: tuple[str, ...] = ()
    # With `categories`, also match items whose category is none of these (or unset): "other".
    category_other_than: tuple[str, ...] | None = None
    exclude_categories: tuple[str, ...] = ()
    assigned_user_id: int | None = None  # only items given to this official
    unassigned: bool = False  # only items given to nobody yet

    def conditions(self) -> list[ColumnElement[bool]]:
        item = FeedbackItem
        found: list[ColumnElement[bool]] = []
        if self.statuses:
            found.append(col(item.status).in_(self.statuses))
        if self.kinds:
            found.append(col(item.kind).in_(self.kinds))
        found += self._category_conditions()
        if self.references:
            found.append(col(item.reference).in_(self.references))
        if self.province_code is not None:
            found.append(col(item.province_code) == self.province_code)
        if self.district_code is not None:
            found.append(col(item.district_code) == self.district_code)
        if self.agency_id is not None:
            found.append(col(item.agency_id) == self.agency_id)
        if self.created_from is not None:
            found.append(col(item.created_at) >= self.created_from)
        if self.created_to is not None:
            found.append(col(item.created_at) < self.created_to)
        if self.sentiments:
            found.append(col(item.sentiment).in_(self.sentiments))
        if self.urgencies:
            found.append(col(item.urgency).in_(self.urgencies))
        if self.text:
            found.append(self._text_condition(self.text))
        if self.assigned_user_id is not None:
            found.append(col(item.assigned_user_id) == self.assigned_user_id)
        if self.unassigned:
            found.append(col(item.assigned_user_id).is_(None))
        if self.overdue_at is not None:
            found.append(col(item.status).in_(OPEN_STATUSES))
            found.append(col(item.due_at) < self.overdue_at)
        return found

    def _category_conditions(self) -> list[ColumnElement[bool]]:
        category = col(FeedbackItem.category)
        found: list[ColumnElement[bool]] = []
        if self.category_other_than is not None:
            other = or_(category.is_(None), category.not_in(self.category_other_than))
            found.append(or_(category.in_(self.categories), other))
        elif self.categories:
            found.append(category.in_(self.categories))
        if self.exclude_categories:
            found.append(or_(category.is_(None), category.not_in(self.exclude_categories)))
        return found

    def _text_condition(self, text: str) -> ColumnElement[bool]:
        """The words anywhere in the redacted text, or the reference they read as."""
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        in_text: ColumnElement[bool] = col(FeedbackItem.redacted_text).ilike(
            f"%{escaped}%", escape="\\"
        )
        if self.text_reference:
            in_text = or_(in_text, col(FeedbackItem.reference) == self.text_reference)
        return in_text


@dataclass(frozen=True)
class FeedbackRow:
    """An item with the names of its place, agency and board (Thai, and English after)."""

    item: FeedbackItem
    province_name: str | None
    district_name: str | None
    agency_code: str | None
    agency_name: str | None
    board_code: str | None
    board_name: str | None
    province_name_en: str | None = None
    district_name_en: str | None = None
    agency_name_en: str | None = None
    board_name_en: str | None = None


class FeedbackQueueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _rows_statement(self) -> Any:
        province, district = aliased(Province), aliased(District)
        agency, board = aliased(Agency), aliased(Board)
        return (
            sa_select(
                FeedbackItem,
                col(province.name_th),
                col(district.name_th),
                col(agency.code),
                col(agency.name_th),
                col(board.code),
                col(board.name_th),
                col(province.name_en),
                col(district.name_en),
                col(agency.name_en),
                col(board.name_en),
            )
            .join(province, col(FeedbackItem.province_code) == province.code, isouter=True)
            .join(district, col(FeedbackItem.district_code) == district.code, isouter=True)
            .join(agency, col(FeedbackItem.agency_id) == agency.id, isouter=True)
            .join(board, col(FeedbackItem.board_id) == board.id, isouter=True)
        )

    async def page(
        self,
        *,
        scope: FeedbackScope,
        filters: FeedbackFilter,
        after: tuple[datetime, int] | None,
        limit: int,
    ) -> Sequence[FeedbackRow]:
        """Newest first; `after` is the (created_at, id) of the last row already seen."""
        statement = self._rows_statement().where(scope.condition(), *filters.conditions())
        if after is not None:
            created_at, item_id = after
            statement = statement.where(
                or_(
                    col(FeedbackItem.created_at) < created_at,
                    and_(
                        col(FeedbackItem.created_at) == created_at, col(FeedbackItem.id) < item_id
                    ),
                )
            )
        statement = statement.order_by(
            col(FeedbackItem.created_at).desc(), col(FeedbackItem.id).desc()
        ).limit(limit)
        rows = (await self.session.exec(statement)).all()
        return [FeedbackRow(*row) for row in rows]

    async def one(self, *, scope: FeedbackScope, feedback_id: int) -> FeedbackRow | None:
        statement = self._rows_statement().where(
            scope.condition(), col(FeedbackItem.id) == feedback_id
        )
        row = (await self.session.exec(statement)).first()
        return FeedbackRow(*row) if row else None

    async def status_counts(
        self, *, scope: FeedbackScope, overdue_at: datetime
    ) -> tuple[dict[FeedbackStatus, int], int]:
        """How many items the caller may see are in each status, and how many are overdue."""
        statement = (
            select(col(FeedbackItem.status), func.count())
            .where(scope.condition())
            .group_by(col(FeedbackItem.status))
        )
        counts = {status: count for status, count in (await self.session.exec(statement)).all()}
        overdue_filter = FeedbackFilter(overdue_at=overdue_at)
        overdue = (
            await self.session.exec(
                select(func.count()).where(scope.condition(), *overdue_filter.conditions())
            )
        ).one()
        return counts, overdue
