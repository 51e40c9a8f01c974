"""Officials, board members, analysts and admins; their scopes and API keys."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, utc_field
from storage.models.enums import UserRole
from storage.types import str_enum


class UserAccount(SQLModel, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, max_length=254)
    full_name: str = Field(default="", max_length=200)
    password_hash: str | None = Field(default=None, max_length=300)
    role: UserRole = Field(sa_type=str_enum(UserRole))
    board_id: int | None = Field(default=None, foreign_key="board.id")
    is_active: bool = True
    # Access tokens carry the version they were issued under; signing out adds one.
    token_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = created_at_field()


class UserAgency(SQLModel, table=True):
    """An official's scope: the agencies whose feedback they may see."""

    __tablename__ = "user_agency"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", primary_key=True)
    is_supervisor: bool = False


class ApiKey(SQLModel, table=True):
    """A revocable key for integrations; only its hash is stored."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    name: str = Field(max_length=100)
    prefix: str = Field(max_length=16, index=True)
    key_hash: str = Field(max_length=128, unique=True)
    created_at: datetime = created_at_field()
    last_used_at: datetime | None = utc_field()
    revoked_at: datetime | None = utc_field()
