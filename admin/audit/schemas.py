"""What the audit API returns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class AuditEntryPublic(BaseModel):
    id: int
    actor_user_id: int | None
    actor: str = Field(description="Who acted: an e-mail (and API key), or 'system'.")
    action: str
    entity_type: str
    entity_id: str | None
    detail: dict[str, Any]
    created_at: datetime


class AuditPage(BaseModel):
    items: list[AuditEntryPublic]
    next_cursor: str | None
