"""Photo rows as the filing stores them: one file per content, shared by every report that
sent the same picture."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ActorType, FeedbackItem, FeedbackMedia


async def add_photo(
    session: AsyncSession,
    item: FeedbackItem,
    storage_key: str,
    *,
    added_by: ActorType = ActorType.CITIZEN,
) -> FeedbackMedia:
    assert item.id is not None
    photo = FeedbackMedia(
        feedback_id=item.id,
        content_type="image/jpeg",
        storage_key=storage_key,
        size_bytes=10,
        sha256="c" * 64,
        added_by=added_by,
    )
    session.add(photo)
    await session.flush()
    return photo
