"""What the users API accepts and returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from storage.models import UserRole


class UserCreate(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    role: UserRole
    password: str | None = Field(default=None, min_length=8, max_length=1000)
    full_name: str = Field(default="", max_length=200)
    agencies: list[str] = Field(default_factory=list, max_length=50, description="Agency codes.")
    province: str | None = Field(default=None, max_length=100, description="For board members.")
    supervisor: bool = False


class UserPublic(BaseModel):
    id: int
    email: str
    full_name: str
    role: UserRole
    agencies: list[str]
    board_id: int | None
    is_active: bool
    created_at: datetime
