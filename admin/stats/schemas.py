"""What the stats endpoints return: one row per group, with its key and a human label."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from storage.repositories.stats_figures import GroupBy


class GroupedRow(BaseModel):
    key: str | None = Field(
        description="province/district code, agency code, category, or ISO week (2026-W47); "
        "null for items without one, or for the total"
    )
    label: str | None = Field(description="the Thai name of the code, or the week's dates")


class SentimentRow(GroupedRow):
    count: int
    positive: int
    neutral: int
    negative: int


class SentimentStats(BaseModel):
    group_by: GroupBy
    rows: list[SentimentRow]
    total: SentimentRow


class Period(BaseModel):
    start: datetime
    end: datetime = Field(description="exclusive")


class VolumeRow(GroupedRow):
    count: int = Field(description="items created in the period")
    previous_count: int = Field(description="items created in the period just before")
    change: int
    change_pct: float | None = Field(description="null when the previous period had none")


class VolumeStats(BaseModel):
    group_by: GroupBy | None
    period: Period
    previous_period: Period
    rows: list[VolumeRow]
    total: VolumeRow


class ResolutionRow(GroupedRow):
    finished: int = Field(description="fixed + closed_without_fix")
    fixed: int = Field(description="resolved (or closed after being resolved)")
    closed_without_fix: int = Field(description="rejected, or closed without a resolution")
    citizen_confirmed: int = Field(description="fixes the citizen confirmed")
    reopened_items: int = Field(description="items the citizen reopened at least once")
    reopens: int = Field(description="reopenings in all")
    median_hours: float | None = Field(description="filing to resolution, fixed items")
    p90_hours: float | None


class ResolutionStats(BaseModel):
    group_by: GroupBy | None
    rows: list[ResolutionRow]


class OverdueRow(GroupedRow):
    count: int = Field(description="open items past their due date")


class OverdueStats(BaseModel):
    group_by: GroupBy | None
    at: datetime
    rows: list[OverdueRow]
    total: int


class SatisfactionRow(GroupedRow):
    ratings: int
    average: float | None = Field(description="mean rating, 1 (worst) to 5 (best)")
    distribution: dict[str, int] = Field(description='ratings per score: {"1": n, …, "5": n}')


class SatisfactionStats(BaseModel):
    group_by: GroupBy | None
    rows: list[SatisfactionRow]
