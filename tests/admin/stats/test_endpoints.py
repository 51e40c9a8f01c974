"""GET /api/v1/stats/…: every grouping against independent counts, and scope isolation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from siang.settings import Settings
from storage.database import Database
from storage.models import Agency, FeedbackStatus, Sentiment, UserRole
from tests.fixtures.feedback_factory import add_item, agency_in, bearer, board_of, user_token

NOW = datetime.now(UTC).replace(microsecond=0)
BANGKOK, CHIANG_MAI = "10", "50"


@pytest.fixture
async def seeded(database: Database, settings: Settings) -> dict[str, object]:
    """Items in Bangkok (two agencies) and Chiang Mai over three weeks, with known outcomes."""
    async with database.unit_of_work() as session:
        bkk_a = await agency_in(session, BANGKOK, 0)
        bkk_b = await agency_in(session, BANGKOK, 1)
        cnx = await agency_in(session, CHIANG_MAI, 0)
        bkk_board = await board_of(session, BANGKOK)
        plan: list[tuple[Agency, str, str, Sentiment | None, int]] = [
            (bkk_a, "1001", "ถนน", Sentiment.NEGATIVE, 1),
            (bkk_a, "1001", "ถนน", Sentiment.NEGATIVE, 2),
            (bkk_a, "1002", "ไฟฟ้า", Sentiment.POSITIVE, 3),
            (bkk_a, "1002", "ถนน", Sentiment.NEUTRAL, 10),
            (bkk_b, "1003", "น้ำท่วม", Sentiment.NEGATIVE, 1),
            (bkk_b, "1003", "น้ำท่วม", None, 12),
            (cnx, "5001", "ถนน", Sentiment.POSITIVE, 2),
            (cnx, "5001", "ขยะ", Sentiment.NEGATIVE, 16),
            (cnx, "5002", "ขยะ", Sentiment.NEGATIVE, 20),
        ]
        for index, (agency, district, category, sentiment, days_ago) in enumerate(plan):
            created = NOW - timedelta(days=days_ago, hours=1)
            province = district[:2]
            extra: dict[str, Any] = {}
            if index in (0, 4, 6):  # fixed after 10, 20 and 30 hours
                extra = {
                    "status": FeedbackStatus.RESOLVED,
                    "resolved_at": created + timedelta(hours=10 * (1 + (index // 3))),
                    "rating": 5 - index // 3,
                    "citizen_confirmed_fix": index == 0,
                    "reopen_count": 1 if index == 4 else 0,
                }
            elif index == 1:
                extra = {"status": FeedbackStatus.REJECTED, "closed_at": created}
            elif index in (2, 7):  # overdue
                extra = {"due_at": NOW - timedelta(hours=5)}
            await add_item(
                session,
                created_at=created,
                province_code=province,
                district_code=district,
                agency=agency,
                board=bkk_board if province == BANGKOK else None,
                category=category,
                sentiment=sentiment,
                **extra,
            )
        tokens = {
            "analyst": await user_token(session, settings, role=UserRole.ANALYST),
            "official_a": await user_token(
                session, settings, role=UserRole.OFFICIAL, agencies=(bkk_a,)
            ),
            "board_bkk": await user_token(session, settings, role=UserRole.BOARD, board=bkk_board),
        }
    return {"tokens": tokens, "bkk_a": bkk_a, "bkk_b": bkk_b, "cnx": cnx}


async def independent(database: Database, sql: str, **params: object) -> list[tuple[object, ...]]:
    async with database.unit_of_work() as session:
        return [tuple(row) for row in (await session.execute(text(sql), params)).all()]


def _tokens(seeded: dict[str, object]) -> dict[str, str]:
    tokens = seeded["tokens"]
    assert isinstance(tokens, dict)
    return tokens


class TestSentiment:
    @pytest.mark.parametrize(
        ("group_by", "column"),
        [
            ("province", "province_code"),
            ("district", "district_code"),
            ("category", "category"),
            ("agency", "(SELECT code FROM agency WHERE agency.id = agency_id)"),
        ],
    )
    async def test_each_grouping_matches_independent_counts(
        self,
        client: httpx.AsyncClient,
        database: Database,
        seeded: dict[str, object],
        group_by: str,
        column: str,
    ) -> None:
        response = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": group_by},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        assert response.status_code == 200, response.text
        body = response.json()
        expected = await independent(
            database,
            f"SELECT {column}, count(*),"
            " sum(CASE WHEN sentiment = 'positive' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN sentiment = 'neutral' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END)"
            f" FROM feedback_item GROUP BY {column}",
        )
        got = {
            r["key"]: (r["count"], r["positive"], r["neutral"], r["negative"]) for r in body["rows"]
        }
        assert got == {row[0]: tuple(int(v) for v in row[1:]) for row in expected}  # type: ignore[call-overload]
        assert body["total"]["count"] == 9
        assert all(r["label"] for r in body["rows"])

    async def test_provinces_are_labelled_in_thai(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": "province"},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        labels = {r["key"]: r["label"] for r in response.json()["rows"]}
        assert labels == {"10": "กรุงเทพมหานคร", "50": "เชียงใหม่"}

    async def test_weeks_are_iso_weeks_in_bangkok_time(
        self, client: httpx.AsyncClient, database: Database, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": "week"},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        rows = response.json()["rows"]
        created = await independent(database, "SELECT created_at FROM feedback_item")
        expected: dict[str, int] = {}
        for (value,) in created:
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            local = moment.replace(tzinfo=moment.tzinfo or UTC) + timedelta(hours=7)
            year, week, _ = local.astimezone(UTC).date().isocalendar()
            key = f"{year}-W{week:02d}"
            expected[key] = expected.get(key, 0) + 1
        assert {r["key"]: r["count"] for r in rows} == expected
        assert [r["key"] for r in rows] == sorted(expected)

    async def test_filters_narrow_the_counts(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/sentiment",
            params={
                "group_by": "category",
                "province": "กรุงเทพมหานคร",
                "sentiment": "negative",
                "created_from": (NOW - timedelta(days=5)).isoformat(),
            },
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        assert response.status_code == 200
        assert {r["key"]: r["count"] for r in response.json()["rows"]} == {"ถนน": 2, "น้ำท่วม": 1}

    async def test_the_queues_overdue_filter_works_here_too(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": "province", "overdue": "true"},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        assert {r["key"]: r["count"] for r in response.json()["rows"]} == {"10": 1, "50": 1}

    async def test_unknown_group_and_missing_token_are_4xx(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        bad = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": "planet"},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        assert bad.status_code == 422
        assert "group_by" in bad.json()["error"]["message"]
        assert (await client.get("/api/v1/stats/sentiment?group_by=week")).status_code == 401


class TestScope:
    async def test_official_of_agency_a_never_counts_agency_b(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        token = _tokens(seeded)["official_a"]
        response = await client.get(
            "/api/v1/stats/sentiment", params={"group_by": "agency"}, headers=bearer(token)
        )
        bkk_a = seeded["bkk_a"]
        assert isinstance(bkk_a, Agency)
        assert [(r["key"], r["count"]) for r in response.json()["rows"]] == [(bkk_a.code, 4)]
        for path in ("resolution", "overdue", "satisfaction", "volumes"):
            body = (
                await client.get(
                    f"/api/v1/stats/{path}", params={"group_by": "agency"}, headers=bearer(token)
                )
            ).json()
            assert {r["key"] for r in body["rows"]} <= {bkk_a.code}, path

    async def test_filtering_by_another_agency_is_404(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        other = seeded["bkk_b"]
        assert isinstance(other, Agency)
        response = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": "category", "agency": other.code},
            headers=bearer(_tokens(seeded)["official_a"]),
        )
        assert response.status_code == 404

    async def test_board_member_sees_only_their_province(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        token = _tokens(seeded)["board_bkk"]
        response = await client.get(
            "/api/v1/stats/sentiment", params={"group_by": "province"}, headers=bearer(token)
        )
        assert [(r["key"], r["count"]) for r in response.json()["rows"]] == [("10", 6)]
        other = await client.get(
            "/api/v1/stats/sentiment",
            params={"group_by": "category", "province": "เชียงใหม่"},
            headers=bearer(token),
        )
        assert other.status_code == 404


class TestVolumes:
    async def test_this_week_against_last_week_per_province(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/volumes",
            params={"group_by": "province", "created_to": NOW.isoformat()},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        assert response.status_code == 200, response.text
        body = response.json()
        rows = {r["key"]: (r["count"], r["previous_count"], r["change_pct"]) for r in body["rows"]}
        # Bangkok: days 1,2,3,1 this week, 10,12 the week before; Chiang Mai: 2 vs none.
        assert rows == {"10": (4, 2, 100.0), "50": (1, 0, None)}
        assert (body["total"]["count"], body["total"]["previous_count"]) == (5, 2)

    async def test_periods_out_of_range_are_422_not_500(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        headers = bearer(_tokens(seeded)["analyst"])
        for params in (
            {"created_from": "0001-01-01T00:00:00"},
            {"created_to": "0001-01-02T00:00:00"},
            {"created_from": "1971-01-01T00:00:00", "created_to": "8999-01-01T00:00:00"},
        ):
            for path in ("/api/v1/stats/volumes", "/api/v1/indicators"):
                response = await client.get(path, params=params, headers=headers)
                assert response.status_code == 422, (path, params)
                assert response.json()["error"]["code"] == "invalid_input"


class TestResolution:
    async def test_fixed_rejected_confirmed_reopened_and_times(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/resolution", headers=bearer(_tokens(seeded)["analyst"])
        )
        assert response.status_code == 200
        [total] = response.json()["rows"]
        assert total["fixed"] == 3
        assert total["closed_without_fix"] == 1
        assert total["finished"] == 4
        assert total["citizen_confirmed"] == 1
        assert (total["reopened_items"], total["reopens"]) == (1, 1)
        # fixed after 10, 20 and 30 hours: median 20, p90 = 20 + 0.8 * 10
        assert total["median_hours"] == pytest.approx(20.0)
        assert total["p90_hours"] == pytest.approx(28.0)

    async def test_per_province(self, client: httpx.AsyncClient, seeded: dict[str, object]) -> None:
        response = await client.get(
            "/api/v1/stats/resolution",
            params={"group_by": "province"},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        rows = {r["key"]: r for r in response.json()["rows"]}
        assert (rows["10"]["fixed"], rows["10"]["median_hours"]) == (2, pytest.approx(15.0))
        assert (rows["50"]["fixed"], rows["50"]["median_hours"]) == (1, pytest.approx(30.0))


class TestOverdueAndSatisfaction:
    async def test_overdue_counts_open_items_past_due(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/overdue",
            params={"group_by": "province"},
            headers=bearer(_tokens(seeded)["analyst"]),
        )
        body = response.json()
        assert {r["key"]: r["count"] for r in body["rows"]} == {"10": 1, "50": 1}
        assert body["total"] == 2

    async def test_satisfaction_averages_ratings(
        self, client: httpx.AsyncClient, seeded: dict[str, object]
    ) -> None:
        response = await client.get(
            "/api/v1/stats/satisfaction", headers=bearer(_tokens(seeded)["analyst"])
        )
        [total] = response.json()["rows"]
        assert total["ratings"] == 3
        assert total["average"] == pytest.approx(4.0)
        assert total["distribution"] == {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}
