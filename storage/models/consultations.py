"""Consultations and polls ("decide together"): what an agency or a board asks the citizens of
some areas, each citizen's one answer, and who asked to hear about consultations where."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field, utc_field
from storage.types import str_enum


class ConsultationStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class Consultation(SQLModel, table=True):
    """One question put to the citizens of some provinces (and districts), with options and/or
    a free answer, open until `closes_at`. Owned by an agency or by a province's board."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    question: str = Field(max_length=1000)
    context: str = Field(default="", max_length=2000)
    options: list[Any] = json_field(default_factory=list)  # the labels, in order
    free_answer: bool = False
    province_codes: list[Any] = json_field(default_factory=list)
    district_codes: list[Any] = json_field(default_factory=list)  # empty: the whole provinces
    topics: list[Any] = json_field(default_factory=list)  # `services.topics` codes
    status: ConsultationStatus = Field(
        default=ConsultationStatus.DRAFT, sa_type=str_enum(ConsultationStatus), index=True
    )
    owner_agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    owner_board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
    created_by: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = created_at_field()
    opens_at: datetime | None = utc_field()
    closes_at: datetime = utc_field(nullable=False)
    published_at: datetime | None = utc_field()
    closed_at: datetime | None = utc_field()


class ConsultationAnswer(SQLModel, table=True):
    """A citizen's one answer: the option tapped and/or the free answer (personal data masked,
    its theme from the NLP); changeable until the consultation closes."""

    __tablename__ = "consultation_answer"
    __table_args__ = (UniqueConstraint("consultation_id", "citizen_id"),)

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    citizen_id: int = Field(foreign_key="citizen.id", index=True)
    option_index: int | None = None
    free_text: str | None = Field(default=None, max_length=2000)  # redacted, never the original
    theme: str | None = Field(default=None, max_length=60)
    province_code: str | None = Field(default=None, max_length=2)
    district_code: str | None = Field(default=None, max_length=4)
    answered_at: datetime = created_at_field()
    changes: int = 0


class NewsSubscription(SQLModel, table=True):
    """A citizen asked to hear about consultations (and surveys) in an area (a province, or one
    district), on some topics or on all of them."""

    __tablename__ = "news_subscription"
    __table_args__ = (UniqueConstraint("citizen_id", "province_code", "district_code"),)

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = Field(foreign_key="citizen.id", index=True)
    province_code: str = Field(max_length=2, index=True)
    district_code: str = Field(default="", max_length=4)  # "": the whole province
    topics: list[Any] = json_field(default_factory=list)  # `services.topics` codes; []: all
    created_at: datetime = created_at_field()
