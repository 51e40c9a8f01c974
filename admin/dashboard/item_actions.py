"""The item page's forms: status (with a note to the citizen and photos of the work done),
forward, assign, merge, correct the category, kind or place, and internal notes. Each checks
the form's CSRF token and goes through the API's audited, scope-checked actions; a refusal
rolls everything back and shows the item again with the reason."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard import item_changes
from admin.dashboard.form_posts import post_form
from admin.dashboard.item import item_page
from admin.dashboard.pages import words
from admin.dependencies import MediaStoreDep, SessionDep
from admin.feedback import actions
from admin.feedback.endpoints import FeedbackId
from admin.feedback.schemas import (
    AssignRequest,
    CorrectionRequest,
    ForwardRequest,
    InternalNoteRequest,
    StatusChangeRequest,
)
from services.errors import InvalidInputError
from storage.models import FeedbackKind, FeedbackStatus

router = APIRouter(prefix="/admin", include_in_schema=False)

Text = Annotated[str, Form(max_length=2000)]
Csrf = Annotated[str, Form(max_length=64)]
Version = Annotated[int | None, Form(ge=1, le=2**31 - 1)]
Action = Callable[[Principal], Awaitable[object]]
_PHOTO_BYTES = 10 * 1024 * 1024


async def _act(
    request: Request,
    session: AsyncSession,
    feedback_id: int,
    csrf: str,
    *,
    do: Action,
    then: str | None = None,
) -> Response:
    async def act(principal: Principal) -> str:
        await do(principal)
        return then or f"/admin/items/{feedback_id}?saved=1"

    async def again(principal: Principal, error: str, status_code: int) -> Response:
        return await item_page(
            request, session, principal, feedback_id, error=error, status_code=status_code
        )

    return await post_form(request, session, csrf, act=act, again=again)


async def _photo_bytes(photos: list[UploadFile]) -> list[bytes]:
    """The files chosen (a form with none sends one empty part)."""
    found = []
    for photo in photos:
        data = await photo.read(_PHOTO_BYTES + 1)
        if len(data) > _PHOTO_BYTES:
            raise InvalidInputError(f"a photo is over {_PHOTO_BYTES // 1024 // 1024} MB")
        if data:
            found.append(data)
    return found


@router.post("/items/{feedback_id}/status")
async def change_status(
    request: Request,
    session: SessionDep,
    store: MediaStoreDep,
    feedback_id: FeedbackId,
    status: Annotated[str, Form(max_length=20)],
    note: Text = "",
    version: Version = None,
    photos: Annotated[list[UploadFile], File()] = [],  # noqa: B006 (FastAPI copies it)
    csrf: Csrf = "",
) -> Response:
    async def do(principal: Principal) -> None:
        if status not in set(FeedbackStatus):
            raise InvalidInputError(words(request)("error.no_status", status=status))
        body = StatusChangeRequest(
            status=FeedbackStatus(status), note=note or None, expected_version=version
        )
        await item_changes.change_status(
            session, principal=principal, feedback_id=feedback_id, body=body,
            photos=await _photo_bytes(photos), store=store,
        )  # fmt: skip

    return await _act(request, session, feedback_id, csrf, do=do)


@router.post("/items/{feedback_id}/forward")
async def forward(
    request: Request,
    session: SessionDep,
    feedback_id: FeedbackId,
    agency: Annotated[str, Form(max_length=60)] = "",
    reason: Text = "",
    csrf: Csrf = "",
) -> Response:
    async def do(principal: Principal) -> None:
        if not agency.strip() or not reason.strip():
            raise InvalidInputError(words(request)("error.forward_needs"))
        body = ForwardRequest(agency=agency.strip(), reason=reason.strip())
        await actions.forward(session, principal=principal, feedback_id=feedback_id, body=body)

    return await _act(request, session, feedback_id, csrf, do=do, then="/admin?forwarded=1")


@router.post("/items/{feedback_id}/assign")
async def assign(
    request: Request,
    session: SessionDep,
    feedback_id: FeedbackId,
    user: Annotated[int, Form(ge=1, le=2**31 - 1)],
    csrf: Csrf = "",
) -> Response:
    async def do(principal: Principal) -> None:
        body = AssignRequest(user_id=user)
        await actions.assign(session, principal=principal, feedback_id=feedback_id, body=body)

    return await _act(request, session, feedback_id, csrf, do=do)


@router.post("/items/{feedback_id}/merge")
async def merge(
    request: Request,
    session: SessionDep,
    feedback_id: FeedbackId,
    into: Annotated[str, Form(max_length=40)] = "",
    note: Text = "",
    csrf: Csrf = "",
) -> Response:
    async def do(principal: Principal) -> None:
        await item_changes.merge_into_reference(
            session, principal=principal, feedback_id=feedback_id, reference=into, note=note
        )

    return await _act(request, session, feedback_id, csrf, do=do)


@router.post("/items/{feedback_id}/correct")
async def correct(
    request: Request,
    session: SessionDep,
    feedback_id: FeedbackId,
    category: Annotated[str, Form(max_length=60)] = "",
    kind: Annotated[str, Form(max_length=20)] = "",
    district: Annotated[str, Form(max_length=4)] = "",
    version: Version = None,
    csrf: Csrf = "",
) -> Response:
    async def do(principal: Principal) -> None:
        if kind and kind not in set(FeedbackKind):
            raise InvalidInputError(words(request)("error.no_kind", kind=kind))
        body = CorrectionRequest(
            category=category or None,
            kind=FeedbackKind(kind) if kind else None,
            district=district or None,
            expected_version=version,
        )
        await actions.correct(session, principal=principal, feedback_id=feedback_id, body=body)

    return await _act(request, session, feedback_id, csrf, do=do)


@router.post("/items/{feedback_id}/notes")
async def note_internally(
    request: Request,
    session: SessionDep,
    feedback_id: FeedbackId,
    text: Text = "",
    csrf: Csrf = "",
) -> Response:
    async def do(principal: Principal) -> None:
        if not text.strip():
            raise InvalidInputError(words(request)("error.note_needs"))
        body = InternalNoteRequest(text=text.strip())
        await actions.note_internally(
            session, principal=principal, feedback_id=feedback_id, body=body
        )

    return await _act(request, session, feedback_id, csrf, do=do)
