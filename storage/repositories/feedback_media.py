"""The photos and files of feedback items: one item's, a citizen's, and the stored files behind them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ActorType, FeedbackMedia


class FeedbackMediaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_item(self, item_id: int) -> Sequence[FeedbackMedia]:
        statement = (
            select(FeedbackMedia)
            .where(col(FeedbackMedia.feedback_id) == item_id)
            .order_by(col(FeedbackMedia.id))
        )
        return (await self.session.exec(statement)).all()

    async def one(self, item_id: int, media_id: int) -> FeedbackMedia | None:
        statement = select(FeedbackMedia).where(
            col(FeedbackMedia.id) == media_id, col(FeedbackMedia.feedback_id) == item_id
        )
        return (await self.session.exec(statement)).first()

    async def keys(self) -> Sequence[str]:
        """Every stored file's key, once each."""
        statement = select(FeedbackMedia.storage_key).distinct().order_by(FeedbackMedia.storage_key)
        return (await self.session.exec(statement)).all()

    async def move(self, old_key: str, *, storage_key: str, sha256: str, size_bytes: int) -> None:
        """Point every row of a file at its replacement."""
        await self.session.exec(
            update(FeedbackMedia)
            .where(col(FeedbackMedia.storage_key) == old_key)
            .values(storage_key=storage_key, sha256=sha256, size_bytes=size_bytes)
        )

    async def sent_to_citizens(self, storage_key: str) -> bool:
        """Whether an official attached this file to a status change (which citizens are sent)."""
        statement = (
            select(FeedbackMedia.id)
            .where(
                col(FeedbackMedia.storage_key) == storage_key,
                col(FeedbackMedia.added_by) != ActorType.CITIZEN,
            )
            .limit(1)
        )
        return (await self.session.exec(statement)).first() is not None

    async def of_citizen(self, feedback_ids: Sequence[int]) -> Sequence[FeedbackMedia]:
        """What the citizen sent with these items (not what officials attached)."""
        if not feedback_ids:
            return []
        statement = select(FeedbackMedia).where(
            col(FeedbackMedia.feedback_id).in_(list(feedback_ids)),
            col(FeedbackMedia.added_by) == "citizen",
        )
        return (await self.session.exec(statement)).all()

    async def delete(self, media_ids: Sequence[int]) -> None:
        if media_ids:
            await self.session.exec(
                delete(FeedbackMedia).where(col(FeedbackMedia.id).in_(list(media_ids)))
            )

    async def keys_in_use(self, storage_keys: Sequence[str]) -> set[str]:
        """The keys some remaining photo row still uses (files are stored once per content)."""
        if not storage_keys:
            return set()
        statement = select(col(FeedbackMedia.storage_key)).where(
            col(FeedbackMedia.storage_key).in_(list(storage_keys))
        )
        return set((await self.session.exec(statement)).all())
