"""Who is chatting on the web: a random id the server issued, signed, in a cookie.

The id is the web citizen's platform id, so only ids Siang issued are accepted: a cookie
value chosen by someone else (session fixation) or altered fails its signature and is replaced.
Issuing one costs nothing and is not counted; a new chat is counted when it first writes
(`bot/web/admission.py`), so a script cannot make a citizen per request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from fastapi import Request, Response

from bot.dependencies import get_runtime

COOKIE = "siang_chat"
_ID = re.compile(r"^[A-Za-z0-9_-]{43}$")
_DAY = 24 * 3600
_PATH = "/chat"


def _signature(request: Request, session: str) -> str:
    secret = get_runtime(request).settings.secret_key.get_secret_value().encode()
    key = hmac.new(secret, b"siang web chat session", hashlib.sha256).digest()
    digest = hmac.new(key, session.encode(), hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def session_id(request: Request) -> str | None:
    """The caller's web chat id, if the cookie holds one this server issued."""
    value = request.cookies.get(COOKIE) or ""
    session, _, signature = value.partition(".")
    if not _ID.match(session) or not signature:
        return None
    if not hmac.compare_digest(signature, _signature(request, session)):
        return None
    return session


def ensure_session(request: Request, response: Response) -> str:
    """The caller's web chat id, issuing a new signed cookie when it has none."""
    existing = session_id(request)
    if existing is not None:
        return existing
    settings = get_runtime(request).settings
    fresh = secrets.token_urlsafe(32)
    response.set_cookie(
        COOKIE,
        f"{fresh}.{_signature(request, fresh)}",
        max_age=settings.web_chat_session_days * _DAY,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path=_PATH,
    )
    return fresh


def forget_session(response: Response) -> None:
    """Drop the web chat id from the browser (after PDPA erasure it names no one any more)."""
    response.delete_cookie(COOKIE, path=_PATH, httponly=True, samesite="lax")
