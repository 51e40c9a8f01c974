"""HTTP surface of the web chat: the page, its assets, and the JSON API under /chat/api/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, Response, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from bot.conversations import replies
from bot.dependencies import ConversationsDep, MediaDep, RuntimeDep, SessionDep
from bot.intake import ConversationHandler
from bot.media import MediaRejectedError
from bot.messages import Channel, Inbound, InboundKind, outgoing_to_json
from bot.notice_messages import render_notice
from bot.runtime import ChatRuntime
from bot.texts import LANGUAGES, language_of, text
from bot.web import admission, service
from bot.web.session import ensure_session, forget_session, session_id
from storage.repositories import web_chat
from storage.repositories.citizens import CitizenRepository
from storage.types import utcnow

router = APIRouter(tags=["web chat"])

STATIC = Path(__file__).parent / "static"
_CLIENT_ID = r"^[A-Za-z0-9_-]{8,64}$"
_ASSETS = {"chat.css": "text/css", "chat.js": "text/javascript"}
_PAGE_KEYS = [key for key in LANGUAGES["th"] if key.startswith("web.")]


class WebMessage(BaseModel):
    """One thing the citizen did in the page: typed, tapped a button, or shared a location."""

    client_id: str = Field(pattern=_CLIENT_ID, description="The page's id for this message")
    text: str | None = Field(default=None, max_length=100_000)
    postback: str | None = Field(default=None, max_length=300)
    # strict: a number, never `false` or "13.7" taken for a point in the Gulf of Guinea
    latitude: float | None = Field(default=None, ge=-90, le=90, strict=True)
    longitude: float | None = Field(default=None, ge=-180, le=180, strict=True)
    language: str | None = Field(default=None, max_length=20)


async def _answer(
    runtime: ChatRuntime,
    conversations: ConversationHandler,
    response: Response,
    inbound: Inbound,
) -> dict[str, Any]:
    # Each step commits in its own unit of work, which wakes delivery for what it queued.
    messages, repeated = await service.receive(runtime.database, conversations, inbound)
    if any(message.get("forget_recipient") for message in messages):
        forget_session(response)  # erased: the next message starts as a new person
        return {"messages": messages, "repeated": repeated}
    # The conversation follows the language the citizen writes in; the page's own words follow
    # it too (a Thai citizen whose browser is set to English writes Thai).
    async with runtime.database.unit_of_work() as db:
        citizen = await CitizenRepository(db).by_channel_user(Channel.WEB, inbound.user_id)
    language = citizen.language if citizen is not None else language_of(inbound.language)
    return {
        "messages": messages,
        "repeated": repeated,
        "language": language,
        "labels": _page_labels(language),
    }


def _page_labels(language: str) -> dict[str, str]:
    return {key.removeprefix("web."): text(language, key) for key in _PAGE_KEYS}


@router.get("/chat", include_in_schema=False, response_class=HTMLResponse)
async def chat_page() -> FileResponse:
    """The web chat page (plain HTML, CSS and JavaScript; no build step)."""
    return FileResponse(STATIC / "chat.html", media_type="text/html; charset=utf-8")


@router.get("/chat/static/{name}", include_in_schema=False)
async def chat_asset(name: str) -> FileResponse:
    if name not in _ASSETS:
        raise HTTPException(404, "no such file")
    return FileResponse(STATIC / name, media_type=_ASSETS[name] + "; charset=utf-8")


@router.get("/chat/api/session")
async def chat_session(
    request: Request,
    response: Response,
    db: SessionDep,
    lang: Annotated[str | None, Query(max_length=20)] = None,
) -> dict[str, Any]:
    """Start or resume: the page's labels, a greeting, and where polling starts."""
    language = language_of(lang)
    session = ensure_session(request, response)
    citizen = await CitizenRepository(db).by_channel_user(Channel.WEB, session)
    if citizen is not None:
        language = citizen.language
    cursor = await web_chat.latest_message_id(db, target=session)
    greeting = [replies.say(language, "welcome"), replies.menu(language)]
    return {
        "language": language,
        "labels": _page_labels(language),
        "greeting": [outgoing_to_json(message) for message in greeting],
        "cursor": cursor,
    }


@router.post("/chat/api/messages")
async def chat_message(
    request: Request,
    response: Response,
    body: WebMessage,
    runtime: RuntimeDep,
    conversations: ConversationsDep,
) -> dict[str, Any]:
    """A typed message, a tapped button (postback) or a shared location; the answer comes back."""
    session = ensure_session(request, response)
    await admission.admit(request, runtime, session, body.language)
    if body.postback:
        kind = InboundKind.POSTBACK
    elif body.latitude is not None and body.longitude is not None:
        kind = InboundKind.LOCATION
    else:
        kind = InboundKind.TEXT
    inbound = Inbound(
        channel=Channel.WEB,
        user_id=session,
        kind=kind,
        external_id=service.external_id(session, body.client_id),
        text=body.text if kind is InboundKind.TEXT else None,
        postback=body.postback,
        latitude=body.latitude if kind is InboundKind.LOCATION else None,
        longitude=body.longitude if kind is InboundKind.LOCATION else None,
        language=body.language,
        received_at=utcnow(),
    )
    return await _answer(runtime, conversations, response, inbound)


@router.post("/chat/api/photos", response_model=None)
async def chat_photo(
    request: Request,
    response: Response,
    runtime: RuntimeDep,
    conversations: ConversationsDep,
    storage: MediaDep,
    client_id: Annotated[str, Form(pattern=_CLIENT_ID)],
    photo: Annotated[UploadFile, File(description="A JPEG, PNG, GIF or WebP photo")],
    language: Annotated[str | None, Form(max_length=20)] = None,
) -> dict[str, Any] | JSONResponse:
    """A photo from the page, checked (type by its bytes, size) and stored, then answered."""
    session = ensure_session(request, response)
    await admission.admit(request, runtime, session, language)
    limit = storage.max_bytes
    data = await photo.read(limit + 1)
    lang = language_of(language)
    if len(data) > limit:
        message = text(lang, "photo.too_large", limit_mb=limit // (1024 * 1024))
        return JSONResponse({"error": {"code": "too_large", "message": message}}, status_code=413)
    try:
        stored = await storage.save(data, declared_type=photo.content_type)
    except MediaRejectedError:
        message = text(lang, "photo.bad_type")
        return JSONResponse({"error": {"code": "bad_type", "message": message}}, status_code=415)
    inbound = Inbound(
        channel=Channel.WEB,
        user_id=session,
        kind=InboundKind.IMAGE,
        external_id=service.external_id(session, client_id),
        media=stored,
        language=language,
        received_at=utcnow(),
    )
    return await _answer(runtime, conversations, response, inbound)


@router.get("/chat/api/updates")
async def chat_updates(
    request: Request, db: SessionDep, after: Annotated[int, Query(ge=0)] = 0
) -> dict[str, Any]:
    """Messages pushed to this chat since `after` (status changes, "is it fixed?" …)."""
    session = session_id(request)
    if session is None:
        return {"messages": [], "cursor": after}
    citizen = await CitizenRepository(db).by_channel_user(Channel.WEB, session)
    rows = await web_chat.pushed_messages(db, target=session, after=after)
    messages: list[dict[str, Any]] = []
    if citizen is not None and citizen.notifications_enabled:
        for row in rows:
            for outgoing in render_notice(row.kind, row.payload, citizen.language):
                messages.append({"id": row.id, **outgoing_to_json(outgoing)})
    await web_chat.mark_collected(db, [row.id for row in rows if row.id], now=utcnow())
    cursor = max([after, *(row.id or 0 for row in rows)])
    return {"messages": messages, "cursor": cursor}
