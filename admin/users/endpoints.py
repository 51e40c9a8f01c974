"""GET/POST /api/v1/users: accounts, for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from admin.auth.dependencies import AdminUser
from admin.dependencies import SessionDep
from admin.users import service
from admin.users.schemas import UserCreate, UserPublic

router = APIRouter(prefix="/users", tags=["users"])


@router.get("", response_model=list[UserPublic])
async def list_users(
    _admin: AdminUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[UserPublic]:
    """Every account with its role and agencies."""
    return await service.list_users(session, limit=limit, offset=offset)


@router.post("", response_model=UserPublic, status_code=status.HTTP_201_CREATED)
async def create_user(body: UserCreate, admin: AdminUser, session: SessionDep) -> UserPublic:
    """A new account: officials name their agencies, board members their province."""
    return await service.add_user(session, principal=admin, body=body)
