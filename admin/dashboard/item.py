"""The item page (GET /admin/items/{id}) and its photos; /admin/items/SG-… (a reference typed
into the address bar, or a link written by hand) opens the same page."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.item_view import item_view
from admin.dashboard.pages import not_found, render, shown_to_reader, to_login, words
from admin.dashboard.session import signed_in
from admin.dependencies import MediaDep, SessionDep
from admin.feedback.endpoints import FeedbackId, MediaId, photo_response
from services.errors import SiangError

router = APIRouter(prefix="/admin", include_in_schema=False)


async def item_page(
    request: Request,
    session: AsyncSession,
    principal: Principal,
    feedback_id: int,
    *,
    error: str | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    """The page, with the outcome of the form just sent (saved, or why it was refused)."""
    try:
        shown = await item_view(
            session, principal=principal, feedback_id=feedback_id, language=words(request).language
        )
    except SiangError as missing:
        return not_found(request, principal, words(request).problem(missing))
    context = {
        "principal": principal,
        "shown": shown,
        "item": shown.item,
        "error": error,
        "saved": saved,
    }
    return render(request, "item.html", context, status_code=status_code)


@router.get("/items/{feedback_id:int}", response_class=HTMLResponse)
async def show_item(
    request: Request, session: SessionDep, feedback_id: FeedbackId, saved: bool = False
) -> Response:
    return await shown_to_reader(
        request,
        session,
        lambda principal: item_page(request, session, principal, feedback_id, saved=saved),
    )


@router.get("/items/{reference}")
async def item_by_reference(reference: str) -> Response:
    """A reference instead of the number: the queue's search opens the item it names, within
    what the reader may see (and says "not found" otherwise)."""
    return RedirectResponse(f"/admin?q={quote(reference)}", status_code=303)


@router.get("/items/{feedback_id}/media/{media_id}")
async def item_photo(
    request: Request,
    session: SessionDep,
    reader: MediaDep,
    feedback_id: FeedbackId,
    media_id: MediaId,
) -> Response:
    """A photo on the item page: only for those who read the item's personal data."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login("expired")
    try:
        photo = await photo_response(
            session, reader, principal=principal, feedback_id=feedback_id, media_id=media_id
        )
    except SiangError as missing:
        return not_found(request, principal, words(request).problem(missing))
    return photo  # the view's audit entry is committed before the photo is sent
