"""The queue page (GET /admin): search, filters, saved views, bulk accept or assign, and the
current view exported as CSV or XLSX."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from admin.dashboard.pages import render, to_login, words, zone_of
from admin.dashboard.queue_view import (
    VIEWS,
    BulkAction,
    QueueChoice,
    act_on_many,
    export,
    queue_view,
)
from admin.dashboard.session import csrf_ok, signed_in
from admin.dashboard.texts import DashboardWords
from admin.dependencies import SessionDep
from services.errors import InvalidInputError, SiangError
from storage.models import FeedbackKind, FeedbackStatus
from storage.types import utcnow

router = APIRouter(prefix="/admin", include_in_schema=False)

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": _XLSX}


def _choice(
    t: DashboardWords,
    *,
    view: str,
    status: str,
    kind: str,
    category: str,
    province: str,
    q: str,
    overdue: bool,
) -> QueueChoice:
    """The query as the official set it; an unknown status, kind or view is refused in words."""
    if status and status not in set(FeedbackStatus):
        raise InvalidInputError(t("error.no_status", status=status))
    if kind and kind not in set(FeedbackKind):
        raise InvalidInputError(t("error.no_kind", kind=kind))
    if view and view not in VIEWS:
        raise InvalidInputError(t("error.no_view", view=view))
    return QueueChoice(
        view=view,
        status=FeedbackStatus(status) if status else None,
        kind=FeedbackKind(kind) if kind else None,
        category=category.strip(),
        province=province.strip(),
        q=q.strip(),
        overdue=overdue,
    )


View = Annotated[str, Query(max_length=20)]
Status = Annotated[str, Query(max_length=20)]
Kind = Annotated[str, Query(max_length=20)]
Category = Annotated[str, Query(max_length=60)]
Province = Annotated[str, Query(max_length=100)]
Search = Annotated[str, Query(max_length=200)]


@router.get("", response_class=HTMLResponse)
async def queue(
    request: Request,
    session: SessionDep,
    view: View = "",
    status: Status = "",
    kind: Kind = "",
    category: Category = "",
    province: Province = "",
    q: Search = "",
    overdue: bool = False,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    done: Annotated[int | None, Query(ge=0, le=1000)] = None,
) -> Response:
    """งานของฉัน: the items the official may see, newest first, with simple counts. A search
    that names one item by its reference (as read aloud) opens that item."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login(None if "siang_admin" not in request.cookies else "expired")
    t = words(request)
    chosen = {
        "view": view, "status": status, "kind": kind, "category": category,
        "province": province, "q": q, "overdue": overdue,
    }  # fmt: skip
    context: dict[str, Any] = {
        "principal": principal, "chosen": chosen, "error": None, "done": done, "views": VIEWS,
    }  # fmt: skip
    try:
        choice = _choice(
            t, view=view, status=status, kind=kind, category=category, province=province,
            q=q, overdue=overdue,
        )  # fmt: skip
        shown = await queue_view(
            session,
            principal=principal,
            choice=choice,
            zone=zone_of(request),
            cursor=cursor,
            language=t.language,
        )
    except SiangError as problem:
        context |= {"error": t.problem(problem), "shown": None, "query": {}}
        return render(request, "queue.html", context, status_code=problem.status_code)
    if shown.reference_match is not None:
        return RedirectResponse(f"/admin/items/{shown.reference_match}", status_code=303)
    context |= {"shown": shown, "query": choice.query()}
    return render(request, "queue.html", context)


@router.get("/export.{file_format}")
async def export_view(
    request: Request,
    session: SessionDep,
    file_format: Literal["csv", "xlsx"],
    view: View = "",
    status: Status = "",
    kind: Kind = "",
    category: Category = "",
    province: Province = "",
    q: Search = "",
    overdue: bool = False,
) -> Response:
    """The queue as it is filtered now, every page of it, as a file to open in a spreadsheet."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login("expired")
    t = words(request)
    try:
        choice = _choice(
            t, view=view, status=status, kind=kind, category=category, province=province,
            q=q, overdue=overdue,
        )  # fmt: skip
        data = await export(
            session, principal=principal, choice=choice, zone=zone_of(request),
            file_format=file_format,
        )  # fmt: skip
    except SiangError as problem:
        context = {"principal": principal, "message": t.problem(problem)}
        return render(request, "not_found.html", context, status_code=problem.status_code)
    name = f"siang-{utcnow():%Y%m%d-%H%M}.{file_format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(data, media_type=_TYPES[file_format], headers=headers)


@router.post("/bulk")
async def bulk(
    request: Request,
    session: SessionDep,
    action: Annotated[BulkAction, Form()],
    item: Annotated[list[int], Form(max_length=100)],
    user: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    back: Annotated[str, Form(max_length=600)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Accept, or give to one colleague, the ticked items: all of them, or none if one is
    refused (the queue then says which and why)."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login("expired")
    t = words(request)
    query = back if back.startswith("?") else ""
    context: dict[str, Any] = {
        "principal": principal, "chosen": {}, "shown": None, "query": {}, "done": None,
        "views": VIEWS,
    }  # fmt: skip
    if not csrf_ok(request, csrf):
        context["error"] = t("error.form_expired")
        return render(request, "queue.html", context, status_code=403)
    try:
        changed = await act_on_many(
            session, principal=principal, feedback_ids=item, action=action, user_id=user
        )
    except SiangError as problem:
        await session.rollback()  # none of the items changed
        context["error"] = t.problem(problem)
        return render(request, "queue.html", context, status_code=problem.status_code)
    separator = "&" if query else "?"
    return RedirectResponse(f"/admin{query}{separator}done={changed}", status_code=303)
