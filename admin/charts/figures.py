"""The charts of a scope's figures, built from the shared aggregates (`StatsRepository`): weekly
volume against last year, sentiment per category and district, days to resolve, overdue items,
satisfaction, and fixes the citizens confirmed or reopened."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from admin.charts.svg import PALETTE, SENTIMENT_COLOURS, Chart, ChartKind, Series
from admin.charts.texts import ChartWords
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.public_figures import PublicFiguresRepository
from storage.repositories.stats import StatsRepository
from storage.repositories.stats_figures import GroupBy

WEEKS = 26
YEAR = timedelta(weeks=52)  # a year back to the same weekday, so week lines up with week
TOP = 8


@dataclass(frozen=True)
class ChartPeriod:
    """Whole local weeks: `weeks` of them, the last being the current (partial) one."""

    first_monday: date
    weeks: int
    zone: ZoneInfo

    @classmethod
    def ending_at(cls, now: datetime, zone: ZoneInfo, weeks: int = WEEKS) -> ChartPeriod:
        today = now.astimezone(zone).date()
        monday = today - timedelta(days=today.weekday())
        return cls(monday - timedelta(weeks=weeks - 1), weeks, zone)

    @property
    def mondays(self) -> list[date]:
        return [self.first_monday + timedelta(weeks=n) for n in range(self.weeks)]

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first_monday, time(), self.zone).astimezone(UTC)

    @property
    def end(self) -> datetime:
        last = self.first_monday + timedelta(weeks=self.weeks)
        return datetime.combine(last, time(), self.zone).astimezone(UTC)

    def within(self, filters: FeedbackFilter) -> FeedbackFilter:
        return replace(filters, created_from=self.start, created_to=self.end)


class ScopeCharts:
    """Every chart of one scope and filter (an official's agency, a board's province, a public
    page's province or agency) over one period, in one reader's words."""

    def __init__(
        self,
        stats: StatsRepository,
        *,
        scope: FeedbackScope,
        filters: FeedbackFilter,
        period: ChartPeriod,
        words: ChartWords,
    ) -> None:
        self.stats = stats
        self.scope = scope
        self.filters = filters
        self.period = period
        self.words = words

    async def weekly_volume(self) -> Chart:
        w, period = self.words, self.period
        now = await self.stats.sentiment_counts(
            scope=self.scope, filters=period.within(self.filters), group_by=GroupBy.WEEK
        )
        year_before = replace(
            self.filters, created_from=period.start - YEAR, created_to=period.end - YEAR
        )
        before = await self.stats.sentiment_counts(
            scope=self.scope, filters=year_before, group_by=GroupBy.WEEK
        )
        this_year = tuple(float(now.get(m, (0,))[0]) for m in period.mondays)
        last_year = tuple(float(before.get(m - YEAR, (0,))[0]) for m in period.mondays)
        return Chart(
            key="volume",
            title=w("volume.title"),
            description=w(
                "volume.desc",
                weeks=period.weeks,
                this=int(sum(this_year)),
                last=int(sum(last_year)),
            ),
            kind=ChartKind.LINES,
            labels=tuple(w.day(m) for m in period.mondays),
            series=(
                Series(w("volume.this_year"), this_year, PALETTE[0]),
                Series(w("volume.last_year"), last_year, PALETTE[1]),
            ),
            label_heading=w("week"),
            empty_text=w("empty"),
        )

    async def sentiment(self, group_by: GroupBy) -> Chart:
        w = self.words
        rows = (
            await self.stats.sentiment(
                scope=self.scope, filters=self.period.within(self.filters), group_by=group_by
            )
        )[:TOP]
        if group_by is GroupBy.CATEGORY:
            labels = tuple(w.category(row.group.key) for row in rows)
        else:
            names = await PublicFiguresRepository(self.stats.session).districts(
                [row.group.key for row in rows if row.group.key]
            )
            labels = tuple(
                names[r.group.key].name(w.language) if r.group.key in names else w("none")
                for r in rows
            )
        kind = "category" if group_by is GroupBy.CATEGORY else "district"
        return Chart(
            key=f"sentiment-{kind}",
            title=w(f"sentiment.{kind}.title"),
            description=w("sentiment.desc", count=len(rows), groups=w(f"groups.{kind}")),
            kind=ChartKind.BARS,
            labels=labels,
            series=tuple(
                Series(w(f"sentiment.{name}"), tuple(float(getattr(r, name)) for r in rows), colour)
                for name, colour in SENTIMENT_COLOURS.items()
            ),
            stacked=True,
            label_heading=w(f"groups.{kind}"),
            empty_text=w("empty"),
        )

    async def resolution(self) -> Chart:
        w, within = self.words, self.period.within(self.filters)
        overall = await self.stats.resolution(scope=self.scope, filters=within, group_by=None)
        rows = [
            row
            for row in await self.stats.resolution(
                scope=self.scope, filters=within, group_by=GroupBy.CATEGORY
            )
            if row.median_hours is not None
        ][:TOP]
        total = overall[0] if overall else None
        return Chart(
            key="resolution",
            title=w("resolution.title"),
            description=w(
                "resolution.desc",
                median=_days(total.median_hours if total else None),
                p90=_days(total.p90_hours if total else None),
                fixed=total.fixed if total else 0,
            ),
            kind=ChartKind.BARS,
            labels=tuple(w.category(row.group.key) for row in rows),
            series=(
                Series(w("resolution.median"), tuple(_day_value(r.median_hours) for r in rows)),
                Series(
                    w("resolution.p90"), tuple(_day_value(r.p90_hours) for r in rows), PALETTE[1]
                ),
            ),
            unit=w("days"),
            label_heading=w("groups.category"),
            empty_text=w("empty"),
        )

    async def overdue(self, now: datetime) -> Chart:
        w = self.words
        rows = await self.stats.overdue(
            scope=self.scope, filters=self.filters, group_by=GroupBy.CATEGORY, now=now
        )
        shown = rows[:TOP]
        return Chart(
            key="overdue",
            title=w("overdue.title"),
            description=w("overdue.desc", count=sum(row.count for row in rows)),
            kind=ChartKind.BARS,
            labels=tuple(w.category(row.group.key) for row in shown),
            series=(Series(w("items"), tuple(float(r.count) for r in shown), "#b3261e"),),
            label_heading=w("groups.category"),
            empty_text=w("empty"),
        )

    async def satisfaction(self) -> Chart:
        w = self.words
        rows = await self.stats.satisfaction(
            scope=self.scope, filters=self.period.within(self.filters), group_by=None
        )
        spread = rows[0].distribution if rows else dict.fromkeys(range(1, 6), 0)
        ratings = rows[0].ratings if rows else 0
        average = rows[0].average if rows else None
        return Chart(
            key="satisfaction",
            title=w("satisfaction.title"),
            description=w(
                "satisfaction.desc",
                ratings=ratings,
                average=w("none") if average is None else f"{average:.1f}",
            ),
            kind=ChartKind.COLUMNS,
            labels=tuple(str(score) for score in range(1, 6)),
            series=(
                Series(w("satisfaction.ratings"), tuple(float(spread[s]) for s in range(1, 6))),
            ),
            label_heading=w("satisfaction.score"),
            empty_text=w("empty"),
        )

    async def outcomes(self) -> Chart:
        w, within = self.words, self.period.within(self.filters)
        overall = await self.stats.resolution(scope=self.scope, filters=within, group_by=None)
        rows = (
            await self.stats.resolution(scope=self.scope, filters=within, group_by=GroupBy.CATEGORY)
        )[:TOP]
        total = overall[0] if overall else None
        return Chart(
            key="outcomes",
            title=w("outcomes.title"),
            description=w(
                "outcomes.desc",
                fixed=total.fixed if total else 0,
                confirmed=total.citizen_confirmed if total else 0,
                reopened=total.reopened_items if total else 0,
                reopens=total.reopens if total else 0,
            ),
            kind=ChartKind.BARS,
            labels=tuple(w.category(row.group.key) for row in rows),
            series=(
                Series(w("outcomes.fixed"), tuple(float(r.fixed) for r in rows), PALETTE[0]),
                Series(
                    w("outcomes.confirmed"),
                    tuple(float(r.citizen_confirmed) for r in rows),
                    "#2e7d32",
                ),
                Series(
                    w("outcomes.reopened"), tuple(float(r.reopened_items) for r in rows), "#b3261e"
                ),
            ),
            label_heading=w("groups.category"),
            empty_text=w("empty"),
        )

    async def all(self, now: datetime) -> list[Chart]:
        """The dashboard's charts, in the order a reader asks: how many, how they feel, how fast,
        what is late, how satisfied, and whether the fixes held."""
        return [
            await self.weekly_volume(),
            await self.sentiment(GroupBy.CATEGORY),
            await self.sentiment(GroupBy.DISTRICT),
            await self.resolution(),
            await self.overdue(now),
            await self.satisfaction(),
            await self.outcomes(),
        ]


def _days(hours: float | None) -> str:
    return "-" if hours is None else f"{hours / 24:.1f}"


def _day_value(hours: float | None) -> float:
    return 0.0 if hours is None else round(hours / 24, 1)
