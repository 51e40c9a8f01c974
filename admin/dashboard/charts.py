"""/admin/charts: the signed-in reader's figures as charts (an official's agencies, a board's
province, everything for analysts and admins), drawn on the server as SVG with a table each."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from admin.auth.scope import Principal
from admin.charts.figures import ChartPeriod, ScopeCharts
from admin.charts.texts import ChartWords
from admin.dashboard.pages import LANGUAGE_COOKIE
from admin.dashboard.session import csrf_token, signed_in
from admin.dashboard.texts import DEFAULT_LANGUAGE, LANGUAGES, DashboardWords
from admin.dates import thai_day
from admin.dependencies import SessionDep, get_runtime, get_zone
from storage.models import UserRole
from storage.repositories.feedback_queue import FeedbackFilter
from storage.repositories.stats import StatsRepository
from storage.types import utcnow

router = APIRouter(prefix="/admin", include_in_schema=False)
_HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=[_HERE / "templates", _HERE.parent / "charts" / "templates"])


def _language(request: Request) -> str:
    asked = request.query_params.get("lang")
    kept = request.cookies.get(LANGUAGE_COOKIE)
    if asked in LANGUAGES:
        return str(asked)
    return kept if kept in LANGUAGES else DEFAULT_LANGUAGE


def _scope_key(principal: Principal) -> str:
    if principal.sees_everything:
        return "page.scope.everything"
    return "page.scope.province" if principal.role is UserRole.BOARD else "page.scope.agencies"


@router.get("/charts", response_class=HTMLResponse)
async def charts_page(request: Request, session: SessionDep) -> Response:
    """กราฟ: volume, sentiment, resolution, overdue, satisfaction and outcomes in the reader's
    scope over the last 26 weeks."""
    principal = await signed_in(request, session)
    if principal is None:
        return RedirectResponse("/admin/login", status_code=303)
    runtime = get_runtime(request)
    zone = get_zone(runtime)
    language = _language(request)
    words = ChartWords(language)
    now = utcnow()
    period = ChartPeriod.ending_at(now, zone)
    charts = ScopeCharts(
        StatsRepository(session, timezone=runtime.settings.timezone),
        scope=principal.feedback_scope,
        filters=FeedbackFilter(),
        period=period,
        words=words,
    )
    last_day = period.end - timedelta(days=1)
    t = DashboardWords(language, zone)

    def day(moment: datetime) -> str:
        return thai_day(moment, zone) if language == "th" else f"{moment.astimezone(zone):%d/%m/%Y}"

    context = {
        "t": t,
        "c": words,
        "other_language": next(code for code in LANGUAGES if code != language),
        "csrf": csrf_token(request),
        "principal": principal,
        "scope_name": words(_scope_key(principal)),
        "period_text": words("page.period", start=day(period.start), end=day(last_day)),
        "charts": await charts.all(now),
    }
    page = templates.TemplateResponse(request, "charts.html", context)
    if request.query_params.get("lang") in LANGUAGES:  # kept like the other pages' choice
        page.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=365 * 86_400,
            path="/admin",
            httponly=True,
            samesite="strict",
        )
    return page
