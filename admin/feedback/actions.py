"""Acting on an item: status, forward, merge, assign (`services.ticket_moves`), corrections and
internal notes (`services.ticket_corrections`), each audited.

Only admins and officials of the item's agency act; board members and analysts read. An item the
caller cannot see is 404 before anything else, so actions reveal nothing outside scope.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import AuditAction, record
from admin.auth.scope import Principal
from admin.feedback.schemas import (
    AssignRequest,
    CorrectionRequest,
    ForwardRequest,
    InternalNoteRequest,
    MergeRequest,
    StatusChangeRequest,
)
from admin.feedback.service import visible_row
from services import ticket_corrections, ticket_moves
from services.actors import Actor
from services.errors import ForbiddenError
from services.ticket_changes import NewMedia
from services.ticket_notes import NoteFacts
from storage.models import Agency, FeedbackItem, InternalNote
from storage.repositories.internal_notes import InternalNoteRepository, InternalNoteRow


@dataclass(frozen=True)
class Correction:
    changed: list[NoteFacts]
    suggested_agency: Agency | None  # where the rules would send the corrected item now


async def _actionable(
    session: AsyncSession, principal: Principal, feedback_id: int
) -> FeedbackItem:
    row = await visible_row(session, principal=principal, feedback_id=feedback_id)
    if not principal.may_act_on(agency_id=row.item.agency_id):
        raise ForbiddenError(
            "only the item's agency (or an admin) acts on it; board members and analysts read"
        )
    return row.item


async def change_status(
    session: AsyncSession,
    *,
    principal: Principal,
    feedback_id: int,
    body: StatusChangeRequest,
    media: Sequence[NewMedia] = (),
) -> None:
    """`media`: photos of the work done, already stored, sent to the citizen with the notice."""
    item = await _actionable(session, principal, feedback_id)
    before = item.status
    changed = await ticket_moves.change_status(
        session,
        feedback_id,
        to=body.status,
        actor=Actor.official(principal.user_id),
        note=body.note,
        expected_version=body.expected_version,
        media=media,
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.FEEDBACK_STATUS_CHANGED,
        entity_type="feedback",
        entity_id=feedback_id,
        detail={"from": before.value, "to": changed.status.value, "note": body.note},
    )


async def forward(
    session: AsyncSession, *, principal: Principal, feedback_id: int, body: ForwardRequest
) -> None:
    item = await _actionable(session, principal, feedback_id)
    from_agency = item.agency_id
    await ticket_moves.forward(
        session,
        feedback_id,
        agency_code=body.agency.strip(),
        actor=Actor.official(principal.user_id),
        reason=body.reason,
        expected_version=body.expected_version,
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.FEEDBACK_FORWARDED,
        entity_type="feedback",
        entity_id=feedback_id,
        detail={"from_agency_id": from_agency, "to_agency": body.agency, "reason": body.reason},
    )


async def merge(
    session: AsyncSession, *, principal: Principal, feedback_id: int, body: MergeRequest
) -> None:
    await _actionable(session, principal, feedback_id)
    await visible_row(session, principal=principal, feedback_id=body.into)
    await ticket_moves.merge(
        session,
        feedback_id,
        into_id=body.into,
        actor=Actor.official(principal.user_id),
        note=body.note,
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.FEEDBACK_MERGED,
        entity_type="feedback",
        entity_id=feedback_id,
        detail={"into": body.into, "note": body.note},
    )


async def assign(
    session: AsyncSession, *, principal: Principal, feedback_id: int, body: AssignRequest
) -> None:
    await _actionable(session, principal, feedback_id)
    await ticket_moves.assign(
        session, feedback_id, user_id=body.user_id, actor=Actor.official(principal.user_id)
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.FEEDBACK_ASSIGNED,
        entity_type="feedback",
        entity_id=feedback_id,
        detail={"user_id": body.user_id},
    )


async def correct(
    session: AsyncSession, *, principal: Principal, feedback_id: int, body: CorrectionRequest
) -> Correction:
    """Set the right category, kind or district; what changed, and where the routing rules
    would now send the item if not to its agency."""
    item = await _actionable(session, principal, feedback_id)
    recorded = await ticket_corrections.correct(
        session,
        feedback_id,
        actor=Actor.official(principal.user_id),
        category=body.category,
        kind=body.kind,
        district_code=body.district,
        expected_version=body.expected_version,
    )
    if recorded:
        await record(
            session,
            principal=principal,
            action=AuditAction.FEEDBACK_CORRECTED,
            entity_type="feedback",
            entity_id=feedback_id,
            detail={"corrections": recorded},
        )
    await session.refresh(item)
    return Correction(recorded, await ticket_corrections.suggested_agency(session, item))


async def internal_notes(
    session: AsyncSession, *, principal: Principal, feedback_id: int
) -> Sequence[InternalNoteRow]:
    """The item's internal notes and corrections, oldest first: for those who may act on it."""
    await _actionable(session, principal, feedback_id)
    return await InternalNoteRepository(session).of_item(feedback_id)


async def note_internally(
    session: AsyncSession, *, principal: Principal, feedback_id: int, body: InternalNoteRequest
) -> InternalNote:
    """A note the item's officials read and the citizen never does."""
    await _actionable(session, principal, feedback_id)
    note = await ticket_corrections.note_internally(
        session, feedback_id, actor=Actor.official(principal.user_id), text=body.text
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.FEEDBACK_NOTED,
        entity_type="feedback",
        entity_id=feedback_id,
        detail={"internal_note_id": note.id},
    )
    return note
