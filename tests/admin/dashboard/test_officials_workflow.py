"""An agency official's day in headless Chromium: find an item by its reference, see its photo
and map, assign it, resolve it with a note and an after-photo (the citizen's LINE notice
arrives), correct another item's category, export the view. Screenshots of the queue and an
item (wide and on a phone) are saved under var/screenshots/ for a person to look at."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.async_api import Page, ViewportSize, expect

from services.ticket_references import random_reference
from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, Citizen, FeedbackStatus, Urgency, UserRole
from tests.admin.conftest import PASSWORD, Accounts, Items
from tests.admin.dashboard.forms import add_citizens_photo
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.live_server import browser_context, refusals, serve
from tests.fixtures.photos import phone_photo

expect.set_options(timeout=20_000)
SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"
CITIZEN = "Uworkflow-somsri"
PHONE = ViewportSize(width=390, height=844)


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)


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


async def test_an_official_finds_assigns_resolves_corrects_and_exports(
    server: str,
    settings: Settings,
    database: Database,
    accounts: Accounts,
    items: Items,
    line_api: FakeLineApi,
    tmp_path: Path,
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    colleague = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    async with database.unit_of_work() as session:
        citizen = Citizen(channel=Channel.LINE, channel_user_id=CITIZEN)
        session.add(citizen)
        await session.flush()
    reference = random_reference()
    reported = await items.add(
        agency="pwa-50", reference=reference, citizen_id=citizen.id, status=FeedbackStatus.ACCEPTED,
        district="5001", latitude=18.7883, longitude=98.9853, urgency=Urgency.HIGH,
    )  # fmt: skip
    await add_citizens_photo(database, settings.media_dir, reported.id or 0)
    other = await items.add(agency="pwa-50", category="ถนน", redacted_text="น้ำประปาไม่ไหล 3 วัน")
    for _ in range(4):
        await items.add(agency="pwa-50")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    async with browser_context(accept_downloads=True) as context:
        tab = await context.new_page()
        refused = refusals(tab)
        await _sign_in(tab, server, official.email)
        await expect(tab.locator("tr.is-urgent .tag.urgent")).to_have_text("เร่งด่วน")
        await tab.screenshot(path=SCREENSHOTS / "queue.png", full_page=True)

        # Find it by its reference as a citizen reads it out: lower case, spaces for dashes.
        await tab.keyboard.press("/")
        await expect(tab.locator("input[name=q]")).to_be_focused()
        await tab.keyboard.type(reference.lower().replace("-", " "))
        await tab.keyboard.press("Enter")
        await expect(tab).to_have_url(f"{server}/admin/items/{reported.id}")
        photo = tab.locator(".photos img").first
        await expect(photo).to_be_visible()
        assert await photo.evaluate("img => img.naturalWidth") > 0  # the photo really loaded
        await expect(tab.locator(".map svg path.district")).to_be_visible()
        await expect(tab.locator(".map svg circle.point")).to_be_visible()
        await tab.screenshot(path=SCREENSHOTS / "item.png", full_page=True)

        # Give it to a colleague.
        await tab.locator("form[action$='/assign'] select[name=user]").select_option(
            str(colleague.user_id)
        )
        await tab.locator("form[action$='/assign'] button").click()
        await expect(tab.get_by_text(f"ผู้รับผิดชอบ: {colleague.email}")).to_be_visible()

        # Resolve it with a note and a photo of the work done; the citizen hears of it on LINE.
        after_photo = tmp_path / "after.jpg"
        after_photo.write_bytes(phone_photo("jpeg", size=(160, 120)))
        status_form = tab.locator("form[action$='/status']")
        await status_form.locator("select[name=status]").select_option("resolved")
        await status_form.locator("textarea[name=note]").fill("ซ่อมท่อประปาเรียบร้อยแล้ว")
        await expect(status_form.locator(".pick-button")).to_have_text("เลือกรูป")
        await status_form.locator("input[name=photos]").set_input_files(after_photo)
        await expect(status_form.locator(".file-names")).to_have_text("after.jpg")
        await status_form.locator("button[type=submit]").click()
        await expect(tab.locator(".saved")).to_be_visible()
        await expect(tab.locator("figcaption", has_text="รูปหลังแก้ไข")).to_be_visible()
        await asyncio.to_thread(line_api.wait_for, 1, CITIZEN)
        notices = line_api.texts(CITIZEN)
        assert any("ซ่อมท่อประปาเรียบร้อยแล้ว" in notice for notice in notices), notices
        # The history shows the note whole, beside the actions, without scrolling sideways.
        history = tab.locator("table.history")
        await expect(history.locator("tr.note", has_text="ซ่อมท่อประปาเรียบร้อยแล้ว")).to_be_visible()
        assert await history.evaluate(
            "t => t.parentElement.scrollWidth <= t.parentElement.clientWidth"
        )

        # Correct another item's category.
        await tab.goto(f"{server}/admin/items/{other.id}")
        correct = tab.locator("form[action$='/correct']")
        await correct.locator("select[name=category]").select_option("ประปา")
        await correct.locator("button[type=submit]").click()
        await expect(tab.get_by_text("แก้หมวดจาก ถนน เป็น ประปา")).to_be_visible()

        # Export the view the official is looking at.
        await tab.goto(server + "/admin?view=unassigned")
        async with tab.expect_download() as waiting:
            await tab.get_by_role("link", name="ส่งออก CSV").click()
        download = await waiting.value
        saved = tmp_path / "view.csv"
        await download.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
        exported = {row["reference"] for row in rows}
        assert other.reference in exported and reference not in exported  # it was assigned

        # The same pages on a phone.
        await tab.set_viewport_size(PHONE)
        await tab.goto(server + "/admin")
        await tab.screenshot(path=SCREENSHOTS / "queue-phone.png", full_page=True)
        await tab.goto(f"{server}/admin/items/{reported.id}")
        await tab.screenshot(path=SCREENSHOTS / "item-phone.png", full_page=True)
        assert refused == []
