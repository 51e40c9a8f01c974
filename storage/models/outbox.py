"""The outbox: every message Siang owes someone, written in the same transaction as its cause."""

from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field, utc_field
from storage.models.enums import DeliveryStatus, RecipientType
from storage.types import str_enum


class OutboundMessage(SQLModel, table=True):
    """A message to a citizen, an agency or a board; `dedupe_key` makes "never twice" hold."""

    __tablename__ = "outbound_message"
    __table_args__ = (
        Index("ix_outbound_message_status_next_attempt", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True, max_length=200)
    recipient_type: RecipientType = Field(sa_type=str_enum(RecipientType))
    citizen_id: int | None = Field(default=None, foreign_key="citizen.id", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    board_id: int | None = Field(default=None, foreign_key="board.id")
    feedback_id: int | None = Field(default=None, foreign_key="feedback_item.id", index=True)
    channel: str = Field(max_length=20)  # line, telegram, web, email
    target: str = Field(max_length=300)  # chat/user id, group id or e-mail address
    kind: str = Field(max_length=60)  # what happened: ticket_filed, status_changed, …
    payload: dict[str, Any] = json_field()
    status: DeliveryStatus = Field(default=DeliveryStatus.PENDING, sa_type=str_enum(DeliveryStatus))
    attempts: int = 0
    last_error: str | None = None
    created_at: datetime = created_at_field()
    next_attempt_at: datetime | None = utc_field()
    sent_at: datetime | None = utc_field()
    # Exactly once: every push attempt of this row carries this X-Line-Retry-Key (LINE answers
    # a repeat with 409 and delivers nothing), and a LINE reply token, which takes no retry
    # key, is marked spent before the call so an interrupted attempt is never replayed.
    retry_key: str | None = Field(default=None, max_length=36)
    reply_token_spent_at: datetime | None = utc_field()
    # The rows of one broadcast (a consultation to its subscribers) share this key, so LINE
    # rows with the same rendered content go out together in one multicast.
    broadcast_key: str | None = Field(default=None, max_length=100, index=True)
    # Set just before the platform is called, cleared with the outcome: a row claimed again
    # with it still set was interrupted mid-call (the worker died), and the platform may have it.
    sending_since: datetime | None = utc_field()
