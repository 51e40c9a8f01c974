"""Queries over officials' internal notes on items (never shown to citizens)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import InternalNote, UserAccount


@dataclass(frozen=True)
class InternalNoteRow:
    note: InternalNote
    author_email: str | None


class InternalNoteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_item(self, feedback_id: int) -> Sequence[InternalNoteRow]:
        """What officials noted or corrected on an item, oldest first, with who did it."""
        statement = (
            sa_select(InternalNote, UserAccount.email)  # type: ignore[call-overload]
            .join(UserAccount, col(InternalNote.author_user_id) == UserAccount.id, isouter=True)
            .where(col(InternalNote.feedback_id) == feedback_id)
            .order_by(col(InternalNote.created_at), col(InternalNote.id))
        )
        return [InternalNoteRow(*row) for row in (await self.session.exec(statement)).all()]

    async def of_items(self, feedback_ids: Sequence[int]) -> Sequence[InternalNote]:
        statement = (
            select(InternalNote)
            .where(col(InternalNote.feedback_id).in_(feedback_ids))
            .order_by(col(InternalNote.id))
        )
        return (await self.session.exec(statement)).all()
