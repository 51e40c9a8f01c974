"""Builds a board's or an agency's weekly digest from aggregates and redacted quotes only."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.digests.consultation_results import consultation_section
from admin.digests.schemas import (
    BoardDigest,
    BreakdownRow,
    Change,
    DigestSubjectInfo,
    ItemLine,
    ItemList,
    ResolvedHighlight,
    ResolvedSection,
    SentimentSection,
    SentimentWeek,
    TopIssue,
)
from admin.digests.weeks import IsoWeek
from admin.indicators.service import strategy_indicators
from admin.stats.service import change_pct
from nlp.duplicates import cluster
from nlp.personal_data import redact_for_public
from storage.models import Agency, Board, Province
from storage.repositories.digests import DigestItem, DigestRepository
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.indicators import IndicatorRepository
from storage.repositories.stats import StatsRepository
from storage.repositories.stats_figures import GroupBy, percentile

TREND_WEEKS = 8
LIST_LIMIT = 10
TOP_ISSUES = 5
HIGHLIGHTS = 5
QUOTE_CHARS = 160
INDICATOR_PERIOD = timedelta(days=365)


@dataclass(frozen=True)
class DigestSubject:
    """A board (its province) or an agency, and the items it may see."""

    info: DigestSubjectInfo
    scope: FeedbackScope
    filters: FeedbackFilter
    agency_ids: frozenset[int] | None
    board_id: int | None = None
    agency_id: int | None = None

    @property
    def key(self) -> str:
        """`board:<province code>` or `agency:<agency code>`."""
        if self.info.kind == "board":
            return f"board:{self.info.province_code}"
        return f"agency:{self.info.code}"

    @classmethod
    def for_board(cls, board: Board, province: Province) -> DigestSubject:
        return cls(
            info=DigestSubjectInfo(
                kind="board",
                code=board.code,
                name=board.name_th,
                province_code=province.code,
                province_name=province.name_th,
            ),
            scope=FeedbackScope(province_codes=frozenset({province.code})),
            filters=FeedbackFilter(province_code=province.code),
            agency_ids=None,
            board_id=board.id,
        )

    @classmethod
    def for_agency(cls, agency: Agency, province: Province | None) -> DigestSubject:
        assert agency.id is not None
        return cls(
            info=DigestSubjectInfo(
                kind="agency",
                code=agency.code,
                name=agency.name_th,
                province_code=province.code if province else None,
                province_name=province.name_th if province else None,
            ),
            scope=FeedbackScope(agency_ids=frozenset({agency.id})),
            filters=FeedbackFilter(agency_id=agency.id),
            agency_ids=frozenset({agency.id}),
            agency_id=agency.id,
        )


def safe_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A redacted text masked once more, as for the public (names standing alone too), on one
    line, cut to `limit`."""
    masked = " ".join(redact_for_public(text).text.split())
    return masked if len(masked) <= limit else masked[: limit - 1].rstrip() + "…"


def _line(item: DigestItem) -> ItemLine:
    return ItemLine(
        reference=item.reference,
        category=item.category,
        district=item.district_name,
        status=item.status.value,
        urgency=item.urgency.value,
        created_at=item.created_at,
        due_at=item.due_at,
        quote=safe_quote(item.redacted_text),
    )


def _hours(item: DigestItem) -> float:
    assert item.resolved_at is not None
    return round((item.resolved_at - item.created_at).total_seconds() / 3600, 2)


REFERENCES_LIMIT = 50


@dataclass(frozen=True)
class Cluster:
    """Reports of one problem: `root_id` names the item that stands for them."""

    root_id: int
    items: list[DigestItem]


def cluster_items(items: list[DigestItem]) -> list[Cluster]:
    """Near-duplicate reports of one problem, biggest first. Items the filing service attached to
    the same open ticket form one thread; threads whose redacted texts report the same problem in
    the same category and district are joined (`nlp.duplicates.cluster`)."""
    threads: dict[int, list[DigestItem]] = defaultdict(list)
    for item in items:
        threads[item.duplicate_of_id or item.id].append(item)
    groups = cluster(
        [(root, thread) for root, thread in threads.items()],
        text=lambda thread: thread[1][0].redacted_text,
        category=lambda thread: thread[1][0].category,
        place_code=lambda thread: thread[1][0].district_code,
    )
    found = [
        Cluster(root_id=group[0][0], items=[item for _, thread in group for item in thread])
        for group in groups
    ]
    return sorted(found, key=lambda c: (-len(c.items), min(i.created_at for i in c.items)))


async def _top_issues(repository: DigestRepository, items: list[DigestItem]) -> list[TopIssue]:
    clusters = cluster_items(items)[:TOP_ISSUES]
    present = {item.id: item for item in items}
    missing = sorted({c.root_id for c in clusters if c.root_id not in present})
    roots = present | {item.id: item for item in await repository.by_ids(missing)}
    found: list[TopIssue] = []
    for group in clusters:
        representative = roots[group.root_id]
        found.append(
            TopIssue(
                count=len(group.items),
                category=representative.category,
                district=representative.district_name,
                representative=representative.reference,
                quote=safe_quote(representative.redacted_text),
                references=[item.reference for item in group.items][:REFERENCES_LIMIT],
            )
        )
    return found


def _breakdown(rows: list[tuple[str | None, str | None, int, int]]) -> list[BreakdownRow]:
    return [
        BreakdownRow(
            key=key,
            label=label,
            count=count,
            previous_count=previous,
            change=count - previous,
            change_pct=change_pct(count, previous),
        )
        for key, label, count, previous in rows
    ]


async def build_digest(
    session: AsyncSession,
    *,
    subject: DigestSubject,
    week: IsoWeek,
    zone: ZoneInfo,
    url: str,
    now: datetime,
) -> BoardDigest:
    """The digest of `subject` for `week` (Monday–Sunday in `zone`)."""
    start, end = week.start(zone), week.end(zone)
    stats = StatsRepository(session, timezone=str(zone))
    repository = DigestRepository(session)
    scope, filters = subject.scope, subject.filters

    async def breakdown(group_by: GroupBy) -> list[BreakdownRow]:
        rows = await stats.volumes(
            scope=scope, filters=filters, group_by=group_by, start=start, end=end
        )
        return _breakdown(
            [(r.group.key, r.group.label, r.count, r.previous_count) for r in rows if r.count]
        )

    by_category, by_district = await breakdown(GroupBy.CATEGORY), await breakdown(GroupBy.DISTRICT)
    items = await repository.filed(scope=scope, start=start, end=end)
    previous_count = await IndicatorRepository(session).count_items(
        scope=scope, filters=filters, start=start - (end - start), end=start
    )
    trend_rows = await stats.sentiment(
        scope=scope,
        filters=FeedbackFilter(
            province_code=filters.province_code,
            agency_id=filters.agency_id,
            created_from=week.previous(TREND_WEEKS - 1).start(zone),
            created_to=end,
        ),
        group_by=GroupBy.WEEK,
    )
    by_week = {row.group.key: row for row in trend_rows}
    trend = []
    for back in range(TREND_WEEKS - 1, -1, -1):
        key = str(week.previous(back)) if back else str(week)
        row = by_week.get(key)
        trend.append(
            SentimentWeek(
                week=key,
                count=row.count if row else 0,
                positive=row.positive if row else 0,
                neutral=row.neutral if row else 0,
                negative=row.negative if row else 0,
            )
        )
    urgent = [item for item in items if item.urgency.value == "high"]
    overdue = await repository.overdue(scope=scope, at=end)
    fixed = await repository.fixed(scope=scope, start=start, end=end)
    hours = sorted(_hours(item) for item in fixed)
    ratings = [item.rating for item in fixed if item.rating is not None]
    highlights = sorted(
        fixed,
        key=lambda item: (-(item.rating or 0), not item.citizen_confirmed_fix, _hours(item)),
    )[:HIGHLIGHTS]
    indicators = await strategy_indicators(
        session,
        scope=scope,
        agency_ids=subject.agency_ids,
        filters=filters,
        start=end - INDICATOR_PERIOD,
        end=end,
    )
    count = len(items)
    median, p90 = percentile(hours, 0.5), percentile(hours, 0.9)
    return BoardDigest(
        subject=subject.info,
        week=str(week),
        period_start=start,
        period_end=end,
        generated_at=now,
        url=url,
        totals=Change(
            count=count,
            previous_count=previous_count,
            change=count - previous_count,
            change_pct=change_pct(count, previous_count),
        ),
        by_kind=dict(Counter(item.kind.value for item in items)),
        by_category=by_category,
        by_district=by_district,
        sentiment=SentimentSection(this_week=trend[-1], trend=trend),
        top_issues=await _top_issues(repository, items),
        urgent=ItemList(count=len(urgent), items=[_line(i) for i in urgent[:LIST_LIMIT]]),
        overdue=ItemList(count=len(overdue), items=[_line(i) for i in overdue[:LIST_LIMIT]]),
        resolved=ResolvedSection(
            fixed=len(fixed),
            closed_without_fix=await repository.closed_without_fix(
                scope=scope, start=start, end=end
            ),
            citizen_confirmed=sum(1 for item in fixed if item.citizen_confirmed_fix),
            reopened_items=sum(1 for item in fixed if item.reopen_count > 0),
            reopens=await repository.reopened(scope=scope, start=start, end=end),
            median_hours=None if median is None else round(median, 2),
            p90_hours=None if p90 is None else round(p90, 2),
            ratings=len(ratings),
            average_rating=round(sum(ratings) / len(ratings), 2) if ratings else None,
            highlights=[
                ResolvedHighlight(
                    reference=item.reference,
                    category=item.category,
                    district=item.district_name,
                    hours_to_fix=_hours(item),
                    rating=item.rating,
                    citizen_confirmed=bool(item.citizen_confirmed_fix),
                    reopen_count=item.reopen_count,
                    quote=safe_quote(item.redacted_text),
                )
                for item in highlights
            ],
        ),
        indicators=indicators,
        consultations=await consultation_section(
            session, info=subject.info, agency_id=subject.agency_id, start=start, end=end
        ),
    )
