"""What the surveys API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from admin.asking import schemas as asking


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
    provinces: asking.Provinces
    districts: asking.Districts = Field(default_factory=list)
    closes_at: AwareDatetime
    topics: asking.Topics = Field(default_factory=list)
    agency: asking.OwningAgency = None


class SurveyPublic(BaseModel):
    id: int
    title: str
    intro: str
    questions: list[QuestionWrite]
    provinces: list[asking.Area]
    districts: list[asking.Area]
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
    options: list[asking.OptionCount]
    free_answers: asking.FreeAnswers


class SurveyResults(BaseModel):
    respondents: int = Field(description="Citizens who answered at least one question.")
    completed: int = Field(description="Citizens who answered or skipped every question.")
    questions: list[QuestionResults]
