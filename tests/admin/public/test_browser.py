"""/public on a phone and /admin/charts on a desk, in headless Chromium over the demo's data;
the screenshots are kept in var/screenshots/ for a person to look at."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import expect

from siang.app import create_app
from siang.demo_data import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo_data
from siang.settings import Settings
from storage.database import Database
from tests.fixtures.live_server import browser_context, refusals, serve

SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"
PHONE = {"width": 375, "height": 812}
expect.set_options(timeout=30_000)


@pytest.fixture
async def demo_server(settings: Settings, database: Database) -> AsyncIterator[str]:
    async with database.unit_of_work() as session:
        await load_demo_data(session, media_dir=settings.media_dir)
    with serve(create_app(settings)) as base_url:
        yield base_url


async def test_the_public_page_reads_on_a_phone_and_by_keyboard(demo_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    async with browser_context(viewport=PHONE, is_mobile=True, has_touch=True) as context:
        tab = await context.new_page()
        refused = refusals(tab)
        response = await tab.goto(demo_server + "/public")
        assert response is not None and response.headers["cache-control"] == "public, max-age=300"
        await expect(tab.locator("h1")).to_have_text("เรื่องที่ประชาชนแจ้ง และผลการแก้ไข")
        await expect(tab.locator("svg[data-chart=volume]")).to_be_visible()
        # Nothing wider than the phone: no sideways scrolling to read a figure.
        width = await tab.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        await tab.screenshot(path=str(SCREENSHOTS / "public.png"), full_page=True)

        # The first Tab reaches the skip link, which then shows; Enter moves to the content.
        await tab.keyboard.press("Tab")
        skip = tab.locator("a.skip")
        await expect(skip).to_be_focused()
        box = await skip.bounding_box()
        assert box is not None and box["x"] >= 0

        await tab.get_by_role("link", name="เชียงใหม่").first.click()
        await expect(tab.locator("h1")).to_have_text("จังหวัดเชียงใหม่")
        await tab.get_by_role("link", name="English").click()
        await expect(tab.locator("h1")).to_have_text("Chiang Mai province")
        assert await tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        await tab.screenshot(path=str(SCREENSHOTS / "public-province-en.png"), full_page=True)
        assert refused == []


async def test_the_charts_page_draws_the_demo_year(demo_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    admin = DEMO_ACCOUNTS[0]
    async with browser_context(viewport={"width": 1280, "height": 900}) as context:
        tab = await context.new_page()
        refused = refusals(tab)
        await tab.goto(demo_server + "/admin/login")
        await tab.locator("input[name=email]").fill(admin.email)
        await tab.locator("input[name=password]").fill(DEMO_PASSWORD)
        await tab.locator("form[action='/admin/login'] button").click()
        await expect(tab).to_have_url(demo_server + "/admin")
        await tab.get_by_role("link", name="กราฟ").click()
        await expect(tab).to_have_url(demo_server + "/admin/charts")
        for key in ("volume", "sentiment-category", "sentiment-district", "resolution"):
            await expect(tab.locator(f"svg[data-chart={key}]")).to_be_visible()
        for key in ("satisfaction", "outcomes"):
            await expect(tab.locator(f"svg[data-chart={key}]")).to_be_visible()
        # Last year's line has weeks with items: the demo's history reaches back that far.
        last_year = await tab.locator("#volume tbody td:nth-child(3)").all_text_contents()
        assert len(last_year) == 26 and sum(int(n) for n in last_year) > 100
        await tab.screenshot(path=str(SCREENSHOTS / "charts.png"), full_page=True)
        assert refused == []
