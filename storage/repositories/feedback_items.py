"""The feedback item aggregate: items by id and reference, versions, followers (duplicates),
a citizen's items, and the items the scheduled jobs work through."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, Citizen, District, FeedbackItem, FeedbackStatus, Province

S = FeedbackStatus
# Statuses in which the item is still someone's work.
OPEN = (S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS, S.FORWARDED)
WORKING = (S.ROUTED, S.ACCEPTED, S.IN_PROGRESS)


@dataclass(frozen=True)
class FeedbackSummaryRow:
    """One line of `siang feedback list`: the item and the names of its area and agency."""

    item: FeedbackItem
    province: str | None
    district: str | None
    agency_code: str | None
    agency_name: str | None


class FeedbackItemRepository:
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

    async def open_leads(self, statuses: Sequence[FeedbackStatus]) -> Sequence[FeedbackItem]:
        """Items in `statuses` that are not duplicates of another, oldest first."""
        statement = (
            select(FeedbackItem)
            .where(
                col(FeedbackItem.status).in_(list(statuses)),
                col(FeedbackItem.duplicate_of_id).is_(None),
            )
            .order_by(col(FeedbackItem.created_at))
        )
        return (await self.session.exec(statement)).all()

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

    async def reference_taken(self, reference: str) -> bool:
        statement = select(col(FeedbackItem.id)).where(col(FeedbackItem.reference) == reference)
        return (await self.session.exec(statement)).first() is not None

    async def reattach_followers(self, *, of: int, to: int) -> None:
        """Items that followed `of` follow `to` instead (when `of` is merged into `to`)."""
        await self.session.exec(
            update(FeedbackItem)
            .where(col(FeedbackItem.duplicate_of_id) == of)
            .values(duplicate_of_id=to)
            .execution_options(synchronize_session="fetch")
        )

    async def follower_ids(self, feedback_ids: Sequence[int]) -> list[int]:
        """Other people's items filed as repeats of these (their notices quote these items)."""
        statement = select(col(FeedbackItem.id)).where(
            col(FeedbackItem.duplicate_of_id).in_(feedback_ids)
        )
        return [int(i) for i in (await self.session.exec(statement)).all() if i is not None]

    async def all_of_citizen(self, citizen_id: int) -> Sequence[FeedbackItem]:
        """Every item the citizen filed, whatever its state (for a copy of their data, erasure)."""
        statement = select(FeedbackItem).where(col(FeedbackItem.citizen_id) == citizen_id)
        return (await self.session.exec(statement)).all()

    async def count_not_filed_by_id_prefix(self, prefix: str) -> int:
        """Items filed by nobody, or by a citizen whose platform id does not start with `prefix`."""
        prefixed = select(col(Citizen.id)).where(col(Citizen.channel_user_id).startswith(prefix))
        statement = select(func.count()).where(
            col(FeedbackItem.citizen_id).is_(None) | col(FeedbackItem.citizen_id).not_in(prefixed)
        )
        return int((await self.session.exec(statement)).one())

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
