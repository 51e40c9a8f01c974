"""Turns repository figures into API rows: totals, changes against the previous period."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.stats.schemas import (
    OverdueRow,
    OverdueStats,
    Period,
    ResolutionRow,
    ResolutionStats,
    SatisfactionRow,
    SatisfactionStats,
    SentimentRow,
    SentimentStats,
    VolumeRow,
    VolumeStats,
)
from services.errors import InvalidInputError
from storage.repositories.feedback_queue import FeedbackFilter
from storage.repositories.stats import StatsRepository
from storage.repositories.stats_figures import GroupBy

DEFAULT_PERIOD = timedelta(days=7)


EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def checked_period(
    created_from: datetime | None,
    created_to: datetime | None,
    *,
    default_end: datetime,
    length: timedelta,
) -> tuple[datetime, datetime]:
    """[start, end) from the filters (defaults: `length` up to `default_end`); 422 if reversed
    or outside 1970–9000 (the period before it, or a year earlier, must exist too)."""
    for moment in (created_from, created_to):
        if moment is not None and not EARLIEST <= moment <= LATEST:
            raise InvalidInputError("created_from and created_to must lie between 1970 and 9000")
    end = created_to or default_end
    start = created_from or end - length
    if start >= end:
        raise InvalidInputError("created_from must be before created_to")
    if end - start > start - EARLIEST:  # the period before it would start before 1970
        raise InvalidInputError("the period is too long to compare with the one before it")
    return start, end


def change_pct(current: int, previous: int) -> float | None:
    return None if previous == 0 else round((current - previous) * 100.0 / previous, 1)


async def sentiment_stats(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: FeedbackFilter,
    group_by: GroupBy,
    timezone: str,
) -> SentimentStats:
    found = await StatsRepository(session, timezone=timezone).sentiment(
        scope=principal.feedback_scope, filters=filters, group_by=group_by
    )
    rows = [
        SentimentRow(
            key=r.group.key,
            label=r.group.label,
            count=r.count,
            positive=r.positive,
            neutral=r.neutral,
            negative=r.negative,
        )
        for r in found
    ]
    total = SentimentRow(
        key=None,
        label=None,
        count=sum(r.count for r in rows),
        positive=sum(r.positive for r in rows),
        neutral=sum(r.neutral for r in rows),
        negative=sum(r.negative for r in rows),
    )
    return SentimentStats(group_by=group_by, rows=rows, total=total)


async def volume_stats(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: FeedbackFilter,
    group_by: GroupBy | None,
    now: datetime,
    timezone: str,
) -> VolumeStats:
    """The period is the filters' date range (default: the 7 days up to now)."""
    if group_by is GroupBy.WEEK:
        raise InvalidInputError(
            "volumes compare two periods; for a weekly series use /stats/sentiment?group_by=week"
        )
    start, end = checked_period(
        filters.created_from, filters.created_to, default_end=now, length=DEFAULT_PERIOD
    )
    undated = replace(filters, created_from=None, created_to=None)
    found = await StatsRepository(session, timezone=timezone).volumes(
        scope=principal.feedback_scope, filters=undated, group_by=group_by, start=start, end=end
    )
    rows = [
        VolumeRow(
            key=r.group.key,
            label=r.group.label,
            count=r.count,
            previous_count=r.previous_count,
            change=r.count - r.previous_count,
            change_pct=change_pct(r.count, r.previous_count),
        )
        for r in found
    ]
    current, previous = sum(r.count for r in rows), sum(r.previous_count for r in rows)
    total = VolumeRow(
        key=None,
        label=None,
        count=current,
        previous_count=previous,
        change=current - previous,
        change_pct=change_pct(current, previous),
    )
    return VolumeStats(
        group_by=group_by,
        period=Period(start=start, end=end),
        previous_period=Period(start=start - (end - start), end=start),
        rows=rows if group_by is not None else [],
        total=total,
    )


async def resolution_stats(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: FeedbackFilter,
    group_by: GroupBy | None,
    timezone: str,
) -> ResolutionStats:
    found = await StatsRepository(session, timezone=timezone).resolution(
        scope=principal.feedback_scope, filters=filters, group_by=group_by
    )
    return ResolutionStats(
        group_by=group_by,
        rows=[
            ResolutionRow(
                key=r.group.key,
                label=r.group.label,
                finished=r.finished,
                fixed=r.fixed,
                closed_without_fix=r.closed_without_fix,
                citizen_confirmed=r.citizen_confirmed,
                reopened_items=r.reopened_items,
                reopens=r.reopens,
                median_hours=r.median_hours,
                p90_hours=r.p90_hours,
            )
            for r in found
        ],
    )


async def overdue_stats(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: FeedbackFilter,
    group_by: GroupBy | None,
    now: datetime,
    timezone: str,
) -> OverdueStats:
    found = await StatsRepository(session, timezone=timezone).overdue(
        scope=principal.feedback_scope, filters=filters, group_by=group_by, now=now
    )
    rows = [OverdueRow(key=r.group.key, label=r.group.label, count=r.count) for r in found]
    return OverdueStats(group_by=group_by, at=now, rows=rows, total=sum(r.count for r in rows))


async def satisfaction_stats(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: FeedbackFilter,
    group_by: GroupBy | None,
    timezone: str,
) -> SatisfactionStats:
    found = await StatsRepository(session, timezone=timezone).satisfaction(
        scope=principal.feedback_scope, filters=filters, group_by=group_by
    )
    return SatisfactionStats(
        group_by=group_by,
        rows=[
            SatisfactionRow(
                key=r.group.key,
                label=r.group.label,
                ratings=r.ratings,
                average=r.average,
                distribution={str(score): n for score, n in r.distribution.items()},
            )
            for r in found
        ],
    )
