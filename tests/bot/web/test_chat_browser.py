"""The web chat in headless Chromium: a citizen files a complaint by typing and tapping."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Page, expect
from sqlmodel import select

from bot.dependencies import get_conversations
from bot.texts import text
from services import ticket_lookups, ticket_moves
from services.actors import Actor
from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, FeedbackItem, FeedbackStatus
from tests.bot.conversations.conftest import make_engine
from tests.bot.web.test_chat_api import PNG
from tests.fixtures.live_server import browser_context, refusals, serve

# A loaded CI machine (two test workers, the browser, the server) can take seconds to answer.
expect.set_options(timeout=20_000)


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    """A real uvicorn server for the app on a free loopback port, in its own thread."""
    app = create_app(settings)
    engine = make_engine(settings)
    app.dependency_overrides[get_conversations] = lambda: engine
    with serve(app) as base_url:
        yield base_url


@pytest.fixture
async def page(server: str) -> AsyncIterator[Page]:
    async with browser_context(viewport={"width": 390, "height": 844}) as context:
        tab = await context.new_page()
        await tab.goto(server + "/chat")
        yield tab


async def _reference_in(database: Database) -> list[tuple[str, Channel]]:
    async with database.unit_of_work() as session:
        rows = (await session.exec(select(FeedbackItem))).all()
    return [(row.reference, row.channel) for row in rows]


async def test_a_complaint_from_first_message_to_a_reference_by_tapping_buttons(
    page: Page, database: Database
) -> None:
    await expect(page.get_by_role("button", name="แจ้งปัญหา", exact=True)).to_be_visible()
    await page.get_by_role("button", name="แจ้งปัญหา", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("เล่าให้ฟังหน่อย")

    await page.get_by_label("พิมพ์ข้อความ…").fill(
        "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง"
    )
    await page.get_by_role("button", name="ส่ง", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("วังทองหลาง")
    await page.get_by_role("button", name="ยืนยัน", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("PDPA")
    await page.get_by_role("button", name="ยอมรับ", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("เลขเรื่องของคุณคือ")

    shown = await page.get_by_role("log").inner_text()
    stored = await _reference_in(database)
    assert len(stored) == 1
    reference, channel = stored[0]
    assert reference in shown and channel is Channel.WEB

    # A reload keeps the conversation, and the reference's progress is one tap away.
    await page.reload()
    await expect(page.get_by_role("log")).to_contain_text(reference)
    await page.get_by_role("button", name="ดูความคืบหน้า", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text(f"ความคืบหน้าเรื่อง {reference}")


async def test_without_geolocation_the_page_asks_for_the_place_in_words(page: Page) -> None:
    await expect(page.get_by_role("button", name="แจ้งปัญหา", exact=True)).to_be_visible()
    await page.get_by_role("button", name="แชร์ตำแหน่ง", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("พิมพ์ชื่อสถานที่")
    await expect(page.get_by_label("พิมพ์ข้อความ…")).to_be_focused()


async def test_a_shared_location_answers_where(page: Page, server: str) -> None:
    context = page.context
    await context.grant_permissions(["geolocation"], origin=server)
    await context.set_geolocation({"latitude": 13.7563, "longitude": 100.5018})
    await expect(page.get_by_role("button", name="แจ้งปัญหา", exact=True)).to_be_visible()
    await page.get_by_label("พิมพ์ข้อความ…").fill("ถนนเป็นหลุมลึกมาก อันตรายกับรถจักรยานยนต์")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("log")).to_contain_text("เกิดขึ้นที่ไหน")
    await page.get_by_role("button", name="แชร์ตำแหน่ง", exact=True).last.click()
    await expect(page.get_by_role("log")).to_contain_text("ตรวจสอบก่อนส่ง")
    await page.get_by_role("button", name="ยืนยัน", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("PDPA")


async def test_a_photo_is_uploaded_and_previewed(page: Page, tmp_path: Path) -> None:
    photo = tmp_path / "hole.png"
    photo.write_bytes(PNG)
    await expect(page.get_by_role("button", name="แจ้งปัญหา", exact=True)).to_be_visible()
    await page.locator("#photo-input").set_input_files(str(photo))
    await expect(page.get_by_role("log")).to_contain_text("ได้รับรูปแล้ว")
    assert await page.locator(".msg.me img").count() == 1


async def test_follow_up_an_officials_changes_and_a_rating_in_the_browser(
    page: Page, database: Database
) -> None:
    log, box = page.get_by_role("log"), page.get_by_label("พิมพ์ข้อความ…")
    await expect(page.get_by_role("button", name="แจ้งปัญหา", exact=True)).to_be_visible()
    await box.fill("ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง")
    await box.press("Enter")
    await page.get_by_role("button", name="ยืนยัน", exact=True).click()
    await page.get_by_role("button", name="ยอมรับ", exact=True).click()
    await expect(log).to_contain_text("เลขเรื่องของคุณคือ")
    [(reference, _)] = await _reference_in(database)

    await box.fill("ติดตาม")
    await box.press("Enter")
    await expect(log).to_contain_text(text("th", "follow.list", count=1))
    await expect(log).to_contain_text(f"{reference} · ถนน · {text('th', 'status.routed')}")
    await box.fill(f"ติดตาม {reference}")
    await box.press("Enter")
    title = text("th", "follow.history_title", reference=reference)
    await expect(log).to_contain_text(title)
    shown = await log.evaluate("(node, title) => node.innerText.split(title).length - 1", title)
    assert shown == 1  # the card does not repeat the title its message opens with

    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        for status, note in (
            (FeedbackStatus.ACCEPTED, None),
            (FeedbackStatus.RESOLVED, "ปะหลุมเรียบร้อยแล้วค่ะ"),
        ):
            await ticket_moves.change_status(
                session, item.id, to=status, actor=Actor.system(), note=note
            )
    # The page polls every few seconds and whenever the citizen comes back to the tab.
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    await expect(log).to_contain_text(text("th", "status.accepted"))
    await expect(log).to_contain_text("ปะหลุมเรียบร้อยแล้วค่ะ")

    await page.get_by_role("button", name=text("th", "button.fixed"), exact=True).click()
    await page.get_by_role("button", name="5 ⭐", exact=True).click()
    await page.get_by_role("button", name=text("th", "button.skip"), exact=True).click()
    await expect(log).to_contain_text(text("th", "resolution.rated"))
    async with database.unit_of_work() as session:
        rated = await ticket_lookups.find_by_reference(session, reference)
    assert rated is not None
    assert (rated.status, rated.rating, rated.citizen_confirmed_fix) == (
        FeedbackStatus.CLOSED,
        5,
        True,
    )


async def _stored_in_browser(page: Page) -> str:
    stored: str = await page.evaluate(
        "() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"
    )
    return stored


async def test_the_transcript_stays_with_the_tab_and_goes_with_erasure(page: Page) -> None:
    phone = "081-234-5678"
    await page.get_by_label("พิมพ์ข้อความ…").fill(
        f"ถนนหน้าบ้านเป็นหลุมใหญ่มาก ซอยลาดพร้าว 71 เขตวังทองหลาง ติดต่อสมชาย {phone}"
    )
    await page.get_by_role("button", name="ส่ง", exact=True).click()
    await page.get_by_role("button", name="ยืนยัน", exact=True).click()
    await page.get_by_role("button", name="ยอมรับ", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("เลขเรื่องของคุณคือ")
    # A shared computer at a district office: nothing outlives the tab.
    assert await page.evaluate("() => JSON.stringify(localStorage)") == "{}"

    await page.get_by_label("พิมพ์ข้อความ…").fill("ข้อมูลของฉัน")
    await page.get_by_role("button", name="ส่ง", exact=True).click()
    await page.get_by_role("button", name="ลบข้อมูลของฉัน", exact=True).click()
    await page.get_by_role("button", name="ยืนยันลบข้อมูล", exact=True).click()
    await expect(page.get_by_role("log")).to_contain_text("ลบข้อมูลส่วนบุคคลของคุณแล้ว")

    assert phone not in await page.get_by_role("log").inner_text()
    assert phone not in await _stored_in_browser(page)
    assert "siang_chat" not in [cookie["name"] for cookie in await page.context.cookies()]
    await page.reload()
    await expect(page.get_by_role("log")).to_contain_text("ยินดีต้อนรับ")
    assert phone not in await page.get_by_role("log").inner_text()


async def test_the_page_works_under_its_security_headers(server: str, tmp_path: Path) -> None:
    photo = tmp_path / "hole.png"
    photo.write_bytes(PNG)
    async with browser_context() as context:
        tab = await context.new_page()
        refused = refusals(tab)

        response = await tab.goto(server + "/chat")

        assert response is not None
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["cache-control"] == "no-store"
        await tab.get_by_role("button", name="แจ้งปัญหา", exact=True).click()
        await expect(tab.get_by_role("log")).to_contain_text("เล่าให้ฟังหน่อย")
        await tab.locator("#photo-input").set_input_files(str(photo))
        await expect(tab.get_by_role("log")).to_contain_text("ได้รับรูปแล้ว")
        await expect(tab.locator(".msg.me img")).to_have_count(1)
        assert refused == []


async def test_the_page_follows_a_thai_citizen_whose_browser_is_english(server: str) -> None:
    async with browser_context(locale="en-US", viewport={"width": 390, "height": 844}) as context:
        tab = await context.new_page()
        await tab.goto(server + "/chat")
        await expect(tab.get_by_placeholder(text("en", "web.placeholder"))).to_be_visible()
        await tab.get_by_placeholder(text("en", "web.placeholder")).fill("ถนนหน้าบ้านเป็นหลุมค่ะ")
        await tab.get_by_role("button", name=text("en", "web.send"), exact=True).click()
        await expect(tab.get_by_placeholder(text("th", "web.placeholder"))).to_be_visible()
        await expect(tab.locator("html")).to_have_attribute("lang", "th")
        await expect(tab.get_by_role("heading").first).to_have_text(text("th", "web.title"))
