"""The public transparency page's figures: per province and per agency, items received and
resolved, fixes the citizens confirmed, reopenings, the median time to resolve, satisfaction,
and the issues raised most with one masked example each.

Nothing here can name or place a person: counts come from the shared aggregates, the only text
shown is an item's stored redacted text masked again (`public_text`), and no point, reference,
citizen or photo is read at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.charts.figures import ChartPeriod, ScopeCharts
from admin.charts.svg import Chart
from admin.charts.texts import ChartWords
from admin.public.consultations import PublicConsultations, public_consultations
from admin.public.texts import PublicWords
from services.errors import NotFoundError
from services.privacy import public_text
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.public_figures import PublicFiguresRepository
from storage.repositories.stats import StatsRepository
from storage.repositories.stats_figures import GroupBy

EVERYTHING = FeedbackScope(everything=True)
PERIOD_WEEKS = 52
TOP_ISSUES = 5


@dataclass(frozen=True)
class AreaFigures:
    received: int = 0
    resolved: int = 0
    confirmed: int = 0
    reopened_items: int = 0
    reopens: int = 0
    median_hours: float | None = None
    ratings: int = 0
    satisfaction: float | None = None


@dataclass(frozen=True)
class FiguresRow:
    name: str
    href: str
    figures: AreaFigures


@dataclass(frozen=True)
class PublicIssue:
    category: str
    count: int
    example: str | None


@dataclass(frozen=True)
class PublicPage:
    heading: str
    subheading: str | None
    back: tuple[str, str] | None  # (href, text)
    period_text: str
    totals: AreaFigures
    rows_kind: str | None  # "provinces", "agencies" or None
    rows: list[FiguresRow]
    issues: list[PublicIssue]
    chart: Chart
    consultations: PublicConsultations


class PublicFigures:
    """The public pages' contents for one request: its session, time zone, words and moment."""

    def __init__(
        self, session: AsyncSession, *, timezone: str, words: PublicWords, now: datetime
    ) -> None:
        self.session = session
        self.stats = StatsRepository(session, timezone=timezone)
        self.names = PublicFiguresRepository(session)
        self.words = words
        self.now = now
        self.period = ChartPeriod.ending_at(now, words.zone, weeks=PERIOD_WEEKS)

    def link(self, path: str) -> str:
        return path if self.words.language == "th" else f"{path}?lang={self.words.language}"

    async def _figures(
        self, filters: FeedbackFilter, group_by: GroupBy | None
    ) -> dict[str | None, AreaFigures]:
        within = self.period.within(filters)
        found: dict[str | None, dict[str, Any]] = {}
        for row in await self.stats.sentiment(scope=EVERYTHING, filters=within, group_by=group_by):
            found.setdefault(row.group.key, {})["received"] = row.count
        for fix in await self.stats.resolution(scope=EVERYTHING, filters=within, group_by=group_by):
            found.setdefault(fix.group.key, {}).update(
                resolved=fix.fixed,
                confirmed=fix.citizen_confirmed,
                reopened_items=fix.reopened_items,
                reopens=fix.reopens,
                median_hours=fix.median_hours,
            )
        for rated in await self.stats.satisfaction(
            scope=EVERYTHING, filters=within, group_by=group_by
        ):
            found.setdefault(rated.group.key, {}).update(
                ratings=rated.ratings, satisfaction=rated.average
            )
        return {key: AreaFigures(**values) for key, values in found.items()}

    async def _issues(self, filters: FeedbackFilter) -> list[PublicIssue]:
        found = await self.names.top_issues(filters=self.period.within(filters), limit=TOP_ISSUES)
        return [
            PublicIssue(
                category=self.words.category(issue.category),
                count=issue.count,
                example=public_text(issue.redacted_text) if issue.redacted_text else None,
            )
            for issue in found
        ]

    async def _chart(self, filters: FeedbackFilter) -> Chart:
        charts = ScopeCharts(
            self.stats,
            scope=EVERYTHING,
            filters=filters,
            period=ChartPeriod.ending_at(self.now, self.words.zone),
            words=ChartWords(self.words.language),
        )
        return await charts.weekly_volume()

    async def _consultations(
        self, *, province_code: str | None = None, agency_id: int | None = None
    ) -> PublicConsultations:
        return await public_consultations(
            self.session,
            language=self.words.language,
            start=self.period.start,
            end=self.period.end,
            province_code=province_code,
            agency_id=agency_id,
        )

    def _period_text(self) -> str:
        last_day = self.period.end - timedelta(days=1)
        return self.words(
            "period", start=self.words.day(self.period.start), end=self.words.day(last_day)
        )

    async def nation(self) -> PublicPage:
        """Every province with items, biggest first, and the country's totals."""
        filters = FeedbackFilter()
        by_province = await self._figures(filters, GroupBy.PROVINCE)
        codes = sorted((key for key in by_province if key), key=lambda k: -by_province[k].received)
        names = await self.names.provinces(codes)
        rows = [
            FiguresRow(
                name=names[code].name(self.words.language),
                href=self.link(f"/public/provinces/{code}"),
                figures=by_province[code],
            )
            for code in codes
            if code in names
        ]
        totals = (await self._figures(filters, None)).get(None, AreaFigures())
        return PublicPage(
            heading=self.words("index.heading"),
            subheading=self.words("index.lead"),
            back=None,
            period_text=self._period_text(),
            totals=totals,
            rows_kind="provinces",
            rows=rows,
            issues=await self._issues(filters),
            chart=await self._chart(filters),
            consultations=await self._consultations(),
        )

    async def province(self, code: str) -> PublicPage:
        """One province: its totals, each agency that received its items, its top issues."""
        place = await self.names.province(code)
        if place is None:
            raise NotFoundError(self.words("not_found.text"))
        filters = FeedbackFilter(province_code=code)
        by_agency = await self._figures(filters, GroupBy.AGENCY)
        agencies = await self.names.agencies_by_code([key for key in by_agency if key])
        ordered = sorted(agencies.values(), key=lambda a: (-by_agency[a.code].received, a.code))
        rows = [
            FiguresRow(
                name=agency.name(self.words.language),
                href=self.link(f"/public/agencies/{agency.id}"),
                figures=by_agency[agency.code],
            )
            for agency in ordered
        ]
        totals = (await self._figures(filters, None)).get(None, AreaFigures())
        return PublicPage(
            heading=self.words("province.heading", name=place.name(self.words.language)),
            subheading=None,
            back=(self.link("/public"), self.words("back.index")),
            period_text=self._period_text(),
            totals=totals,
            rows_kind="agencies",
            rows=rows,
            issues=await self._issues(filters),
            chart=await self._chart(filters),
            consultations=await self._consultations(province_code=code),
        )

    async def agency(self, agency_id: int) -> PublicPage:
        """One agency: the items routed to it, what it resolved, its top issues."""
        agency = await self.names.agency(agency_id)
        if agency is None:
            raise NotFoundError(self.words("not_found.text"))
        place = await self.names.province(agency.province_code) if agency.province_code else None
        filters = FeedbackFilter(agency_id=agency_id)
        totals = (await self._figures(filters, None)).get(None, AreaFigures())
        back = (self.link("/public"), self.words("back.index"))
        subheading = None
        if place is not None:
            name = place.name(self.words.language)
            back = (
                self.link(f"/public/provinces/{place.code}"),
                self.words("back.province", name=name),
            )
            subheading = self.words("agency.in_province", name=name)
        return PublicPage(
            heading=self.words("agency.heading", name=agency.name(self.words.language)),
            subheading=subheading,
            back=back,
            period_text=self._period_text(),
            totals=totals,
            rows_kind=None,
            rows=[],
            issues=await self._issues(filters),
            chart=await self._chart(filters),
            consultations=await self._consultations(agency_id=agency_id),
        )
