"""GET /api/v1/audit: who did what and who read whose words, for admins."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from admin.audit import service
from admin.audit.schemas import AuditEntryPublic, AuditPage
from admin.auth.dependencies import AdminUser
from admin.dependencies import SessionDep
from admin.pagination import decode_cursor, encode_cursor
from services.errors import InvalidInputError
from storage.repositories.audit import AuditFilter

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=AuditPage)
async def list_audit_entries(
    _admin: AdminUser,
    session: SessionDep,
    actor_user_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    action: Annotated[
        str | None, Query(max_length=60, description="e.g. feedback.status_changed")
    ] = None,
    entity_type: Annotated[str | None, Query(max_length=60, description="e.g. feedback")] = None,
    entity_id: Annotated[str | None, Query(max_length=60)] = None,
    created_from: Annotated[datetime | None, Query(description="Inclusive, with a zone.")] = None,
    created_to: Annotated[datetime | None, Query(description="Exclusive, with a zone.")] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AuditPage:
    """The audit log, newest first, filtered by who, what and when."""
    for name, moment in (("created_from", created_from), ("created_to", created_to)):
        if moment is not None and moment.tzinfo is None:
            raise InvalidInputError(f"{name} needs a time zone, e.g. 2026-01-01T00:00:00+07:00")
    filters = AuditFilter(
        actor_user_id=actor_user_id,
        action=action or None,
        entity_type=entity_type or None,
        entity_id=entity_id or None,
        created_from=created_from,
        created_to=created_to,
    )
    found = await service.entries(
        session, filters=filters, after=decode_cursor(cursor), limit=limit + 1
    )
    shown = list(found[:limit])
    next_cursor = None
    if len(found) > limit and shown[-1].id is not None:
        next_cursor = encode_cursor(shown[-1].created_at, shown[-1].id)
    return AuditPage(
        items=[
            AuditEntryPublic(
                id=e.id or 0,
                actor_user_id=e.actor_user_id,
                actor=e.actor_label,
                action=e.action,
                entity_type=e.entity_type,
                entity_id=e.entity_id,
                detail=e.detail,
                created_at=e.created_at,
            )
            for e in shown
        ],
        next_cursor=next_cursor,
    )
