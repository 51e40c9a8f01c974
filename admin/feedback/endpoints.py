"""The work queue: list, read, and act (status, forward, merge, assign, correct, note) on items."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.dependencies import CurrentUser
from admin.auth.scope import Principal
from admin.dependencies import MediaDep, SessionDep
from admin.feedback import actions, media, service
from admin.feedback.filters import FeedbackFilterDep
from admin.feedback.schemas import (
    AssignRequest,
    CodeName,
    CorrectionOutcome,
    CorrectionRequest,
    FeedbackDetail,
    FeedbackItemPublic,
    FeedbackPage,
    ForwardRequest,
    InternalNotePublic,
    InternalNoteRequest,
    MergeRequest,
    StatusChangeRequest,
)
from admin.language import ReaderLanguage
from storage.models import Agency
from storage.repositories.internal_notes import InternalNoteRow

router = APIRouter(prefix="/feedback", tags=["feedback"])

FeedbackId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("", response_model=FeedbackPage)
async def list_feedback(
    principal: CurrentUser,
    session: SessionDep,
    filters: FeedbackFilterDep,
    cursor: Annotated[
        str | None, Query(max_length=200, description="next_cursor of the last page.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    language: ReaderLanguage = "th",
) -> FeedbackPage:
    """The items the caller may see, newest first, filtered; the text is always redacted here.
    Places, agencies and boards are named in the reader's language (Accept-Language)."""
    return await service.page(
        session,
        principal=principal,
        filters=filters,
        cursor=cursor,
        limit=limit,
        language=language,
    )


@router.get("/{feedback_id}", response_model=FeedbackDetail)
async def get_feedback(
    feedback_id: FeedbackId, principal: CurrentUser, session: SessionDep, language: ReaderLanguage
) -> FeedbackDetail:
    """One item with its history; 404 when it is outside the caller's scope."""
    return await service.detail(
        session, principal=principal, feedback_id=feedback_id, language=language
    )


MediaId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PHOTO_HEADERS = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


@router.get(
    "/{feedback_id}/media/{media_id}",
    response_class=Response,
    responses={200: {"content": {"image/*": {}}, "description": "The photo's bytes."}},
)
async def get_photo(
    feedback_id: FeedbackId,
    media_id: MediaId,
    principal: CurrentUser,
    session: SessionDep,
    reader: MediaDep,
) -> Response:
    """A photo of the item, for admins and the item's own officials (404 for anyone else)."""
    return await photo_response(
        session, reader, principal=principal, feedback_id=feedback_id, media_id=media_id
    )


async def photo_response(
    session: AsyncSession,
    reader: media.MediaReader,
    *,
    principal: Principal,
    feedback_id: int,
    media_id: int,
) -> Response:
    """The photo's bytes, never kept by a browser or a proxy (the dashboard serves it too)."""
    found = await media.photo(
        session, principal=principal, feedback_id=feedback_id, media_id=media_id, reader=reader
    )
    return Response(found.data, media_type=found.content_type, headers=PHOTO_HEADERS)


@router.post("/{feedback_id}/status", response_model=FeedbackDetail)
async def change_status(
    feedback_id: FeedbackId,
    body: StatusChangeRequest,
    principal: CurrentUser,
    session: SessionDep,
    language: ReaderLanguage,
) -> FeedbackDetail:
    """Accept, start, resolve (note required), reject (reason required) or close an item."""
    await actions.change_status(session, principal=principal, feedback_id=feedback_id, body=body)
    return await service.detail(
        session, principal=principal, feedback_id=feedback_id, language=language
    )


@router.post("/{feedback_id}/forward", response_model=FeedbackItemPublic)
async def forward_feedback(
    feedback_id: FeedbackId,
    body: ForwardRequest,
    principal: CurrentUser,
    session: SessionDep,
) -> FeedbackItemPublic:
    """Send the item to the agency really responsible, with a reason (kept for retraining).

    The answer is the item's summary as it now stands: its new agency may be outside the
    caller's scope, so the citizen's own words are not in it."""
    await actions.forward(session, principal=principal, feedback_id=feedback_id, body=body)
    return await service.summary_after_handover(session, feedback_id=feedback_id)


@router.post("/{feedback_id}/merge", response_model=FeedbackDetail)
async def merge_feedback(
    feedback_id: FeedbackId,
    body: MergeRequest,
    principal: CurrentUser,
    session: SessionDep,
    language: ReaderLanguage,
) -> FeedbackDetail:
    """Close the item as a duplicate of another; its citizen follows that one from now on."""
    await actions.merge(session, principal=principal, feedback_id=feedback_id, body=body)
    return await service.detail(
        session, principal=principal, feedback_id=feedback_id, language=language
    )


@router.post("/{feedback_id}/assign", response_model=FeedbackDetail)
async def assign_feedback(
    feedback_id: FeedbackId,
    body: AssignRequest,
    principal: CurrentUser,
    session: SessionDep,
    language: ReaderLanguage,
) -> FeedbackDetail:
    """Give the item to one official of its agency."""
    await actions.assign(session, principal=principal, feedback_id=feedback_id, body=body)
    return await service.detail(
        session, principal=principal, feedback_id=feedback_id, language=language
    )


def _agency_name(agency: Agency, language: str) -> CodeName:
    name = agency.name_en if language == "en" and agency.name_en else agency.name_th
    return CodeName(code=agency.code, name=name)


@router.post("/{feedback_id}/corrections", response_model=CorrectionOutcome)
async def correct_feedback(
    feedback_id: FeedbackId,
    body: CorrectionRequest,
    principal: CurrentUser,
    session: SessionDep,
    language: ReaderLanguage,
) -> CorrectionOutcome:
    """Set the right category, kind or district (the citizen is not told). Each change is an
    internal note and a labelled example for retraining; a new province moves the item to that
    province's board. The agency stays: `suggested_agency` says where the rules would send it."""
    outcome = await actions.correct(
        session, principal=principal, feedback_id=feedback_id, body=body
    )
    suggested = outcome.suggested_agency
    return CorrectionOutcome(
        corrections=outcome.changed,
        suggested_agency=_agency_name(suggested, language) if suggested else None,
        item=await service.detail(
            session, principal=principal, feedback_id=feedback_id, language=language
        ),
    )


def _note_public(row: InternalNoteRow) -> InternalNotePublic:
    note = row.note
    return InternalNotePublic(
        id=note.id or 0,
        author=row.author_email,
        text=note.note,
        facts=note.note_facts,
        created_at=note.created_at,
    )


@router.get("/{feedback_id}/internal-notes", response_model=list[InternalNotePublic])
async def list_internal_notes(
    feedback_id: FeedbackId, principal: CurrentUser, session: SessionDep
) -> list[InternalNotePublic]:
    """Officials' notes and corrections on the item, oldest first; for the item's agency and
    admins (board members and analysts get 403), never for the citizen."""
    rows = await actions.internal_notes(session, principal=principal, feedback_id=feedback_id)
    return [_note_public(row) for row in rows]


@router.post("/{feedback_id}/internal-notes", response_model=InternalNotePublic, status_code=201)
async def add_internal_note(
    feedback_id: FeedbackId, body: InternalNoteRequest, principal: CurrentUser, session: SessionDep
) -> InternalNotePublic:
    """A note for the item's officials; the citizen is never told of it."""
    note = await actions.note_internally(
        session, principal=principal, feedback_id=feedback_id, body=body
    )
    return _note_public(InternalNoteRow(note, principal.email))
