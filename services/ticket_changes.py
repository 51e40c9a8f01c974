"""What every move on a ticket shares: the locked load, the version claim, the history row and
the attached photos.

Each status change is checked against `services.lifecycle` by its caller, claims the item's
version (optimistic locking: a concurrent change gets a ConflictError, never a lost update) and
stores a StatusChange with actor, time and note. Nothing here commits: the caller's session does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.actors import Actor
from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.ticket_notes import NoteFacts
from storage.models import (
    ActorType,
    FeedbackItem,
    FeedbackMedia,
    FeedbackStatus,
    StatusChange,
)
from storage.repositories.feedback_items import FeedbackItemRepository

S = FeedbackStatus


MAX_NOTE_CHARS = 2000


@dataclass(frozen=True)
class NewMedia:
    content_type: str
    storage_key: str
    size_bytes: int
    sha256: str


def clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidInputError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    return note or None


def record_status(
    session: AsyncSession,
    item: FeedbackItem,
    to: FeedbackStatus,
    *,
    actor: Actor,
    note: str | None,
    now: datetime,
    facts: NoteFacts | None = None,
    initial: bool = False,
) -> StatusChange:
    """Set the status and add its history row (flushed by the caller). `facts` is what the
    system records (`services.ticket_notes`), `note` the words a person typed."""
    change = StatusChange(
        feedback_id=item.id or 0,
        from_status=None if initial else item.status,
        to_status=to,
        actor_type=actor.type,
        actor_user_id=actor.user_id,
        agency_id=item.agency_id,
        note_facts=facts,
        note=note,
        created_at=now,
    )
    item.status = to
    item.updated_at = now
    session.add(change)
    session.add(item)
    return change


def add_media(
    session: AsyncSession,
    item: FeedbackItem,
    media: Sequence[NewMedia],
    *,
    added_by: ActorType,
    now: datetime,
) -> list[FeedbackMedia]:
    rows = [
        FeedbackMedia(
            feedback_id=item.id or 0,
            content_type=m.content_type,
            storage_key=m.storage_key,
            size_bytes=m.size_bytes,
            sha256=m.sha256,
            added_by=added_by,
            created_at=now,
        )
        for m in media
    ]
    session.add_all(rows)
    return rows


async def load_for_update(session: AsyncSession, item_id: int) -> FeedbackItem:
    item = await FeedbackItemRepository(session).get_for_update(item_id)
    if item is None:
        raise NotFoundError(f"no feedback item {item_id}")
    return item


async def lead_of(session: AsyncSession, item: FeedbackItem) -> FeedbackItem:
    """The ticket a duplicate was merged into, followed to its end (the item itself if none)."""
    seen = {item.id}
    while item.duplicate_of_id is not None and item.duplicate_of_id not in seen:
        lead = await session.get(FeedbackItem, item.duplicate_of_id)
        if lead is None:
            break
        seen.add(lead.id)
        item = lead
    return item


async def claim_version(
    session: AsyncSession, item: FeedbackItem, expected_version: int | None
) -> None:
    """Take the item's next version, or refuse: someone changed it since it was read."""
    if expected_version is not None and expected_version != item.version:
        raise ConflictError(
            f"feedback item {item.id} has changed (version {item.version}, "
            f"you had {expected_version}); reload it and try again",
            detail={"current_version": item.version},
        )
    if not await FeedbackItemRepository(session).claim_version(item.id or 0, item.version):
        raise ConflictError(
            f"feedback item {item.id} was changed by someone else at the same time; reload it",
            detail={"expected_version": item.version},
        )
    item.version += 1
