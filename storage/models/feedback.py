"""Feedback items (complaints, suggestions, opinions …), their media and their status history."""

from datetime import datetime
from typing import Any

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field, optional_json_field, utc_field
from storage.models.enums import (
    ActorType,
    Channel,
    FeedbackKind,
    FeedbackStatus,
    Sentiment,
    Urgency,
)
from storage.types import str_enum

# What the aggregates read besides the period column (see the covering indexes below).
_CREATED_AT_STATS = [
    "province_code", "district_code", "agency_id", "category", "kind", "status", "sentiment",
    "urgency", "due_at", "resolved_at", "rating", "citizen_confirmed_fix", "reopen_count",
]  # fmt: skip
_RESOLVED_AT_STATS = [
    "created_at", "province_code", "district_code", "agency_id", "category", "kind", "status",
    "rating", "citizen_confirmed_fix", "reopen_count",
]  # fmt: skip

_OPEN_DUE_STATS = [
    "status", "province_code", "district_code", "agency_id", "category", "kind", "sentiment",
    "urgency",
]  # fmt: skip
# The open statuses (storage.repositories.feedback_queue.OPEN_STATUSES), for a partial index.
_OPEN = "status IN ('received', 'routed', 'accepted', 'in_progress', 'forwarded')"


class FeedbackItem(SQLModel, table=True):
    """What a citizen raised, with what the NLP found and where it was routed."""

    __tablename__ = "feedback_item"
    __table_args__ = (
        Index("ix_feedback_item_status_created_at", "status", "created_at"),
        Index("ix_feedback_item_agency_status_created", "agency_id", "status", "created_at"),
        Index("ix_feedback_item_province_created_at", "province_code", "created_at"),
        Index("ix_feedback_item_district_created_at", "district_code", "created_at"),
        Index("ix_feedback_item_category_created_at", "category", "created_at"),
        Index("ix_feedback_item_board_created_at", "board_id", "created_at"),
        Index("ix_feedback_item_due_at_status", "due_at", "status"),
        # Covering indexes for the aggregates (stats, indicators, digests): on PostgreSQL a
        # period's figures come from an index-only scan instead of the wide rows.
        Index(
            "ix_feedback_item_created_at_stats",
            "created_at",
            postgresql_include=_CREATED_AT_STATS,
        ),
        Index(
            "ix_feedback_item_resolved_at_stats",
            "resolved_at",
            postgresql_include=_RESOLVED_AT_STATS,
        ),
        # Overdue counts (open and past due): a partial index holding only the open items.
        Index(
            "ix_feedback_item_open_due_at",
            "due_at",
            postgresql_include=_OPEN_DUE_STATS,
            postgresql_where=text(_OPEN),
            sqlite_where=text(_OPEN),
        ),
        # The queue's Thai text search (ILIKE '%…%' on the redacted text): a trigram index on
        # PostgreSQL. SQLite's LIKE cannot use an index for a '%…%' pattern, so there the index
        # is kept empty (WHERE 0) rather than copying every text for nothing.
        Index(
            "ix_feedback_item_redacted_text_trgm",
            "redacted_text",
            postgresql_using="gin",
            postgresql_ops={"redacted_text": "gin_trgm_ops"},
            sqlite_where=text("0"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True, max_length=20)
    citizen_id: int | None = Field(default=None, foreign_key="citizen.id", index=True)
    channel: Channel = Field(sa_type=str_enum(Channel))
    kind: FeedbackKind = Field(default=FeedbackKind.COMPLAINT, sa_type=str_enum(FeedbackKind))
    original_text: str = Field(default="")
    redacted_text: str = Field(default="")
    language: str = Field(default="th", max_length=5)
    category: str | None = Field(default=None, max_length=60)
    categories: list[dict[str, Any]] = json_field(default_factory=list)
    province_code: str | None = Field(default=None, foreign_key="province.code")
    district_code: str | None = Field(default=None, foreign_key="district.code")
    subdistrict_code: str | None = Field(default=None, foreign_key="subdistrict.code")
    latitude: float | None = None
    longitude: float | None = None
    location_text: str | None = Field(default=None, max_length=500)
    sentiment: Sentiment | None = Field(default=None, sa_type=str_enum(Sentiment))
    sentiment_score: float | None = None
    urgency: Urgency = Field(default=Urgency.NORMAL, sa_type=str_enum(Urgency))
    hazards: list[str] = json_field(default_factory=list)  # dangers found now (live_wire …)
    status: FeedbackStatus = Field(
        default=FeedbackStatus.RECEIVED, sa_type=str_enum(FeedbackStatus)
    )
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    board_id: int | None = Field(default=None, foreign_key="board.id")
    routing_rule_id: int | None = Field(default=None, foreign_key="routing_rule.id")
    # Why it went where it went: what the system found, as facts (`services.ticket_notes`),
    # rendered per reader's language; `routing_reason` holds only words an official typed.
    routing_facts: dict[str, Any] | None = optional_json_field()
    routing_reason: str | None = Field(default=None, max_length=500)
    duplicate_of_id: int | None = Field(default=None, foreign_key="feedback_item.id", index=True)
    assigned_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    version: int = Field(default=1)
    due_at: datetime | None = utc_field()
    resolved_at: datetime | None = utc_field()
    closed_at: datetime | None = utc_field()
    rating: int | None = Field(default=None, ge=1, le=5)
    rating_comment: str | None = None
    citizen_confirmed_fix: bool | None = None
    reopen_count: int = 0
    escalation_level: int = 0  # 0 none, 1 the agency's supervisors, 2 the board
    escalated_at: datetime | None = utc_field()
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class FeedbackMedia(SQLModel, table=True):
    """A photo (or other file) attached by a citizen or an official."""

    __tablename__ = "feedback_media"

    id: int | None = Field(default=None, primary_key=True)
    feedback_id: int = Field(foreign_key="feedback_item.id", index=True)
    content_type: str = Field(max_length=100)
    storage_key: str = Field(max_length=500)
    size_bytes: int = 0
    sha256: str = Field(max_length=64)
    added_by: ActorType = Field(default=ActorType.CITIZEN, sa_type=str_enum(ActorType))
    created_at: datetime = created_at_field()


class StatusChange(SQLModel, table=True):
    """One step in a feedback item's life: who moved it, when, and the note they left."""

    __tablename__ = "status_change"
    __table_args__ = (
        Index("ix_status_change_feedback_created", "feedback_id", "created_at"),
        # Participation: did an agency's officials answer anything in a period (one probe each).
        Index(
            "ix_status_change_agency_created",
            "agency_id",
            "created_at",
            postgresql_include=["actor_type", "feedback_id"],
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    feedback_id: int = Field(foreign_key="feedback_item.id")
    from_status: FeedbackStatus | None = Field(default=None, sa_type=str_enum(FeedbackStatus))
    to_status: FeedbackStatus = Field(sa_type=str_enum(FeedbackStatus))
    actor_type: ActorType = Field(sa_type=str_enum(ActorType))
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    # What the system recorded, as facts (`services.ticket_notes`: {"code": "merged", "into": …}),
    # rendered in each reader's language; `note` holds only words a person typed.
    note_facts: dict[str, Any] | None = optional_json_field()
    note: str | None = None
    created_at: datetime = created_at_field()


class InternalNote(SQLModel, table=True):
    """What officials write or record about a ticket for each other: the citizen never sees it.

    Kept apart from `status_change` so no reader of the history (the citizen's chat, Open311,
    digests, the citizen's own data) can show it by mistake. `note_facts` holds what the system
    recorded (a correction: `{"code": "category_corrected", "before": …, "after": …}`), `note`
    only the words an official typed."""

    __tablename__ = "internal_note"
    __table_args__ = (Index("ix_internal_note_feedback_created", "feedback_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    feedback_id: int = Field(foreign_key="feedback_item.id")
    author_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    note_facts: dict[str, Any] | None = optional_json_field()
    note: str | None = None
    created_at: datetime = created_at_field()
