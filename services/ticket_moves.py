"""An official's moves on a ticket: change its status, forward it, merge it into another, assign it.

All take the caller's session and never commit; each claims the item's version and queues the
outbox messages the move owes (the citizen and every follower, the agency when it has new work).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services import ticket_notices
from services.actors import Actor
from services.errors import ConflictError, ForbiddenError, InvalidInputError, NotFoundError
from services.lifecycle import NOTE_REQUIRED, Operation, check_transition
from services.policy import ServiceLevelPolicy, current_policy
from services.ticket_changes import (
    NewMedia,
    add_media,
    claim_version,
    clean_note,
    lead_of,
    load_for_update,
    record_status,
)
from services.ticket_notes import facts
from storage.models import (
    ActorType,
    FeedbackItem,
    FeedbackStatus,
    RoutingCorrection,
    UserAccount,
    UserRole,
)
from storage.repositories.agencies import AgencyRepository
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.users import UserRepository
from storage.types import utcnow

S = FeedbackStatus


async def change_status(
    session: AsyncSession,
    item_id: int,
    *,
    to: FeedbackStatus,
    actor: Actor,
    note: str | None = None,
    expected_version: int | None = None,
    media: Sequence[NewMedia] = (),
    now: datetime | None = None,
) -> FeedbackItem:
    """An official's decision: accept, start, resolve (a note is required, photos may be
    attached), reject (a reason is required), or close a resolved or rejected item."""
    now = now or utcnow()
    to = FeedbackStatus(to)
    if actor.type is ActorType.CITIZEN:
        raise ForbiddenError("citizens rate, confirm or reopen; they do not set a status")
    item = await load_for_update(session, item_id)
    check_transition(item.status, to, Operation.CHANGE_STATUS)
    note = clean_note(note)
    if to in NOTE_REQUIRED and not note:
        what = "what was done" if to is S.RESOLVED else "the reason"
        raise InvalidInputError(f"moving to {to.value} needs a note saying {what}")
    await claim_version(session, item, expected_version)
    change = record_status(session, item, to, actor=actor, note=note, now=now)
    if to is S.RESOLVED:
        item.resolved_at = now
        item.citizen_confirmed_fix = None
    if to is S.CLOSED:
        item.closed_at = now
    rows = add_media(session, item, media, added_by=actor.type, now=now)
    await session.flush()
    await ticket_notices.status_changed(session, item, change, media=rows)
    if to is S.RESOLVED:
        await ticket_notices.resolution_check(session, item, change)
    return item


async def forward(
    session: AsyncSession,
    item_id: int,
    *,
    agency_code: str,
    actor: Actor,
    reason: str,
    expected_version: int | None = None,
    category: str | None = None,
    now: datetime | None = None,
    policy: ServiceLevelPolicy | None = None,
) -> FeedbackItem:
    """Send the item to the agency that is really responsible. The wrong routing is kept as a
    labelled example (RoutingCorrection) for retraining; the new agency gets a fresh due date."""
    now = now or utcnow()
    policy = policy or current_policy()
    reason_text = clean_note(reason)
    if not reason_text:
        raise InvalidInputError("forwarding needs a reason")
    if category is not None and not category.strip():
        raise InvalidInputError("the corrected category is empty")
    item = await load_for_update(session, item_id)
    check_transition(item.status, S.FORWARDED, Operation.FORWARD)
    target = await AgencyRepository(session).by_code(agency_code)
    if target is None or not target.is_active:
        raise NotFoundError(f"no active agency with code {agency_code!r}")
    if target.id == item.agency_id:
        raise InvalidInputError(f"the item is already with {agency_code}")
    await claim_version(session, item, expected_version)
    session.add(
        RoutingCorrection(
            feedback_id=item.id or 0,
            redacted_text=item.redacted_text,
            predicted_category=item.category,
            corrected_category=category,
            from_agency_id=item.agency_id,
            to_agency_id=target.id,
            reason=reason_text,
            created_at=now,
        )
    )
    forwarded = record_status(
        session,
        item,
        S.FORWARDED,
        actor=actor,
        note=reason_text,
        facts=facts.forwarded(agency=target),
        now=now,
    )
    if category is not None:
        item.category = category.strip()
    item.agency_id = target.id
    item.routing_rule_id = None
    item.routing_facts = facts.forwarded_by_official()
    item.routing_reason = reason_text[:500]
    item.assigned_user_id = None
    item.due_at = policy.due_at(item.category, item.urgency, now)
    item.escalation_level = 0
    item.escalated_at = None
    routed = record_status(
        session,
        item,
        S.ROUTED,
        actor=actor,
        note=item.routing_reason,
        facts=item.routing_facts,
        now=now,
    )
    await session.flush()
    await ticket_notices.status_changed(session, item, forwarded)
    await ticket_notices.agency_new_item(session, item, target, cause=f"change-{routed.id}")
    return item


async def merge(
    session: AsyncSession,
    item_id: int,
    *,
    into_id: int,
    actor: Actor,
    note: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """Close the item as a duplicate of `into_id`: its citizen and its followers follow that
    ticket from now on and hear each of its changes. A merged item never counts as fixed."""
    now = now or utcnow()
    if item_id == into_id:
        raise InvalidInputError("an item cannot be merged into itself")
    item = await load_for_update(session, item_id)
    lead = await lead_of(session, await load_for_update(session, into_id))
    if lead.id == item.id:
        raise InvalidInputError("an item cannot be merged into one of its own duplicates")
    if lead.status not in (S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS):
        raise ConflictError(
            f"cannot merge into {lead.reference}: it is {lead.status.value}, not open",
            detail={"into_status": lead.status.value},
        )
    check_transition(item.status, S.CLOSED, Operation.MERGE)
    note = clean_note(note)
    await claim_version(session, item, expected_version)
    item.duplicate_of_id = lead.id
    item.closed_at = now
    change = record_status(
        session,
        item,
        S.CLOSED,
        actor=actor,
        note=note,
        facts=facts.merged(into=lead.reference),
        now=now,
    )
    await session.flush()
    await ticket_notices.status_changed(
        session, item, change
    )  # the item's citizen and its followers
    await FeedbackItemRepository(session).reattach_followers(of=item.id or 0, to=lead.id or 0)
    return item


async def assign(
    session: AsyncSession,
    item_id: int,
    *,
    user_id: int,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """Give the item to one official of its agency."""
    now = now or utcnow()
    if actor.type is ActorType.CITIZEN:
        raise ForbiddenError("citizens cannot assign items")
    item = await load_for_update(session, item_id)
    user = await session.get(UserAccount, user_id)
    if user is None or not user.is_active:
        raise NotFoundError(f"no active user {user_id}")
    if item.agency_id is None:
        raise ConflictError("the item has no agency yet; forward it to one first")
    if user.role is not UserRole.OFFICIAL or not await UserRepository(session).is_member(
        user_id, item.agency_id
    ):
        raise InvalidInputError(f"user {user_id} is not an official of the item's agency")
    await claim_version(session, item, expected_version)
    item.assigned_user_id = user_id
    item.updated_at = now
    session.add(item)
    await session.flush()
    return item
