"""The volunteering pages: /admin/volunteering (the programmes the reader may see, with their
places taken and waiting lists) and /admin/volunteering/{id} (who signed up, in order, with the
waiting list's positions, and an attendance tick box per person for the organising agency).
Attendance is recorded through the API's audited, scope-checked service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.form_posts import post_form
from admin.dashboard.pages import not_found, render, shown_to_reader, words
from admin.dashboard.volunteering_texts import VolunteeringWords
from admin.dependencies import SessionDep
from admin.volunteering import service
from admin.volunteering.schemas import Attendance
from services.errors import SiangError
from storage.types import utcnow

router = APIRouter(prefix="/admin/volunteering", include_in_schema=False)

ProgrammeId = Annotated[int, Path(ge=1, le=2**31 - 1)]
SignUpIds = Annotated[list[int], Form(max_length=10_000)]


@router.get("", response_class=HTMLResponse)
async def programmes_page(request: Request, session: SessionDep) -> Response:
    """งานอาสา: the programmes the reader may see."""

    async def show(principal: Principal) -> Response:
        context = {
            "principal": principal,
            "v": VolunteeringWords(words(request).language),
            "programmes": await service.listed(session, principal),
        }
        return render(request, "volunteering.html", context)

    return await shown_to_reader(request, session, show)


async def _page(
    request: Request,
    session: AsyncSession,
    principal: Principal,
    programme_id: int,
    *,
    done: bool = False,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    v = VolunteeringWords(words(request).language)
    try:
        programme = await service.one(session, principal, programme_id)
    except SiangError:
        return not_found(request, principal, v("not_found"))
    context = {
        "principal": principal,
        "v": v,
        "programme": programme,
        "taken": programme.sign_ups.confirmed
        + programme.sign_ups.attended
        + programme.sign_ups.no_show,
        "done": done,
        "error": error,
    }
    return render(request, "volunteer_programme.html", context, status_code=status_code)


@router.get("/{programme_id}", response_class=HTMLResponse)
async def programme_page(
    request: Request,
    session: SessionDep,
    programme_id: ProgrammeId,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    return await shown_to_reader(
        request,
        session,
        lambda principal: _page(
            request, session, principal, programme_id, done=done == "attendance"
        ),
    )


@router.post("/{programme_id}/attendance")
async def record_attendance(
    request: Request,
    session: SessionDep,
    programme_id: ProgrammeId,
    csrf: Annotated[str, Form(max_length=64)] = "",
    shown: SignUpIds = [],  # noqa: B006 (FastAPI copies a form default)
    came: SignUpIds = [],  # noqa: B006
) -> Response:
    """The ticked people came; the others shown with a place did not."""
    ticked = set(came)
    body = Attendance(attended=sorted(ticked), absent=sorted(set(shown) - ticked))

    async def act(principal: Principal) -> str:
        await service.attendance(session, principal, programme_id, body, now=utcnow())
        return f"/admin/volunteering/{programme_id}?done=attendance"

    async def again(principal: Principal, error: str, status_code: int) -> Response:
        return await _page(
            request, session, principal, programme_id, error=error, status_code=status_code
        )

    return await post_form(request, session, csrf, act=act, again=again)
