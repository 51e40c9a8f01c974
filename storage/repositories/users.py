"""Queries over user accounts, their agency scopes and their API keys; creating an account."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Agency, ApiKey, Board, UserAccount, UserAgency, UserRole
from storage.passwords import hash_password
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.areas import AreaRepository


class UserInputError(ValueError):
    """Account details that cannot be stored: a taken e-mail, an unknown agency or province."""


class DuplicateEmailError(UserInputError):
    """Another account already has this e-mail address."""


@dataclass(frozen=True)
class UserScopeRow:
    """What an account may see: its agencies (and which it supervises) and its board's province."""

    agency_ids: frozenset[int]
    supervisor_agency_ids: frozenset[int]
    board_province_code: str | None


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int) -> UserAccount | None:
        return await self.session.get(UserAccount, user_id)

    async def by_email(self, email: str) -> UserAccount | None:
        statement = select(UserAccount).where(
            func.lower(col(UserAccount.email)) == email.strip().lower()
        )
        return (await self.session.exec(statement)).first()

    async def revoke_tokens(self, user_id: int) -> None:
        """Every access token issued to the user so far stops working (one atomic UPDATE)."""
        statement = (
            update(UserAccount)
            .where(col(UserAccount.id) == user_id)
            .values(token_version=col(UserAccount.token_version) + 1)
        )
        await self.session.execute(statement)

    async def add(self, user: UserAccount, *, agency_ids: Sequence[int] = ()) -> UserAccount:
        self.session.add(user)
        await self.session.flush()
        assert user.id is not None
        for agency_id in agency_ids:
            self.session.add(UserAgency(user_id=user.id, agency_id=agency_id))
        await self.session.flush()
        return user

    async def scope(self, user: UserAccount) -> UserScopeRow:
        """The user's agencies and board province, in one query each."""
        links = (
            await self.session.exec(select(UserAgency).where(col(UserAgency.user_id) == user.id))
        ).all()
        province_code: str | None = None
        if user.board_id is not None:
            board = await self.session.get(Board, user.board_id)
            province_code = board.province_code if board else None
        return UserScopeRow(
            agency_ids=frozenset(link.agency_id for link in links),
            supervisor_agency_ids=frozenset(link.agency_id for link in links if link.is_supervisor),
            board_province_code=province_code,
        )

    async def agency_codes(self, user_ids: Sequence[int]) -> dict[int, list[str]]:
        """Each user's agency codes, for many users in one query."""
        if not user_ids:
            return {}
        statement = (
            select(col(UserAgency.user_id), col(Agency.code))
            .join(Agency, col(Agency.id) == col(UserAgency.agency_id))
            .where(col(UserAgency.user_id).in_(user_ids))
            .order_by(col(Agency.code))
        )
        codes: dict[int, list[str]] = {user_id: [] for user_id in user_ids}
        for user_id, code in (await self.session.exec(statement)).all():
            codes[user_id].append(code)
        return codes

    async def list(self, *, limit: int, offset: int) -> Sequence[UserAccount]:
        statement = select(UserAccount).order_by(col(UserAccount.id)).limit(limit).offset(offset)
        return (await self.session.exec(statement)).all()

    async def users_of_agency(self, agency_id: int) -> Sequence[UserAccount]:
        statement = (
            select(UserAccount)
            .join(UserAgency, col(UserAgency.user_id) == col(UserAccount.id))
            .where(col(UserAgency.agency_id) == agency_id)
        )
        return (await self.session.exec(statement)).all()

    async def supervisors(self, agency_id: int) -> Sequence[UserAccount]:
        statement = (
            select(UserAccount)
            .join(UserAgency, col(UserAgency.user_id) == col(UserAccount.id))
            .where(
                col(UserAgency.agency_id) == agency_id,
                col(UserAgency.is_supervisor).is_(True),
                col(UserAccount.is_active).is_(True),
            )
            .order_by(col(UserAccount.id))
        )
        return (await self.session.exec(statement)).all()

    async def is_member(self, user_id: int, agency_id: int) -> bool:
        statement = select(UserAgency).where(
            col(UserAgency.user_id) == user_id, col(UserAgency.agency_id) == agency_id
        )
        return (await self.session.exec(statement)).first() is not None

    async def count_other_than(self, emails: Sequence[str]) -> int:
        """Accounts whose e-mail is not one of `emails`."""
        statement = select(func.count()).where(col(UserAccount.email).not_in(emails))
        return int((await self.session.exec(statement)).one())


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, key: ApiKey) -> ApiKey:
        self.session.add(key)
        await self.session.flush()
        return key

    async def active_by_hash(self, key_hash: str) -> ApiKey | None:
        statement = select(ApiKey).where(
            col(ApiKey.key_hash) == key_hash, col(ApiKey.revoked_at).is_(None)
        )
        return (await self.session.exec(statement)).first()

    async def of_user(self, user_id: int) -> Sequence[ApiKey]:
        statement = select(ApiKey).where(col(ApiKey.user_id) == user_id).order_by(col(ApiKey.id))
        return (await self.session.exec(statement)).all()

    async def get(self, key_id: int) -> ApiKey | None:
        return await self.session.get(ApiKey, key_id)

    async def touch(self, key_id: int, *, at: datetime) -> None:
        await self.session.exec(
            update(ApiKey).where(col(ApiKey.id) == key_id).values(last_used_at=at)
        )


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    role: UserRole,
    password: str | None = None,
    full_name: str = "",
    agency_codes: Sequence[str] = (),
    province: str | None = None,
    supervisor: bool = False,
) -> UserAccount:
    """A new account with its scope: officials need agencies, board members a province.

    `province` is a code or a Thai or English name; the account joins that province's board.
    Raises `UserInputError` with a message fit to show when something does not add up.
    """
    email = email.strip()
    if "@" not in email or len(email) > 254 or " " in email:
        raise UserInputError(f"{email!r} is not an e-mail address")
    users = UserRepository(session)
    if await users.by_email(email) is not None:
        raise DuplicateEmailError(f"an account with e-mail {email} already exists")
    if agency_codes and role is not UserRole.OFFICIAL:
        raise UserInputError("only officials belong to agencies (drop --agency)")
    if province and role is not UserRole.BOARD:
        raise UserInputError("only board members belong to a province's board (drop --province)")
    agency_ids: list[int] = []
    if role is UserRole.OFFICIAL:
        if not agency_codes:
            raise UserInputError("an official needs at least one agency code")
        agencies = {a.code: a for a in await AgencyRepository(session).by_codes(agency_codes)}
        unknown = [code for code in agency_codes if code not in agencies]
        if unknown:
            raise UserInputError(f"no agency with code {', '.join(unknown)}")
        agency_ids = list(
            dict.fromkeys(a.id for code in agency_codes if (a := agencies[code]).id is not None)
        )
    board_id: int | None = None
    if role is UserRole.BOARD:
        if not province:
            raise UserInputError("a board member needs a province (code or name)")
        found = await AreaRepository(session).province(province.strip())
        board = await BoardRepository(session).of_province(found.code) if found else None
        if board is None:
            raise UserInputError(f"no provincial board for {province!r}")
        board_id = board.id
    user = UserAccount(
        email=email,
        full_name=full_name,
        role=role,
        board_id=board_id,
        password_hash=hash_password(password) if password else None,
    )
    await users.add(user, agency_ids=agency_ids)
    if supervisor:
        for link in (
            await session.exec(select(UserAgency).where(col(UserAgency.user_id) == user.id))
        ).all():
            link.is_supervisor = True
            session.add(link)
        await session.flush()
    return user
