"""Where a count query fits the weekly pre-aggregate (`feedback_week_count`), and how.

The pre-aggregate holds items per ISO week in Asia/Bangkok, province, category and kind, with
their sentiment. A query fits it when it filters and groups only on those dimensions; its period
is then split into whole weeks (read from the pre-aggregate) and the partial weeks at its edges
(read from `feedback_item`), so every figure stays exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, case, false, func, literal, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from storage.models import FeedbackWeekCount, Sentiment
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope

WEEK_OFFSET_MINUTES = 7 * 60  # Asia/Bangkok, the zone the pre-aggregate's weeks are cut in
WEEK_ZONE = timezone(timedelta(minutes=WEEK_OFFSET_MINUTES))
SENTIMENT_COLUMNS: dict[Sentiment, Any] = {
    Sentiment.POSITIVE: col(FeedbackWeekCount.positive),
    Sentiment.NEUTRAL: col(FeedbackWeekCount.neutral),
    Sentiment.NEGATIVE: col(FeedbackWeekCount.negative),
}


@dataclass(frozen=True)
class PeriodSplit:
    """Whole weeks [first_week, end_week) (None: unbounded) and the partial weeks around them."""

    first_week: date | None
    end_week: date | None
    edges: tuple[tuple[datetime | None, datetime | None], ...]


def week_start_at_or_before(moment: datetime) -> datetime:
    local = moment.astimezone(WEEK_ZONE)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday, time(), tzinfo=WEEK_ZONE)


def week_start_at_or_after(moment: datetime) -> datetime:
    start = week_start_at_or_before(moment)
    return start if start == moment else start + timedelta(days=7)


def split_period(created_from: datetime | None, created_to: datetime | None) -> PeriodSplit | None:
    """The period's whole weeks and edges, or None if it holds no whole week."""
    lower = None if created_from is None else week_start_at_or_after(created_from)
    upper = None if created_to is None else week_start_at_or_before(created_to)
    if lower is not None and upper is not None and lower >= upper:
        return None
    edges: list[tuple[datetime | None, datetime | None]] = []
    if created_from is not None and lower is not None and created_from < lower:
        edges.append((created_from, lower))
    if created_to is not None and upper is not None and upper < created_to:
        edges.append((upper, created_to))
    return PeriodSplit(
        first_week=None if lower is None else lower.astimezone(WEEK_ZONE).date(),
        end_week=None if upper is None else upper.astimezone(WEEK_ZONE).date(),
        edges=tuple(edges),
    )


def fits(scope: FeedbackScope, filters: FeedbackFilter) -> bool:
    """True when every filter is on a dimension the pre-aggregate keeps."""
    return (
        not scope.agency_ids
        and not filters.statuses
        and not filters.references
        and filters.district_code is None
        and filters.agency_id is None
        and not filters.urgencies
        and not filters.text
        and filters.overdue_at is None
    )


def conditions(scope: FeedbackScope, filters: FeedbackFilter) -> list[ColumnElement[bool]]:
    """The scope and filters (other than the period and sentiment) restated on the pre-aggregate;
    `fits` must hold."""
    row = FeedbackWeekCount
    has_category, category = col(row.has_category), col(row.category)
    found: list[ColumnElement[bool]] = []
    if not scope.everything:
        places = scope.province_codes
        found.append(col(row.province_code).in_(places) if places else false())
    if filters.province_code is not None:
        found.append(col(row.province_code) == filters.province_code)
    if filters.kinds:
        found.append(col(row.kind).in_(filters.kinds))
    named = and_(has_category.is_(True), category.in_(filters.categories))
    if filters.category_other_than is not None:
        other = or_(has_category.is_(False), category.not_in(filters.category_other_than))
        found.append(or_(named, other))
    elif filters.categories:
        found.append(named)
    if filters.exclude_categories:
        found.append(or_(has_category.is_(False), category.not_in(filters.exclude_categories)))
    return found


def period_conditions(split: PeriodSplit) -> list[ColumnElement[bool]]:
    week = col(FeedbackWeekCount.week_start)
    found: list[ColumnElement[bool]] = []
    if split.first_week is not None:
        found.append(week >= split.first_week)
    if split.end_week is not None:
        found.append(week < split.end_week)
    return found


def sentiment_sums(sentiments: tuple[Sentiment, ...]) -> list[ColumnElement[int]]:
    """Sums of (items, positive, neutral, negative), counting only the items whose sentiment is
    one of `sentiments` when given."""
    kept: dict[Sentiment, Any] = {
        s: column if not sentiments or s in sentiments else literal(0)
        for s, column in SENTIMENT_COLUMNS.items()
    }
    items: Any = col(FeedbackWeekCount.items)
    if sentiments:
        items = kept[Sentiment.POSITIVE] + kept[Sentiment.NEUTRAL] + kept[Sentiment.NEGATIVE]
    return [func.sum(items), *(func.sum(kept[s]) for s in SENTIMENT_COLUMNS)]


def province_key() -> ColumnElement[str | None]:
    return func.nullif(col(FeedbackWeekCount.province_code), "")


def category_key() -> ColumnElement[str | None]:
    return case(
        (col(FeedbackWeekCount.has_category).is_(True), col(FeedbackWeekCount.category)), else_=None
    )
