"""GET /api/v1/indicators: participation share, complaint growth, satisfaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from siang.settings import Settings
from storage.database import Database
from storage.models import (
    ActorType,
    Agency,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    StatusChange,
    UserRole,
)
from tests.fixtures.feedback_factory import add_item, agency_in, bearer, board_of, user_token

END = datetime(2026, 11, 1, tzinfo=UTC)
START = END - timedelta(days=30)
LAST_YEAR = datetime(2025, 10, 15, tzinfo=UTC)


def _answer(
    session: AsyncSession, item: FeedbackItem, agency: Agency, to: FeedbackStatus, at: datetime
) -> None:
    """An official of `agency` moves the routed `item` on to `to` at `at`."""
    session.add(
        StatusChange(
            feedback_id=item.id,  # type: ignore[arg-type]
            from_status=FeedbackStatus.ROUTED,
            to_status=to,
            actor_type=ActorType.OFFICIAL,
            agency_id=agency.id,
            created_at=at,
        )
    )


@pytest.fixture
async def tokens(database: Database, settings: Settings) -> dict[str, str]:
    """Bangkok: agency 0 receives and answers, agency 1 only receives; complaints grow 3 → 5
    (+66.7 %) in Bangkok, 2 → 2 in Chiang Mai; ratings 5, 4, 2 in Bangkok."""
    async with database.unit_of_work() as session:
        answering, silent = await agency_in(session, "10", 0), await agency_in(session, "10", 1)
        cnx = await agency_in(session, "50", 0)
        inside = START + timedelta(days=3)
        for index in range(5):
            item = await add_item(
                session,
                created_at=inside,
                province_code="10",
                agency=answering if index < 3 else silent,
                status=FeedbackStatus.RESOLVED if index < 3 else FeedbackStatus.ROUTED,
                resolved_at=inside + timedelta(days=1) if index < 3 else None,
                rating=(5, 4, 2)[index] if index < 3 else None,
                citizen_confirmed_fix=index == 0,
            )
            if index < 3:
                _answer(
                    session, item, answering, FeedbackStatus.RESOLVED, inside + timedelta(days=1)
                )
        await add_item(session, created_at=inside, province_code="10", kind=FeedbackKind.SUGGESTION)
        for _ in range(3):
            await add_item(session, created_at=LAST_YEAR, province_code="10", agency=answering)
        for when in (inside, inside, LAST_YEAR, LAST_YEAR):
            await add_item(session, created_at=when, province_code="50", agency=cnx)
        return {
            "analyst": await user_token(session, settings, role=UserRole.ANALYST),
            "board": await user_token(
                session, settings, role=UserRole.BOARD, board=await board_of(session, "10")
            ),
            "official": await user_token(
                session, settings, role=UserRole.OFFICIAL, agencies=(silent,)
            ),
        }


PERIOD = {"created_from": START.isoformat(), "created_to": END.isoformat()}


async def test_board_member_gets_their_province(
    client: httpx.AsyncClient, database: Database, tokens: dict[str, str]
) -> None:
    response = await client.get(
        "/api/v1/indicators", params=PERIOD, headers=bearer(tokens["board"])
    )
    assert response.status_code == 200, response.text
    body = response.json()
    async with database.unit_of_work() as session:
        agencies = (
            await session.execute(
                text("SELECT count(*) FROM agency WHERE province_code = '10' AND is_active")
            )
        ).scalar_one()
    participation = body["participation"]
    assert (participation["agencies"], participation["received"]) == (agencies, 2)
    assert (participation["answered"], participation["received_and_answered"]) == (1, 1)
    assert participation["share_pct"] == round(100 / agencies, 1)
    assert participation["consultations"]["held"] == 0
    growth = body["complaint_growth"]
    assert (growth["complaints"], growth["previous_year"]) == (5, 3)
    assert growth["growth_pct"] == pytest.approx(66.7)
    assert (growth["target_pct"], growth["meets_target"]) == (20.0, False)
    satisfaction = body["satisfaction"]
    assert (satisfaction["ratings"], satisfaction["average"]) == (3, pytest.approx(3.67))
    assert satisfaction["satisfied_pct"] == pytest.approx(66.7)
    assert (satisfaction["resolved"], satisfaction["citizen_confirmed"]) == (3, 1)


async def test_analyst_sees_the_nation_and_can_narrow_to_a_province(
    client: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    nation = (
        await client.get("/api/v1/indicators", params=PERIOD, headers=bearer(tokens["analyst"]))
    ).json()
    assert (
        nation["complaint_growth"]["complaints"],
        nation["complaint_growth"]["previous_year"],
    ) == (7, 5)
    assert nation["participation"]["received"] == 3
    chiang_mai = (
        await client.get(
            "/api/v1/indicators",
            params={**PERIOD, "province": "เชียงใหม่"},
            headers=bearer(tokens["analyst"]),
        )
    ).json()
    assert chiang_mai["complaint_growth"]["growth_pct"] == 0.0
    assert chiang_mai["complaint_growth"]["meets_target"] is True
    assert chiang_mai["satisfaction"]["average"] is None


async def test_official_counts_only_their_agency(
    client: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    body = (
        await client.get("/api/v1/indicators", params=PERIOD, headers=bearer(tokens["official"]))
    ).json()
    assert body["participation"]["agencies"] == 1
    assert (body["participation"]["received"], body["participation"]["answered"]) == (1, 0)
    assert body["complaint_growth"]["complaints"] == 2
    assert body["satisfaction"]["ratings"] == 0


async def test_an_answer_counts_for_the_agency_that_gave_it_even_after_a_forward(
    client: httpx.AsyncClient, database: Database, settings: Settings
) -> None:
    """Bangkok's agency accepts an item, then it is forwarded to Chiang Mai's, which does
    nothing more: Bangkok answered in the period, Chiang Mai only holds the item now."""
    inside = START + timedelta(days=2)
    async with database.unit_of_work() as session:
        bangkok, chiang_mai = await agency_in(session, "10", 0), await agency_in(session, "50", 0)
        item = await add_item(
            session,
            created_at=inside,
            province_code="50",
            agency=chiang_mai,  # where it sits after the forward
            status=FeedbackStatus.ROUTED,
        )
        _answer(session, item, bangkok, FeedbackStatus.ACCEPTED, inside + timedelta(hours=3))
        analyst = await user_token(session, settings, role=UserRole.ANALYST)
    for province, answered in (("กรุงเทพมหานคร", 1), ("เชียงใหม่", 0)):
        body = (
            await client.get(
                "/api/v1/indicators",
                params={**PERIOD, "province": province},
                headers=bearer(analyst),
            )
        ).json()
        assert body["participation"]["answered"] == answered, province
