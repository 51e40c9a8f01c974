"""Who sees the exact point and the notes as written: the item's agency and admins; everyone
else (the public Open311 API, board members, analysts) a coarse point and masked notes."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import httpx

from storage.models import FeedbackStatus, UserRole
from tests.admin.conftest import Account, Accounts, Items

HOME = (18.7883451, 98.9853112)  # a citizen's home in Mueang Chiang Mai, as LINE shares it
CELL = (18.775, 98.975)  # the centre of its 0.05° grid cell
NOTE = "โทรหานายสมชาย ใจดี 081-234-5678 แล้ว จะเข้าไปดูวันพรุ่งนี้"
PRIVATE = ("สมชาย", "081-234-5678")


async def _roles(accounts: Accounts) -> dict[str, Account]:
    return {
        "admin": await accounts.make(UserRole.ADMIN),
        "official": await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"]),
        "board": await accounts.make(UserRole.BOARD, province="เชียงใหม่"),
        "analyst": await accounts.make(UserRole.ANALYST),
    }


def _point(body: dict[str, Any]) -> tuple[float, float]:
    return body["latitude"], body["longitude"]


class TestCoordinates:
    async def test_open311_publishes_the_grid_cell_not_the_home(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        await items.add(latitude=HOME[0], longitude=HOME[1])
        [found] = (await client.get("/open311/v2/requests.json")).json()
        assert (found["lat"], found["long"]) == CELL
        xml = ElementTree.fromstring((await client.get("/open311/v2/requests.xml")).content)
        assert (xml.findtext("request/lat"), xml.findtext("request/long")) == ("18.775", "98.975")

    async def test_the_agency_and_admins_see_the_exact_point_boards_and_analysts_the_cell(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(latitude=HOME[0], longitude=HOME[1])
        expected = {"admin": HOME, "official": HOME, "board": CELL, "analyst": CELL}
        for role, account in (await _roles(accounts)).items():
            listed = await client.get("/api/v1/feedback", headers=account.headers)
            [row] = listed.json()["items"]
            assert _point(row) == expected[role], role
            detail = await client.get(f"/api/v1/feedback/{item.id}", headers=account.headers)
            assert _point(detail.json()) == expected[role], role

    async def test_an_item_without_a_point_stays_without_one(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        await items.add()
        [found] = (await client.get("/open311/v2/requests.json")).json()
        assert (found["lat"], found["long"]) == (None, None)


class TestStatusNotes:
    async def _noted(self, client: httpx.AsyncClient, items: Items, official: Account) -> int:
        item = await items.add(status=FeedbackStatus.ROUTED, latitude=HOME[0], longitude=HOME[1])
        changed = await client.post(
            f"/api/v1/feedback/{item.id}/status",
            json={"status": "accepted", "note": NOTE},
            headers=official.headers,
        )
        assert changed.status_code == 200, changed.text
        assert item.id is not None
        return item.id

    async def test_open311_status_notes_are_masked(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        roles = await _roles(accounts)
        await self._noted(client, items, roles["official"])
        for fmt in ("json", "xml"):
            published = (await client.get(f"/open311/v2/requests.{fmt}")).text
            assert "[เบอร์โทร]" in published and "จะเข้าไปดูวันพรุ่งนี้" in published
            assert not [p for p in PRIVATE if p in published], fmt

    async def test_history_is_masked_below_the_agency_and_as_written_for_it(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        roles = await _roles(accounts)
        item_id = await self._noted(client, items, roles["official"])
        for role, account in roles.items():
            detail = (
                await client.get(f"/api/v1/feedback/{item_id}", headers=account.headers)
            ).json()
            notes = [h["note"] for h in detail["history"] if h["note"]]
            if role in ("admin", "official"):
                assert NOTE in notes, role
            else:
                assert notes and not [p for p in PRIVATE if p in str(notes)], role
                assert any("[เบอร์โทร]" in n for n in notes), role

    async def test_a_forward_reason_is_masked_for_the_board(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        roles = await _roles(accounts)
        item = await items.add(status=FeedbackStatus.ROUTED)
        forwarded = await client.post(
            f"/api/v1/feedback/{item.id}/forward",
            json={"agency": "pea-50", "reason": f"สายไฟขาด คุณสมชาย ใจดี แจ้ง {PRIVATE[1]}"},
            headers=roles["official"].headers,
        )
        assert forwarded.status_code == 200, forwarded.text
        detail = await client.get(f"/api/v1/feedback/{item.id}", headers=roles["board"].headers)
        shown = str(detail.json()["history"]) + str(detail.json()["routing_reason"])
        assert "สายไฟขาด" in shown
        assert not [p for p in PRIVATE if p in shown]
