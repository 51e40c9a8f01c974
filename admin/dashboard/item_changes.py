"""What the item page's forms ask for, in the form's own terms (a colleague by id, a ticket by
the reference read aloud, photos as uploaded bytes), done through the API's audited actions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.feedback import actions
from admin.feedback.media import MediaStore
from admin.feedback.schemas import MergeRequest, StatusChangeRequest
from admin.feedback.service import visible_row
from services.errors import InvalidInputError, NotFoundError
from services.ticket_changes import NewMedia
from services.ticket_references import normalise_reference
from storage.repositories.feedback_items import FeedbackItemRepository

MAX_AFTER_PHOTOS = 4


async def change_status(
    session: AsyncSession,
    *,
    principal: Principal,
    feedback_id: int,
    body: StatusChangeRequest,
    photos: Sequence[bytes],
    store: MediaStore,
) -> None:
    """A status change, with photos of the work done kept first (stripped of their metadata)
    and sent to the citizen with the notice."""
    if len(photos) > MAX_AFTER_PHOTOS:
        raise InvalidInputError(f"at most {MAX_AFTER_PHOTOS} photos at once")
    await visible_row(session, principal=principal, feedback_id=feedback_id)  # 404 before saving
    kept: list[NewMedia] = []
    for data in photos:
        try:
            stored = await store.save(data)
        except ValueError as refused:
            raise InvalidInputError(f"the photo was not kept: {refused}") from refused
        kept.append(
            NewMedia(
                content_type=stored.content_type,
                storage_key=stored.storage_key,
                size_bytes=stored.size_bytes,
                sha256=stored.sha256,
            )
        )
    await actions.change_status(
        session, principal=principal, feedback_id=feedback_id, body=body, media=kept
    )


async def merge_into_reference(
    session: AsyncSession, *, principal: Principal, feedback_id: int, reference: str, note: str
) -> None:
    """Close the item as a duplicate of the ticket the official named by its reference."""
    wanted = normalise_reference(reference)
    if wanted is None:
        raise InvalidInputError(f"{reference!r} is not a reference (SG-XXXX-XX)")
    into = await FeedbackItemRepository(session).by_reference(wanted)
    if into is None or into.id is None:
        raise NotFoundError(f"no feedback item {wanted}")
    body = MergeRequest(into=into.id, note=note or None)
    await actions.merge(session, principal=principal, feedback_id=feedback_id, body=body)
