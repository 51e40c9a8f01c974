"""Queries the ticket services need: versions, followers, overdue and unrated items, history,
and how items ended (fixed, confirmed fixed, reopened) for the statistics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    ActorType,
    FeedbackItem,
    FeedbackMedia,
    FeedbackStatus,
    StatusChange,
    UserAccount,
    UserAgency,
)

S = FeedbackStatus
# Statuses in which the item is still someone's work.
OPEN = (S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS, S.FORWARDED)
WORKING = (S.ROUTED, S.ACCEPTED, S.IN_PROGRESS)


class TicketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, item_id: int) -> FeedbackItem | None:
        return await self.session.get(FeedbackItem, item_id)

    async def get_for_update(self, item_id: int) -> FeedbackItem | None:
        """The item read fresh from the database (not a stale copy from this session)."""
        statement = (
            select(FeedbackItem)
            .where(col(FeedbackItem.id) == item_id)
            .execution_options(populate_existing=True)
        )
        return (await self.session.exec(statement)).first()

    async def claim_version(self, item_id: int, version: int) -> bool:
        """Move the item from `version` to the next one; False if someone else got there first.

        The conditional UPDATE is the optimistic lock: of two writers that read the same version
        only one matches it (PostgreSQL re-checks the condition after the other commits; SQLite
        serialises writers)."""
        statement = (
            update(FeedbackItem)
            .where(col(FeedbackItem.id) == item_id, col(FeedbackItem.version) == version)
            .values(version=version + 1)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.exec(statement)
        return bool(result.rowcount)

    async def by_reference(self, reference: str) -> FeedbackItem | None:
        statement = select(FeedbackItem).where(col(FeedbackItem.reference) == reference)
        return (await self.session.exec(statement)).first()

    async def followers(self, lead_id: int) -> Sequence[FeedbackItem]:
        """Items attached to `lead_id` as duplicates, oldest first."""
        statement = (
            select(FeedbackItem)
            .where(col(FeedbackItem.duplicate_of_id) == lead_id)
            .order_by(col(FeedbackItem.created_at), col(FeedbackItem.id))
        )
        return (await self.session.exec(statement)).all()

    async def follower_count(self, lead_id: int) -> int:
        statement = (
            select(func.count())
            .select_from(FeedbackItem)
            .where(col(FeedbackItem.duplicate_of_id) == lead_id)
        )
        return int((await self.session.exec(statement)).one())

    async def duplicate_candidates(
        self,
        *,
        province_code: str | None,
        category: str | None,
        since: datetime,
        limit: int = 200,
    ) -> Sequence[FeedbackItem]:
        """Open lead items (not themselves duplicates) of the same province and category filed
        since `since`, newest first: what a new report may be a duplicate of."""
        conditions: list[ColumnElement[bool]] = [
            col(FeedbackItem.status).in_(OPEN),
            col(FeedbackItem.duplicate_of_id).is_(None),
            col(FeedbackItem.created_at) >= since,
        ]
        if province_code is None:
            return []
        conditions.append(col(FeedbackItem.province_code) == province_code)
        if category is not None:
            conditions.append(col(FeedbackItem.category) == category)
        statement = (
            select(FeedbackItem)
            .where(*conditions)
            .order_by(col(FeedbackItem.created_at).desc(), col(FeedbackItem.id).desc())
            .limit(limit)
        )
        return (await self.session.exec(statement)).all()

    async def of_citizen(self, citizen_id: int, *, open_only: bool) -> Sequence[FeedbackItem]:
        """A citizen's items, newest first; open means still being worked on (for a follower:
        the ticket it follows is)."""
        statement = select(FeedbackItem).where(col(FeedbackItem.citizen_id) == citizen_id)
        if open_only:
            lead = aliased(FeedbackItem)
            statement = statement.join(
                lead, col(FeedbackItem.duplicate_of_id) == lead.id, isouter=True
            ).where(
                or_(
                    and_(
                        col(FeedbackItem.duplicate_of_id).is_(None),
                        col(FeedbackItem.status).in_((*OPEN, S.RESOLVED)),
                    ),
                    col(lead.status).in_((*OPEN, S.RESOLVED)),
                )
            )
        statement = statement.order_by(
            col(FeedbackItem.created_at).desc(), col(FeedbackItem.id).desc()
        )
        return (await self.session.exec(statement)).all()

    async def history(self, item_id: int) -> Sequence[StatusChange]:
        statement = (
            select(StatusChange)
            .where(col(StatusChange.feedback_id) == item_id)
            .order_by(col(StatusChange.created_at), col(StatusChange.id))
        )
        return (await self.session.exec(statement)).all()

    async def media(self, item_id: int) -> Sequence[FeedbackMedia]:
        statement = (
            select(FeedbackMedia)
            .where(col(FeedbackMedia.feedback_id) == item_id)
            .order_by(col(FeedbackMedia.id))
        )
        return (await self.session.exec(statement)).all()

    async def one_media(self, item_id: int, media_id: int) -> FeedbackMedia | None:
        statement = select(FeedbackMedia).where(
            col(FeedbackMedia.id) == media_id, col(FeedbackMedia.feedback_id) == item_id
        )
        return (await self.session.exec(statement)).first()

    async def media_keys(self) -> Sequence[str]:
        """Every stored file's key, once each."""
        statement = select(FeedbackMedia.storage_key).distinct().order_by(FeedbackMedia.storage_key)
        return (await self.session.exec(statement)).all()

    async def move_media(
        self, old_key: str, *, storage_key: str, sha256: str, size_bytes: int
    ) -> None:
        """Point every row of a file at its replacement."""
        await self.session.exec(
            update(FeedbackMedia)
            .where(col(FeedbackMedia.storage_key) == old_key)
            .values(storage_key=storage_key, sha256=sha256, size_bytes=size_bytes)
        )

    async def sent_to_citizens(self, storage_key: str) -> bool:
        """Whether an official attached this file to a status change (which citizens are sent)."""
        statement = (
            select(FeedbackMedia.id)
            .where(
                col(FeedbackMedia.storage_key) == storage_key,
                col(FeedbackMedia.added_by) != ActorType.CITIZEN,
            )
            .limit(1)
        )
        return (await self.session.exec(statement)).first() is not None

    async def overdue(self, *, now: datetime) -> Sequence[FeedbackItem]:
        """Items an agency is working whose due date has passed and that can still escalate."""
        statement = (
            select(FeedbackItem)
            .where(
                col(FeedbackItem.status).in_(WORKING),
                col(FeedbackItem.due_at) <= now,
                col(FeedbackItem.escalation_level) < 2,
                col(FeedbackItem.agency_id).is_not(None),
            )
            .order_by(col(FeedbackItem.due_at), col(FeedbackItem.id))
        )
        return (await self.session.exec(statement)).all()

    async def unrated_resolved(self, *, resolved_before: datetime) -> Sequence[FeedbackItem]:
        statement = (
            select(FeedbackItem)
            .where(
                col(FeedbackItem.status) == S.RESOLVED,
                col(FeedbackItem.resolved_at) <= resolved_before,
            )
            .order_by(col(FeedbackItem.resolved_at), col(FeedbackItem.id))
        )
        return (await self.session.exec(statement)).all()

    async def supervisors(self, agency_id: int) -> Sequence[UserAccount]:
        statement = (
            select(UserAccount)
            .join(UserAgency, col(UserAgency.user_id) == col(UserAccount.id))
            .where(
                col(UserAgency.agency_id) == agency_id,
                col(UserAgency.is_supervisor).is_(True),
                col(UserAccount.is_active).is_(True),
            )
            .order_by(col(UserAccount.id))
        )
        return (await self.session.exec(statement)).all()

    async def is_member(self, user_id: int, agency_id: int) -> bool:
        statement = select(UserAgency).where(
            col(UserAgency.user_id) == user_id, col(UserAgency.agency_id) == agency_id
        )
        return (await self.session.exec(statement)).first() is not None


@dataclass(frozen=True)
class ResolutionStats:
    """How items ended. `fixed` counts items resolved (or closed after a resolution);
    rejected items and duplicates closed without a resolution are `closed_without_fix` and never
    count as fixed; `confirmed_fixed` are fixes the citizen confirmed; `reopened_items` items
    reopened at least once, `reopens` all reopenings."""

    finished: int
    fixed: int
    confirmed_fixed: int
    closed_without_fix: int
    reopened_items: int
    reopens: int

    @property
    def confirmed_share(self) -> float | None:
        return self.confirmed_fixed / self.fixed if self.fixed else None


async def resolution_stats(
    session: AsyncSession,
    *,
    province_code: str | None = None,
    district_code: str | None = None,
    agency_ids: Sequence[int] | None = None,
    board_id: int | None = None,
    category: str | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
) -> ResolutionStats:
    """Fixed / confirmed fixed / closed without a fix / reopened counts for the filtered items."""
    status = col(FeedbackItem.status)
    resolved_at = col(FeedbackItem.resolved_at)
    fixed = and_(status.in_((S.RESOLVED, S.CLOSED)), resolved_at.is_not(None))
    without_fix = or_(status == S.REJECTED, and_(status == S.CLOSED, resolved_at.is_(None)))
    conditions: list[ColumnElement[bool]] = []
    if province_code is not None:
        conditions.append(col(FeedbackItem.province_code) == province_code)
    if district_code is not None:
        conditions.append(col(FeedbackItem.district_code) == district_code)
    if agency_ids is not None:
        conditions.append(col(FeedbackItem.agency_id).in_(agency_ids))
    if board_id is not None:
        conditions.append(col(FeedbackItem.board_id) == board_id)
    if category is not None:
        conditions.append(col(FeedbackItem.category) == category)
    if created_from is not None:
        conditions.append(col(FeedbackItem.created_at) >= created_from)
    if created_to is not None:
        conditions.append(col(FeedbackItem.created_at) < created_to)
    statement = sa_select(
        func.count().filter(or_(fixed, without_fix)),
        func.count().filter(fixed),
        func.count().filter(and_(fixed, col(FeedbackItem.citizen_confirmed_fix).is_(True))),
        func.count().filter(without_fix),
        func.count().filter(col(FeedbackItem.reopen_count) > 0),
        func.coalesce(func.sum(col(FeedbackItem.reopen_count)), 0),
    ).where(*conditions)
    connection = await session.connection()
    row = (await connection.execute(statement)).one()
    return ResolutionStats(*(int(value) for value in row))
