"""`CurrentUser` and the role-gated aliases every admin endpoint depends on."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from admin.auth.scope import Principal
from admin.auth.service import AuthSettings, authenticate
from admin.auth.throttle import LoginThrottle
from admin.dependencies import RuntimeDep, SessionDep, SettingsDep
from services.errors import ForbiddenError, UnauthorizedError
from storage.models import UserRole

_bearer = HTTPBearer(
    auto_error=False,
    description="An access token from POST /api/v1/auth/token, or an API key (siang_…).",
)


def get_auth_settings(settings: SettingsDep) -> AuthSettings:
    return settings


AuthSettingsDep = Annotated[AuthSettings, Depends(get_auth_settings)]


def get_login_throttle(runtime: RuntimeDep) -> LoginThrottle:
    """Sign-in throttling over the app's rate-limit store (Redis when configured)."""
    return LoginThrottle(runtime.rate_limits, runtime.settings)


def client_address(request: Request) -> str:
    """The caller's address as the server sees it (uvicorn's --proxy-headers behind a proxy)."""
    return request.client.host if request.client else "unknown"


LoginThrottleDep = Annotated[LoginThrottle, Depends(get_login_throttle)]
ClientAddress = Annotated[str, Depends(client_address)]


async def get_current_principal(
    session: SessionDep,
    settings: AuthSettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or not credentials.credentials:
        raise UnauthorizedError(
            "sign in first: send 'Authorization: Bearer <access token or API key>'"
        )
    return await authenticate(session, settings=settings, bearer=credentials.credentials)


CurrentUser = Annotated[Principal, Depends(get_current_principal)]


async def get_admin(principal: CurrentUser) -> Principal:
    if principal.role is not UserRole.ADMIN:
        raise ForbiddenError("only admins may do this")
    return principal


AdminUser = Annotated[Principal, Depends(get_admin)]
