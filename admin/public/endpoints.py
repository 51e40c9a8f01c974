"""/public: the transparency page a journalist can link to and a citizen can read on a phone.
No sign-in; Thai first, English with `?lang=en`; anyone may cache it for five minutes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParameter
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from admin.dependencies import RuntimeDep, SessionDep
from admin.public.service import PublicFigures, PublicPage
from admin.public.texts import DEFAULT_LANGUAGE, LANGUAGES, PublicWords
from services.errors import NotFoundError
from storage.types import utcnow

router = APIRouter(prefix="/public", include_in_schema=False)
_HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=[_HERE / "templates", _HERE.parent / "charts" / "templates"])
# Everyone gets the same page (nothing in it depends on who asks), so any cache may keep it.
CACHE_CONTROL = "public, max-age=300"

Language = Annotated[str, Query(max_length=5)]
ProvinceCode = Annotated[str, PathParameter(pattern=r"^\d{2}$")]
AgencyId = Annotated[int, PathParameter(ge=1, le=2**31 - 1)]


async def _respond(
    request: Request,
    session: SessionDep,
    runtime: RuntimeDep,
    lang: str,
    build: Callable[[PublicFigures], Awaitable[PublicPage]],
) -> HTMLResponse:
    zone = ZoneInfo(runtime.settings.timezone)
    words = PublicWords(lang if lang in LANGUAGES else DEFAULT_LANGUAGE, zone)
    figures = PublicFigures(session, timezone=runtime.settings.timezone, words=words, now=utcnow())
    context = {"w": words, "path": request.url.path}
    try:
        page = await build(figures)
    except NotFoundError:
        response = templates.TemplateResponse(
            request, "public_not_found.html", context, status_code=404
        )
    else:
        response = templates.TemplateResponse(request, "public.html", context | {"page": page})
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


@router.get("", response_class=HTMLResponse)
async def nation_page(
    request: Request, session: SessionDep, runtime: RuntimeDep, lang: Language = DEFAULT_LANGUAGE
) -> HTMLResponse:
    """Every province's figures and the country's totals."""
    return await _respond(request, session, runtime, lang, lambda f: f.nation())


@router.get("/provinces/{code}", response_class=HTMLResponse)
async def province_page(
    request: Request,
    session: SessionDep,
    runtime: RuntimeDep,
    code: ProvinceCode,
    lang: Language = DEFAULT_LANGUAGE,
) -> HTMLResponse:
    """One province's figures, per agency."""
    return await _respond(request, session, runtime, lang, lambda f: f.province(code))


@router.get("/agencies/{agency_id}", response_class=HTMLResponse)
async def agency_page(
    request: Request,
    session: SessionDep,
    runtime: RuntimeDep,
    agency_id: AgencyId,
    lang: Language = DEFAULT_LANGUAGE,
) -> HTMLResponse:
    """One agency's figures."""
    return await _respond(request, session, runtime, lang, lambda f: f.agency(agency_id))
