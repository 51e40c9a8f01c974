"""The dashboard's sign-in: an access token in an HttpOnly cookie, and a CSRF token for forms."""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.auth.service import authenticate
from admin.dependencies import get_runtime
from services.errors import UnauthorizedError

COOKIE = "siang_admin"


def set_session(response: Response, *, request: Request, token: str, max_age: int) -> None:
    response.set_cookie(
        COOKIE,
        token,
        max_age=max_age,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/admin",
    )


def clear_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/admin")


async def signed_in(request: Request, session: AsyncSession) -> Principal | None:
    """The principal behind the cookie, or None (no cookie, expired, revoked, disabled)."""
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    settings = get_runtime(request).settings
    try:
        return await authenticate(session, settings=settings, bearer=token)
    except UnauthorizedError:
        return None


def csrf_token(request: Request) -> str:
    """A per-session token forms carry back, tied to the cookie (so another site cannot forge)."""
    key = get_runtime(request).settings.secret_key.get_secret_value().encode()
    cookie = request.cookies.get(COOKIE, "").encode()
    return hmac.new(key, b"csrf:" + cookie, hashlib.sha256).hexdigest()[:32]


def csrf_ok(request: Request, submitted: str) -> bool:
    return bool(request.cookies.get(COOKIE)) and hmac.compare_digest(csrf_token(request), submitted)
