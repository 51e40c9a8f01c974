"""Accounts with tokens for the admin API tests, made the way `siang users create` makes them."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest

from admin.auth.service import issue_access_token
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    ActorType,
    Channel,
    FeedbackItem,
    FeedbackStatus,
    StatusChange,
    UserRole,
)
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.users import create_user
from storage.types import utcnow

PASSWORD = "ร้องเรียน-2569-ok"
_numbers = itertools.count(1)
ORIGINAL = "ถนนหน้าบ้านเลขที่ 12 เป็นหลุม โทร 081-234-5678 นายสมชาย ใจดี"
REDACTED = "ถนนหน้าบ้านเลขที่ 12 เป็นหลุม โทร [เบอร์โทร] [ชื่อ]"


@dataclass(frozen=True)
class Account:
    user_id: int
    email: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Accounts:
    """Makes users of any role and scope in the test's database."""

    database: Database
    settings: Settings

    async def make(
        self,
        role: UserRole,
        *,
        agencies: Sequence[str] = (),
        province: str | None = None,
        supervisor: bool = False,
    ) -> Account:
        email = f"{role.value}{next(_numbers)}@example.go.th"
        async with self.database.unit_of_work() as session:
            user = await create_user(
                session,
                email=email,
                role=role,
                password=PASSWORD,
                agency_codes=agencies,
                province=province,
                supervisor=supervisor,
            )
        assert user.id is not None
        token = issue_access_token(settings=self.settings, user=user).token
        return Account(user_id=user.id, email=email, token=token)


@dataclass
class Items:
    """Feedback items as intake and routing leave them, written straight into the database."""

    database: Database

    async def add(
        self,
        *,
        agency: str = "pwa-50",
        province: str = "50",
        district: str | None = "5001",
        age: timedelta = timedelta(hours=1),
        status: FeedbackStatus = FeedbackStatus.ROUTED,
        **fields: Any,
    ) -> FeedbackItem:
        created = utcnow() - age
        async with self.database.unit_of_work() as session:
            unit = await AgencyRepository(session).by_code(agency)
            board = await BoardRepository(session).of_province(province)
            assert unit is not None and board is not None
            values: dict[str, Any] = {
                "reference": f"SG-T{next(_numbers):05d}",
                "channel": Channel.LINE,
                "original_text": ORIGINAL,
                "redacted_text": REDACTED,
                "category": "ถนน",
                "province_code": province,
                "district_code": district,
                "agency_id": unit.id,
                "board_id": board.id,
                "status": status,
                "due_at": created + timedelta(days=7),
                "created_at": created,
                "updated_at": created,
            }
            item = FeedbackItem(**(values | fields))
            session.add(item)
            await session.flush()
            assert item.id is not None
            for before, after in (
                (None, FeedbackStatus.RECEIVED),
                (FeedbackStatus.RECEIVED, status),
            ):
                session.add(
                    StatusChange(
                        feedback_id=item.id,
                        from_status=before,
                        to_status=after,
                        actor_type=ActorType.SYSTEM,
                        agency_id=unit.id,
                        created_at=created,
                    )
                )
        return item

    async def at(self, when: datetime, **fields: Any) -> FeedbackItem:
        return await self.add(age=utcnow() - when, **fields)


@pytest.fixture
def items(database: Database) -> Items:
    return Items(database=database)


@pytest.fixture
def accounts(database: Database, settings: Settings) -> Accounts:
    return Accounts(database=database, settings=settings)


@pytest.fixture
async def admin(accounts: Accounts) -> Account:
    return await accounts.make(UserRole.ADMIN)
