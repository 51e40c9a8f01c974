"""The work queue: filters, cursor pages, details with history, and scope isolation (404)."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlmodel import col, select

from services.ticket_references import random_reference
from storage.database import Database
from storage.models import AuditEntry, FeedbackKind, FeedbackStatus, Sentiment, Urgency, UserRole
from tests.admin.conftest import ORIGINAL, REDACTED, Account, Accounts, Items


class TestListFeedback:
    async def test_items_carry_the_promised_fields_newest_first(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        older = await items.add(age=timedelta(days=2))
        newer = await items.add(age=timedelta(hours=1))
        response = await client.get("/api/v1/feedback", headers=admin.headers)
        assert response.status_code == 200
        body = response.json()
        assert body["next_cursor"] is None
        assert [i["id"] for i in body["items"]] == [newer.id, older.id]
        first = body["items"][0]
        assert first["reference"] == newer.reference
        assert first["status"] == "routed" and first["kind"] == "complaint"
        assert first["category"] == "ถนน"
        assert first["province"] == {"code": "50", "name": "เชียงใหม่"}
        assert first["district"]["code"] == "5001"
        assert first["agency"]["code"] == "pwa-50"
        assert first["board"]["code"]
        assert first["urgency"] == "normal" and "sentiment" in first and first["created_at"]
        assert first["text"] == REDACTED

    async def test_places_and_agencies_are_named_in_the_readers_language(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add()
        english = {**admin.headers, "Accept-Language": "en-GB,en;q=0.9"}
        listed = (await client.get("/api/v1/feedback", headers=english)).json()["items"][0]
        assert listed["province"] == {"code": "50", "name": "Chiang Mai"}
        assert listed["agency"]["name"].isascii() and listed["board"]["name"].isascii()
        one = (await client.get(f"/api/v1/feedback/{item.id}", headers=english)).json()
        assert one["district"]["name"].isascii() and one["district"]["code"] == "5001"
        thai = (await client.get(f"/api/v1/feedback/{item.id}", headers=admin.headers)).json()
        assert thai["province"]["name"] == "เชียงใหม่"

    async def test_cursor_pages_visit_every_item_once(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        made = [await items.add(age=timedelta(minutes=n)) for n in range(7)]
        seen: list[int] = []
        cursor: str | None = None
        for _ in range(10):
            params: dict[str, str | int] = {"limit": 3}
            if cursor:
                params["cursor"] = cursor
            body = (
                await client.get("/api/v1/feedback", params=params, headers=admin.headers)
            ).json()
            seen += [i["id"] for i in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == [i.id for i in made]

    async def test_a_bad_cursor_is_a_clear_422(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        response = await client.get(
            "/api/v1/feedback", params={"cursor": "not-ours"}, headers=admin.headers
        )
        assert response.status_code == 422
        assert "cursor" in response.json()["error"]["message"]

    async def test_filters_narrow_the_list(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        road = await items.add()
        water = await items.add(
            category="น้ำประปา",
            kind=FeedbackKind.SUGGESTION,
            sentiment=Sentiment.POSITIVE,
            urgency=Urgency.HIGH,
            status=FeedbackStatus.IN_PROGRESS,
            redacted_text="น้ำประปาไม่ไหลสามวันแล้ว",
        )
        bangkok = await items.add(agency="bkk-district-office-1004", province="10", district="1004")
        old = await items.add(age=timedelta(days=40))
        late = await items.add(age=timedelta(days=10))  # due 7 days after filing: overdue
        cases: list[tuple[dict[str, str | list[str]], set[int | None]]] = [
            ({"category": "น้ำประปา"}, {water.id}),
            ({"kind": "suggestion"}, {water.id}),
            ({"sentiment": "positive"}, {water.id}),
            ({"urgency": "high"}, {water.id}),
            ({"status": ["in_progress", "resolved"]}, {water.id}),
            ({"q": "ไม่ไหล"}, {water.id}),
            ({"province": "กรุงเทพมหานคร"}, {bangkok.id}),
            ({"district": "1004"}, {bangkok.id}),
            ({"agency": "bkk-district-office-1004"}, {bangkok.id}),
            ({"created_to": (old.created_at + timedelta(seconds=1)).isoformat()}, {old.id}),
            ({"overdue": "true"}, {old.id, late.id}),
        ]
        for params, expected in cases:
            response = await client.get("/api/v1/feedback", params=params, headers=admin.headers)
            assert response.status_code == 200, (params, response.text)
            assert {i["id"] for i in response.json()["items"]} == expected, params
        assert road.id is not None

    async def test_search_matches_thai_inside_words_but_never_the_original(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add()
        hit = await client.get("/api/v1/feedback", params={"q": "เป็นหลุม"}, headers=admin.headers)
        assert [i["id"] for i in hit.json()["items"]] == [item.id]
        phone = await client.get("/api/v1/feedback", params={"q": "081-234"}, headers=admin.headers)
        assert phone.json()["items"] == []
        wildcard = await client.get("/api/v1/feedback", params={"q": "%"}, headers=admin.headers)
        assert wildcard.json()["items"] == []

    async def test_a_reference_read_out_on_the_phone_finds_its_item(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add(reference=random_reference())
        other = await items.add(reference=random_reference())
        spoken = item.reference.lower().replace("-", " ")  # "sg ab2c d7x" as typed from a call
        for q in (item.reference, spoken):
            found = await client.get("/api/v1/feedback", params={"q": q}, headers=admin.headers)
            assert [i["id"] for i in found.json()["items"]] == [item.id], q
        assert other.id != item.id

    async def test_the_reference_filter_returns_exactly_that_item(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add(reference=random_reference())
        await items.add(reference=random_reference())
        for asked in (item.reference, item.reference.lower().replace("-", "")):
            found = await client.get(
                "/api/v1/feedback", params={"reference": asked}, headers=admin.headers
            )
            assert [i["reference"] for i in found.json()["items"]] == [item.reference], asked
        malformed = await client.get(
            "/api/v1/feedback", params={"reference": "12345"}, headers=admin.headers
        )
        assert malformed.status_code == 422

    async def test_a_misspelt_filter_is_a_400_not_the_whole_queue(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add(reference=random_reference())
        for path in ("/api/v1/feedback", "/api/v1/exports/feedback.csv"):
            response = await client.get(
                path, params={"refernce": item.reference}, headers=admin.headers
            )
            assert response.status_code == 400, path
            assert response.json()["error"]["code"] == "unknown_parameter"
            assert "refernce" in response.json()["error"]["message"]
        paged = await client.get(
            "/api/v1/feedback", params={"limit": "1", "status": "routed"}, headers=admin.headers
        )
        assert paged.status_code == 200

    async def test_bad_filters_are_4xx_with_a_message(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        unknown = await client.get(
            "/api/v1/feedback", params={"agency": "nope-1"}, headers=admin.headers
        )
        assert unknown.status_code == 404
        assert unknown.json()["error"]["message"] == "no agency 'nope-1'"
        bad_status = await client.get(
            "/api/v1/feedback", params={"status": "lost"}, headers=admin.headers
        )
        assert bad_status.status_code == 422
        assert "status" in bad_status.json()["error"]["message"]
        backwards = await client.get(
            "/api/v1/feedback",
            params={"created_from": "2026-02-01", "created_to": "2026-01-01"},
            headers=admin.headers,
        )
        assert backwards.status_code == 422


class TestScope:
    async def test_an_official_sees_only_their_agencys_items(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        mine = await items.add(agency="pwa-50")
        theirs = await items.add(agency="pea-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        listed = await client.get("/api/v1/feedback", headers=official.headers)
        assert [i["id"] for i in listed.json()["items"]] == [mine.id]
        assert (
            await client.get(f"/api/v1/feedback/{mine.id}", headers=official.headers)
        ).status_code == 200
        other = await client.get(f"/api/v1/feedback/{theirs.id}", headers=official.headers)
        assert other.status_code == 404
        missing = await client.get("/api/v1/feedback/999999", headers=official.headers)
        assert other.json()["error"]["message"].startswith("no feedback item")
        assert missing.status_code == 404
        filtered = await client.get(
            "/api/v1/feedback", params={"agency": "pea-50"}, headers=official.headers
        )
        assert filtered.status_code == 404

    async def test_a_board_member_sees_only_their_province_redacted(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        chiang_mai = await items.add(agency="pwa-50", province="50")
        bangkok = await items.add(agency="bkk-district-office-1004", province="10", district="1004")
        member = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
        listed = await client.get("/api/v1/feedback", headers=member.headers)
        assert [i["id"] for i in listed.json()["items"]] == [chiang_mai.id]
        detail = await client.get(f"/api/v1/feedback/{chiang_mai.id}", headers=member.headers)
        assert detail.json()["original_text"] is None
        assert detail.json()["personal_data_visible"] is False
        assert (
            await client.get(f"/api/v1/feedback/{bangkok.id}", headers=member.headers)
        ).status_code == 404
        assert (
            await client.get("/api/v1/feedback", params={"province": "10"}, headers=member.headers)
        ).status_code == 404

    async def test_an_analyst_sees_everything_but_only_redacted(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add()
        analyst = await accounts.make(UserRole.ANALYST)
        detail = (await client.get(f"/api/v1/feedback/{item.id}", headers=analyst.headers)).json()
        assert detail["text"] == REDACTED
        assert detail["original_text"] is None and detail["location_text"] is None


class TestFeedbackDetail:
    async def test_history_and_original_text_for_the_agency_audited(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(status=FeedbackStatus.ROUTED)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.get(f"/api/v1/feedback/{item.id}", headers=official.headers)
        assert response.status_code == 200
        body = response.json()
        assert body["original_text"] == ORIGINAL
        assert body["personal_data_visible"] is True
        assert [(h["from_status"], h["to_status"]) for h in body["history"]] == [
            (None, "received"),
            ("received", "routed"),
        ]
        assert body["history"][0]["agency"]["code"] == "pwa-50"
        async with database.unit_of_work() as session:
            entries = (
                await session.exec(
                    select(AuditEntry).where(col(AuditEntry.actor_user_id) == official.user_id)
                )
            ).all()
        assert [(e.action, e.entity_id) for e in entries] == [
            ("personal_data.viewed", str(item.id))
        ]

    async def test_ids_out_of_range_are_422_not_500(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        for bad in ("0", "abc", str(2**40)):
            response = await client.get(f"/api/v1/feedback/{bad}", headers=admin.headers)
            assert response.status_code == 422, bad
