"""The citizen's side of a ticket: rating, confirming the fix, reopening, and listing their items.

All take the caller's session and never commit; a citizen acts only on their own items.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services import ticket_notices
from services.actors import Actor
from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.lifecycle import Operation, check_transition
from services.policy import ServiceLevelPolicy, current_policy
from services.session_cache import get_reference
from services.ticket_changes import (
    claim_version,
    clean_note,
    lead_of,
    load_for_update,
    record_status,
)
from services.ticket_notes import facts
from storage.models import (
    Agency,
    FeedbackItem,
    FeedbackStatus,
)
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.types import utcnow

S = FeedbackStatus


async def _own(session: AsyncSession, item_id: int, citizen_id: int) -> FeedbackItem:
    item = await load_for_update(session, item_id)
    if item.citizen_id != citizen_id:
        raise NotFoundError(f"no feedback item {item_id} of this citizen")
    return item


async def _lead(session: AsyncSession, item: FeedbackItem) -> FeedbackItem:
    """The ticket a duplicate was merged into (`lead_of`), locked to be changed; or the item."""
    lead = await lead_of(session, item)
    return item if lead is item else await load_for_update(session, lead.id or 0)


def _was_resolved(item: FeedbackItem) -> bool:
    return item.status is S.RESOLVED or (item.status is S.CLOSED and item.resolved_at is not None)


async def rate(
    session: AsyncSession,
    item_id: int,
    *,
    citizen_id: int,
    rating: int,
    comment: str | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """The citizen's 1–5 rating of a resolved item; it closes the item."""
    now = now or utcnow()
    if not 1 <= rating <= 5:
        raise InvalidInputError("a rating is a whole number from 1 to 5")
    item = await _own(session, item_id, citizen_id)
    if not _was_resolved(item):
        raise ConflictError(
            f"only a resolved item can be rated; {item.reference} is {item.status.value}",
            detail={"status": item.status.value},
        )
    if item.rating is not None:
        raise ConflictError(f"{item.reference} is already rated", detail={"rating": item.rating})
    await claim_version(session, item, None)
    item.rating = rating
    item.rating_comment = clean_note(comment)
    if item.status is S.RESOLVED:
        check_transition(item.status, S.CLOSED, Operation.RATE)
        item.closed_at = now
        change = record_status(
            session,
            item,
            S.CLOSED,
            actor=Actor.citizen(citizen_id),
            note=None,
            facts=facts.rated(rating=rating),
            now=now,
        )
        await session.flush()
        await ticket_notices.status_changed(session, item, change, skip_citizen_id=citizen_id)
    else:
        session.add(item)
        await session.flush()
    return item


async def confirm_fixed(
    session: AsyncSession, item_id: int, *, citizen_id: int, now: datetime | None = None
) -> FeedbackItem:
    """The citizen says the problem really is fixed (counted in every resolution statistic). A
    citizen whose report was merged into the ticket is thanked; only the ticket's own
    reporter's word is counted."""
    now = now or utcnow()
    own = await _own(session, item_id, citizen_id)
    item = await _lead(session, own)
    if item is not own:
        if not _was_resolved(item):
            raise ConflictError(
                f"{item.reference} is {item.status.value}, not resolved",
                detail={"status": item.status.value},
            )
        return own
    if not _was_resolved(item):
        raise ConflictError(
            f"{item.reference} is {item.status.value}, not resolved",
            detail={"status": item.status.value},
        )
    if item.citizen_confirmed_fix is True:
        return item
    await claim_version(session, item, None)
    item.citizen_confirmed_fix = True
    item.updated_at = now
    session.add(item)
    await session.flush()
    return item


async def reopen_by_citizen(
    session: AsyncSession,
    item_id: int,
    *,
    citizen_id: int,
    note: str | None = None,
    now: datetime | None = None,
    policy: ServiceLevelPolicy | None = None,
) -> FeedbackItem:
    """ยังไม่แก้: within the reopen window (14 days) the item goes back to its agency
    (``accepted``), with a new due date, and the reopen is counted. A citizen whose report was
    merged into a ticket reopens that ticket: they reported the same problem."""
    now = now or utcnow()
    policy = policy or current_policy()
    item = await _lead(session, await _own(session, item_id, citizen_id))
    if not _was_resolved(item) or item.resolved_at is None:
        raise ConflictError(
            f"only a resolved item can be reopened; {item.reference} is {item.status.value}",
            detail={"status": item.status.value},
        )
    if now - item.resolved_at > policy.reopen_window:
        raise ConflictError(
            f"{item.reference} was resolved more than {policy.reopen_days} days ago; "
            "please file a new report",
            detail={"resolved_at": item.resolved_at.isoformat()},
        )
    check_transition(item.status, S.ACCEPTED, Operation.REOPEN)
    await claim_version(session, item, None)
    item.reopen_count += 1
    item.resolved_at = None
    item.closed_at = None
    item.rating = None
    item.rating_comment = None
    item.citizen_confirmed_fix = False
    item.due_at = policy.due_at(item.category, item.urgency, now)
    item.escalation_level = 0
    item.escalated_at = None
    change = record_status(
        session,
        item,
        S.ACCEPTED,
        actor=Actor.citizen(citizen_id),
        note=clean_note(note),
        facts=facts.reopened_by_citizen(),
        now=now,
    )
    await session.flush()
    await ticket_notices.status_changed(session, item, change, skip_citizen_id=citizen_id)
    agency = await get_reference(session, Agency, item.agency_id)
    if agency is not None:
        await ticket_notices.agency_new_item(
            session, item, agency, cause=f"change-{change.id}", reopened=True
        )
    return item


async def citizen_items(
    session: AsyncSession, citizen_id: int, *, open_only: bool = True
) -> list[FeedbackItem]:
    """A citizen's items, newest first. With `open_only`, those still in progress or awaiting
    the citizen's answer (resolved), and duplicates whose ticket is (their `duplicate_of_id`
    names the ticket whose status to show)."""
    return list(await FeedbackItemRepository(session).of_citizen(citizen_id, open_only=open_only))
