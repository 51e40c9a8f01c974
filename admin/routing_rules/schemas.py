"""What the routing-rules API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, model_validator


class RoutingRuleWrite(BaseModel):
    """One rule: category × area (× words) → an agency type or one agency."""

    name: str = Field(min_length=1, max_length=180)
    description: str = Field(default="", max_length=500)
    priority: int = Field(default=100, ge=-1_000_000, le=1_000_000, description="Higher first.")
    category: str | None = Field(default=None, max_length=60, description="None: any category.")
    keywords: list[str] = Field(
        default_factory=list, max_length=50, description="Any one of them in the text."
    )
    province: str | None = Field(default=None, max_length=2, description="Province code.")
    district: str | None = Field(default=None, max_length=4, description="District code.")
    agency_type: str | None = Field(default=None, max_length=40, description="e.g. pwa.")
    agency: str | None = Field(default=None, max_length=60, description="One agency's code.")
    active: bool = True

    @model_validator(mode="after")
    def _one_target(self) -> RoutingRuleWrite:
        if (self.agency_type is None) == (self.agency is None):
            raise ValueError("give exactly one of agency_type or agency")
        if any(not k.strip() or len(k) > 100 for k in self.keywords):
            raise ValueError("keywords must be non-empty words of at most 100 characters")
        return self


class RoutingRulePublic(BaseModel):
    id: int
    name: str
    description: str
    priority: int
    category: str | None
    keywords: list[str]
    province: str | None
    district: str | None
    agency_type: str | None
    agency: str | None
    active: bool
    created_at: datetime
