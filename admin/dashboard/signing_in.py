"""Signing in and out of the dashboard: the sign-in form, throttled, and the session cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from admin.auth import service as auth
from admin.auth.dependencies import AuthSettingsDep, ClientAddress, LoginThrottleDep
from admin.dashboard.pages import render, words
from admin.dashboard.session import clear_session, set_session, signed_in
from admin.dependencies import SessionDep
from services.errors import SiangError, TooManyRequestsError

router = APIRouter(prefix="/admin", include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, expired: bool = False) -> HTMLResponse:
    message = words(request)("login.expired") if expired else None
    return render(request, "login.html", {"error": message, "email": ""})


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
        error = words(request)("login.too_many", minutes=minutes)
        context = {"error": error, "email": email}
        page = render(request, "login.html", context, status_code=429)
        page.headers["Retry-After"] = str(waiting.retry_after)
        return page
    except SiangError:
        context = {"error": words(request)("login.wrong"), "email": email}
        return render(request, "login.html", context, status_code=401)
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
