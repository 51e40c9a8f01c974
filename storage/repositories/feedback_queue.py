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
    InternalNote,
    Province,
    Sentiment,
    StatusChange,
    Urgency,
    UserAccount,
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
        if self.category_other_than is not None:
            other = or_(
                col(item.category).is_(None), col(item.category).not_in(self.category_other_than)
            )
            found.append(or_(col(item.category).in_(self.categories), other))
        elif self.categories:
            found.append(col(item.category).in_(self.categories))
        if self.references:
            found.append(col(item.reference).in_(self.references))
        if self.exclude_categories:
            found.append(
                or_(
                    col(item.category).is_(None),
                    col(item.category).not_in(self.exclude_categories),
                )
            )
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
            escaped = self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            in_text: ColumnElement[bool] = col(item.redacted_text).ilike(
                f"%{escaped}%", escape="\\"
            )
            if self.text_reference:
                in_text = or_(in_text, col(item.reference) == self.text_reference)
            found.append(in_text)
        if self.assigned_user_id is not None:
            found.append(col(item.assigned_user_id) == self.assigned_user_id)
        if self.unassigned:
            found.append(col(item.assigned_user_id).is_(None))
        if self.overdue_at is not None:
            found.append(col(item.status).in_(OPEN_STATUSES))
            found.append(col(item.due_at) < self.overdue_at)
        return found


@dataclass(frozen=True)
class FeedbackRow:
    """An item with the names of its place, agency and board."""

    item: FeedbackItem
    province_name: str | None
    district_name: str | None
    agency_code: str | None
    agency_name: str | None
    board_code: str | None
    board_name: str | None


@dataclass(frozen=True)
class HistoryRow:
    change: StatusChange
    actor_email: str | None
    agency_code: str | None
    agency_name: str | None


@dataclass(frozen=True)
class InternalNoteRow:
    note: InternalNote
    author_email: str | None


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

    async def id_by_reference(self, reference: str) -> int | None:
        statement = select(col(FeedbackItem.id)).where(col(FeedbackItem.reference) == reference)
        return (await self.session.exec(statement)).first()

    async def history(self, feedback_id: int) -> Sequence[HistoryRow]:
        """An item's status changes, oldest first, with who made them."""
        statement = (
            sa_select(StatusChange, UserAccount.email, Agency.code, Agency.name_th)  # type: ignore[call-overload]
            .join(UserAccount, col(StatusChange.actor_user_id) == UserAccount.id, isouter=True)
            .join(Agency, col(StatusChange.agency_id) == Agency.id, isouter=True)
            .where(col(StatusChange.feedback_id) == feedback_id)
            .order_by(col(StatusChange.created_at), col(StatusChange.id))
        )
        return [HistoryRow(*row) for row in (await self.session.exec(statement)).all()]

    async def internal_notes(self, feedback_id: int) -> Sequence[InternalNoteRow]:
        """What officials noted or corrected on an item, oldest first, with who did it."""
        statement = (
            sa_select(InternalNote, UserAccount.email)  # type: ignore[call-overload]
            .join(UserAccount, col(InternalNote.author_user_id) == UserAccount.id, isouter=True)
            .where(col(InternalNote.feedback_id) == feedback_id)
            .order_by(col(InternalNote.created_at), col(InternalNote.id))
        )
        return [InternalNoteRow(*row) for row in (await self.session.exec(statement)).all()]

    async def follower_count(self, feedback_id: int) -> int:
        """How many later reports were attached to this item as the same problem."""
        statement = select(func.count()).where(col(FeedbackItem.duplicate_of_id) == feedback_id)
        return (await self.session.exec(statement)).one()

    async def latest_changes(self, feedback_ids: Sequence[int]) -> dict[int, StatusChange]:
        """Each item's most recent status change (its note), for many items in one query."""
        if not feedback_ids:
            return {}
        statement = (
            select(StatusChange)
            .where(col(StatusChange.feedback_id).in_(feedback_ids))
            .order_by(
                col(StatusChange.feedback_id),
                col(StatusChange.created_at).desc(),
                col(StatusChange.id).desc(),
            )
        )
        latest: dict[int, StatusChange] = {}
        for change in (await self.session.exec(statement)).all():
            latest.setdefault(change.feedback_id, change)
        return latest

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
