"""What the work queue returns and the actions it accepts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from storage.models import ActorType, Channel, FeedbackKind, FeedbackStatus, Sentiment, Urgency


class CodeName(BaseModel):
    code: str
    name: str


class FeedbackItemPublic(BaseModel):
    """One item of the queue; `text` is always the redacted text."""

    id: int
    reference: str
    status: FeedbackStatus
    kind: FeedbackKind
    channel: Channel
    category: str | None
    province: CodeName | None
    district: CodeName | None
    agency: CodeName | None
    board: CodeName | None
    sentiment: Sentiment | None
    urgency: Urgency
    language: str = Field(
        description="The language the citizen wrote in: th, en, lo, km, zh, my, other or none."
    )
    text: str
    latitude: float | None
    longitude: float | None
    due_at: datetime | None
    overdue: bool
    escalation_level: int
    assigned_user_id: int | None
    duplicate_of_id: int | None
    version: int
    created_at: datetime
    updated_at: datetime


class FeedbackPage(BaseModel):
    items: list[FeedbackItemPublic]
    next_cursor: str | None = Field(description="Pass back as `cursor` for the next page.")


class HistoryEntry(BaseModel):
    from_status: FeedbackStatus | None
    to_status: FeedbackStatus
    actor_type: ActorType
    actor: str | None = Field(description="The official's e-mail, when an official acted.")
    agency: CodeName | None
    note: str | None = Field(
        description="The note in the reader's language (Accept-Language: th or en): what the "
        "system recorded, then the words a person typed; personal data masked below the agency."
    )
    note_facts: dict[str, Any] | None = Field(
        description='What the system recorded, as facts: {"code": "merged", "into": "SG-…"}.'
    )
    created_at: datetime


class MediaPublic(BaseModel):
    """A photo of the item; `url` gives its bytes to the same caller."""

    id: int
    kind: Literal["report", "after"] = Field(
        description="`report`: the citizen's photo of the problem; `after`: an official's "
        "photo of the work done."
    )
    content_type: str
    added_by: ActorType
    url: str


class FeedbackDetail(FeedbackItemPublic):
    """An item with its history; `original_text` only for admins and the item's own officials."""

    original_text: str | None
    personal_data_visible: bool
    location_text: str | None
    routing_reason: str | None = Field(
        description="Why it went to its agency, in the reader's language (as `note`)."
    )
    routing_facts: dict[str, Any] | None = Field(
        description='The same as facts: {"code": "rule_matched", "rule": …, "agency": …}.'
    )
    rating: int | None
    rating_comment: str | None
    resolved_at: datetime | None
    closed_at: datetime | None
    follower_count: int
    history: list[HistoryEntry]
    media: list[MediaPublic] = Field(
        description="Photos, for admins and the item's own officials only (others: empty)."
    )


class StatusChangeRequest(BaseModel):
    status: FeedbackStatus
    note: str | None = Field(default=None, max_length=2000)
    expected_version: int | None = Field(
        default=None, ge=1, description="The version you saw; 409 if someone changed it since."
    )


class ForwardRequest(BaseModel):
    agency: str = Field(min_length=1, max_length=60, description="The new agency's code.")
    reason: str = Field(min_length=1, max_length=1000)
    expected_version: int | None = Field(default=None, ge=1)


class MergeRequest(BaseModel):
    into: int = Field(ge=1, description="The id of the item this one duplicates.")
    note: str | None = Field(default=None, max_length=2000)


class AssignRequest(BaseModel):
    user_id: int = Field(ge=1, description="An official of the item's agency.")


class CorrectionRequest(BaseModel):
    """What was wrong about the item; each field left out stays as it is."""

    category: str | None = Field(default=None, max_length=60)
    kind: FeedbackKind | None = None
    district: str | None = Field(default=None, min_length=4, max_length=4)
    expected_version: int | None = Field(default=None, ge=1)


class CorrectionOutcome(BaseModel):
    """What a correction changed, and where the routing rules would send the item now."""

    corrections: list[dict[str, Any]] = Field(
        description='One fact per change: {"code": "category_corrected", "before", "after"}; '
        "empty when nothing differed."
    )
    suggested_agency: CodeName | None = Field(
        description="The agency the routing rules choose for the corrected item when that is "
        "not its agency (forward it there, with a reason, or keep it); null when they agree."
    )
    item: FeedbackDetail


class InternalNoteRequest(BaseModel):
    text: str = Field(min_length=1, max_length=2000)


class InternalNotePublic(BaseModel):
    """A note for the item's officials, never shown to the citizen: words an official typed
    (`text`), or a correction the system recorded (`facts`)."""

    id: int
    author: str | None = Field(description="The official's e-mail (null once erased).")
    text: str | None
    facts: dict[str, Any] | None
    created_at: datetime
