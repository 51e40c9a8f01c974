"""Record what officials did, and read it back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from storage.models import AuditEntry
from storage.repositories.audit import AuditFilter, AuditRepository


class AuditAction:
    """The actions the log records (strings, so new ones need no migration)."""

    LOGIN = "login"
    USER_CREATED = "user.created"
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    FEEDBACK_STATUS_CHANGED = "feedback.status_changed"
    FEEDBACK_FORWARDED = "feedback.forwarded"
    FEEDBACK_MERGED = "feedback.merged"
    FEEDBACK_ASSIGNED = "feedback.assigned"
    FEEDBACK_CORRECTED = "feedback.corrected"
    FEEDBACK_NOTED = "feedback.noted"
    FEEDBACK_FILED = "feedback.filed"
    PERSONAL_DATA_VIEWED = "personal_data.viewed"
    PERSONAL_DATA_EXPORTED = "personal_data.exported"
    FEEDBACK_EXPORTED = "feedback.exported"
    ROUTING_RULE_CREATED = "routing_rule.created"
    ROUTING_RULE_UPDATED = "routing_rule.updated"


async def record(
    session: AsyncSession,
    *,
    principal: Principal | None,
    action: str,
    entity_type: str,
    entity_id: str | int | None = None,
    detail: dict[str, Any] | None = None,
    label: str | None = None,
) -> None:
    """Add one entry to the log, in the caller's unit of work."""
    detail = dict(detail or {})
    if principal is not None and principal.api_key_id is not None:
        detail.setdefault("api_key_id", principal.api_key_id)
    await AuditRepository(session).add(
        AuditEntry(
            actor_user_id=principal.user_id if principal else None,
            actor_label=label or (principal.label if principal else "system"),
            action=action,
            entity_type=entity_type,
            entity_id=None if entity_id is None else str(entity_id),
            detail=detail,
        )
    )


async def entries(
    session: AsyncSession,
    *,
    filters: AuditFilter,
    after: tuple[datetime, int] | None,
    limit: int,
) -> Sequence[AuditEntry]:
    return await AuditRepository(session).page(filters=filters, after=after, limit=limit)
