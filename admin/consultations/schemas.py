"""What the consultations API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field


class ConsultationWrite(BaseModel):
    """A question for the citizens of some provinces (and districts): options, a free answer,
    or both; open until `closes_at`."""

    title: str = Field(min_length=1, max_length=200)
    question: str = Field(min_length=1, max_length=1000)
    context: str = Field(default="", max_length=2000)
    options: list[str] = Field(default_factory=list, max_length=10)
    free_answer: bool = False
    provinces: list[str] = Field(
        min_length=1, max_length=77, description="Province names (Thai or English) or codes."
    )
    districts: list[str] = Field(
        default_factory=list, max_length=200, description="District codes within the provinces."
    )
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime
    topics: list[str] = Field(
        default_factory=list,
        max_length=10,
        description="What it is about (codes from GET /api/v1/topics); subscribers limited to "
        "topics hear only of what names one of theirs, and of nothing that names none.",
    )
    agency: str | None = Field(
        default=None, max_length=60, description="The owning agency's code (officials of several)."
    )


class Area(BaseModel):
    code: str
    name: str


class ConsultationPublic(BaseModel):
    id: int
    title: str
    question: str
    context: str
    options: list[str]
    free_answer: bool
    provinces: list[Area]
    districts: list[Area]
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


class OptionCount(BaseModel):
    label: str
    count: int


class AreaResult(BaseModel):
    key: str = Field(description="Province or district code ('' for no known area).")
    name: str
    total: int
    options: list[OptionCount]


class ThemeCount(BaseModel):
    label: str
    count: int
    example: str = Field(description="One answer, personal data masked.")
    examples: list[str] = Field(default_factory=list, description="Up to three, masked.")


class FreeAnswers(BaseModel):
    count: int
    themes: list[ThemeCount]


class ConsultationResults(BaseModel):
    total: int
    options: list[OptionCount]
    by_province: list[AreaResult]
    by_district: list[AreaResult] = Field(
        default_factory=list, description="Answers from citizens who subscribed to a district."
    )
    free_answers: FreeAnswers
