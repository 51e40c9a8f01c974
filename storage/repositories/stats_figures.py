"""What the statistics report: how rows are grouped, the figures of one group, ISO week keys,
and percentiles computed as PostgreSQL's `percentile_cont` does."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class GroupBy(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    AGENCY = "agency"
    CATEGORY = "category"
    WEEK = "week"


@dataclass(frozen=True)
class Group:
    """One group's key (a code, an agency code, a category or an ISO week) and its label."""

    key: str | None
    label: str | None


@dataclass(frozen=True)
class SentimentCounts:
    group: Group
    count: int
    positive: int
    neutral: int
    negative: int


@dataclass(frozen=True)
class VolumeCounts:
    group: Group
    count: int
    previous_count: int


@dataclass(frozen=True)
class ResolutionFigures:
    """How items ended: fixed or not, confirmed by the citizen, reopened, and how long it took."""

    group: Group
    finished: int
    fixed: int
    closed_without_fix: int
    citizen_confirmed: int
    reopened_items: int
    reopens: int
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class GroupCount:
    group: Group
    count: int


@dataclass(frozen=True)
class SatisfactionFigures:
    group: Group
    ratings: int
    average: float | None
    distribution: dict[int, int] = field(default_factory=dict)


def iso_week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iso_week_start(key: str) -> date:
    """The Monday of an ISO week written as 2026-W47."""
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def percentile(sorted_values: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks, as PostgreSQL's `percentile_cont`."""
    if not sorted_values:
        return None
    position = (len(sorted_values) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    low, high = sorted_values[lower], sorted_values[upper]
    return low + (high - low) * (position - lower)
