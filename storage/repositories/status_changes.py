"""An item's status changes: its history (with who made each move), the latest note of many
items, and every change of a citizen's items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, StatusChange, UserAccount


@dataclass(frozen=True)
class HistoryRow:
    change: StatusChange
    actor_email: str | None
    agency_code: str | None
    agency_name: str | None
    agency_name_en: str | None = None


class StatusChangeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def history(self, feedback_id: int) -> Sequence[HistoryRow]:
        """An item's status changes, oldest first, with who made them."""
        statement = (
            sa_select(  # type: ignore[call-overload]
                StatusChange, UserAccount.email, Agency.code, Agency.name_th, Agency.name_en
            )
            .join(UserAccount, col(StatusChange.actor_user_id) == UserAccount.id, isouter=True)
            .join(Agency, col(StatusChange.agency_id) == Agency.id, isouter=True)
            .where(col(StatusChange.feedback_id) == feedback_id)
            .order_by(col(StatusChange.created_at), col(StatusChange.id))
        )
        return [HistoryRow(*row) for row in (await self.session.exec(statement)).all()]

    async def latest(self, feedback_ids: Sequence[int]) -> dict[int, StatusChange]:
        """Each item's most recent status change (its note), for many items in one query."""
        if not feedback_ids:
            return {}
        statement = (
            select(StatusChange)
            .where(col(StatusChange.feedback_id).in_(feedback_ids))
            .order_by(
                col(StatusChange.feedback_id),
                col(StatusChange.created_at).desc(),
                col(StatusChange.id).desc(),
            )
        )
        latest: dict[int, StatusChange] = {}
        for change in (await self.session.exec(statement)).all():
            latest.setdefault(change.feedback_id, change)
        return latest

    async def of_items(self, feedback_ids: Sequence[int]) -> Sequence[StatusChange]:
        """Every change of these items, in the order they were made."""
        statement = (
            select(StatusChange)
            .where(col(StatusChange.feedback_id).in_(feedback_ids))
            .order_by(col(StatusChange.id))
        )
        return (await self.session.exec(statement)).all()
