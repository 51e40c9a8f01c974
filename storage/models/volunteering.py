"""Volunteer programmes ("act together"): what an agency asks citizens to come and do, and each
citizen's sign-up: a confirmed place, a place on the waiting list, or how it ended."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, utc_field
from storage.types import str_enum


class ProgrammeStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    FINISHED = "finished"


class SignUpStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class VolunteerProgramme(SQLModel, table=True):
    """One piece of volunteer work an agency organises: what, where, when, for how many."""

    __tablename__ = "volunteer_programme"

    id: int | None = Field(default=None, primary_key=True)
    owner_agency_id: int = Field(foreign_key="agency.id", index=True)
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=2000)
    place: str = Field(max_length=300)  # as the organiser wrote it
    province_code: str = Field(max_length=2, index=True)
    district_code: str | None = Field(default=None, max_length=4)  # None: anywhere in it
    starts_at: datetime = utc_field(nullable=False, index=True)
    ends_at: datetime = utc_field(nullable=False)
    capacity: int
    requirements: str = Field(default="", max_length=1000)
    status: ProgrammeStatus = Field(
        default=ProgrammeStatus.DRAFT, sa_type=str_enum(ProgrammeStatus), index=True
    )
    created_by: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = created_at_field()
    published_at: datetime | None = utc_field()
    cancelled_at: datetime | None = utc_field()


class VolunteerSignUp(SQLModel, table=True):
    """A citizen's one sign-up to a programme; the waiting list is the waitlisted rows in the
    order they came (`id`), and a cancellation keeps the row."""

    __tablename__ = "volunteer_sign_up"
    __table_args__ = (UniqueConstraint("programme_id", "citizen_id"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="volunteer_programme.id", index=True)
    citizen_id: int = Field(foreign_key="citizen.id", index=True)
    status: SignUpStatus = Field(sa_type=str_enum(SignUpStatus), index=True)
    contact: str | None = Field(default=None, max_length=200)  # what the citizen gave the organiser
    signed_up_at: datetime = created_at_field()
    confirmed_at: datetime | None = utc_field()  # a place, at once or from the waiting list
    cancelled_at: datetime | None = utc_field()
    reminded_at: datetime | None = utc_field()
    attendance_at: datetime | None = utc_field()
