"""What the consultations and surveys APIs share in what they accept and return: the areas and
owner of what is asked, and one question's counts and typed answers."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

# A field's own default goes beside it (`districts: Districts = Field(default_factory=list)`), so
# pydantic's mypy plugin sees that it may be left out.
Provinces = Annotated[
    list[str],
    Field(min_length=1, max_length=77, description="Province names (Thai or English) or codes."),
]
Districts = Annotated[
    list[str],
    Field(max_length=200, description="District codes within the provinces."),
]
Topics = Annotated[
    list[str],
    Field(
        max_length=10,
        description="What it is about (codes from GET /api/v1/topics); subscribers limited to "
        "topics hear only of what names one of theirs, and of nothing that names none.",
    ),
]
OwningAgency = Annotated[
    str | None,
    Field(max_length=60, description="The owning agency's code (officials of several)."),
]


class Area(BaseModel):
    code: str
    name: str


class OptionCount(BaseModel):
    label: str
    count: int


class ThemeCount(BaseModel):
    label: str
    count: int
    example: str = Field(description="One answer, personal data masked.")
    examples: list[str] = Field(default_factory=list, description="Up to three, masked.")


class FreeAnswers(BaseModel):
    count: int
    themes: list[ThemeCount]
