"""Reading the queue: scoped pages and details, redacted unless the caller may see personal data."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import AuditAction, record
from admin.auth.scope import Principal
from admin.feedback.schemas import (
    CodeName,
    FeedbackDetail,
    FeedbackItemPublic,
    FeedbackPage,
    HistoryEntry,
    MediaPublic,
)
from admin.pagination import decode_cursor, encode_cursor
from services.errors import NotFoundError
from services.privacy import coarse_point, masked_note
from services.ticket_notes import render_note
from storage.models import ActorType
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.feedback_media import FeedbackMediaRepository
from storage.repositories.feedback_queue import (
    OPEN_STATUSES,
    FeedbackFilter,
    FeedbackQueueRepository,
    FeedbackRow,
    FeedbackScope,
)
from storage.repositories.status_changes import HistoryRow, StatusChangeRepository
from storage.types import utcnow


def _code_name(
    code: str | None, name_th: str | None, name_en: str | None, language: str
) -> CodeName | None:
    name = name_en if language == "en" and name_en else name_th
    return CodeName(code=code, name=name or code) if code else None


def item_public(
    row: FeedbackRow, *, now: datetime, exact_point: bool, language: str = "th"
) -> FeedbackItemPublic:
    """`exact_point`: the citizen's own point (for the item's agency); otherwise its grid cell.
    Places, the agency and the board are named in `language` (Thai where no English is kept)."""
    item = row.item
    assert item.id is not None
    latitude, longitude = (
        (item.latitude, item.longitude)
        if exact_point
        else coarse_point(item.latitude, item.longitude)
    )
    return FeedbackItemPublic(
        id=item.id,
        reference=item.reference,
        status=item.status,
        kind=item.kind,
        channel=item.channel,
        category=item.category,
        province=_code_name(item.province_code, row.province_name, row.province_name_en, language),
        district=_code_name(item.district_code, row.district_name, row.district_name_en, language),
        agency=_code_name(row.agency_code, row.agency_name, row.agency_name_en, language),
        board=_code_name(row.board_code, row.board_name, row.board_name_en, language),
        sentiment=item.sentiment,
        urgency=item.urgency,
        language=item.language,
        text=item.redacted_text,
        latitude=latitude,
        longitude=longitude,
        due_at=item.due_at,
        overdue=bool(item.due_at and item.due_at < now and item.status in OPEN_STATUSES),
        escalation_level=item.escalation_level,
        assigned_user_id=item.assigned_user_id,
        duplicate_of_id=item.duplicate_of_id,
        version=item.version,
        created_at=item.created_at,
        updated_at=item.updated_at,
    )


def _history_entry(row: HistoryRow, *, personal: bool, language: str) -> HistoryEntry:
    change = row.change
    typed = change.note if personal else masked_note(change.note)
    return HistoryEntry(
        from_status=change.from_status,
        to_status=change.to_status,
        actor_type=change.actor_type,
        actor=row.actor_email,
        agency=_code_name(row.agency_code, row.agency_name, row.agency_name_en, language),
        note=render_note(change.note_facts, typed, language),
        note_facts=change.note_facts,
        created_at=change.created_at,
    )


def photo_url(feedback_id: int, media_id: int) -> str:
    return f"/api/v1/feedback/{feedback_id}/media/{media_id}"


async def _photos(session: AsyncSession, feedback_id: int) -> list[MediaPublic]:
    return [
        MediaPublic(
            id=media.id,
            kind="report" if media.added_by is ActorType.CITIZEN else "after",
            content_type=media.content_type,
            added_by=media.added_by,
            url=photo_url(feedback_id, media.id),
        )
        for media in await FeedbackMediaRepository(session).of_item(feedback_id)
        if media.id is not None
    ]


async def page(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: FeedbackFilter,
    cursor: str | None,
    limit: int,
    language: str = "th",
) -> FeedbackPage:
    """Newest first; `next_cursor` is None on the last page."""
    rows = await FeedbackQueueRepository(session).page(
        scope=principal.feedback_scope,
        filters=filters,
        after=decode_cursor(cursor),
        limit=limit + 1,
    )
    now = utcnow()
    shown = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = shown[-1].item
        assert last.id is not None
        next_cursor = encode_cursor(last.created_at, last.id)
    listed = [
        item_public(
            r,
            now=now,
            exact_point=principal.may_read_personal_data(agency_id=r.item.agency_id),
            language=language,
        )
        for r in shown
    ]
    return FeedbackPage(items=listed, next_cursor=next_cursor)


async def visible_row(
    session: AsyncSession, *, principal: Principal, feedback_id: int
) -> FeedbackRow:
    """The item if the caller may see it; 404 whether it is missing or out of scope."""
    row = await FeedbackQueueRepository(session).one(
        scope=principal.feedback_scope, feedback_id=feedback_id
    )
    if row is None:
        raise NotFoundError(f"no feedback item {feedback_id}")
    return row


async def record_personal_view(
    session: AsyncSession, *, principal: Principal, row: FeedbackRow, **detail: object
) -> None:
    """Write to the audit log that the caller read a citizen's own words or photo."""
    await record(
        session,
        principal=principal,
        action=AuditAction.PERSONAL_DATA_VIEWED,
        entity_type="feedback",
        entity_id=row.item.id,
        detail={"reference": row.item.reference, **detail},
    )


async def detail(
    session: AsyncSession, *, principal: Principal, feedback_id: int, language: str
) -> FeedbackDetail:
    """The item with its history, notes rendered in `language`; reading the citizen's own words
    is written to the audit log."""
    row = await visible_row(session, principal=principal, feedback_id=feedback_id)
    item = row.item
    personal = principal.may_read_personal_data(agency_id=item.agency_id)
    if personal:
        await record_personal_view(session, principal=principal, row=row)
    return FeedbackDetail(
        **item_public(row, now=utcnow(), exact_point=personal, language=language).model_dump(),
        original_text=item.original_text if personal else None,
        personal_data_visible=personal,
        location_text=item.location_text if personal else None,
        routing_reason=render_note(
            item.routing_facts,
            item.routing_reason if personal else masked_note(item.routing_reason),
            language,
        ),
        routing_facts=item.routing_facts,
        rating=item.rating,
        rating_comment=item.rating_comment if personal else masked_note(item.rating_comment),
        resolved_at=item.resolved_at,
        closed_at=item.closed_at,
        follower_count=await FeedbackItemRepository(session).follower_count(feedback_id),
        history=[
            _history_entry(h, personal=personal, language=language)
            for h in await StatusChangeRepository(session).history(feedback_id)
        ],
        media=await _photos(session, feedback_id) if personal else [],
    )


async def summary_after_handover(session: AsyncSession, *, feedback_id: int) -> FeedbackItemPublic:
    """An item just forwarded by the caller, who may no longer see it: redacted summary only."""
    row = await FeedbackQueueRepository(session).one(
        scope=FeedbackScope(everything=True), feedback_id=feedback_id
    )
    if row is None:
        raise NotFoundError(f"no feedback item {feedback_id}")
    return item_public(row, now=utcnow(), exact_point=False)
