"""Loading many rows at once (the demo's year and a half of history): multi-row inserts, the
ids they got, and the links between them, in a few statements instead of one per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Citizen, FeedbackItem

_CHUNK = 500  # well under every backend's bound-parameter limit


async def insert_rows(
    session: AsyncSession, model: type[SQLModel], rows: Sequence[SQLModel]
) -> None:
    """One multi-row insert of `rows` (their ids are left to the database)."""
    if rows:
        table = model.__table__  # type: ignore[attr-defined]
        await session.execute(insert(table), [row.model_dump(exclude={"id"}) for row in rows])


async def _ids(
    session: AsyncSession, id_column: Any, key_column: Any, keys: Sequence[str]
) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        rows = await session.execute(select(id_column, key_column).where(key_column.in_(chunk)))
        found.update({key: row_id for row_id, key in rows.all()})
    return found


async def citizen_ids(session: AsyncSession, channel_user_ids: Sequence[str]) -> dict[str, int]:
    return await _ids(session, col(Citizen.id), col(Citizen.channel_user_id), channel_user_ids)


async def item_ids(session: AsyncSession, references: Sequence[str]) -> dict[str, int]:
    return await _ids(session, col(FeedbackItem.id), col(FeedbackItem.reference), references)


async def taken_references(session: AsyncSession) -> set[str]:
    return set((await session.exec(select(col(FeedbackItem.reference)))).all())


async def leads_among(session: AsyncSession, ids: Sequence[int]) -> Sequence[FeedbackItem]:
    """The items of `ids` that are not duplicates of another."""
    statement = select(FeedbackItem).where(
        col(FeedbackItem.id).in_(list(ids)), col(FeedbackItem.duplicate_of_id).is_(None)
    )
    return (await session.exec(statement)).all()


async def set_duplicates(session: AsyncSession, pairs: Sequence[dict[str, int]]) -> None:
    """Mark items as duplicates: `[{"item_id", "lead_id"}]`, one statement."""
    if pairs:
        table = FeedbackItem.__table__  # type: ignore[attr-defined]
        await session.execute(
            update(table)
            .where(table.c.id == bindparam("item_id"))
            .values(duplicate_of_id=bindparam("lead_id")),
            list(pairs),
        )
