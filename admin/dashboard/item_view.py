"""What the item page shows: the item (through the API's own service, so scope and the audit of
personal data are the same), what its official may do with it, who it may go to, its internal
notes, its duplicates, and its place drawn on the district's outline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.district_map import DistrictMap, district_map
from admin.dashboard.queue_view import colleagues
from admin.feedback import service
from admin.feedback.schemas import FeedbackDetail
from nlp.categories import LABELS
from services.ticket_corrections import suggested_agency
from storage.models import Agency, District, FeedbackItem, FeedbackStatus, UserAccount
from storage.repositories.agencies import AgencyRepository
from storage.repositories.areas import AreaRepository
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.internal_notes import InternalNoteRepository, InternalNoteRow

S = FeedbackStatus
# What an official may do next from each status (the lifecycle allows these through change_status).
NEXT_STATUSES = {
    S.RECEIVED: (S.REJECTED,),
    S.ROUTED: (S.ACCEPTED, S.REJECTED),
    S.ACCEPTED: (S.IN_PROGRESS, S.RESOLVED, S.REJECTED),
    S.IN_PROGRESS: (S.RESOLVED, S.REJECTED),
    S.RESOLVED: (S.CLOSED,),
    S.REJECTED: (S.CLOSED,),
}
# Statuses an item can still be merged from, and into.
_MERGEABLE = (S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS)


@dataclass(frozen=True)
class ItemView:
    item: FeedbackDetail
    may_act: bool
    next_statuses: tuple[FeedbackStatus, ...]
    forward_targets: Sequence[Agency]  # the province's other agencies, offered by name
    colleagues: Sequence[UserAccount]  # officials of the item's agency
    assigned_to: str | None  # the e-mail of the official it is given to
    internal_notes: Sequence[InternalNoteRow]
    followers: Sequence[FeedbackItem]  # later reports of the same problem
    duplicate_of: FeedbackItem | None  # the ticket it was merged into
    districts: Sequence[District]  # for correcting the place (the item's province)
    categories: Sequence[str]
    place: DistrictMap | None
    may_merge: bool
    suggested_agency: Agency | None  # where the rules send it now (after a correction)


async def item_view(
    session: AsyncSession, *, principal: Principal, feedback_id: int, language: str
) -> ItemView:
    """The item page's content; 404 (NotFoundError) outside the caller's scope."""
    item = await service.detail(
        session, principal=principal, feedback_id=feedback_id, language=language
    )
    row = await service.visible_row(session, principal=principal, feedback_id=feedback_id)
    agency_id = row.item.agency_id
    may_act = principal.may_act_on(agency_id=agency_id)
    tickets = FeedbackItemRepository(session)
    targets: list[Agency] = []
    districts: Sequence[District] = []
    if may_act and item.province is not None:
        found, _ = await AgencyRepository(session).search(
            province_code=item.province.code, limit=500, offset=0
        )
        targets = [agency for agency in found if agency.id != agency_id]
        districts = await AreaRepository(session).districts(province_code=item.province.code)
    team = await colleagues(session, [agency_id]) if may_act and agency_id else []
    assignee = next((u.email for u in team if u.id == item.assigned_user_id), None)
    lead = await tickets.get(item.duplicate_of_id) if item.duplicate_of_id else None
    return ItemView(
        item=item,
        may_act=may_act,
        next_statuses=NEXT_STATUSES.get(item.status, ()),
        forward_targets=targets,
        colleagues=team,
        assigned_to=assignee,
        internal_notes=(
            await InternalNoteRepository(session).of_item(feedback_id) if may_act else []
        ),
        followers=await tickets.followers(feedback_id),
        duplicate_of=lead,
        districts=districts,
        categories=LABELS,
        place=district_map(
            item.district.code if item.district else None, item.latitude, item.longitude
        ),
        may_merge=may_act and item.status in _MERGEABLE,
        suggested_agency=await suggested_agency(session, row.item) if may_act else None,
    )
