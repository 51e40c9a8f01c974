"""Corrections and internal notes through the API: what changes, where the rules would send the
item now, who may read the notes, and that the citizen is never told."""

from __future__ import annotations

import httpx
from sqlmodel import func, select

from storage.database import Database
from storage.models import OutboundMessage, UserRole
from tests.admin.conftest import Accounts, Items


async def _outbox(database: Database) -> int:
    async with database.unit_of_work() as session:
        return (await session.exec(select(func.count()).select_from(OutboundMessage))).one()


class TestCorrections:
    async def test_a_new_category_names_the_agency_the_rules_choose_now(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", province="50", category="ประปา")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        before = await _outbox(database)

        response = await client.post(
            f"/api/v1/feedback/{item.id}/corrections",
            json={"category": "ไฟฟ้า"},
            headers=official.headers,
        )

        assert response.status_code == 200, response.text
        body = response.json()
        assert [c["code"] for c in body["corrections"]] == ["category_corrected"]
        assert body["corrections"][0]["before"] == "ประปา"
        assert body["suggested_agency"]["code"] == "pea-50"
        assert body["item"]["category"] == "ไฟฟ้า"
        assert body["item"]["agency"]["code"] == "pwa-50"  # the official decides, not the rules
        assert await _outbox(database) == before  # nobody is told of a correction

        back = await client.post(
            f"/api/v1/feedback/{item.id}/corrections",
            json={"category": "ประปา"},
            headers=official.headers,
        )
        assert back.json()["suggested_agency"] is None  # the rules agree with its agency again

    async def test_a_place_in_another_province_moves_the_item_to_that_provinces_board(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50", province="50", district="5001")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        before = (await client.get(f"/api/v1/feedback/{item.id}", headers=official.headers)).json()

        response = await client.post(
            f"/api/v1/feedback/{item.id}/corrections",
            json={"district": "5101"},
            headers=official.headers,
        )

        assert response.status_code == 200, response.text
        moved = response.json()["item"]
        assert moved["district"]["code"] == "5101"
        assert moved["province"]["code"] == "51"
        assert moved["board"] is not None and moved["board"] != before["board"]
        member = await accounts.make(UserRole.BOARD, province="51")
        seen = await client.get(f"/api/v1/feedback/{item.id}", headers=member.headers)
        assert seen.status_code == 200  # Lamphun's board now follows it
        old_board = await accounts.make(UserRole.BOARD, province="50")
        gone = await client.get(f"/api/v1/feedback/{item.id}", headers=old_board.headers)
        assert gone.status_code == 404

    async def test_nothing_different_changes_nothing_and_unknown_values_are_refused(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50", category="ถนน")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        url = f"/api/v1/feedback/{item.id}/corrections"

        same = await client.post(url, json={"category": "ถนน"}, headers=official.headers)
        assert same.status_code == 200 and same.json()["corrections"] == []
        unknown = await client.post(url, json={"category": "ดาวอังคาร"}, headers=official.headers)
        assert unknown.status_code == 422 and "ดาวอังคาร" in unknown.text
        nowhere = await client.post(url, json={"district": "9999"}, headers=official.headers)
        assert nowhere.status_code == 404

    async def test_readers_cannot_correct_and_other_agencies_do_not_see_the_item(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50", province="50")
        member = await accounts.make(UserRole.BOARD, province="50")
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        url = f"/api/v1/feedback/{item.id}/corrections"
        refused = await client.post(url, json={"category": "ไฟฟ้า"}, headers=member.headers)
        assert refused.status_code == 403
        hidden = await client.post(url, json={"category": "ไฟฟ้า"}, headers=stranger.headers)
        assert hidden.status_code == 404


class TestInternalNotes:
    async def test_notes_and_corrections_are_read_back_by_the_agency_only(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", province="50", category="ถนน")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        colleague = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        url = f"/api/v1/feedback/{item.id}/internal-notes"
        before = await _outbox(database)

        written = await client.post(
            url, json={"text": "โทรหาผู้แจ้งแล้ว นัดเข้าไปดูพรุ่งนี้"}, headers=official.headers
        )
        await client.post(
            f"/api/v1/feedback/{item.id}/corrections",
            json={"category": "ทางเท้า"},
            headers=colleague.headers,
        )

        assert written.status_code == 201, written.text
        assert written.json()["author"] == official.email
        notes = (await client.get(url, headers=colleague.headers)).json()
        assert [(n["author"], n["text"]) for n in notes] == [
            (official.email, "โทรหาผู้แจ้งแล้ว นัดเข้าไปดูพรุ่งนี้"),
            (colleague.email, None),
        ]
        assert notes[1]["facts"]["code"] == "category_corrected"
        assert notes[1]["facts"]["after"] == "ทางเท้า"
        assert await _outbox(database) == before  # the citizen hears of neither
        history = (await client.get(f"/api/v1/feedback/{item.id}", headers=official.headers)).json()
        assert "นัดเข้าไปดูพรุ่งนี้" not in str(history["history"])

        member = await accounts.make(UserRole.BOARD, province="50")
        assert (await client.get(url, headers=member.headers)).status_code == 403
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        assert (await client.get(url, headers=stranger.headers)).status_code == 404
        empty = await client.post(url, json={"text": "   "}, headers=official.headers)
        assert empty.status_code in (400, 422)
