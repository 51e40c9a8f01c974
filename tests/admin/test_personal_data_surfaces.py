"""The personal-data scan, surfaces half: a national ID, phones, an e-mail, a name, a house
address, exact coordinates and a phone photo planted through LINE, Telegram, the web chat and
Open311, and an official's status note naming people; then every public or lower-privilege
surface (Open311 JSON and XML, the API, history, exports, the dashboard pages and the weekly
digest, as a board member and as an analyst) is read whole, and none of it may be there."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlmodel import select

from admin.digests.links import digest_token
from admin.digests.weeks import IsoWeek
from siang.settings import Settings
from storage.database import Database
from storage.models import Agency, FeedbackItem, FeedbackMedia, UserRole
from storage.types import utcnow
from tests.admin.conftest import PASSWORD, Account, Accounts
from tests.bot.citizens import LineCitizen, TelegramCitizen, joined
from tests.bot.helpers import post_line, post_telegram, settle
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi, SentMessage
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.photos import assert_no_phone_traces, phone_photo, stored_photos

NATIONAL_ID = "1-1017-00203-45-0"
PHONES = ("081-234-5678", "0898765432")
EMAIL = "somchai.jaidee@gmail.com"
NAME = ("สมชาย", "ใจดี")
HOUSE = "บ้านเลขที่ 99/12"
HOME = (13.7804123, 100.6084567)  # Wang Thonglang, Bangkok: where the citizen lives
OFFICIALS_NOTE = "โทรคุยกับนางสาวมาลี ศรีสุข 02-123-4567 แล้ว จะส่งช่างไปพรุ่งนี้"

WHO = f"ติดต่อนาย{NAME[0]} {NAME[1]} โทร {PHONES[0]} หรือ {PHONES[1]} อีเมล {EMAIL}"
IDENTITY = f"บัตรประชาชน {NATIONAL_ID} {HOUSE} หมู่ 4"
REPORTS = {
    "line": f"ไฟถนนหน้าบ้านดับมาสามคืนแล้ว มืดมาก {WHO} {IDENTITY}",
    "telegram": f"ขยะไม่มีใครมาเก็บสองสัปดาห์แล้ว ส่งกลิ่นเหม็นมาก {WHO} {IDENTITY}",
    "web": f"ท่อระบายน้ำอุดตัน น้ำเน่าขังหน้าบ้าน {WHO} {IDENTITY}",
    "open311": f"ทางเท้าพังเป็นหลุมใหญ่ คนแก่สะดุดล้ม {WHO} {IDENTITY}",
}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# What must never be read below the item's agency, as written and in the shapes it may take.
SECRETS: dict[str, tuple[str, ...]] = {
    "national id": (NATIONAL_ID, _digits(NATIONAL_ID)),
    "phone": (*PHONES, _digits(PHONES[0]), "02-123-4567"),
    "e-mail": (EMAIL, "somchai.jaidee"),
    "name": (*NAME, "มาลี", "ศรีสุข"),
    "exact point": (f"{HOME[0]:.5f}"[:8], f"{HOME[1]:.5f}"[:9], "13.7804", "100.6084"),
}
HOUSE_SECRET = {"house address": ("99/12",)}


def leaks(readings: dict[str, str], secrets: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Which secrets each surface shows, by kind (empty when none)."""
    found: dict[str, list[str]] = {}
    for surface, body in readings.items():
        for kind, shapes in secrets.items():
            if any(shape in body for shape in shapes):
                found.setdefault(kind, []).append(surface)
    return found


def _labels(answer: list[Any]) -> list[str]:
    found: list[str] = []
    for message in answer:
        if isinstance(message, SentMessage):
            found += [a.get("label", "") for a in message.quick_reply_actions]
            footer = (message.message.get("contents") or {}).get("footer") or {}
            found += [p["action"]["label"] for p in footer.get("contents", []) if "action" in p]
        else:
            found += [b["text"] for b in message.inline_buttons]
    return found


async def _through_chat(citizen: LineCitizen | TelegramCitizen, answer: list[Any]) -> None:
    """Answer the chat until the report is filed: a category to pick, confirm, consent."""
    for _ in range(6):
        labels = _labels(answer)
        if "ยืนยัน" in labels:
            answer = await citizen.tap("ยืนยัน", answer)
        elif "ยอมรับ" in labels:
            answer = await citizen.tap("ยอมรับ", answer)
        elif "อื่นๆ" in labels:
            answer = await citizen.tap(labels[0], answer)
        else:
            return
    raise AssertionError(joined(answer))


async def _plant_on_line(app: FastAPI, client: httpx.AsyncClient, api: FakeLineApi) -> None:
    citizen = LineCitizen(app, client, api, "Uscan-line-citizen")
    await citizen.share_location(*HOME)
    api.add_content("scan-photo", phone_photo("JPEG"))
    token = api.issue_reply_token(citizen.user)
    assert (
        await post_line(client, line.image_event(citizen.user, "scan-photo", reply_token=token))
    ).status_code == 200
    await settle(app)
    citizen.new_messages()
    await _through_chat(citizen, await citizen.say(REPORTS["line"]))


async def _plant_on_telegram(app: FastAPI, client: httpx.AsyncClient, api: FakeTelegramApi) -> None:
    citizen = TelegramCitizen(app, client, api, 7_300_400)
    for update in (
        telegram.location_update(citizen.user, *HOME),
        telegram.photo_update(citizen.user, "scan-photo"),
    ):
        api.add_file("scan-photo", phone_photo("PNG"), "photos/scan.png")
        assert (await post_telegram(client, update)).status_code == 200
        await settle(app)
    citizen.new_messages()
    await _through_chat(citizen, await citizen.say(REPORTS["telegram"]))


def _next_tap(answer: dict[str, Any]) -> str | None:
    """The web chat button to press on the way to filing: confirm, consent, or a category."""
    buttons = {b["label"]: b["data"] for m in answer["messages"] for b in m["buttons"]}
    for label in ("ยืนยัน", "ยอมรับ"):
        if label in buttons:
            return str(buttons[label])
    return str(next(iter(buttons.values()))) if "อื่นๆ" in buttons else None


async def _plant_on_web_chat(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as browser:
        steps = iter(range(100))

        async def send(**body: Any) -> dict[str, Any]:
            body["client_id"] = f"scan-web-{next(steps):02d}"
            response = await browser.post("/chat/api/messages", json=body)
            assert response.status_code == 200, response.text
            await settle(app)
            answer: dict[str, Any] = response.json()
            return answer

        await send(latitude=HOME[0], longitude=HOME[1])
        photo = await browser.post(
            "/chat/api/photos",
            data={"client_id": "scan-web-photo"},
            files={"photo": ("home.webp", phone_photo("WEBP"), "image/webp")},
        )
        assert photo.status_code == 200, photo.text
        answer = await send(text=REPORTS["web"])
        for _ in range(6):
            tap = _next_tap(answer)
            if tap is None:
                return
            answer = await send(postback=tap)
        raise AssertionError(answer)


async def _plant_on_open311(client: httpx.AsyncClient, filer: Account) -> None:
    key = await client.post(
        "/api/v1/auth/api-keys", json={"name": "city 311 app"}, headers=filer.headers
    )
    response = await client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": key.json()["key"],
            "service_code": "road",
            "lat": str(HOME[0]),
            "long": str(HOME[1]),
            "address_string": f"{HOUSE} ซอยรามคำแหง 39",
            "description": REPORTS["open311"],
            "first_name": NAME[0],
            "last_name": NAME[1],
            "email": EMAIL,
            "phone": PHONES[0],
        },
    )
    assert response.status_code == 200, response.text


@dataclass
class Planted:
    items: list[FeedbackItem]
    photo_keys: list[str]
    board: Account
    analyst: Account


async def _xlsx_text(data: bytes) -> str:
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    assert sheet is not None
    return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)


async def _as_reader(
    client: httpx.AsyncClient, planted: Planted, role: str, account: Account
) -> dict[str, str]:
    """Everything this account can read about the planted items, surface by surface."""
    read: dict[str, str] = {}
    headers = account.headers
    read[f"{role} /api/v1/feedback"] = (await client.get("/api/v1/feedback", headers=headers)).text
    for item in planted.items:
        detail = await client.get(f"/api/v1/feedback/{item.id}", headers=headers)
        assert detail.status_code == 200 and detail.json()["history"], role
        assert detail.json()["media"] == [], role
        read[f"{role} detail {item.channel.value}"] = detail.text
    for aggregate in (
        "stats/sentiment?group_by=district",
        "stats/volumes",
        "stats/overdue",
        "indicators",
    ):
        answer = await client.get(f"/api/v1/{aggregate}", headers=headers)
        assert answer.status_code == 200, (role, aggregate, answer.text)
        read[f"{role} {aggregate}"] = answer.text
    csv = await client.get("/api/v1/exports/feedback.csv", headers=headers)
    read[f"{role} export csv"] = csv.content.decode("utf-8-sig")
    xlsx = await client.get("/api/v1/exports/feedback.xlsx", headers=headers)
    read[f"{role} export xlsx"] = await _xlsx_text(xlsx.content)
    client.cookies.clear()
    login = {"email": account.email, "password": PASSWORD}
    assert (await client.post("/admin/login", data=login)).status_code == 303
    read[f"{role} dashboard queue"] = (await client.get("/admin")).text
    for item in planted.items:
        page = await client.get(f"/admin/items/{item.id}")
        assert page.status_code == 200, role
        read[f"{role} dashboard item {item.channel.value}"] = page.text
    client.cookies.clear()
    return read


async def _public(client: httpx.AsyncClient, settings: Settings) -> dict[str, str]:
    read: dict[str, str] = {}
    for fmt in ("json", "xml"):
        read[f"open311 requests.{fmt}"] = (await client.get(f"/open311/v2/requests.{fmt}")).text
    listed = json.loads(read["open311 requests.json"])
    for request in listed:
        one = await client.get(f"/open311/v2/requests/{request['service_request_id']}.xml")
        read[f"open311 {request['service_request_id']}.xml"] = one.text
    zone = ZoneInfo(settings.timezone)
    week = IsoWeek.containing(utcnow(), zone)
    token = digest_token(settings.secret_key, subject_key="board:10", week=str(week))
    digest = await client.get(f"/digests/{token}")
    assert digest.status_code == 200
    read["board digest page"] = digest.text
    return read


@pytest.fixture
async def planted(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    accounts: Accounts,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> Planted:
    """Everything planted through every channel, and an official's note on each item."""
    await _plant_on_line(app, client, line_api)
    await _plant_on_telegram(app, client, telegram_api)
    await _plant_on_web_chat(app)
    await _plant_on_open311(client, await accounts.make(UserRole.ADMIN))
    async with database.unit_of_work() as session:
        items = list((await session.exec(select(FeedbackItem))).all())
        photos = list((await session.exec(select(FeedbackMedia))).all())
        agencies = {a.id: a.code for a in (await session.exec(select(Agency))).all()}
    assert {i.channel.value for i in items} == {"line", "telegram", "web", "open311"}
    assert all(i.latitude == HOME[0] for i in items), [(i.channel, i.latitude) for i in items]
    assert len(photos) == 3  # LINE, Telegram and the web chat each sent one
    # The officials of each item's agency write a note naming people, as officials do.
    for item in items:
        official = await accounts.make(UserRole.OFFICIAL, agencies=[agencies[item.agency_id]])
        changed = await client.post(
            f"/api/v1/feedback/{item.id}/status",
            json={"status": "accepted", "note": OFFICIALS_NOTE},
            headers=official.headers,
        )
        assert changed.status_code == 200, changed.text
    return Planted(
        items=items,
        photo_keys=[p.storage_key for p in photos],
        board=await accounts.make(UserRole.BOARD, province="กรุงเทพมหานคร"),
        analyst=await accounts.make(UserRole.ANALYST),
    )


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)


class TestPersonalDataScan:
    async def test_no_public_or_lower_privilege_surface_shows_what_was_planted(
        self, client: httpx.AsyncClient, settings: Settings, planted: Planted
    ) -> None:
        readings = await _public(client, settings)
        readings |= await _as_reader(client, planted, "board", planted.board)
        readings |= await _as_reader(client, planted, "analyst", planted.analyst)
        # the surfaces really carry the items: their masked words and their coarse point
        assert "ไฟถนนหน้าบ้านดับ" in readings["open311 requests.json"]
        assert "จะส่งช่างไปพรุ่งนี้" in readings["open311 requests.xml"]
        assert "13.775" in readings["open311 requests.json"]
        assert "[เบอร์โทร]" in readings["board detail line"]
        assert leaks(readings, SECRETS) == {}

    async def test_photos_are_clean_on_disk_and_not_served_below_the_agency(
        self, client: httpx.AsyncClient, settings: Settings, planted: Planted
    ) -> None:
        for stored in stored_photos(settings.media_dir):
            assert_no_phone_traces(stored)
        for key in planted.photo_keys:
            assert (await client.get(f"/media/{key}")).status_code == 404
        open311 = (await client.get("/open311/v2/requests.json")).json()
        assert {r["media_url"] for r in open311} == {None}

    async def test_the_house_address_is_not_shown_either(
        self, client: httpx.AsyncClient, settings: Settings, planted: Planted
    ) -> None:
        readings = await _public(client, settings)
        readings |= await _as_reader(client, planted, "board", planted.board)
        assert leaks(readings, HOUSE_SECRET) == {}
