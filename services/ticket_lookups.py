"""Finding a ticket by the reference a citizen typed, and reading its history."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from services.errors import NotFoundError
from services.ticket_references import normalise_reference
from storage.models import (
    FeedbackItem,
    FeedbackStatus,
    StatusChange,
)
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.status_changes import StatusChangeRepository

S = FeedbackStatus


async def find_by_reference(session: AsyncSession, reference: str) -> FeedbackItem | None:
    """The item a reference names, however it was typed (case, spaces and hyphens ignored)."""
    repository = FeedbackItemRepository(session)
    canonical = normalise_reference(reference)
    if canonical is not None:
        found = await repository.by_reference(canonical)
        if found is not None:
            return found
    cleaned = reference.strip()
    return await repository.by_reference(cleaned) if cleaned else None


async def history(session: AsyncSession, item_id: int) -> list[StatusChange]:
    if await session.get(FeedbackItem, item_id) is None:
        raise NotFoundError(f"no feedback item {item_id}")
    return [row.change for row in await StatusChangeRepository(session).history(item_id)]
