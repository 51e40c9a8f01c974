"""Queries over the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    actor_user_id: int | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)
        await self.session.flush()

    async def page(
        self, *, filters: AuditFilter, after: tuple[datetime, int] | None, limit: int
    ) -> Sequence[AuditEntry]:
        """Newest first; `after` is the (created_at, id) of the last entry already seen."""
        conditions = []
        if filters.actor_user_id is not None:
            conditions.append(col(AuditEntry.actor_user_id) == filters.actor_user_id)
        if filters.action is not None:
            conditions.append(col(AuditEntry.action) == filters.action)
        if filters.entity_type is not None:
            conditions.append(col(AuditEntry.entity_type) == filters.entity_type)
        if filters.entity_id is not None:
            conditions.append(col(AuditEntry.entity_id) == filters.entity_id)
        if filters.created_from is not None:
            conditions.append(col(AuditEntry.created_at) >= filters.created_from)
        if filters.created_to is not None:
            conditions.append(col(AuditEntry.created_at) < filters.created_to)
        if after is not None:
            created_at, entry_id = after
            conditions.append(
                or_(
                    col(AuditEntry.created_at) < created_at,
                    and_(col(AuditEntry.created_at) == created_at, col(AuditEntry.id) < entry_id),
                )
            )
        statement = (
            select(AuditEntry)
            .where(*conditions)
            .order_by(col(AuditEntry.created_at).desc(), col(AuditEntry.id).desc())
            .limit(limit)
        )
        return (await self.session.exec(statement)).all()
