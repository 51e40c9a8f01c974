"""The participation indicator counts consultations held and results published per agency."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from storage.database import Database
from storage.models import UserRole
from tests.admin.conftest import Accounts
from tests.fixtures.consultations import Answer, held

END = datetime(2026, 11, 1, tzinfo=UTC)
START = END - timedelta(days=30)
PERIOD = {"created_from": START.isoformat(), "created_to": END.isoformat()}


async def _seed(database: Database) -> None:
    inside = START + timedelta(days=3)
    # pwa-50: two held in the period, one of them closed in it too.
    await held(database, published_at=inside, closed_at=inside + timedelta(days=7), answers=[])
    await held(database, published_at=inside, answers=[Answer()])
    # pea-50: held before the period, results published in it.
    await held(
        database,
        agency="pea-50",
        published_at=START - timedelta(days=10),
        closed_at=inside,
        answers=[],
    )
    # mea-10 (Bangkok): held and closed after the period, so not counted.
    await held(
        database,
        agency="mea-10",
        provinces=("10",),
        published_at=END + timedelta(days=1),
        closed_at=END + timedelta(days=2),
        answers=[],
    )
    await held(database, agency="mea-10", provinces=("10",), published_at=inside, answers=[])


async def test_counts_per_agency_for_the_nation_an_agency_and_a_province(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    await _seed(database)
    analyst = await accounts.make(UserRole.ANALYST)
    nation = await client.get("/api/v1/indicators", params=PERIOD, headers=analyst.headers)
    assert nation.status_code == 200, nation.text
    consulted = nation.json()["participation"]["consultations"]
    assert (consulted["held"], consulted["results_published"]) == (3, 2)
    assert consulted["agencies_consulting"] == 2
    assert {a["agency"]: (a["held"], a["results_published"]) for a in consulted["by_agency"]} == {
        "pwa-50": (2, 1),
        "pea-50": (0, 1),
        "mea-10": (1, 0),
    }

    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    mine = await client.get("/api/v1/indicators", params=PERIOD, headers=official.headers)
    consulted = mine.json()["participation"]["consultations"]
    assert [a["agency"] for a in consulted["by_agency"]] == ["pwa-50"]
    assert (consulted["held"], consulted["results_published"]) == (2, 1)

    board = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
    province = await client.get("/api/v1/indicators", params=PERIOD, headers=board.headers)
    consulted = province.json()["participation"]["consultations"]
    assert sorted(a["agency"] for a in consulted["by_agency"]) == ["pea-50", "pwa-50"]
    assert (consulted["held"], consulted["results_published"]) == (2, 2)
