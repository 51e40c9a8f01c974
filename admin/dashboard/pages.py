"""Rendering a dashboard page: the templates, the reader's language (kept in a cookie), the
words in it, the page for something the reader may not see, and the way back to the sign-in
page when the reader is not signed in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.session import clear_session, csrf_token, signed_in
from admin.dashboard.texts import DEFAULT_LANGUAGE, LANGUAGES, DashboardWords
from admin.dependencies import get_runtime, get_zone
from storage.models import FeedbackKind, FeedbackStatus

_HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=[_HERE / "templates", _HERE.parent / "charts" / "templates"])

# The reader's choice of language (`?lang=en` or `?lang=th` on any page), kept for a year.
LANGUAGE_COOKIE = "siang_admin_lang"
_LANGUAGE_DAYS = 365


def zone_of(request: Request) -> ZoneInfo:
    return get_zone(get_runtime(request))


def _asked_language(request: Request) -> str | None:
    asked = request.query_params.get("lang")
    return asked if asked in LANGUAGES else None


def words(request: Request) -> DashboardWords:
    """The reader's words: the language asked for on this page, else the one they chose before."""
    kept = request.cookies.get(LANGUAGE_COOKIE)
    language = _asked_language(request) or (kept if kept in LANGUAGES else DEFAULT_LANGUAGE)
    return DashboardWords(language, zone_of(request))


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    t = words(request)
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


def to_login(message: str | None = None) -> RedirectResponse:
    response = RedirectResponse("/admin/login" + ("?expired=1" if message else ""), status_code=303)
    clear_session(response)
    return response


def not_found(request: Request, principal: Principal, message: str) -> HTMLResponse:
    """What the reader asked for is not there, or not theirs to see: the same page for both."""
    context = {"principal": principal, "message": message}
    return render(request, "not_found.html", context, status_code=404)


async def shown_to_reader(
    request: Request, session: AsyncSession, show: Callable[[Principal], Awaitable[Response]]
) -> Response:
    """The page `show` makes for the signed-in reader; the sign-in page when the session ended."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login("expired")
    return await show(principal)
