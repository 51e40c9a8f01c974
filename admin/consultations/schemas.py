"""What the consultations API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from admin.asking import schemas as asking


class ConsultationWrite(BaseModel):
    """A question for the citizens of some provinces (and districts): options, a free answer,
    or both; open until `closes_at`."""

    title: str = Field(min_length=1, max_length=200)
    question: str = Field(min_length=1, max_length=1000)
    context: str = Field(default="", max_length=2000)
    options: list[str] = Field(default_factory=list, max_length=10)
    free_answer: bool = False
    provinces: asking.Provinces
    districts: asking.Districts = Field(default_factory=list)
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime
    topics: asking.Topics = Field(default_factory=list)
    agency: asking.OwningAgency = None


class ConsultationPublic(BaseModel):
    id: int
    title: str
    question: str
    context: str
    options: list[str]
    free_answer: bool
    provinces: list[asking.Area]
    districts: list[asking.Area]
    topics: list[str]
    status: str
    agency: str | None
    board_province: str | None
    created_at: datetime
    opens_at: datetime | None
    closes_at: datetime
    published_at: datetime | None
    closed_at: datetime | None


class Sent(BaseModel):
    """What publishing or closing queued."""

    consultation: ConsultationPublic
    queued: int = Field(description="Messages queued now (none twice to the same person).")


class AreaResult(BaseModel):
    key: str = Field(description="Province or district code ('' for no known area).")
    name: str
    total: int
    options: list[asking.OptionCount]


class ConsultationResults(BaseModel):
    total: int
    options: list[asking.OptionCount]
    by_province: list[AreaResult]
    by_district: list[AreaResult] = Field(
        default_factory=list, description="Answers from citizens who subscribed to a district."
    )
    free_answers: asking.FreeAnswers
