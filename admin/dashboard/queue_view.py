"""What the queue page shows: the official's choice of filters and saved view turned into one
filter, the page of items, the counts, the colleagues work can be given to, and the export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.exports import service as exports
from admin.feedback import actions, service
from admin.feedback.filters import resolve_filter
from admin.feedback.schemas import AssignRequest, FeedbackPage, StatusChangeRequest
from services.errors import InvalidInputError
from storage.models import FeedbackKind, FeedbackStatus, Urgency, UserAccount, UserRole
from storage.repositories.feedback_queue import (
    OPEN_STATUSES,
    FeedbackFilter,
    FeedbackQueueRepository,
)
from storage.repositories.users import UserRepository
from storage.types import utcnow

# Saved views: one click for the questions an official asks every morning.
VIEWS = ("mine", "overdue", "urgent", "unassigned")
PAGE_SIZE = 50
BULK_LIMIT = 100
BulkAction = Literal["accept", "assign"]


@dataclass(frozen=True)
class QueueChoice:
    """The filters as the official set them (already checked to be known values)."""

    view: str = ""
    status: FeedbackStatus | None = None
    kind: FeedbackKind | None = None
    category: str = ""
    province: str = ""
    q: str = ""
    overdue: bool = False

    def query(self) -> dict[str, str]:
        """The choice as query parameters, for links that keep it (next page, export)."""
        shown = {
            "view": self.view,
            "status": self.status.value if self.status else "",
            "kind": self.kind.value if self.kind else "",
            "category": self.category,
            "province": self.province,
            "q": self.q,
            "overdue": "true" if self.overdue else "",
        }
        return {name: value for name, value in shown.items() if value}


@dataclass(frozen=True)
class QueueView:
    page: FeedbackPage
    counts: dict[FeedbackStatus, int]
    overdue_count: int
    colleagues: Sequence[UserAccount]  # who the official may give work to
    reference_match: int | None  # the one item the search named by its reference


async def _filter(
    session: AsyncSession, principal: Principal, choice: QueueChoice, zone: ZoneInfo
) -> FeedbackFilter:
    found = await resolve_filter(
        session,
        principal,
        zone=zone,
        status=[choice.status] if choice.status else None,
        kind=[choice.kind] if choice.kind else None,
        category=[choice.category] if choice.category else None,
        province=choice.province or None,
        q=choice.q or None,
        overdue=choice.overdue or choice.view == "overdue",
    )
    open_only = found.statuses or OPEN_STATUSES
    if choice.view == "mine":
        return replace(found, assigned_user_id=principal.user_id, statuses=open_only)
    if choice.view == "urgent":
        return replace(found, urgencies=(Urgency.HIGH,), statuses=open_only)
    if choice.view == "unassigned":
        return replace(found, unassigned=True, statuses=open_only)
    return found


async def colleagues(session: AsyncSession, agency_ids: Sequence[int]) -> list[UserAccount]:
    """The active officials of these agencies, by e-mail."""
    users = UserRepository(session)
    found: dict[int, UserAccount] = {}
    for agency_id in sorted(agency_ids):
        for user in await users.users_of_agency(agency_id):
            if user.id is not None and user.is_active and user.role is UserRole.OFFICIAL:
                found[user.id] = user
    return sorted(found.values(), key=lambda user: user.email)


async def queue_view(
    session: AsyncSession,
    *,
    principal: Principal,
    choice: QueueChoice,
    zone: ZoneInfo,
    cursor: str | None,
    language: str = "th",
) -> QueueView:
    filters = await _filter(session, principal, choice, zone)
    page = await service.page(
        session,
        principal=principal,
        filters=filters,
        cursor=cursor,
        limit=PAGE_SIZE,
        language=language,
    )
    counts, overdue_count = await FeedbackQueueRepository(session).status_counts(
        scope=principal.feedback_scope, overdue_at=utcnow()
    )
    named = [item for item in page.items if item.reference == filters.text_reference]
    return QueueView(
        page=page,
        counts=counts,
        overdue_count=overdue_count,
        colleagues=await colleagues(session, sorted(principal.agency_ids)),
        reference_match=named[0].id if len(named) == 1 and cursor is None else None,
    )


async def export(
    session: AsyncSession,
    *,
    principal: Principal,
    choice: QueueChoice,
    zone: ZoneInfo,
    file_format: Literal["csv", "xlsx"],
) -> bytes:
    """Every item of the current view (not only the page shown) as a file; audited."""
    filters = await _filter(session, principal, choice, zone)
    exported = await exports.export_rows(session, principal=principal, filters=filters, zone=zone)
    return exports.to_csv(exported.rows) if file_format == "csv" else exports.to_xlsx(exported.rows)


async def act_on_many(
    session: AsyncSession,
    *,
    principal: Principal,
    feedback_ids: Sequence[int],
    action: BulkAction,
    user_id: int | None,
) -> int:
    """Accept, or give to one colleague, every chosen item; all or nothing (the caller rolls
    back on a refusal). Returns how many items were changed."""
    chosen = sorted(set(feedback_ids))
    if not chosen:
        raise InvalidInputError("no items chosen")
    if len(chosen) > BULK_LIMIT:
        raise InvalidInputError(f"at most {BULK_LIMIT} items at once")
    for feedback_id in chosen:
        if action == "accept":
            body = StatusChangeRequest(status=FeedbackStatus.ACCEPTED)
            await actions.change_status(
                session, principal=principal, feedback_id=feedback_id, body=body
            )
        else:
            if user_id is None:
                raise InvalidInputError("choose the colleague to give the items to")
            await actions.assign(
                session,
                principal=principal,
                feedback_id=feedback_id,
                body=AssignRequest(user_id=user_id),
            )
    return len(chosen)
