"""The queue page as an official works it: find by reference, saved views, marks for overdue
and urgent items, bulk accept and assign, and the view exported."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import httpx
from sqlmodel import select

from services.ticket_references import random_reference
from storage.database import Database
from storage.models import AuditEntry, FeedbackItem, FeedbackStatus, Urgency, UserRole
from storage.types import utcnow
from tests.admin.conftest import Accounts, Items
from tests.admin.dashboard.forms import csrf, sign_in


async def _status(database: Database, feedback_id: int | None) -> FeedbackItem:
    async with database.unit_of_work() as session:
        item = await session.get(FeedbackItem, feedback_id)
    assert item is not None
    return item


class TestSearch:
    async def test_a_reference_read_aloud_opens_its_item(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        reference = random_reference()
        item = await items.add(agency="pwa-50", reference=reference)
        await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)

        spoken = reference.lower().replace("-", " ")  # "sg 3k7qd x" as a citizen reads it
        found = await client.get("/admin", params={"q": spoken})

        assert found.status_code == 303
        assert found.headers["location"] == f"/admin/items/{item.id}"

    async def test_a_reference_in_the_address_opens_its_item_within_the_readers_scope(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        mine = await items.add(agency="pwa-50", reference=random_reference())
        theirs = await items.add(agency="pea-50", reference=random_reference())
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)

        opened = await client.get(f"/admin/items/{mine.reference}", follow_redirects=True)
        assert opened.status_code == 200 and f"/admin/items/{mine.id}" in str(opened.url)
        assert mine.reference in opened.text

        other = await client.get(f"/admin/items/{theirs.reference}", follow_redirects=True)
        assert other.url.path == "/admin"  # the search, finding nothing the reader may see
        assert f"/admin/items/{theirs.id}" not in other.text

    async def test_words_in_the_text_list_the_items_that_hold_them(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        lamp = await items.add(agency="pwa-50", redacted_text="ไฟทางดับหน้าโรงเรียน")
        road = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)

        page = await client.get("/admin", params={"q": "ไฟทาง"})

        assert page.status_code == 200
        assert lamp.reference in page.text and road.reference not in page.text

    async def test_each_row_shows_the_gist_of_the_masked_text(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        long = "น้ำประปาไม่ไหลมาสามวันแล้ว โทร [เบอร์โทร] " + "บ้านทั้งซอยลำบากมาก " * 8
        await items.add(agency="pwa-50", redacted_text=long, original_text="secret 0812345678")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)

        page = await client.get("/admin")

        assert "น้ำประปาไม่ไหลมาสามวันแล้ว" in page.text  # the gist, to scan the list by
        assert long.strip() not in page.text  # cut short, not the whole text
        assert "0812345678" not in page.text  # the masked text, never the original


class TestViews:
    async def test_saved_views_show_mine_unassigned_urgent_and_overdue(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        mine = await items.add(agency="pwa-50", assigned_user_id=official.user_id)
        nobodys = await items.add(agency="pwa-50")
        urgent = await items.add(agency="pwa-50", urgency=Urgency.HIGH)
        late = await items.add(agency="pwa-50", due_at=utcnow() - timedelta(days=1))
        await sign_in(client, official.email)

        def listed(page: httpx.Response) -> set[str]:
            refs = (mine.reference, nobodys.reference, urgent.reference, late.reference)
            return {reference for reference in refs if reference in page.text}

        assert listed(await client.get("/admin?view=mine")) == {mine.reference}
        assert mine.reference not in listed(await client.get("/admin?view=unassigned"))
        assert listed(await client.get("/admin?view=urgent")) == {urgent.reference}
        overdue = await client.get("/admin?view=overdue")
        assert listed(overdue) == {late.reference}
        # Not by colour alone: the row says so in words.
        assert 'class="tag overdue">เกินกำหนด' in overdue.text
        assert 'class="tag urgent">เร่งด่วน' in (await client.get("/admin")).text

    async def test_an_unknown_view_is_refused_in_thai(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get("/admin?view=everything")
        assert page.status_code == 422 and "ไม่มีมุมมอง everything" in page.text

    async def test_the_page_lists_its_keyboard_shortcuts_and_serves_its_thai_font(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get("/admin")
        assert "แป้นลัด: / ค้นหา" in page.text
        style = await client.get("/admin/dashboard.css")
        assert "@font-face" in style.text and "/admin/fonts/noto-sans-thai.ttf" in style.text
        font = await client.get("/admin/fonts/noto-sans-thai.ttf")
        assert font.status_code == 200 and font.headers["content-type"] == "font/ttf"
        assert font.content[:4] == b"\x00\x01\x00\x00"  # a TrueType font


class TestBulk:
    async def test_the_chosen_items_are_accepted_together(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        first, second = await items.add(agency="pwa-50"), await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get("/admin")

        done = await client.post(
            "/admin/bulk",
            data={"action": "accept", "item": [first.id, second.id], "csrf": csrf(page.text)},
        )

        assert done.status_code == 303
        assert "ดำเนินการแล้ว 2 เรื่อง" in (await client.get(done.headers["location"])).text
        for item in (first, second):
            assert (await _status(database, item.id)).status is FeedbackStatus.ACCEPTED

    async def test_one_refused_item_leaves_every_chosen_item_as_it_was(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        open_item = await items.add(agency="pwa-50")
        closed = await items.add(agency="pwa-50", status=FeedbackStatus.CLOSED)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get("/admin")

        refused = await client.post(
            "/admin/bulk",
            data={"action": "accept", "item": [open_item.id, closed.id], "csrf": csrf(page.text)},
        )

        assert refused.status_code == 422  # a closed item is reopened by its citizen only
        assert "from closed to accepted" in refused.text
        assert (await _status(database, open_item.id)).status is FeedbackStatus.ROUTED

    async def test_the_chosen_items_go_to_one_colleague_but_not_another_agencys_items(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        mine = await items.add(agency="pwa-50")
        theirs = await items.add(agency="pea-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        colleague = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get("/admin")
        assert colleague.email in page.text  # offered by e-mail in the bulk bar

        given = await client.post(
            "/admin/bulk",
            data={
                "action": "assign",
                "item": [mine.id],
                "user": colleague.user_id,
                "csrf": csrf(page.text),
            },
        )
        assert given.status_code == 303
        assert (await _status(database, mine.id)).assigned_user_id == colleague.user_id

        outside = await client.post(
            "/admin/bulk",
            data={
                "action": "assign",
                "item": [theirs.id],
                "user": colleague.user_id,
                "csrf": csrf(page.text),
            },
        )
        assert outside.status_code == 404
        assert (await _status(database, theirs.id)).assigned_user_id is None

    async def test_a_forged_bulk_form_is_refused(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        forged = await client.post(
            "/admin/bulk", data={"action": "accept", "item": [item.id], "csrf": "0" * 32}
        )
        assert forged.status_code == 403
        assert (await _status(database, item.id)).status is FeedbackStatus.ROUTED


class TestExport:
    async def test_the_current_view_is_exported_whole_and_audited(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        urgent = await items.add(agency="pwa-50", urgency=Urgency.HIGH)
        calm = await items.add(agency="pwa-50")
        theirs = await items.add(agency="pea-50", urgency=Urgency.HIGH)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get("/admin?view=urgent")
        assert "/admin/export.csv?view=urgent" in page.text

        exported = await client.get("/admin/export.csv?view=urgent")

        assert exported.status_code == 200
        assert "attachment" in exported.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert [row["reference"] for row in rows] == [urgent.reference]
        assert calm.reference not in exported.text and theirs.reference not in exported.text
        workbook = await client.get("/admin/export.xlsx?view=urgent")
        assert workbook.status_code == 200 and workbook.content[:2] == b"PK"
        async with database.unit_of_work() as session:
            audited = (await session.exec(select(AuditEntry))).all()
        assert sum(entry.action == "personal_data.exported" for entry in audited) == 2
