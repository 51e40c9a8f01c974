"""Scheduled work on tickets (see services.service_levels): raise overdue items, close unrated ones."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from services import ticket_notices
from services.actors import Actor
from services.errors import ConflictError
from services.lifecycle import Operation, check_transition
from services.policy import ServiceLevelPolicy
from services.session_cache import get_reference
from services.ticket_changes import (
    claim_version,
    record_status,
)
from services.ticket_notes import facts
from storage.models import (
    Agency,
    Board,
    FeedbackItem,
    FeedbackStatus,
)
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.users import UserRepository

S = FeedbackStatus


async def escalate_item(
    session: AsyncSession, item: FeedbackItem, *, now: datetime, policy: ServiceLevelPolicy
) -> bool:
    """Raise an overdue item to the level it has reached; False when nothing was due."""
    if item.due_at is None or item.agency_id is None:
        return False
    target = 0
    if now >= item.due_at:
        target = 1
    board_at = policy.board_escalation_at(item)
    if board_at is not None and now >= board_at:
        target = 2
    if target <= item.escalation_level:
        return False
    try:
        await claim_version(session, item, None)
    except ConflictError:
        return False  # changed meanwhile; the next run sees the new state
    agency = await get_reference(session, Agency, item.agency_id)
    payload_base = {
        "reference": item.reference,
        "due_at": item.due_at.isoformat(),
        "agency_name": agency.name_th if agency else None,
        "url": ticket_notices.item_url(item),
        "category": item.category,
    }
    cycle = f"{item.id}:a{item.agency_id}:r{item.reopen_count}"
    for level in range(item.escalation_level + 1, target + 1):
        payload = payload_base | {"level": level}
        cause = f"{cycle}:L{level}"
        if level == 1:
            supervisors = await UserRepository(session).supervisors(item.agency_id)
            for user in supervisors:
                await ticket_notices.to_user(
                    session, item, user, kind="escalation", payload=payload, cause=cause
                )
            if not supervisors and agency is not None:
                await ticket_notices.to_agency(
                    session, item, agency, kind="escalation", payload=payload, cause=cause
                )
        else:
            board = await get_reference(session, Board, item.board_id)
            if board is not None:
                await ticket_notices.to_board(
                    session, item, board, kind="escalation", payload=payload, cause=cause
                )
    item.escalation_level = target
    item.escalated_at = now
    session.add(item)
    await session.flush()
    return True


async def close_unrated(session: AsyncSession, *, now: datetime, policy: ServiceLevelPolicy) -> int:
    """Close items resolved more than `close_after_days` ago that nobody rated or reopened."""
    before = now - timedelta(days=policy.close_after_days)
    closed = 0
    for item in await FeedbackItemRepository(session).unrated_resolved(resolved_before=before):
        try:
            await claim_version(session, item, None)
        except ConflictError:
            continue
        check_transition(item.status, S.CLOSED, Operation.AUTO_CLOSE)
        item.closed_at = now
        change = record_status(
            session,
            item,
            S.CLOSED,
            actor=Actor.system(),
            note=None,
            facts=facts.auto_closed(days=policy.close_after_days),
            now=now,
        )
        await session.flush()
        await ticket_notices.status_changed(session, item, change)
        closed += 1
    return closed
