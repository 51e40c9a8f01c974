"""The demo officials' own work on recent reports, through `services.ticket_moves`: open items
assigned to the official who signs in, and repeated reports of one problem merged into the first."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from services import ticket_moves
from services.actors import Actor
from services.errors import SiangError
from storage.models import FeedbackItem, FeedbackStatus, UserRole
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.users import UserRepository

OPEN = (FeedbackStatus.ROUTED, FeedbackStatus.ACCEPTED, FeedbackStatus.IN_PROGRESS)
ASSIGNED_EACH = 3
MERGES = 4


async def assign_to_officials(
    session: AsyncSession, *, emails: list[str], actor: Actor, now: datetime
) -> int:
    """Give each demo official a few open items of their agency, so "assigned to me" shows."""
    assigned = 0
    for email in emails:
        user = await UserRepository(session).by_email(email)
        if user is None or user.id is None or user.role is not UserRole.OFFICIAL:
            continue
        given = 0
        for item in await FeedbackItemRepository(session).open_leads(OPEN):
            if given == ASSIGNED_EACH:
                break
            if item.id is None or item.agency_id is None:
                continue
            if not await UserRepository(session).is_member(user.id, item.agency_id):
                continue
            await ticket_moves.assign(session, item.id, user_id=user.id, actor=actor, now=now)
            given += 1
        assigned += given
    return assigned


async def merge_repeats(session: AsyncSession, *, actor: Actor, now: datetime) -> int:
    """Merge a later open report into an earlier open one of the same category and district,
    as an official who sees both would."""
    first: dict[tuple[str | None, str | None], FeedbackItem] = {}
    pairs: list[tuple[FeedbackItem, FeedbackItem]] = []
    for item in await FeedbackItemRepository(session).open_leads(OPEN):
        key = (item.category, item.district_code)
        if key in first and len(pairs) < MERGES:
            pairs.append((item, first.pop(key)))
        else:
            first.setdefault(key, item)
    merged = 0
    for later, lead in pairs:
        assert later.id is not None and lead.id is not None
        when = max(later.created_at, lead.created_at) + timedelta(hours=3)
        try:
            await ticket_moves.merge(
                session, later.id, into_id=lead.id, actor=actor, now=min(when, now)
            )
        except SiangError:
            continue
        merged += 1
    return merged
