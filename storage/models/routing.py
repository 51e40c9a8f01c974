"""Routing rules: category × area → the responsible agency type (or a named agency)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field


class RoutingRule(SQLModel, table=True):
    """A rule fires when its category and area match; the highest priority wins."""

    __tablename__ = "routing_rule"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    description: str = Field(default="", max_length=500)
    priority: int = Field(default=100, index=True)
    category: str | None = Field(default=None, max_length=60, index=True)
    # Any one of these words in the message makes the rule apply; empty means any message.
    keywords: list[str] = json_field(default_factory=list)
    # Any one of these hazards (nlp.analysis.Hazard values) found in the item; empty means any.
    hazards: list[str] = json_field(default_factory=list)
    province_code: str | None = Field(default=None, foreign_key="province.code")
    district_code: str | None = Field(default=None, foreign_key="district.code")
    agency_type_code: str | None = Field(default=None, foreign_key="agency_type.code")
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    is_active: bool = True
    created_at: datetime = created_at_field()


class RoutingCorrection(SQLModel, table=True):
    """A wrong routing an official forwarded: kept as a labelled example for retraining."""

    __tablename__ = "routing_correction"

    id: int | None = Field(default=None, primary_key=True)
    feedback_id: int = Field(foreign_key="feedback_item.id", index=True)
    redacted_text: str = Field(default="")
    predicted_category: str | None = Field(default=None, max_length=60)
    corrected_category: str | None = Field(default=None, max_length=60)
    from_agency_id: int | None = Field(default=None, foreign_key="agency.id")
    to_agency_id: int | None = Field(default=None, foreign_key="agency.id")
    reason: str = Field(default="")
    created_at: datetime = created_at_field()
