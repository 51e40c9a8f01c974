"""Surveys: several questions put to the citizens of some areas, each citizen's one response
(where they have got to) and their answer to each question, changeable until it closes."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field, utc_field
from storage.types import str_enum


class SurveyStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class Survey(SQLModel, table=True):
    """An ordered list of questions (each: text, options, free answer, optional) for the
    citizens of some provinces (and districts), open until `closes_at`. The questions never
    change once created, so an answer's `question_index` always means the same question."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    intro: str = Field(default="", max_length=2000)
    questions: list[Any] = json_field(
        default_factory=list
    )  # [{text, options, free_answer, optional}]
    province_codes: list[Any] = json_field(default_factory=list)
    district_codes: list[Any] = json_field(default_factory=list)  # empty: the whole provinces
    topics: list[Any] = json_field(default_factory=list)  # `services.topics` codes
    status: SurveyStatus = Field(
        default=SurveyStatus.DRAFT, sa_type=str_enum(SurveyStatus), index=True
    )
    owner_agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    owner_board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
    created_by: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = created_at_field()
    closes_at: datetime = utc_field(nullable=False)
    published_at: datetime | None = utc_field()
    closed_at: datetime | None = utc_field()


class SurveyResponse(SQLModel, table=True):
    """A citizen's one response to a survey: started at their first answer, completed when
    every question is answered or skipped."""

    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("survey_id", "citizen_id"),)

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    citizen_id: int = Field(foreign_key="citizen.id", index=True)
    province_code: str | None = Field(default=None, max_length=2)
    district_code: str | None = Field(default=None, max_length=4)
    started_at: datetime = created_at_field()
    completed_at: datetime | None = utc_field()


class SurveyAnswer(SQLModel, table=True):
    """The answer to one question: an option, the citizen's words (personal data masked, its
    theme from the NLP), or skipped (an optional question)."""

    __tablename__ = "survey_answer"
    __table_args__ = (UniqueConstraint("response_id", "question_index"),)

    id: int | None = Field(default=None, primary_key=True)
    response_id: int = Field(foreign_key="survey_response.id", index=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    question_index: int
    option_index: int | None = None
    free_text: str | None = Field(default=None, max_length=2000)  # redacted, never the original
    theme: str | None = Field(default=None, max_length=60)
    skipped: bool = False
    answered_at: datetime = created_at_field()
    changes: int = 0
