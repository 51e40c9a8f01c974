"""Creating and listing accounts (admins only), with the audit trail."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import AuditAction, record
from admin.auth.scope import Principal
from admin.users.schemas import UserCreate, UserPublic
from services.errors import ConflictError, InvalidInputError
from storage.models import UserAccount
from storage.repositories.users import (
    DuplicateEmailError,
    UserInputError,
    UserRepository,
    create_user,
)


def _public(user: UserAccount, agencies: Sequence[str]) -> UserPublic:
    assert user.id is not None
    return UserPublic(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=user.role,
        agencies=list(agencies),
        board_id=user.board_id,
        is_active=user.is_active,
        created_at=user.created_at,
    )


async def add_user(session: AsyncSession, *, principal: Principal, body: UserCreate) -> UserPublic:
    try:
        user = await create_user(
            session,
            email=body.email,
            role=body.role,
            password=body.password,
            full_name=body.full_name,
            agency_codes=body.agencies,
            province=body.province,
            supervisor=body.supervisor,
        )
    except DuplicateEmailError as taken:
        raise ConflictError(str(taken)) from taken
    except UserInputError as bad:
        raise InvalidInputError(str(bad)) from bad
    await record(
        session,
        principal=principal,
        action=AuditAction.USER_CREATED,
        entity_type="user",
        entity_id=user.id,
        detail={"email": user.email, "role": user.role.value, "agencies": body.agencies},
    )
    return _public(user, body.agencies)


async def list_users(session: AsyncSession, *, limit: int, offset: int) -> list[UserPublic]:
    users = UserRepository(session)
    accounts = await users.list(limit=limit, offset=offset)
    codes = await users.agency_codes([u.id for u in accounts if u.id is not None])
    return [_public(u, codes.get(u.id or 0, [])) for u in accounts]
