"""Three provinces' feedback over nine weeks around 2026-W46, with personal data planted in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.digests.weeks import IsoWeek
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    ActorType,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    Sentiment,
    StatusChange,
    Urgency,
    UserRole,
)
from tests.fixtures.feedback_factory import add_item, agency_in, bearer, board_of, user_token
from tests.fixtures.smtp_server import smtp_server

WEEK = IsoWeek(2026, 46)  # Monday 9 – Sunday 15 November 2026, Bangkok time
WEEK_START = datetime(2026, 11, 8, 17, 0, tzinfo=UTC)  # Monday 00:00 in Bangkok
PROVINCES = ("10", "50", "83")  # Bangkok, Chiang Mai, Phuket

NATIONAL_ID = "1101700203450"
PHONE = "081-234-5678"
EMAIL = "somchai.j@example.com"
NAME = "สมชาย ใจดี"
PLANTED = (NATIONAL_ID, PHONE, "0812345678", EMAIL, NAME, "สมชาย")
LEAKY_TEXT = f"นาย{NAME} เลขบัตร {NATIONAL_ID} โทร {PHONE} อีเมล {EMAIL} ถนนหน้าบ้านเป็นหลุมใหญ่มาก"
CATEGORIES = ("ถนน", "น้ำท่วม", "ความสะอาด", "แสงสว่าง")
SENTIMENTS = (Sentiment.NEGATIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE, None)


@dataclass(frozen=True)
class SeededDigests:
    week: IsoWeek
    provinces: tuple[str, ...]


async def _history(
    session: AsyncSession,
    item: FeedbackItem,
    to: FeedbackStatus,
    at: datetime,
    actor: ActorType = ActorType.OFFICIAL,
    from_status: FeedbackStatus = FeedbackStatus.IN_PROGRESS,
) -> None:
    assert item.id is not None
    session.add(
        StatusChange(
            feedback_id=item.id,
            from_status=from_status,
            to_status=to,
            actor_type=actor,
            agency_id=item.agency_id,
            created_at=at,
        )
    )


async def seed_province(session: AsyncSession, province: str, size: int) -> None:
    """`size` grows the province's numbers, so provinces differ."""
    agencies = [await agency_in(session, province, i) for i in range(2)]
    board = await board_of(session, province)
    districts = [f"{province}01", f"{province}02", f"{province}03"]
    counter = 0

    async def item(created: datetime, **fields: object) -> FeedbackItem:
        nonlocal counter
        counter += 1
        defaults: dict[str, object] = {
            "province_code": province,
            "district_code": districts[counter % len(districts)],
            "agency": agencies[counter % 2],
            "board": board,
            "category": CATEGORIES[counter % len(CATEGORIES)],
            "sentiment": SENTIMENTS[counter % len(SENTIMENTS)],
            "kind": FeedbackKind.SUGGESTION if counter % 7 == 0 else FeedbackKind.COMPLAINT,
            "due_at": created + timedelta(days=3),
        }
        return await add_item(session, created_at=created, **{**defaults, **fields})  # type: ignore[arg-type]

    # Earlier weeks, for the trend, the previous week and last year's complaints.
    for back in range(1, 8):
        for n in range(size + back % 3):
            await item(WEEK_START - timedelta(weeks=back) + timedelta(hours=7 + 13 * n))
    for n in range(size):
        await item(WEEK_START - timedelta(weeks=52) + timedelta(days=1, hours=n))
    # This week: a cluster of near-duplicates, urgent items, personal data planted everywhere.
    root = await item(WEEK_START + timedelta(hours=2), category="ถนน", redacted_text=LEAKY_TEXT)
    for n in range(size // 2 + 1):
        await item(
            WEEK_START + timedelta(days=1, hours=n),
            category="ถนน",
            duplicate_of_id=root.id,
            text=LEAKY_TEXT,
            redacted_text=f"ถนนหน้าบ้านเป็นหลุม ติดต่อ {PHONE}",
        )
    for n in range(size):
        await item(
            WEEK_START + timedelta(days=2, hours=3 * n),
            urgency=Urgency.HIGH if n % 2 == 0 else Urgency.NORMAL,
            text=LEAKY_TEXT,
            redacted_text=f"ไฟฟ้าช็อต อันตราย แจ้งโดย นาย{NAME} {EMAIL}",
        )
    # Late items: open and past due at the end of the week.
    for n in range(size // 2 + 1):
        await item(
            WEEK_START - timedelta(days=10 + n),
            status=FeedbackStatus.IN_PROGRESS,
            due_at=WEEK_START - timedelta(days=3),
            redacted_text=f"ขยะไม่เก็บ เลขบัตร {NATIONAL_ID}",
        )
    # Resolved this week: times, ratings, confirmations, one reopened later and fixed again.
    for n in range(size // 2 + 2):
        created = WEEK_START - timedelta(days=2, hours=n)
        resolved_at = WEEK_START + timedelta(days=1 + n % 5, hours=5 * n)
        fixed = await item(
            created,
            status=FeedbackStatus.RESOLVED if n % 3 else FeedbackStatus.CLOSED,
            resolved_at=resolved_at,
            rating=(5, 4, None, 2, 5)[n % 5],
            citizen_confirmed_fix=n % 2 == 0,
            reopen_count=1 if n == 1 else 0,
            redacted_text=f"ซ่อมถนนเสร็จแล้ว ขอบคุณ โทร {PHONE}",
        )
        await _history(session, fixed, FeedbackStatus.RESOLVED, resolved_at)
    # A citizen reopened a fixed item this week; two items rejected this week.
    reopened = await item(WEEK_START - timedelta(days=20), status=FeedbackStatus.IN_PROGRESS)
    await _history(
        session,
        reopened,
        FeedbackStatus.IN_PROGRESS,
        WEEK_START + timedelta(days=3),
        actor=ActorType.CITIZEN,
        from_status=FeedbackStatus.RESOLVED,
    )
    for n in range(2):
        rejected = await item(
            WEEK_START - timedelta(days=4 + n), status=FeedbackStatus.REJECTED, due_at=None
        )
        await _history(session, rejected, FeedbackStatus.REJECTED, WEEK_START + timedelta(hours=9))
    # Next week's items must not count.
    await item(WEEK_START + timedelta(days=7, hours=1))


async def subscribe(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    subscribers: list[dict[str, str]],
) -> str:
    """Subscribe each through the admin API, as an admin; the admin's token."""
    async with database.unit_of_work() as session:
        admin = await user_token(session, settings, role=UserRole.ADMIN)
    for subscriber in subscribers:
        response = await client.post(
            "/api/v1/digests/subscriptions", json=subscriber, headers=bearer(admin)
        )
        assert response.status_code == 201, response.text
    return admin


@pytest.fixture
async def seeded_digests(database: Database) -> SeededDigests:
    async with database.unit_of_work() as session:
        for size, province in enumerate(PROVINCES, start=3):
            await seed_province(session, province, size)
    return SeededDigests(week=WEEK, provinces=PROVINCES)


__all__ = ["smtp_server"]
