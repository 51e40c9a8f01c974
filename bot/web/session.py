"""Who is chatting on the web: a random id in a cookie is the web citizen's platform id."""

from __future__ import annotations

import re
import secrets

from fastapi import Request, Response

COOKIE = "siang_chat"
_VALID = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_YEAR = 365 * 24 * 3600
_PATH = "/chat"


def session_id(request: Request) -> str | None:
    """The caller's web chat id, if they have a valid one."""
    value = request.cookies.get(COOKIE)
    return value if value and _VALID.match(value) else None


def ensure_session(request: Request, response: Response) -> str:
    """The caller's web chat id, issuing a new cookie when they have none."""
    existing = session_id(request)
    if existing is not None:
        return existing
    fresh = secrets.token_urlsafe(32)
    response.set_cookie(
        COOKIE,
        fresh,
        max_age=_YEAR,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path=_PATH,
    )
    return fresh


def forget_session(response: Response) -> None:
    """Drop the web chat id from the browser (after PDPA erasure it names no one any more)."""
    response.delete_cookie(COOKIE, path=_PATH, httponly=True, samesite="lax")
