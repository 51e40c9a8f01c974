"""The consultation pages: /admin/consultations (the reader's list and the new-consultation
form) and /admin/consultations/{id} (live results by option and area, themes of the typed
answers, and the owner's publish and close buttons). Every change goes through the API's
audited, scope-checked service."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.consultations import service
from admin.dashboard import consultation_view as view
from admin.dashboard import survey_view
from admin.dashboard.consultation_texts import ConsultationWords
from admin.dashboard.form_posts import post_form
from admin.dashboard.pages import not_found, render, shown_to_reader, to_login, words, zone_of
from admin.dashboard.session import csrf_ok, signed_in
from admin.dependencies import SessionDep
from services.errors import SiangError
from services.topics import TOPICS
from storage.repositories.areas import AreaRepository
from storage.types import utcnow

router = APIRouter(prefix="/admin/consultations", include_in_schema=False)

ConsultationId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Csrf = Annotated[str, Form(max_length=64)]
Short = Annotated[str, Form(max_length=200)]
Long = Annotated[str, Form(max_length=2000)]


async def _list_page(
    request: Request,
    session: AsyncSession,
    principal: Principal,
    *,
    form: view.ConsultationForm | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    t = words(request)
    c = ConsultationWords(t.language)
    if form is None and principal.board_province_code:
        province = await AreaRepository(session).province(principal.board_province_code)
        form = view.ConsultationForm(provinces=province.name_th if province else "")
    context: dict[str, Any] = {
        "principal": principal,
        "c": c,
        "shown": await view.listed(session, principal, language=t.language),
        "surveys": await survey_view.listed(session, principal, language=t.language),
        "may_create": view.may_create(principal),
        "agencies": await view.own_agencies(session, principal),
        "form": form or view.ConsultationForm(),
        "topics": TOPICS,
        "error": error,
    }
    return render(request, "consultations.html", context, status_code=status_code)


@router.get("", response_class=HTMLResponse)
async def consultations_page(request: Request, session: SessionDep) -> Response:
    """รับฟังความคิดเห็น: the consultations the reader may see, and a form to ask a new one."""
    return await shown_to_reader(
        request, session, lambda principal: _list_page(request, session, principal)
    )


@router.post("")
async def create_consultation(
    request: Request,
    session: SessionDep,
    title: Short = "",
    question: Long = "",
    context: Long = "",
    options: Long = "",
    provinces: Short = "",
    closes_at: Annotated[str, Form(max_length=40)] = "",
    agency: Annotated[str, Form(max_length=60)] = "",
    free_answer: Annotated[bool, Form()] = False,
    topics: Annotated[list[str] | None, Form(max_length=40)] = None,
    csrf: Csrf = "",
) -> Response:
    """A draft from the form; the page then shows it, ready to publish."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login("expired")
    t = words(request)
    form = view.ConsultationForm(
        title=title, question=question, context=context, options=options,
        free_answer=free_answer, provinces=provinces, closes_at=closes_at, agency=agency,
        topics=tuple(topics or ()),
    )  # fmt: skip
    if not csrf_ok(request, csrf):
        return await _list_page(
            request, session, principal, form=form, error=t("error.form_expired"), status_code=403
        )
    try:
        body = view.body_of(form, zone=zone_of(request), words=ConsultationWords(t.language))
        created = await service.create(session, principal, body, now=utcnow())
    except SiangError as problem:
        await session.rollback()
        return await _list_page(
            request, session, principal, form=form, error=t.problem(problem),
            status_code=problem.status_code,
        )  # fmt: skip
    return RedirectResponse(f"/admin/consultations/{created.id}?done=created", status_code=303)


async def _page(
    request: Request,
    session: AsyncSession,
    principal: Principal,
    consultation_id: int,
    *,
    done: str | None = None,
    queued: int | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    t = words(request)
    c = ConsultationWords(t.language)
    try:
        consultation, summary, manages = await view.one(
            session, principal, consultation_id, language=t.language
        )
    except SiangError:
        return not_found(request, principal, c("not_found"))
    context = {
        "principal": principal,
        "c": c,
        "consultation": consultation,
        "summary": summary,
        "charts": view.result_charts(summary, c),
        "step": view.next_step(consultation) if manages else None,
        "manages": manages,
        "done": done if done in {"created", "published", "closed"} else None,
        "queued": queued or 0,
        "error": error,
        "now": utcnow(),
    }
    return render(request, "consultation.html", context, status_code=status_code)


@router.get("/{consultation_id}", response_class=HTMLResponse)
async def consultation_page(
    request: Request,
    session: SessionDep,
    consultation_id: ConsultationId,
    done: Annotated[str | None, Query(max_length=20)] = None,
    queued: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
) -> Response:
    return await shown_to_reader(
        request,
        session,
        lambda principal: _page(
            request, session, principal, consultation_id, done=done, queued=queued
        ),
    )


@router.post("/{consultation_id}/{step}")
async def move_consultation(
    request: Request,
    session: SessionDep,
    consultation_id: ConsultationId,
    step: Annotated[str, Path(pattern="^(publish|close)$")],
    csrf: Csrf = "",
) -> Response:
    """Publish a draft to the citizens of its areas, or close it and publish its results."""
    move = service.publish if step == "publish" else service.close
    done = "published" if step == "publish" else "closed"

    async def act(principal: Principal) -> str:
        sent = await move(session, principal, consultation_id, now=utcnow())
        return f"/admin/consultations/{consultation_id}?done={done}&queued={sent.queued}"

    async def again(principal: Principal, error: str, status_code: int) -> Response:
        return await _page(
            request, session, principal, consultation_id, error=error, status_code=status_code
        )

    return await post_form(request, session, csrf, act=act, again=again)
