"""The /admin pages: server-rendered in Thai (or English, `?lang=en`), working through the same
services as the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth import service as auth
from admin.auth.dependencies import AuthSettingsDep, ClientAddress, LoginThrottleDep
from admin.auth.scope import Principal
from admin.dashboard.session import clear_session, csrf_ok, csrf_token, set_session, signed_in
from admin.dashboard.texts import DEFAULT_LANGUAGE, LANGUAGES, DashboardWords
from admin.dependencies import MediaDep, SessionDep, get_runtime, get_zone
from admin.feedback import actions, service
from admin.feedback.endpoints import FeedbackId, MediaId, photo_response
from admin.feedback.filters import resolve_filter
from admin.feedback.schemas import ForwardRequest, StatusChangeRequest
from services.errors import InvalidInputError, SiangError, TooManyRequestsError
from storage.models import Agency, FeedbackKind, FeedbackStatus
from storage.repositories.agencies import AgencyRepository
from storage.repositories.feedback_queue import FeedbackQueueRepository, FeedbackScope
from storage.types import utcnow

router = APIRouter(prefix="/admin", include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
# The pages' script is a file, not inline, so the content security policy can forbid inline script.
_SCRIPT = Path(__file__).resolve().parent / "static" / "dashboard.js"

Text = Annotated[str, Form(max_length=2000)]
# The reader's choice of language (`?lang=en` or `?lang=th` on any page), kept for a year.
LANGUAGE_COOKIE = "siang_admin_lang"
_LANGUAGE_DAYS = 365
# What an official may do next from each status (the lifecycle allows these through change_status).
_NEXT_STATUSES = {
    FeedbackStatus.RECEIVED: (FeedbackStatus.REJECTED,),
    FeedbackStatus.ROUTED: (FeedbackStatus.ACCEPTED, FeedbackStatus.REJECTED),
    FeedbackStatus.ACCEPTED: (
        FeedbackStatus.IN_PROGRESS,
        FeedbackStatus.RESOLVED,
        FeedbackStatus.REJECTED,
    ),
    FeedbackStatus.IN_PROGRESS: (FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED),
    FeedbackStatus.RESOLVED: (FeedbackStatus.CLOSED,),
    FeedbackStatus.REJECTED: (FeedbackStatus.CLOSED,),
}


def _zone(request: Request) -> ZoneInfo:
    return get_zone(get_runtime(request))


def _asked_language(request: Request) -> str | None:
    asked = request.query_params.get("lang")
    return asked if asked in LANGUAGES else None


def _words(request: Request) -> DashboardWords:
    """The reader's words: the language asked for on this page, else the one they chose before."""
    kept = request.cookies.get(LANGUAGE_COOKIE)
    language = _asked_language(request) or (kept if kept in LANGUAGES else DEFAULT_LANGUAGE)
    return DashboardWords(language, _zone(request))


def _render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    t = _words(request)
    base = {
        "t": t,
        "other_language": next(code for code in LANGUAGES if code != t.language),
        "statuses": list(FeedbackStatus),
        "kinds": list(FeedbackKind),
        "csrf": csrf_token(request),
    }
    page = templates.TemplateResponse(request, name, base | context, status_code=status_code)
    if _asked_language(request):
        page.set_cookie(
            LANGUAGE_COOKIE,
            t.language,
            max_age=_LANGUAGE_DAYS * 86_400,
            path="/admin",
            httponly=True,
            samesite="strict",
        )
    return page


def _to_login(message: str | None = None) -> RedirectResponse:
    response = RedirectResponse("/admin/login" + ("?expired=1" if message else ""), status_code=303)
    clear_session(response)
    return response


@router.get("/dashboard.js")
async def script() -> FileResponse:
    return FileResponse(_SCRIPT, media_type="text/javascript; charset=utf-8")


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, expired: bool = False) -> HTMLResponse:
    message = _words(request)("login.expired") if expired else None
    return _render(request, "login.html", {"error": message, "email": ""})


@router.post("/login", response_class=HTMLResponse)
async def login(
    request: Request,
    session: SessionDep,
    settings: AuthSettingsDep,
    throttle: LoginThrottleDep,
    address: ClientAddress,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    try:
        token = await auth.login(
            session,
            settings=settings,
            throttle=throttle,
            email=email,
            password=password,
            address=address,
        )
    except TooManyRequestsError as waiting:
        minutes = max(1, waiting.retry_after // 60)
        error = _words(request)("login.too_many", minutes=minutes)
        context = {"error": error, "email": email}
        page = _render(request, "login.html", context, status_code=429)
        page.headers["Retry-After"] = str(waiting.retry_after)
        return page
    except SiangError:
        context = {"error": _words(request)("login.wrong"), "email": email}
        return _render(request, "login.html", context, status_code=401)
    response = RedirectResponse("/admin", status_code=303)
    set_session(response, request=request, token=token.token, max_age=token.expires_in)
    return response


@router.post("/logout")
async def logout(request: Request, session: SessionDep) -> Response:
    principal = await signed_in(request, session)
    if principal is not None:  # the cookie's token (and any copy of it) stops working now
        await auth.sign_out(session, principal=principal)
    response = RedirectResponse("/admin/login", status_code=303)
    clear_session(response)
    return response


async def _queue_context(
    request: Request,
    session: AsyncSession,
    principal: Principal,
    *,
    status: str,
    kind: str,
    category: str,
    province: str,
    q: str,
    overdue: bool,
    cursor: str | None,
) -> dict[str, Any]:
    filters = await resolve_filter(
        session,
        principal,
        zone=_zone(request),
        status=[FeedbackStatus(status)] if status else None,
        kind=[FeedbackKind(kind)] if kind else None,
        category=[category] if category else None,
        province=province or None,
        q=q or None,
        overdue=overdue,
    )
    page = await service.page(
        session, principal=principal, filters=filters, cursor=cursor, limit=50
    )
    counts, overdue_count = await FeedbackQueueRepository(session).status_counts(
        scope=principal.feedback_scope, overdue_at=utcnow()
    )
    return {"page": page, "counts": counts, "overdue_count": overdue_count}


@router.get("", response_class=HTMLResponse)
async def queue(
    request: Request,
    session: SessionDep,
    status: Annotated[str, Query(max_length=20)] = "",
    kind: Annotated[str, Query(max_length=20)] = "",
    category: Annotated[str, Query(max_length=60)] = "",
    province: Annotated[str, Query(max_length=100)] = "",
    q: Annotated[str, Query(max_length=200)] = "",
    overdue: bool = False,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """งานของฉัน: the items the official may see, newest first, with simple counts."""
    principal = await signed_in(request, session)
    if principal is None:
        return _to_login(None if "siang_admin" not in request.cookies else "expired")
    chosen = {
        "status": status, "kind": kind, "category": category, "province": province,
        "q": q, "overdue": overdue,
    }  # fmt: skip
    context: dict[str, Any] = {"principal": principal, "chosen": chosen, "error": None}
    t = _words(request)
    try:
        if status and status not in set(FeedbackStatus):
            raise InvalidInputError(t("error.no_status", status=status))
        if kind and kind not in set(FeedbackKind):
            raise InvalidInputError(t("error.no_kind", kind=kind))
        context |= await _queue_context(
            request, session, principal, status=status, kind=kind, category=category,
            province=province, q=q, overdue=overdue, cursor=cursor,
        )  # fmt: skip
    except SiangError as problem:
        context |= {"error": problem.message, "page": None, "counts": {}, "overdue_count": 0}
        return _render(request, "queue.html", context, status_code=problem.status_code)
    return _render(request, "queue.html", context)


async def _item_page(
    request: Request,
    session: AsyncSession,
    principal: Principal,
    feedback_id: int,
    *,
    error: str | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    try:
        item = await service.detail(
            session,
            principal=principal,
            feedback_id=feedback_id,
            language=_words(request).language,
        )
    except SiangError as missing:
        context = {"principal": principal, "message": missing.message}
        return _render(request, "not_found.html", context, status_code=404)
    agency_id = await _agency_id(session, feedback_id)
    may_act = principal.may_act_on(agency_id=agency_id)
    forward_targets: list[Agency] = []
    if may_act and item.province is not None:  # the province's agencies, to pick by name
        found, _ = await AgencyRepository(session).search(
            province_code=item.province.code, limit=500, offset=0
        )
        forward_targets = [agency for agency in found if agency.id != agency_id]
    context = {
        "principal": principal,
        "item": item,
        "may_act": may_act,
        "forward_targets": forward_targets,
        "next_statuses": _NEXT_STATUSES.get(item.status, ()),
        "error": error,
        "saved": saved,
    }
    return _render(request, "item.html", context, status_code=status_code)


async def _agency_id(session: AsyncSession, feedback_id: int) -> int | None:
    row = await FeedbackQueueRepository(session).one(
        scope=FeedbackScope(everything=True), feedback_id=feedback_id
    )
    return row.item.agency_id if row else None


@router.get("/items/{feedback_id}", response_class=HTMLResponse)
async def item_page(
    request: Request, session: SessionDep, feedback_id: int, saved: bool = False
) -> Response:
    principal = await signed_in(request, session)
    if principal is None:
        return _to_login("expired")
    return await _item_page(request, session, principal, feedback_id, saved=saved)


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
        return _to_login("expired")
    try:
        photo = await photo_response(
            session, reader, principal=principal, feedback_id=feedback_id, media_id=media_id
        )
    except SiangError as missing:
        context = {"principal": principal, "message": missing.message}
        return _render(request, "not_found.html", context, status_code=404)
    return photo  # the view's audit entry is committed before the photo is sent


async def _act(
    request: Request, session: AsyncSession, feedback_id: int, csrf: str, *, do: Any
) -> Response:
    principal = await signed_in(request, session)
    if principal is None:
        return _to_login("expired")
    if not csrf_ok(request, csrf):
        return await _item_page(
            request, session, principal, feedback_id, error=_words(request)("error.form_expired"),
            status_code=403,
        )  # fmt: skip
    try:
        await do(principal)
    except SiangError as problem:
        await session.rollback()  # nothing of the refused move stays; the page shows the item
        return await _item_page(
            request, session, principal, feedback_id, error=problem.message,
            status_code=problem.status_code,
        )  # fmt: skip
    # The request's unit of work commits before the redirect is sent, then wakes delivery.
    return RedirectResponse(f"/admin/items/{feedback_id}?saved=1", status_code=303)


@router.post("/items/{feedback_id}/status")
async def change_status(
    request: Request,
    session: SessionDep,
    feedback_id: int,
    status: Annotated[str, Form(max_length=20)],
    note: Text = "",
    version: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    async def do(principal: Principal) -> None:
        if status not in set(FeedbackStatus):
            raise InvalidInputError(_words(request)("error.no_status", status=status))
        body = StatusChangeRequest(
            status=FeedbackStatus(status), note=note or None, expected_version=version
        )
        await actions.change_status(
            session, principal=principal, feedback_id=feedback_id, body=body
        )

    return await _act(request, session, feedback_id, csrf, do=do)


@router.post("/items/{feedback_id}/forward")
async def forward(
    request: Request,
    session: SessionDep,
    feedback_id: int,
    agency: Annotated[str, Form(max_length=60)] = "",
    reason: Text = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    async def do(principal: Principal) -> None:
        if not agency.strip() or not reason.strip():
            raise InvalidInputError(_words(request)("error.forward_needs"))
        body = ForwardRequest(agency=agency.strip(), reason=reason.strip())
        await actions.forward(session, principal=principal, feedback_id=feedback_id, body=body)

    response = await _act(request, session, feedback_id, csrf, do=do)
    if isinstance(response, RedirectResponse) and response.status_code == 303:
        return RedirectResponse("/admin?forwarded=1", status_code=303)
    return response
