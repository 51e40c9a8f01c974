"""What the volunteer programmes API accepts and returns."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field


class ProgrammeWrite(BaseModel):
    """What the volunteers will do, where, when, for how many, and what they need."""

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)
    place: str = Field(min_length=1, max_length=300, description="Where volunteers meet.")
    province: str = Field(
        min_length=1, max_length=60, description="The province's name (Thai or English) or code."
    )
    district: str | None = Field(
        default=None, max_length=4, description="A district code within it (none: anywhere)."
    )
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    capacity: int = Field(ge=1, le=10_000)
    requirements: str = Field(default="", max_length=1000)
    agency: str | None = Field(
        default=None,
        max_length=60,
        description="The organising agency's code (officials of several; admins).",
    )


class Area(BaseModel):
    code: str
    name: str


class SignUpCounts(BaseModel):
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int
    no_show: int
    places_left: int


class SignUpPublic(BaseModel):
    """One citizen's sign-up, as the organising agency sees it: no platform id, only what the
    citizen chose to give the organiser (`contact`)."""

    id: int
    status: str
    waiting_position: int | None
    contact: str | None
    signed_up_at: datetime
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    attendance_at: datetime | None


class ProgrammePublic(BaseModel):
    id: int
    title: str
    description: str
    place: str
    province: Area
    district: Area | None
    starts_at: datetime
    ends_at: datetime
    capacity: int
    requirements: str
    status: str
    agency: str
    created_at: datetime
    published_at: datetime | None
    cancelled_at: datetime | None
    sign_ups: SignUpCounts


class ProgrammeDetail(ProgrammePublic):
    people: list[SignUpPublic] | None = Field(
        description="The sign-ups in the order they came; only the organising agency's "
        "officials see them (null for anyone else)."
    )


SignUpId = Annotated[int, Field(ge=1, le=2**31 - 1)]


class Attendance(BaseModel):
    """Sign-up ids (as `GET …/{id}` lists them under `people`)."""

    attended: list[SignUpId] = Field(default_factory=list, max_length=10_000)
    absent: list[SignUpId] = Field(default_factory=list, max_length=10_000)


class Cancelled(BaseModel):
    programme: ProgrammePublic
    told: int = Field(description="Citizens signed up or waiting who were told now.")
