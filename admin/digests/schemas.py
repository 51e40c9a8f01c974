"""A weekly digest's content, as `digest.json` holds it and the HTML, PDF and chat versions show it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from admin.indicators.schemas import Indicators


class DigestSubjectInfo(BaseModel):
    """Whom the digest is for: a provincial board, or an agency."""

    kind: Literal["board", "agency"]
    code: str = Field(description="board code or agency code")
    name: str
    province_code: str | None
    province_name: str | None


class Change(BaseModel):
    count: int
    previous_count: int
    change: int
    change_pct: float | None


class BreakdownRow(Change):
    key: str | None
    label: str | None


class SentimentWeek(BaseModel):
    week: str
    count: int
    positive: int
    neutral: int
    negative: int


class SentimentSection(BaseModel):
    this_week: SentimentWeek
    trend: list[SentimentWeek] = Field(description="the last 8 weeks, oldest first")


class ItemLine(BaseModel):
    """One item as a digest may show it: reference, place, status and a redacted quote."""

    reference: str
    category: str | None
    district: str | None
    status: str
    urgency: str
    created_at: datetime
    due_at: datetime | None
    quote: str


class TopIssue(BaseModel):
    """Near-duplicate reports of one problem, with one representative quote."""

    count: int
    category: str | None
    district: str | None
    representative: str = Field(description="the reference of the representative item")
    quote: str
    references: list[str] = Field(description="this week's reports of it (at most 50)")


class ItemList(BaseModel):
    count: int
    items: list[ItemLine] = Field(description="at most 10")


class ResolvedHighlight(BaseModel):
    reference: str
    category: str | None
    district: str | None
    hours_to_fix: float
    rating: int | None
    citizen_confirmed: bool
    reopen_count: int
    quote: str


class ResolvedSection(BaseModel):
    fixed: int = Field(description="items resolved this week")
    closed_without_fix: int = Field(description="rejected or closed unresolved this week")
    citizen_confirmed: int = Field(description="of the fixed, confirmed by the citizen")
    reopened_items: int = Field(description="of the fixed, reopened at least once")
    reopens: int = Field(description="reopenings by citizens this week")
    median_hours: float | None
    p90_hours: float | None
    ratings: int
    average_rating: float | None
    highlights: list[ResolvedHighlight]


class ConsultationOption(BaseModel):
    label: str
    count: int
    share_pct: float


class ConsultationArea(BaseModel):
    name: str
    total: int


class ConsultationTheme(BaseModel):
    label: str
    count: int
    examples: list[str] = Field(description="typed answers, personal data masked")


class ConsultationResult(BaseModel):
    """A consultation that closed this week: what was asked, and what the citizens said."""

    title: str
    question: str
    owner: str
    closed_at: datetime
    total: int
    options: list[ConsultationOption]
    areas: list[ConsultationArea] = Field(
        description="answers per district of the board's province (per province otherwise)"
    )
    free_answers: int
    themes: list[ConsultationTheme]


class SurveyQuestionResult(BaseModel):
    number: int
    text: str
    answered: int
    options: list[ConsultationOption]
    free_answers: int
    themes: list[ConsultationTheme]


class SurveyResult(BaseModel):
    """A survey that closed this week: each question, and what the citizens said."""

    title: str
    owner: str
    closed_at: datetime
    respondents: int
    completed: int
    questions: list[SurveyQuestionResult]


class ConsultationSection(BaseModel):
    """Consultations and surveys closed this week: asked of the board's province, or owned by
    the agency."""

    results: list[ConsultationResult]
    surveys: list[SurveyResult] = Field(default_factory=list)


class BoardDigest(BaseModel):
    subject: DigestSubjectInfo
    week: str
    period_start: datetime
    period_end: datetime = Field(description="exclusive")
    generated_at: datetime
    url: str = Field(description="where the full digest can be read")
    totals: Change
    by_kind: dict[str, int]
    by_category: list[BreakdownRow]
    by_district: list[BreakdownRow]
    sentiment: SentimentSection
    top_issues: list[TopIssue]
    urgent: ItemList
    overdue: ItemList
    resolved: ResolvedSection
    indicators: Indicators
    consultations: ConsultationSection
