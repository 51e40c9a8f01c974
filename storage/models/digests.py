"""Weekly digests: who subscribes to a board's or an agency's digest, and what was queued for whom."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field
from storage.models.enums import NotifyChannel
from storage.types import str_enum


class DigestSubscription(SQLModel, table=True):
    """An e-mail address, LINE group or Telegram chat that receives a board's or agency's digest."""

    __tablename__ = "digest_subscription"
    __table_args__ = (UniqueConstraint("board_id", "agency_id", "channel", "target"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    channel: NotifyChannel = Field(sa_type=str_enum(NotifyChannel))
    target: str = Field(max_length=300)  # e-mail address, LINE group id or Telegram chat id
    name: str = Field(default="", max_length=200)  # who this is, for the admins' list
    is_active: bool = True
    created_at: datetime = created_at_field()


class DigestDelivery(SQLModel, table=True):
    """One week's digest of one subject, queued for one recipient on one channel.

    The unique key makes a rerun queue nothing twice; whether it was delivered, how often it was
    tried and why it failed live on its outbox row, sent by the same policy as every message.
    """

    __tablename__ = "digest_delivery"

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True, max_length=400)  # week, subject, channel, recipient
    week: str = Field(max_length=8, index=True)  # ISO week, 2026-W47
    subscription_id: int | None = Field(default=None, foreign_key="digest_subscription.id")
    board_id: int | None = Field(default=None, foreign_key="board.id")
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    channel: NotifyChannel = Field(sa_type=str_enum(NotifyChannel))
    target: str = Field(max_length=300)
    outbound_message_id: int = Field(foreign_key="outbound_message.id")
    created_at: datetime = created_at_field()
