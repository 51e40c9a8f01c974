"""Passwords (argon2), short-lived signed access tokens (JWT), and revocable API keys."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

import jwt
from pydantic import SecretStr
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.auth.throttle import LoginThrottle
from services.errors import NotFoundError, UnauthorizedError
from storage.models import ApiKey, UserAccount
from storage.passwords import check_password
from storage.repositories.users import ApiKeyRepository, UserRepository
from storage.types import utcnow

API_KEY_PREFIX = "siang_"
_ALGORITHM = "HS256"


class AuthSettings(Protocol):
    """The two settings auth needs (the app's `Settings` has them)."""

    @property
    def secret_key(self) -> SecretStr: ...

    @property
    def access_token_minutes(self) -> int: ...


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_in: int  # seconds


def signing_key(settings: AuthSettings) -> bytes:
    """The token-signing key, derived from the secret for this one purpose (and 256 bits long)."""
    secret = settings.secret_key.get_secret_value().encode()
    return hmac.new(secret, b"siang access token", hashlib.sha256).digest()


def issue_access_token(*, settings: AuthSettings, user: UserAccount) -> AccessToken:
    """A signed token naming the user, valid for `access_token_minutes`."""
    now = utcnow()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user.id),
        "role": user.role.value,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "typ": "access",
        "ver": user.token_version,
    }
    token = jwt.encode(claims, signing_key(settings), algorithm=_ALGORITHM)
    return AccessToken(token=token, expires_in=int(lifetime.total_seconds()))


@dataclass(frozen=True)
class _TokenClaims:
    user_id: int
    version: int


def _claims_of(settings: AuthSettings, token: str) -> _TokenClaims:
    try:
        claims = jwt.decode(
            token,
            signing_key(settings),
            algorithms=[_ALGORITHM],
            options={"require": ["sub", "exp"]},
        )
    except jwt.ExpiredSignatureError as expired:
        raise UnauthorizedError("the access token has expired; ask for a new one") from expired
    except jwt.PyJWTError as invalid:
        raise UnauthorizedError("the access token is not valid") from invalid
    version = claims.get("ver", 0)  # tokens issued before versions existed count as 0
    if (
        claims.get("typ") != "access"
        or not str(claims["sub"]).isdigit()
        or not isinstance(version, int)
    ):
        raise UnauthorizedError("the access token is not valid")
    return _TokenClaims(user_id=int(claims["sub"]), version=version)


async def login(
    session: AsyncSession,
    *,
    settings: AuthSettings,
    throttle: LoginThrottle,
    email: str,
    password: str,
    address: str,
) -> AccessToken:
    """An access token for the right e-mail and password; 401 otherwise, 429 after too many."""
    await throttle.attempt(email=email, address=address)
    user = await UserRepository(session).by_email(email)
    valid = await check_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        raise UnauthorizedError("wrong e-mail or password")
    await throttle.succeeded(email=email)
    return issue_access_token(settings=settings, user=user)


async def sign_out(session: AsyncSession, *, principal: Principal) -> None:
    """Revoke every access token of the caller's account, in every process (API keys stay:
    they are revoked one by one)."""
    await UserRepository(session).revoke_tokens(principal.user_id)


def _api_key_hash(key: str) -> str:
    # Keys are 256 random bits, so a fast hash is enough (no dictionary to guess from).
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class NewApiKey:
    key: ApiKey
    secret: str  # shown once, never stored


async def create_api_key(session: AsyncSession, *, user_id: int, name: str) -> NewApiKey:
    secret = API_KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(user_id=user_id, name=name, prefix=secret[:12], key_hash=_api_key_hash(secret))
    await ApiKeyRepository(session).add(key)
    return NewApiKey(key=key, secret=secret)


async def revoke_api_key(session: AsyncSession, *, principal: Principal, key_id: int) -> ApiKey:
    """Revoke one of the caller's keys (admins may revoke anyone's)."""
    key = await ApiKeyRepository(session).get(key_id)
    if key is None or (key.user_id != principal.user_id and not principal.is_admin):
        raise NotFoundError(f"no API key {key_id}")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)
    return key


async def authenticate(session: AsyncSession, *, settings: AuthSettings, bearer: str) -> Principal:
    """The principal behind an access token or an API key; 401 if neither is valid."""
    users = UserRepository(session)
    api_key_id: int | None = None
    if bearer.startswith(API_KEY_PREFIX):
        keys = ApiKeyRepository(session)
        key = await keys.active_by_hash(_api_key_hash(bearer))
        if key is None or key.id is None:
            raise UnauthorizedError("the API key is not valid or was revoked")
        await keys.touch(key.id, at=utcnow())
        user = await users.get(key.user_id)
        api_key_id = key.id
    else:
        claims = _claims_of(settings, bearer)
        user = await users.get(claims.user_id)
        if user is not None and claims.version != user.token_version:
            raise UnauthorizedError("this access token was signed out; sign in again")
    if user is None or user.id is None or not user.is_active:
        raise UnauthorizedError("this account does not exist or is disabled")
    scope = await users.scope(user)
    return Principal(
        user_id=user.id,
        email=user.email,
        role=user.role,
        agency_ids=scope.agency_ids,
        supervisor_agency_ids=scope.supervisor_agency_ids,
        board_id=user.board_id,
        board_province_code=scope.board_province_code,
        api_key_id=api_key_id,
    )
