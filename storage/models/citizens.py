"""Citizens as pseudonymous per-channel identities, and where each one is in a conversation."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field, utc_field
from storage.models.enums import Channel, ConsentState
from storage.types import str_enum


class Citizen(SQLModel, table=True):
    """One person on one channel; `channel_user_id` is the platform's id, needed to reply."""

    __table_args__ = (UniqueConstraint("channel", "channel_user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    public_id: str = Field(default_factory=lambda: uuid.uuid4().hex, unique=True, max_length=32)
    channel: Channel = Field(sa_type=str_enum(Channel))
    channel_user_id: str = Field(max_length=200)
    display_name: str | None = Field(default=None, max_length=200)
    language: str = Field(default="th", max_length=5)
    consent_state: ConsentState = Field(
        default=ConsentState.PENDING, sa_type=str_enum(ConsentState)
    )
    consent_at: datetime | None = utc_field()
    notifications_enabled: bool = True
    news_offered_at: datetime | None = utc_field()  # asked once whether to hear of consultations
    erased_at: datetime | None = utc_field()
    created_at: datetime = created_at_field()
    last_seen_at: datetime | None = utc_field()


class ConversationState(SQLModel, table=True):
    """The flow and step a citizen is in, kept in the database so a restart loses nothing."""

    __tablename__ = "conversation_state"

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = Field(foreign_key="citizen.id", unique=True)
    flow: str = Field(default="idle", max_length=40)
    step: str = Field(default="start", max_length=40)
    data: dict[str, Any] = json_field()
    updated_at: datetime = created_at_field()
    expires_at: datetime | None = utc_field()
