"""What the auth API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from storage.models import UserRole


class TokenRequest(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1000)


class TokenPublic(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class ApiKeyPublic(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(description="The key itself: shown this once, never again.")


class MePublic(BaseModel):
    id: int
    email: str
    role: UserRole
    agency_ids: list[int]
    board_id: int | None
    province_code: str | None
    may_read_personal_data: bool
