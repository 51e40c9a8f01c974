"""Signed links to a full digest, so a board's chat group can open it without signing in.

A digest holds aggregates and redacted quotes only, so the link needs no account; the signature
stops anyone from guessing other boards' or weeks' links, and a link expires after
`LINK_LIFETIME`, so one forwarded out of a board's group does not open the digest for ever.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

import jwt
from pydantic import SecretStr

from services.errors import NotFoundError
from storage.types import utcnow

_ALGORITHM = "HS256"
_PURPOSE = "digest"
# Long enough to read a week's digest and the next few, short enough that old links die.
LINK_LIFETIME = timedelta(days=60)


def _key(secret: SecretStr) -> str:
    """A key for digest links only, derived from the app's secret (and 256 bits long)."""
    return hmac.new(
        secret.get_secret_value().encode(), b"siang digest links", hashlib.sha256
    ).hexdigest()


def digest_token(
    secret: SecretStr, *, subject_key: str, week: str, now: datetime | None = None
) -> str:
    issued = now or utcnow()
    claims = {
        "typ": _PURPOSE,
        "sub": subject_key,
        "week": week,
        "iat": int(issued.timestamp()),
        "exp": int((issued + LINK_LIFETIME).timestamp()),
    }
    return jwt.encode(claims, _key(secret), algorithm=_ALGORITHM)


def digest_link(
    base_url: str, secret: SecretStr, *, subject_key: str, week: str, now: datetime | None = None
) -> str:
    token = digest_token(secret, subject_key=subject_key, week=week, now=now)
    return f"{base_url.rstrip('/')}/digests/{token}"


def read_digest_token(secret: SecretStr, token: str) -> tuple[str, str]:
    """The (subject key, week) a link names; 404 for anything we did not sign."""
    try:
        claims = jwt.decode(
            token, _key(secret), algorithms=[_ALGORITHM], options={"require": ["exp"]}
        )
    except jwt.PyJWTError as bad:
        raise NotFoundError("no such digest") from bad
    if claims.get("typ") != _PURPOSE or not isinstance(claims.get("sub"), str):
        raise NotFoundError("no such digest")
    return claims["sub"], str(claims.get("week"))
