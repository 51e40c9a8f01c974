"""The shared metadata (with a naming convention, so constraint names are stable) and column helpers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.types import JSONType, NullableJSONType, UTCDateTime, utcnow

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def created_at_field() -> Any:
    """A UTC creation time, set by the application."""
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


def utc_field(*, nullable: bool = True, index: bool = False) -> Any:
    """An optional UTC datetime column."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def json_field(*, default_factory: Any = dict) -> Any:
    """A JSON column (JSONB on PostgreSQL)."""
    return Field(default_factory=default_factory, sa_column=Column(JSONType, nullable=False))


def optional_json_field() -> Any:
    """A JSON column that may be NULL (JSONB on PostgreSQL)."""
    return Field(default=None, sa_column=Column(NullableJSONType, nullable=True))


__all__ = [
    "SQLModel",
    "created_at_field",
    "datetime",
    "json_field",
    "optional_json_field",
    "utc_field",
]
