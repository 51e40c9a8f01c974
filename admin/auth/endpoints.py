"""POST /api/v1/auth/token, GET /auth/me, and the caller's API keys."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import ValidationError

from admin.audit.service import AuditAction, record
from admin.auth import service
from admin.auth.dependencies import (
    AuthSettingsDep,
    ClientAddress,
    CurrentUser,
    LoginThrottleDep,
)
from admin.auth.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPublic,
    MePublic,
    TokenPublic,
    TokenRequest,
)
from admin.dependencies import SessionDep
from services.errors import InvalidInputError
from storage.repositories.users import ApiKeyRepository

router = APIRouter(prefix="/auth", tags=["auth"])

_FORM_SCHEMA = {
    "type": "object",
    "required": ["username", "password"],
    "properties": {
        "grant_type": {"type": "string", "enum": ["password"]},
        "username": {"type": "string", "description": "The e-mail address."},
        "password": {"type": "string", "format": "password"},
    },
}
_TOKEN_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": TokenRequest.model_json_schema()},
            "application/x-www-form-urlencoded": {"schema": _FORM_SCHEMA},
        },
    }
}


async def _token_request(request: Request) -> TokenRequest:
    """Read e-mail and password from an OAuth2 password form or a JSON body."""
    content_type = request.headers.get("content-type", "")
    data: Any
    try:
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            data = {
                "email": form.get("username") or form.get("email"),
                "password": form.get("password"),
            }
        else:
            data = json.loads(await request.body() or b"null")
        if not isinstance(data, dict):
            raise InvalidInputError('send {"email", "password"} as JSON or an OAuth2 form')
        return TokenRequest.model_validate(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as bad:  # Recursion: nested too deep
        if isinstance(bad, ValidationError):
            fields = ", ".join(".".join(map(str, e["loc"])) for e in bad.errors())
            raise InvalidInputError(f"email and password are required (check: {fields})") from bad
        raise InvalidInputError("the body is not valid JSON") from bad


@router.post("/token", response_model=TokenPublic, openapi_extra=_TOKEN_BODY)
async def issue_token(
    request: Request,
    session: SessionDep,
    settings: AuthSettingsDep,
    throttle: LoginThrottleDep,
    address: ClientAddress,
) -> TokenPublic:
    """A short-lived access token for an e-mail and password (JSON or OAuth2 password form).

    Ten attempts on one account, or thirty from one address, in 15 minutes; then 429 with
    Retry-After until the window ends (a right password clears its account's count)."""
    credentials = await _token_request(request)
    token = await service.login(
        session,
        settings=settings,
        throttle=throttle,
        email=credentials.email,
        password=credentials.password,
        address=address,
    )
    return TokenPublic(access_token=token.token, expires_in=token.expires_in)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(principal: CurrentUser, session: SessionDep) -> Response:
    """Sign out: every access token of this account stops working at once, in every process."""
    await service.sign_out(session, principal=principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=MePublic)
async def me(principal: CurrentUser) -> MePublic:
    """Who the token belongs to, and what they may see."""
    return MePublic(
        id=principal.user_id,
        email=principal.email,
        role=principal.role,
        agency_ids=sorted(principal.agency_ids),
        board_id=principal.board_id,
        province_code=principal.board_province_code,
        may_read_personal_data=principal.is_admin or bool(principal.agency_ids),
    )


@router.get("/api-keys", response_model=list[ApiKeyPublic])
async def list_api_keys(principal: CurrentUser, session: SessionDep) -> list[ApiKeyPublic]:
    """The caller's API keys (never the keys themselves)."""
    keys = await ApiKeyRepository(session).of_user(principal.user_id)
    return [ApiKeyPublic.model_validate(k, from_attributes=True) for k in keys]


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
async def create_api_key(
    body: ApiKeyCreate, principal: CurrentUser, session: SessionDep
) -> ApiKeyCreated:
    """A new API key for integrations, acting as the caller; the key is shown only here."""
    created = await service.create_api_key(session, user_id=principal.user_id, name=body.name)
    await record(
        session,
        principal=principal,
        action=AuditAction.API_KEY_CREATED,
        entity_type="api_key",
        entity_id=created.key.id,
        detail={"name": body.name},
    )
    public = ApiKeyPublic.model_validate(created.key, from_attributes=True)
    return ApiKeyCreated(**public.model_dump(), key=created.secret)


@router.delete("/api-keys/{key_id}", response_model=ApiKeyPublic)
async def revoke_api_key(
    key_id: Annotated[int, Path(ge=1, le=2**31 - 1)], principal: CurrentUser, session: SessionDep
) -> ApiKeyPublic:
    """Revoke an API key at once; requests with it get 401 from now on."""
    key = await service.revoke_api_key(session, principal=principal, key_id=key_id)
    await record(
        session,
        principal=principal,
        action=AuditAction.API_KEY_REVOKED,
        entity_type="api_key",
        entity_id=key_id,
    )
    return ApiKeyPublic.model_validate(key, from_attributes=True)
