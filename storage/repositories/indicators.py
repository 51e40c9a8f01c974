"""The national strategy's indicators (participation, complaint growth, satisfaction) and how
items ended (fixed, confirmed fixed, closed without a fix, reopened)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy import select as sa_select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ActorType, Agency, FeedbackItem, FeedbackStatus, StatusChange
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.stats import StatsRepository

S = FeedbackStatus


@dataclass(frozen=True)
class ParticipationCounts:
    """Agencies in scope, and how many received feedback, answered it, and did both."""

    agencies: int
    received: int
    answered: int
    received_and_answered: int


@dataclass(frozen=True)
class ResolvedOutcomes:
    """Items resolved in a period, those the citizen confirmed fixed, and their ratings 1–5."""

    resolved: int
    confirmed: int
    ratings: dict[int, int]


class IndicatorRepository:
    """The national strategy's indicators: participation, complaint growth, satisfaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def participation(
        self,
        *,
        scope: FeedbackScope,
        agency_ids: frozenset[int] | None,
        province_code: str | None,
        start: datetime,
        end: datetime,
    ) -> ParticipationCounts:
        """An agency *received* feedback if an item routed to it was filed in [start, end), and
        *answered* if one of its officials changed the status of one of its items then."""
        agency_conditions: list[ColumnElement[bool]] = [col(Agency.is_active).is_(True)]
        if agency_ids is not None:
            agency_conditions.append(col(Agency.id).in_(agency_ids))
        if province_code is not None:
            agency_conditions.append(col(Agency.province_code) == province_code)
        in_scope = select(Agency.id).where(*agency_conditions)  # type: ignore[call-overload]
        total = (
            await self.session.execute(select(func.count()).select_from(in_scope.subquery()))
        ).scalar_one()
        # One probe per agency (stops at its first item in the period) instead of collecting
        # the agencies of every item filed in the period.
        received_ids = set(
            (
                await self.session.execute(
                    select(Agency.id).where(  # type: ignore[call-overload]
                        *agency_conditions,
                        exists().where(
                            col(FeedbackItem.agency_id) == Agency.id,
                            scope.condition(),
                            col(FeedbackItem.created_at) >= start,
                            col(FeedbackItem.created_at) < end,
                        ),
                    )
                )
            ).scalars()
        )
        # The same for answers: the agency a status change was made for is kept on the change
        # (the item's agency at that moment), so a later forward does not move the credit.
        answer = [
            col(StatusChange.agency_id) == Agency.id,
            col(StatusChange.actor_type) == ActorType.OFFICIAL,
            col(StatusChange.created_at) >= start,
            col(StatusChange.created_at) < end,
        ]
        if not scope.everything:
            answer += [col(FeedbackItem.id) == StatusChange.feedback_id, scope.condition()]
        answered_ids = set(
            (
                await self.session.execute(
                    select(Agency.id).where(  # type: ignore[call-overload]
                        *agency_conditions, exists().where(*answer)
                    )
                )
            ).scalars()
        )
        return ParticipationCounts(
            agencies=int(total),
            received=len(received_ids),
            answered=len(answered_ids),
            received_and_answered=len(received_ids & answered_ids),
        )

    async def count_items(
        self,
        *,
        scope: FeedbackScope,
        filters: FeedbackFilter,
        start: datetime,
        end: datetime,
    ) -> int:
        """Items filed in [start, end) (the filters' own dates must be unset)."""
        counts = await StatsRepository(self.session).sentiment_counts(
            scope=scope,
            filters=replace(filters, created_from=start, created_to=end),
            group_by=None,
        )
        return sum(figures[0] for figures in counts.values())

    async def resolved_outcomes(
        self, *, scope: FeedbackScope, filters: FeedbackFilter, start: datetime, end: datetime
    ) -> ResolvedOutcomes:
        """Items resolved in [start, end): how many, how many the citizen confirmed fixed, and
        their ratings per score 1–5 (one pass over the period's resolutions)."""
        rating, resolved_at = col(FeedbackItem.rating), col(FeedbackItem.resolved_at)
        statement = select(
            func.count(),
            func.count().filter(col(FeedbackItem.citizen_confirmed_fix).is_(True)),
            *(func.count().filter(rating == score) for score in range(1, 6)),
        ).where(scope.condition(), *filters.conditions(), resolved_at >= start, resolved_at < end)
        resolved, confirmed, *spread = (await self.session.execute(statement)).one()
        return ResolvedOutcomes(
            resolved=int(resolved),
            confirmed=int(confirmed),
            ratings={score: int(n) for score, n in zip(range(1, 6), spread, strict=True)},
        )


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
