"""The /admin pages as an official uses them: sign in, the queue, an item, a status change."""

from __future__ import annotations

import re

import httpx

from storage.database import Database
from storage.models import FeedbackItem, FeedbackStatus, UserRole
from storage.repositories.agencies import AgencyRepository
from tests.admin.conftest import ORIGINAL, PASSWORD, REDACTED, Accounts, Items


async def _sign_in(client: httpx.AsyncClient, email: str) -> None:
    response = await client.post("/admin/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/admin"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found is not None
    return found.group(1)


class TestSignIn:
    async def test_without_a_session_the_queue_sends_you_to_sign_in(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/admin")
        assert response.status_code == 303
        assert response.headers["location"].startswith("/admin/login")
        login = await client.get("/admin/login")
        assert "เข้าสู่ระบบเจ้าหน้าที่" in login.text

    async def test_without_a_session_every_reading_page_sends_you_to_sign_in_again(
        self, client: httpx.AsyncClient
    ) -> None:
        """The pages one way shows a signed-in reader (`shown_to_reader`): an item, the
        consultations, a consultation, a survey, the volunteer programmes and one of them."""
        for path in (
            "/admin/items/1",
            "/admin/consultations",
            "/admin/consultations/1",
            "/admin/surveys/1",
            "/admin/volunteering",
            "/admin/volunteering/1",
        ):
            response = await client.get(path)
            assert response.status_code == 303, path
            assert response.headers["location"] == "/admin/login?expired=1", path
            assert 'siang_admin=""' in response.headers["set-cookie"], path

    async def test_a_wrong_password_says_so_in_thai(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.post(
            "/admin/login", data={"email": official.email, "password": "wrong"}
        )
        assert response.status_code == 401
        assert "อีเมลหรือรหัสผ่านไม่ถูกต้อง" in response.text
        assert "set-cookie" not in response.headers


class TestQueuePage:
    async def test_the_queue_lists_only_the_officials_items_with_counts(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        mine = await items.add(agency="pwa-50")
        theirs = await items.add(agency="pea-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        page = await client.get("/admin")
        assert page.status_code == 200
        assert mine.reference in page.text and theirs.reference not in page.text
        assert "ส่งถึงหน่วยงาน" in page.text  # the routed count's Thai label
        filtered = await client.get("/admin", params={"status": "resolved"})
        assert mine.reference not in filtered.text
        assert "ไม่มีเรื่องตามเงื่อนไขนี้" in filtered.text
        outside = await client.get("/admin", params={"province": "กรุงเทพมหานคร"})
        assert outside.status_code == 200 and theirs.reference not in outside.text


class TestItemPage:
    async def test_an_official_reads_the_item_and_moves_it_on(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50", status=FeedbackStatus.ROUTED)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        assert page.status_code == 200
        assert ORIGINAL in page.text and "ประวัติ" in page.text
        moved = await client.post(
            f"/admin/items/{item.id}/status",
            data={"status": "accepted", "note": "รับเรื่องแล้ว จะส่งช่างไป", "csrf": _csrf(page.text)},
        )
        assert moved.status_code == 303
        after = await client.get(moved.headers["location"])
        assert "บันทึกแล้ว" in after.text
        assert "รับดำเนินการ" in after.text and "จะส่งช่างไป" in after.text

    async def test_a_message_not_in_thai_says_which_language_it_is_in(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        lao = await items.add(agency="pwa-50", language="lo", original_text="ນ້ຳປະປາບໍ່ໄຫຼ")
        korean = await items.add(agency="pwa-50", language="other", original_text="물이 안 나와요")
        thai = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        assert "ข้อความเป็นภาษาลาว" in (await client.get(f"/admin/items/{lao.id}")).text
        other = (await client.get(f"/admin/items/{korean.id}")).text
        assert "ข้อความเป็นภาษาอื่น" in other
        assert "ข้อความเป็นภาษา" not in (await client.get(f"/admin/items/{thai.id}")).text

    async def test_an_official_forwards_to_an_agency_of_the_province_picked_by_name(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", status=FeedbackStatus.ROUTED)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        async with database.unit_of_work() as session:
            electricity = await AgencyRepository(session).by_code("pea-50")
            bangkok = await AgencyRepository(session).by_code("mwa-10")
        assert electricity is not None and bangkok is not None
        offered = re.findall(r'<option value="([^"]+)">([^<]*)</option>', page.text)
        assert ("pea-50", electricity.name_th) in offered
        assert all(code != "pwa-50" for code, _ in offered)  # not back to where it is
        assert all(code != bangkok.code for code, _ in offered)  # only the item's province
        forwarded = await client.post(
            f"/admin/items/{item.id}/forward",
            data={"agency": "pea-50", "reason": "เป็นเรื่องไฟฟ้า", "csrf": _csrf(page.text)},
        )
        assert forwarded.status_code == 303
        async with database.unit_of_work() as session:
            moved = await session.get(FeedbackItem, item.id)
        assert moved is not None and moved.agency_id == electricity.id

    async def test_notes_read_in_thai_and_in_english_once_the_reader_switches(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", status=FeedbackStatus.ROUTED)
        admin = await accounts.make(UserRole.ADMIN)
        await _sign_in(client, admin.email)
        page = await client.get(f"/admin/items/{item.id}")
        forwarded = await client.post(
            f"/admin/items/{item.id}/forward",
            data={"agency": "pea-50", "reason": "เป็นเรื่องไฟฟ้า", "csrf": _csrf(page.text)},
        )
        assert forwarded.status_code == 303
        async with database.unit_of_work() as session:
            electricity = await AgencyRepository(session).by_code("pea-50")
        assert electricity is not None

        thai = (await client.get(f"/admin/items/{item.id}")).text
        assert f"ส่งต่อถึง {electricity.name_th}: เป็นเรื่องไฟฟ้า" in thai
        assert "เหตุผลที่ส่งถึงหน่วยงานนี้: ส่งต่อโดยเจ้าหน้าที่: เป็นเรื่องไฟฟ้า" in thai

        english = await client.get(f"/admin/items/{item.id}", params={"lang": "en"})
        assert '<html lang="en">' in english.text and "History" in english.text
        assert f"Forwarded to {electricity.name_en}: เป็นเรื่องไฟฟ้า" in english.text
        assert "Why it went to this agency: Forwarded by an official: เป็นเรื่องไฟฟ้า" in english.text
        assert "ส่งต่อถึง" not in english.text and "ประวัติ" not in english.text
        queue = (await client.get("/admin")).text  # the choice is kept
        assert "Items received" in queue and "เรื่องที่ได้รับ" not in queue
        back = (await client.get("/admin", params={"lang": "th"})).text
        assert "เรื่องที่ได้รับ" in back

    async def test_a_refused_change_shows_why_and_a_forged_form_is_refused(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(status=FeedbackStatus.IN_PROGRESS)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        silent = await client.post(
            f"/admin/items/{item.id}/status", data={"status": "resolved", "csrf": _csrf(page.text)}
        )
        assert silent.status_code == 422 and "note" in silent.text
        forged = await client.post(
            f"/admin/items/{item.id}/status",
            data={"status": "rejected", "note": "x", "csrf": "0" * 32},
        )
        assert forged.status_code == 403

    async def test_board_members_read_redacted_and_cannot_act_and_others_see_nothing(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50", province="50")
        member = await accounts.make(UserRole.BOARD, province="50")
        await _sign_in(client, member.email)
        page = await client.get(f"/admin/items/{item.id}")
        assert REDACTED in page.text and ORIGINAL not in page.text
        assert "บันทึกสถานะ" not in page.text
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        await _sign_in(client, stranger.email)
        hidden = await client.get(f"/admin/items/{item.id}")
        assert hidden.status_code == 404 and "ไม่พบเรื่องนี้" in hidden.text

    async def test_signing_out_ends_the_session(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        out = await client.post("/admin/logout")
        assert out.status_code == 303
        assert (await client.get("/admin")).status_code == 303


class TestSignOut:
    async def test_the_cookie_token_no_longer_works_after_signing_out(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        token = client.cookies["siang_admin"]

        signed_out = await client.post("/admin/logout")

        assert signed_out.status_code == 303
        client.cookies.set("siang_admin", token, path="/admin")  # a copy kept by an attacker
        queue = await client.get("/admin")
        assert queue.status_code == 303 and queue.headers["location"].startswith("/admin/login")
        bearer = {"Authorization": f"Bearer {token}"}
        assert (await client.get("/api/v1/auth/me", headers=bearer)).status_code == 401


class TestUnknownAddress:
    async def test_a_mistyped_address_gets_the_dashboards_page_with_the_way_back(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        page = await client.get("/admin/itemz/12")
        assert page.status_code == 404
        assert page.headers["content-type"].startswith("text/html")
        assert 'href="/admin"' in page.text and official.email in page.text
        assert (await client.get("/admin")).status_code == 200  # real pages are untouched

    async def test_a_stranger_is_sent_to_sign_in_not_told_what_exists(
        self, client: httpx.AsyncClient
    ) -> None:
        page = await client.get("/admin/itemz/12")
        assert page.status_code == 303 and page.headers["location"].startswith("/admin/login")

    async def test_a_form_sent_to_an_unknown_address_is_a_plain_404(
        self, client: httpx.AsyncClient
    ) -> None:
        sent = await client.post("/admin/itemz/12/status", data={"status": "resolved"})
        assert sent.status_code == 404 and sent.json()["error"]["code"] == "not_found"
