"""What GET /api/v1/indicators returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

COMPLAINT_GROWTH_TARGET_PCT = 20.0


class IndicatorPeriod(BaseModel):
    start: datetime
    end: datetime = Field(description="exclusive")


class AgencyConsultations(BaseModel):
    agency: str = Field(description="the agency's code")
    name: str
    held: int = Field(description="consultations it published in the period")
    results_published: int = Field(description="consultations it closed, results published")


class Consultations(BaseModel):
    """The participation indicator's consultations: held (published to citizens) and results
    published (closed, the summary public) in the period, per owning agency."""

    held: int
    results_published: int
    agencies_consulting: int = Field(description="agencies in scope that held at least one")
    by_agency: list[AgencyConsultations]


class Participation(BaseModel):
    """Share of agencies that ran participation activities in the period."""

    agencies: int = Field(description="active agencies in scope")
    received: int = Field(description="agencies that received feedback filed in the period")
    answered: int = Field(description="agencies whose officials answered feedback in the period")
    received_and_answered: int
    share_pct: float | None = Field(description="received_and_answered / agencies × 100")
    consultations: Consultations


class ComplaintGrowth(BaseModel):
    complaints: int = Field(description="complaints filed in the period")
    previous_year: int = Field(description="complaints filed in the same period a year earlier")
    growth_pct: float | None = Field(description="null when the year before had none")
    target_pct: float = COMPLAINT_GROWTH_TARGET_PCT
    meets_target: bool | None = Field(description="growth ≤ target (null when not measurable)")


class Satisfaction(BaseModel):
    """Citizens' satisfaction and trust, from their ratings of items resolved in the period."""

    ratings: int
    average: float | None = Field(description="1 (worst) to 5 (best)")
    satisfied_pct: float | None = Field(description="share of ratings of 4 or 5")
    distribution: dict[str, int]
    resolved: int = Field(description="items resolved in the period")
    citizen_confirmed: int = Field(description="of those, fixes the citizen confirmed")
    confirmed_pct: float | None


class Indicators(BaseModel):
    period: IndicatorPeriod
    previous_year_period: IndicatorPeriod
    province: str | None = Field(description="province code, when narrowed to one")
    participation: Participation
    complaint_growth: ComplaintGrowth
    satisfaction: Satisfaction
