"""What the surveys API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from admin.consultations.schemas import Area, FreeAnswers, OptionCount


class QuestionWrite(BaseModel):
    """One question: options to tap and/or a free answer; `optional` ones can be skipped."""

    text: str = Field(min_length=1, max_length=1000)
    options: list[str] = Field(default_factory=list, max_length=10)
    free_answer: bool = False
    optional: bool = False


class SurveyWrite(BaseModel):
    """Questions asked one by one, in order, of the citizens of some provinces (and
    districts) who asked to hear about consultations there; open until `closes_at`."""

    title: str = Field(min_length=1, max_length=200)
    intro: str = Field(default="", max_length=2000)
    questions: list[QuestionWrite] = Field(min_length=1, max_length=10)
    provinces: list[str] = Field(
        min_length=1, max_length=77, description="Province names (Thai or English) or codes."
    )
    districts: list[str] = Field(
        default_factory=list, max_length=200, description="District codes within the provinces."
    )
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


class SurveyPublic(BaseModel):
    id: int
    title: str
    intro: str
    questions: list[QuestionWrite]
    provinces: list[Area]
    districts: list[Area]
    topics: list[str]
    status: str
    agency: str | None
    board_province: str | None
    created_at: datetime
    closes_at: datetime
    published_at: datetime | None
    closed_at: datetime | None


class SurveySent(BaseModel):
    """What publishing or closing queued."""

    survey: SurveyPublic
    queued: int = Field(description="Messages queued now (none twice to the same person).")


class QuestionResults(BaseModel):
    text: str
    answered: int
    skipped: int
    options: list[OptionCount]
    free_answers: FreeAnswers


class SurveyResults(BaseModel):
    respondents: int = Field(description="Citizens who answered at least one question.")
    completed: int = Field(description="Citizens who answered or skipped every question.")
    questions: list[QuestionResults]
