"""Aggregates over feedback: sentiment, volumes, resolution times, overdue counts, satisfaction.

Every query takes the caller's `FeedbackScope` and the work queue's `FeedbackFilter`, groups by
one raw column of `feedback_item` (names are looked up afterwards for the few keys found), and
runs the same on SQLite and PostgreSQL. Weeks are ISO weeks in the configured time zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Date,
    Float,
    and_,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    Agency,
    District,
    FeedbackItem,
    FeedbackStatus,
    FeedbackWeekCount,
    Province,
    Sentiment,
)
from storage.repositories import week_counts
from storage.repositories.feedback_queue import OPEN_STATUSES, FeedbackFilter, FeedbackScope
from storage.repositories.stats_figures import (
    Group,
    GroupBy,
    GroupCount,
    ResolutionFigures,
    SatisfactionFigures,
    SentimentCounts,
    VolumeCounts,
    iso_week_key,
    percentile,
)

FIXED_STATUSES = (FeedbackStatus.RESOLVED, FeedbackStatus.CLOSED)
FINISHED_STATUSES = (FeedbackStatus.RESOLVED, FeedbackStatus.CLOSED, FeedbackStatus.REJECTED)
T = TypeVar("T")
MANY_KEYS = 200  # group keys beyond which labels are read for the whole table


class StatsRepository:
    def __init__(self, session: AsyncSession, *, timezone: str = "Asia/Bangkok") -> None:
        self.session = session
        self.timezone = timezone

    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def _fixed_offset_minutes(self) -> int | None:
        """The zone's UTC offset in minutes if it never changes (Asia/Bangkok), else None."""
        zone = ZoneInfo(self.timezone)
        offsets = {datetime(2021, month, 1, tzinfo=zone).utcoffset() for month in (1, 4, 7, 10)}
        if len(offsets) != 1:
            return None
        offset = offsets.pop()
        return int(offset.total_seconds() // 60) if offset else 0

    def _local_week_start(self) -> ColumnElement[Any]:
        """The Monday (local date) of the week an item was filed in."""
        created_at = col(FeedbackItem.created_at)
        minutes = self._fixed_offset_minutes()
        if self._postgres:
            local: ColumnElement[Any]
            if minutes is None:  # a zone with daylight saving: look it up row by row
                local = func.timezone(self.timezone, created_at)
            else:  # a fixed offset is plain arithmetic, several times cheaper per row
                local = func.timezone("UTC", created_at) + literal_column(
                    f"interval '{minutes} minutes'"
                )
            return cast(func.date_trunc("week", local), Date)
        return func.date(created_at, f"{minutes or 0:+d} minutes", "-6 days", "weekday 1")

    def _group_column(self, group_by: GroupBy | None) -> Any:
        if group_by is None:
            return literal(None)
        return {
            GroupBy.PROVINCE: col(FeedbackItem.province_code),
            GroupBy.DISTRICT: col(FeedbackItem.district_code),
            GroupBy.AGENCY: col(FeedbackItem.agency_id),
            GroupBy.CATEGORY: col(FeedbackItem.category),
            GroupBy.WEEK: self._local_week_start(),
        }[group_by]

    async def _groups(self, group_by: GroupBy | None, raw_keys: Sequence[Any]) -> dict[Any, Group]:
        """Keys and labels for the raw group values a query returned."""
        present = [key for key in raw_keys if key is not None]
        groups: dict[Any, Group] = {None: Group(None, None)}
        if group_by is None or not present:
            return groups
        if group_by is GroupBy.PROVINCE:
            rows = await self.session.execute(
                _for_keys(select(Province.code, Province.name_th), col(Province.code), present)  # type: ignore[call-overload]
            )
            groups.update({code: Group(code, name) for code, name in rows.all()})
        elif group_by is GroupBy.DISTRICT:
            rows = await self.session.execute(
                _for_keys(select(District.code, District.name_th), col(District.code), present)  # type: ignore[call-overload]
            )
            groups.update({code: Group(code, name) for code, name in rows.all()})
        elif group_by is GroupBy.AGENCY:
            statement = select(Agency.id, Agency.code, Agency.name_th)  # type: ignore[call-overload]
            rows = await self.session.execute(_for_keys(statement, col(Agency.id), present))
            groups.update({agency_id: Group(code, name) for agency_id, code, name in rows.all()})
        elif group_by is GroupBy.WEEK:
            for raw in present:
                monday = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
                sunday = monday + timedelta(days=6)
                groups[raw] = Group(iso_week_key(monday), f"{monday:%Y-%m-%d} – {sunday:%Y-%m-%d}")
        else:
            groups.update({key: Group(str(key), str(key)) for key in present})
        return groups

    @staticmethod
    def _where(scope: FeedbackScope, filters: FeedbackFilter) -> list[ColumnElement[bool]]:
        return [scope.condition(), *filters.conditions()]

    async def sentiment(
        self, *, scope: FeedbackScope, filters: FeedbackFilter, group_by: GroupBy | None
    ) -> list[SentimentCounts]:
        """How many items per group, and how many of them were positive, neutral, negative."""
        counts = await self.sentiment_counts(scope=scope, filters=filters, group_by=group_by)
        groups = await self._groups(group_by, list(counts))
        found = [SentimentCounts(groups[key], *figures) for key, figures in counts.items()]
        return _sort(found, group_by, lambda row: row.count)

    async def sentiment_counts(
        self, *, scope: FeedbackScope, filters: FeedbackFilter, group_by: GroupBy | None
    ) -> dict[Any, tuple[int, int, int, int]]:
        """(items, positive, neutral, negative) per raw group key; whole weeks come from the
        weekly pre-aggregate when the filters and grouping fit it, the rest from the items."""
        split = None
        if week_counts.fits(scope, filters) and self._groups_by_week_counts(group_by):
            split = week_counts.split_period(filters.created_from, filters.created_to)
        if split is None:
            return await self._item_sentiment_counts(scope, filters, group_by)
        found: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for start, end in split.edges:
            edge = replace(filters, created_from=start, created_to=end)
            for key, counts in (await self._item_sentiment_counts(scope, edge, group_by)).items():
                found[key] = [a + b for a, b in zip(found[key], counts, strict=True)]
        key_column = self._week_counts_group_column(group_by).label("key")
        statement = (
            select(key_column, *week_counts.sentiment_sums(filters.sentiments))
            .where(*week_counts.conditions(scope, filters), *week_counts.period_conditions(split))
            .group_by(key_column)
        )
        for raw, *sums in (await self.session.execute(statement)).all():
            key = self._normal_key(group_by, raw)
            found[key] = [a + int(b or 0) for a, b in zip(found[key], sums, strict=True)]
        return {key: (a, b, c, d) for key, (a, b, c, d) in found.items() if a}

    def _groups_by_week_counts(self, group_by: GroupBy | None) -> bool:
        if group_by is GroupBy.WEEK:  # the pre-aggregate's weeks are cut in UTC+7
            return self._fixed_offset_minutes() == week_counts.WEEK_OFFSET_MINUTES
        return group_by in (None, GroupBy.PROVINCE, GroupBy.CATEGORY)

    @staticmethod
    def _week_counts_group_column(group_by: GroupBy | None) -> Any:
        return {
            None: literal(None),
            GroupBy.PROVINCE: week_counts.province_key(),
            GroupBy.CATEGORY: week_counts.category_key(),
            GroupBy.WEEK: col(FeedbackWeekCount.week_start),
        }[group_by]

    @staticmethod
    def _normal_key(group_by: GroupBy | None, raw: Any) -> Any:
        """Week keys as dates on both backends (SQLite computes them as text)."""
        if group_by is GroupBy.WEEK and raw is not None and not isinstance(raw, date):
            return date.fromisoformat(str(raw))
        return raw

    async def _item_sentiment_counts(
        self, scope: FeedbackScope, filters: FeedbackFilter, group_by: GroupBy | None
    ) -> dict[Any, tuple[int, int, int, int]]:
        sentiment = col(FeedbackItem.sentiment)
        key = self._group_column(group_by).label("key")
        statement = (
            select(
                key,
                func.count().label("total"),
                func.count().filter(sentiment == Sentiment.POSITIVE).label("positive"),
                func.count().filter(sentiment == Sentiment.NEUTRAL).label("neutral"),
                func.count().filter(sentiment == Sentiment.NEGATIVE).label("negative"),
            )
            .where(*self._where(scope, filters))
            .group_by(key)
        )
        rows = (await self.session.execute(statement)).all()
        return {
            self._normal_key(group_by, row.key): (
                row.total,
                row.positive,
                row.neutral,
                row.negative,
            )
            for row in rows
        }

    async def volumes(
        self,
        *,
        scope: FeedbackScope,
        filters: FeedbackFilter,
        group_by: GroupBy | None,
        start: datetime,
        end: datetime,
    ) -> list[VolumeCounts]:
        """Items created in [start, end) per group, beside the same-length period before it."""
        previous_start = start - (end - start)
        if filters.created_from is None and filters.created_to is None:
            current = await self.sentiment_counts(
                scope=scope,
                filters=replace(filters, created_from=start, created_to=end),
                group_by=group_by,
            )
            previous = await self.sentiment_counts(
                scope=scope,
                filters=replace(filters, created_from=previous_start, created_to=start),
                group_by=group_by,
            )
            groups = await self._groups(group_by, list({**previous, **current}))
            found = [
                VolumeCounts(
                    groups[key],
                    current.get(key, (0,))[0],
                    previous.get(key, (0,))[0],
                )
                for key in {**previous, **current}
            ]
            return _sort(found, group_by, lambda row: row.count)
        created_at = col(FeedbackItem.created_at)
        key = self._group_column(group_by).label("key")
        in_period = and_(created_at >= start, created_at < end)
        statement = (
            select(
                key,
                func.count().filter(in_period).label("current"),
                func.count().filter(created_at < start).label("previous"),
            )
            .where(*self._where(scope, filters), created_at >= previous_start, created_at < end)
            .group_by(key)
        )
        rows = (await self.session.execute(statement)).all()
        groups = await self._groups(group_by, [row.key for row in rows])
        found = [VolumeCounts(groups[row.key], row.current, row.previous) for row in rows]
        return _sort(found, group_by, lambda row: row.count)

    async def resolution(
        self, *, scope: FeedbackScope, filters: FeedbackFilter, group_by: GroupBy | None
    ) -> list[ResolutionFigures]:
        """Finished items per group: fixed vs closed without a fix, confirmations, reopens, times."""
        status = col(FeedbackItem.status)
        resolved_at = col(FeedbackItem.resolved_at)
        fixed = and_(status.in_(FIXED_STATUSES), resolved_at.is_not(None))
        without_fix = or_(
            status == FeedbackStatus.REJECTED,
            and_(status == FeedbackStatus.CLOSED, resolved_at.is_(None)),
        )
        reopened = col(FeedbackItem.reopen_count) > 0
        key = self._group_column(group_by).label("key")
        counts = (
            select(
                key,
                func.count().filter(or_(fixed, without_fix)).label("finished"),
                func.count().filter(fixed).label("fixed"),
                func.count().filter(without_fix).label("without_fix"),
                func.count()
                .filter(col(FeedbackItem.citizen_confirmed_fix).is_(True))
                .label("confirmed"),
                func.count().filter(reopened).label("reopened_items"),
                func.coalesce(func.sum(col(FeedbackItem.reopen_count)), 0).label("reopens"),
            )
            .where(*self._where(scope, filters))
            .group_by(key)
        )
        rows = (await self.session.execute(counts)).all()
        times = await self._resolution_hours(scope, filters, group_by, fixed)
        groups = await self._groups(group_by, [row.key for row in rows])
        found = [
            ResolutionFigures(
                groups[row.key],
                finished=row.finished,
                fixed=row.fixed,
                closed_without_fix=row.without_fix,
                citizen_confirmed=row.confirmed,
                reopened_items=row.reopened_items,
                reopens=int(row.reopens),
                median_hours=times.get(row.key, (None, None))[0],
                p90_hours=times.get(row.key, (None, None))[1],
            )
            for row in rows
            if row.finished or row.reopened_items or group_by is None
        ]
        return _sort(found, group_by, lambda row: row.finished)

    async def _resolution_hours(
        self,
        scope: FeedbackScope,
        filters: FeedbackFilter,
        group_by: GroupBy | None,
        fixed: ColumnElement[bool],
    ) -> dict[Any, tuple[float | None, float | None]]:
        """Median and 90th percentile of hours from filing to resolution, per group."""
        created_at, resolved_at = col(FeedbackItem.created_at), col(FeedbackItem.resolved_at)
        key = self._group_column(group_by).label("key")
        where = [*self._where(scope, filters), fixed]
        if self._postgres:
            # Percentiles sort every value; keep the sort in memory (this transaction only).
            await self.session.execute(text("SET LOCAL work_mem = '64MB'"))
            # date_part is double precision (extract() is numeric since PostgreSQL 14, several
            # times slower per row); one percentile_cont over an array sorts each group once;
            # text keys are grouped bytewise (the labels are sorted afterwards anyway).
            hours = func.date_part("epoch", resolved_at - created_at) / 3600.0
            if group_by in (GroupBy.PROVINCE, GroupBy.DISTRICT, GroupBy.CATEGORY):
                key = self._group_column(group_by).collate("C").label("key")
            fractions = postgresql.array([0.5, 0.9], type_=Float)
            statement = (
                select(key, func.percentile_cont(fractions).within_group(hours).label("values"))
                .where(*where)
                .group_by(key)
            )
            rows = (await self.session.execute(statement)).all()
            return {row.key: (_hours(row.values[0]), _hours(row.values[1])) for row in rows}
        hours_expr = cast((func.julianday(resolved_at) - func.julianday(created_at)) * 24.0, Float)
        statement = select(key, hours_expr.label("hours")).where(*where).order_by(hours_expr)
        by_key: dict[Any, list[float]] = defaultdict(list)
        for row in (await self.session.execute(statement)).all():
            by_key[row.key].append(float(row.hours))
        return {
            raw: (_hours(percentile(values, 0.5)), _hours(percentile(values, 0.9)))
            for raw, values in by_key.items()
        }

    async def overdue(
        self,
        *,
        scope: FeedbackScope,
        filters: FeedbackFilter,
        group_by: GroupBy | None,
        now: datetime,
    ) -> list[GroupCount]:
        """Items still open and past their due date at `now`, per group."""
        key = self._group_column(group_by).label("key")
        statement = (
            select(key, func.count().label("total"))
            .where(
                *self._where(scope, filters),
                col(FeedbackItem.status).in_(OPEN_STATUSES),
                col(FeedbackItem.due_at) < now,
            )
            .group_by(key)
        )
        rows = (await self.session.execute(statement)).all()
        groups = await self._groups(group_by, [row.key for row in rows])
        found = [GroupCount(groups[row.key], row.total) for row in rows]
        if group_by is None and not found:
            found = [GroupCount(Group(None, None), 0)]
        return _sort(found, group_by, lambda row: row.count)

    async def satisfaction(
        self, *, scope: FeedbackScope, filters: FeedbackFilter, group_by: GroupBy | None
    ) -> list[SatisfactionFigures]:
        """Citizens' ratings (1–5) per group: how many, their mean, and how they spread."""
        rating = col(FeedbackItem.rating)
        key = self._group_column(group_by).label("key")
        statement = (
            select(key, rating.label("rating"), func.count().label("total"))
            .where(*self._where(scope, filters), rating.is_not(None))
            .group_by(key, rating)
        )
        rows = (await self.session.execute(statement)).all()
        spread: dict[Any, dict[int, int]] = defaultdict(lambda: dict.fromkeys(range(1, 6), 0))
        for row in rows:
            spread[row.key][int(row.rating)] = row.total
        if group_by is None and not spread:
            spread[None] = dict.fromkeys(range(1, 6), 0)
        groups = await self._groups(group_by, list(spread))
        found = []
        for raw, distribution in spread.items():
            total = sum(distribution.values())
            mean = sum(r * n for r, n in distribution.items()) / total if total else None
            found.append(
                SatisfactionFigures(
                    groups[raw], total, None if mean is None else round(mean, 2), distribution
                )
            )
        return _sort(found, group_by, lambda row: row.ratings)


def _hours(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _for_keys(statement: Any, key: Any, present: Sequence[Any]) -> Any:
    """Labels for these keys; for many keys (a nation's 2,000 agencies) the whole small table
    is cheaper to read than to filter with thousands of bound parameters."""
    return statement if len(present) > MANY_KEYS else statement.where(key.in_(present))


def _sort(rows: list[T], group_by: GroupBy | None, size: Any) -> list[T]:
    """Weeks in time order; other groups biggest first, then by key."""
    if group_by is GroupBy.WEEK:
        return sorted(rows, key=lambda row: row.group.key or "")  # type: ignore[attr-defined]
    return sorted(rows, key=lambda row: (-size(row), row.group.key or ""))  # type: ignore[attr-defined]
