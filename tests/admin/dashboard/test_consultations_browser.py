"""Consultations in headless Chromium: an official asks, publishes, watches the live results by
area, and closes by keyboard; the page reads on a phone. Screenshots go to var/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.async_api import Dialog, Page, expect

from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from storage.models import UserRole
from storage.types import utcnow
from tests.admin.conftest import PASSWORD, Accounts
from tests.fixtures.consultations import PLANTED_ANSWER, PLANTED_PHONE, Answer, answer_all
from tests.fixtures.live_server import browser_context, refusals, serve

SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"
PHONE = {"width": 375, "height": 812}
expect.set_options(timeout=20_000)


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    with serve(create_app(settings)) as base_url:
        yield base_url


async def _sign_in(tab: Page, server: str, email: str) -> None:
    await tab.goto(server + "/admin/login")
    await tab.locator("input[name=email]").fill(email)
    await tab.locator("input[name=password]").fill(PASSWORD)
    await tab.locator("form[action='/admin/login'] button").click()
    await expect(tab).to_have_url(server + "/admin")


async def test_an_official_asks_publishes_and_reads_live_results_on_desk_and_phone(
    server: str, accounts: Accounts, database: Database
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    async with browser_context(viewport={"width": 1280, "height": 900}) as context:
        tab = await context.new_page()
        refused = refusals(tab)
        await _sign_in(tab, server, official.email)
        await tab.get_by_role("link", name="รับฟังความคิดเห็น").click()
        await expect(tab.locator("h1")).to_have_text("การรับฟังความคิดเห็นและโพล")
        await tab.get_by_label("ชื่อเรื่อง").fill("ย้ายตลาดนัดวันอาทิตย์")
        await tab.get_by_label("คำถาม", exact=True).fill("ควรย้ายตลาดนัดไปที่ลานจอดรถเทศบาลไหม")
        await tab.get_by_label("ตัวเลือก (บรรทัดละหนึ่งตัวเลือก)").fill("ย้าย\nไม่ย้าย")
        await tab.get_by_label("รับคำตอบที่ประชาชนพิมพ์เอง").check()
        await tab.get_by_label("จังหวัด (คั่นด้วยจุลภาค)").fill("เชียงใหม่")
        closes = (utcnow() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
        await tab.get_by_label("ปิดรับความคิดเห็นเมื่อ").fill(closes)
        await tab.get_by_role("button", name="บันทึกเป็นร่าง").click()
        await expect(tab.locator("p.saved")).to_contain_text("บันทึกร่างแล้ว")
        found = re.search(r"/admin/consultations/(\d+)", tab.url)
        assert found is not None
        consultation_id = int(found.group(1))

        await tab.get_by_role("button", name="เผยแพร่ส่งถึงประชาชน").click()
        await expect(tab.locator("p.saved")).to_contain_text("เผยแพร่แล้ว")
        # Citizens answer by chat meanwhile; the official refreshes the results.
        async with database.unit_of_work() as session:
            await answer_all(
                session,
                consultation_id,
                [
                    Answer(district="5001", option=0),
                    Answer(district="5001", option=1),
                    Answer(district="5002", option=1),
                    Answer(district="5003", option=0),
                    Answer(option=1, typed=PLANTED_ANSWER, theme="ถนน"),
                ],
                start=utcnow() - timedelta(minutes=10),
            )
        await tab.get_by_role("link", name="อัปเดตผล").click()
        for chart in ("options", "provinces", "districts"):
            await expect(tab.locator(f"svg[data-chart={chart}]")).to_be_visible()
        await expect(tab.locator("[data-total]")).to_contain_text("ตอบแล้ว 5 คน")
        await expect(tab.locator("ul.themes")).to_contain_text("ถนนหน้าตลาดเป็นหลุมมาก")
        assert PLANTED_PHONE not in await tab.content()
        await tab.screenshot(path=str(SCREENSHOTS / "consultation-live.png"), full_page=True)

        # Closing by keyboard: focus the button, Enter, accept the question it asks.
        async def accept(dialog: Dialog) -> None:
            await dialog.accept()

        tab.once("dialog", accept)
        close = tab.get_by_role("button", name="ปิดรับและเผยแพร่ผล")
        await close.focus()
        await tab.keyboard.press("Enter")
        await expect(tab.locator("p.saved")).to_contain_text("ปิดรับแล้ว ส่งสรุปผลถึงผู้ตอบ 5 คน")
        await expect(tab.locator("#results-heading")).to_have_text("ผลสุดท้าย")
        assert refused == []

    async with browser_context(viewport=PHONE, is_mobile=True, has_touch=True) as context:
        tab = await context.new_page()
        refused = refusals(tab)
        await _sign_in(tab, server, official.email)
        await tab.goto(f"{server}/admin/consultations/{consultation_id}")
        await expect(tab.locator("svg[data-chart=districts]")).to_be_visible()
        assert await tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        await tab.screenshot(path=str(SCREENSHOTS / "consultation-phone.png"), full_page=True)
        await tab.goto(f"{server}/admin/consultations?lang=en")
        await expect(tab.locator("h1")).to_have_text("Consultations and polls")
        assert await tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        await tab.screenshot(path=str(SCREENSHOTS / "consultations-phone-en.png"), full_page=True)
        public = await tab.goto(f"{server}/public/provinces/50")
        assert public is not None
        await expect(tab.locator(f"[data-consultation='{consultation_id}']")).to_be_visible()
        assert await tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        await tab.screenshot(
            path=str(SCREENSHOTS / "public-consultation-phone.png"), full_page=True
        )
        assert refused == []
