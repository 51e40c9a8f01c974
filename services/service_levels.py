"""Service levels in action: escalating overdue items and closing unrated resolved ones.

The allowed times (urgent 24 hours, normal 7 days, low 14 days by default; per category
configurable) are `services.policy.ServiceLevelPolicy`; due dates are set when an item is routed.
An item past its due date is escalated (a scheduled job runs `escalate_overdue`): level 1 to the
agency's supervisors once it is due, level 2 to the province's board when it is as late again as
the time it was given. Each level is sent once, however often the job runs. `close_expired`
closes resolved items the citizen neither rated nor reopened within the window. Both take `now`,
so tests control the clock.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.escalation import close_unrated, escalate_item
from services.policy import (
    DEFAULT_HOURS,
    ServiceLevelPolicy,
    configure,
    current_policy,
    load_policy,
)
from storage.repositories.feedback_items import FeedbackItemRepository

__all__ = [
    "DEFAULT_HOURS",
    "ServiceLevelPolicy",
    "close_expired",
    "configure",
    "current_policy",
    "escalate_overdue",
    "load_policy",
]


async def escalate_overdue(
    session: AsyncSession, *, now: datetime, policy: ServiceLevelPolicy | None = None
) -> int:
    """Raise the escalation level of overdue items; returns how many items were escalated."""
    policy = policy or current_policy()
    escalated = 0
    for item in await FeedbackItemRepository(session).overdue(now=now):
        if await escalate_item(session, item, now=now, policy=policy):
            escalated += 1
    return escalated


async def close_expired(
    session: AsyncSession, *, now: datetime, policy: ServiceLevelPolicy | None = None
) -> int:
    """Close resolved items nobody rated or reopened in time; returns how many were closed."""
    return await close_unrated(session, now=now, policy=policy or current_policy())
