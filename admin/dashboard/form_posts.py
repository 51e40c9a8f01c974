"""A dashboard form's post, one way for every page: the reader is signed in, the form's CSRF
token is checked, the action runs, and a refusal rolls everything back and shows the page again
with the reason; otherwise the browser is sent on (the request's unit of work commits before
the redirect is sent, then wakes delivery)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.dashboard.pages import to_login, words
from admin.dashboard.session import csrf_ok, signed_in
from services.errors import SiangError

# The page shown again: (principal, why, status code).
PageAgain = Callable[[Principal, str, int], Awaitable[Response]]


async def post_form(
    request: Request,
    session: AsyncSession,
    csrf: str,
    *,
    act: Callable[[Principal], Awaitable[str]],
    again: PageAgain,
) -> Response:
    """Run `act` (it returns where to go next) for a signed-in reader with a valid form."""
    principal = await signed_in(request, session)
    if principal is None:
        return to_login("expired")
    t = words(request)
    if not csrf_ok(request, csrf):
        return await again(principal, t("error.form_expired"), 403)
    try:
        then = await act(principal)
    except SiangError as problem:
        await session.rollback()  # nothing of the refused action stays
        return await again(principal, t.problem(problem), problem.status_code)
    return RedirectResponse(then, status_code=303)
