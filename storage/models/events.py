"""Raw inbound chat events, stored exactly as received before they are acknowledged."""

from datetime import datetime
from typing import Any

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field, utc_field
from storage.models.enums import Channel, EventStatus
from storage.types import str_enum


class InboundEvent(SQLModel, table=True):
    """One platform event; (channel, external_id) is unique, so a redelivery is stored once."""

    __tablename__ = "inbound_event"
    __table_args__ = (
        UniqueConstraint("channel", "external_id"),
        Index("ix_inbound_event_status_received_at", "status", "received_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: Channel = Field(sa_type=str_enum(Channel))
    external_id: str = Field(max_length=200)
    event_type: str = Field(max_length=60)
    payload: dict[str, Any] = json_field()
    raw_body: str = Field(default="")
    is_redelivery: bool = False
    status: EventStatus = Field(default=EventStatus.PENDING, sa_type=str_enum(EventStatus))
    attempts: int = 0
    error: str | None = None
    received_at: datetime = created_at_field()
    processed_at: datetime | None = utc_field()
    # The X-Request-ID of the webhook that carried it: the job and the answer log it too.
    request_id: str | None = Field(default=None, max_length=64)
    # When a recovery pass last enqueued it again: not again until the recovery age has passed
    # since (a backlog being worked through was queued once more every pass, 10 s apart).
    requeued_at: datetime | None = utc_field()
