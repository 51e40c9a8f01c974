"""The personal-data scan, erasure half: a citizen on each channel plants every kind of personal
data (a national ID, phones, an e-mail, a name, a house address, exact coordinates, a photo), an
official writes a status note about them, they give their name and phone to a volunteer
organiser, the outbox delivers, the citizen asks to be erased in the chat, and then no table, no
file in the media directory and no log line holds any of it."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlmodel import SQLModel, col

from services import ticket_lookups, ticket_moves, volunteering
from services.actors import Actor
from services.volunteering import NewProgramme
from siang.settings import Settings
from storage.database import Database
from storage.models import DeliveryStatus, FeedbackStatus, OutboundMessage
from storage.repositories.agencies import AgencyRepository
from storage.types import utcnow
from tests.bot.citizens import LineCitizen, TelegramCitizen, joined, reference_in
from tests.bot.helpers import settle
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.photos import phone_photo

NATIONAL_ID = "1103700123458"
PHONE, MOBILE = "081-234-5678", "0891112222"
EMAIL = "somchai.jaidee@example.com"
GIVEN, FAMILY = "สมชาย", "แสงอรุณศรี"
HOUSE = "99/123"
LATITUDE, LONGITUDE = 13.7793417, 100.6089251
REPORT = (
    f"ผมชื่อ{GIVEN} {FAMILY} บ้านเลขที่ {HOUSE} หมู่ 4 ถนนหน้าบ้านเป็นหลุมใหญ่มาก เขตวังทองหลาง "
    f"โทร {PHONE} หรือ {MOBILE} อีเมล {EMAIL} เลขบัตรประชาชน {NATIONAL_ID}"
)
NOTE = f"โทรหาคุณ{GIVEN} {FAMILY} {PHONE} แล้ว นัดซ่อมหน้าบ้านเลขที่ {HOUSE} พรุ่งนี้"
PLANTED: tuple[str, ...] = (NATIONAL_ID, PHONE, MOBILE, "0812345678", EMAIL, GIVEN, FAMILY)
PLANTED += (HOUSE, str(LATITUDE), str(LONGITUDE))


def _photo(channel: str) -> bytes:
    """A phone's photo (EXIF with GPS, XMP), one distinct picture per channel."""
    return phone_photo("JPEG", size=(64 + len(channel), 32))


async def _leftovers(database: Database, needles: tuple[str, ...]) -> list[str]:
    """Every text or JSON value (and coordinate) of every row of every table that holds a planted
    value (read by value: SQLModel's text columns are type decorators, not `String`)."""
    found: list[str] = []
    async with database.unit_of_work() as session:
        for table in SQLModel.metadata.sorted_tables:
            for row in (await session.execute(select(table))).mappings():
                for column in table.columns:
                    value = row[column.name]
                    if isinstance(value, float):
                        if min(abs(value - LATITUDE), abs(value - LONGITUDE)) < 1e-5:
                            found.append(f"{table.name}.{column.name} = {value}")
                        continue
                    if isinstance(value, dict | list):
                        value = json.dumps(value, ensure_ascii=False)
                    if not isinstance(value, str):
                        continue
                    hits = [needle for needle in needles if needle in value]
                    if hits:
                        found.append(f"{table.name}.{column.name} holds {hits}: {value!r:.300}")
    return found


async def _everything_was_planted(database: Database, settings: Settings, user: str) -> None:
    """The scan sees the planted data before erasure (so finding nothing after it means gone)."""
    found = "\n".join(await _leftovers(database, (*PLANTED, user)))
    for where in (
        "feedback_item.original_text",
        "feedback_item.latitude",
        "status_change.note",
        "outbound_message.payload",
        "outbound_message.target",
        "inbound_event.payload",
        "citizen.channel_user_id",
    ):
        assert where in found, where
    assert _media_files(settings), "the photo was stored"


def _media_files(settings: Settings) -> list[Path]:
    return [path for path in Path(settings.media_dir).rglob("*") if path.is_file()]


async def _nothing_left(
    database: Database, settings: Settings, caplog: pytest.LogCaptureFixture, user: str
) -> None:
    """No table, no media file and no log line holds a planted value or the platform id."""
    leftovers = await _leftovers(database, (*PLANTED, user))
    assert leftovers == [], "\n".join(leftovers)
    assert _media_files(settings) == []
    logged = caplog.text + "\n".join(str(vars(record)) for record in caplog.records)
    assert [value for value in (*PLANTED, user) if value in logged] == []


class WebCitizen:
    """A person in the web chat page: a cookie, messages, taps, a photo, polling for news."""

    def __init__(self, app: FastAPI) -> None:
        transport = httpx.ASGITransport(app=app)
        self.http = httpx.AsyncClient(transport=transport, base_url="http://siang.test")
        self.app = app

    @property
    def session_id(self) -> str:
        """The web chat id: the cookie holds it with its signature (`id.signature`)."""
        return self.http.cookies["siang_chat"].partition(".")[0]

    async def post(self, **body: Any) -> dict[str, Any]:
        response = await self.http.post(
            "/chat/api/messages", json={"client_id": uuid.uuid4().hex, **body}
        )
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    async def tap(self, label: str, answer: dict[str, Any]) -> dict[str, Any]:
        for message in reversed(answer["messages"]):
            buttons = list(message.get("buttons") or [])
            buttons += (message.get("card") or {}).get("buttons") or []
            for button in buttons:
                if button["label"].startswith(label):
                    return await self.post(postback=button["data"])
        raise AssertionError(f"no button {label!r} in {answer}")


def _text(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False)


async def _deliver(app: FastAPI) -> None:
    await settle(app)


async def _official_notes(app: FastAPI, database: Database, reference: str) -> None:
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        for status, note in ((FeedbackStatus.ACCEPTED, NOTE), (FeedbackStatus.RESOLVED, NOTE)):
            await ticket_moves.change_status(
                session, item.id, to=status, actor=Actor.system(), note=note
            )
    await _deliver(app)


async def _report_on_chat(citizen: LineCitizen | TelegramCitizen) -> str:
    proposal = await citizen.say(REPORT)
    if "เกี่ยวกับอะไร" in joined(proposal):
        proposal = await citizen.tap("ถนน", proposal)  # type: ignore[arg-type]
    filed = await citizen.tap("ยืนยัน", proposal)  # type: ignore[arg-type]
    if "PDPA" in joined(filed):
        filed = await citizen.tap("ยอมรับ", filed)  # type: ignore[arg-type]
    return reference_in(filed)


async def _volunteer_on_chat(citizen: LineCitizen | TelegramCitizen, database: Database) -> None:
    """Sign up to a programme in the report's province and give the organiser name and phone."""
    now = utcnow()
    async with database.unit_of_work() as session:
        owner = await AgencyRepository(session).by_code("pwa-50")
        assert owner is not None and owner.id is not None
        body = NewProgramme(
            title="ล้างคลอง",
            place="ท่าเรือวัดเทพลีลา",
            province_code="10",
            starts_at=now + timedelta(days=3),
            ends_at=now + timedelta(days=3, hours=2),
            capacity=5,
        )
        made = await volunteering.create(session, body, now=now, owner_agency_id=owner.id)
        assert made.id is not None
        await volunteering.publish(session, made.id, now=now)
    listed = await citizen.say("อาสา")
    joined_up = await citizen.tap("สมัคร 1. ล้างคลอง", listed)  # type: ignore[arg-type]
    assert "ได้ที่แล้ว" in joined(joined_up)
    kept = await citizen.say(f"{GIVEN} {FAMILY} {PHONE}")
    assert "บันทึกข้อมูลติดต่อ" in joined(kept)


async def _erase_on_chat(citizen: LineCitizen | TelegramCitizen) -> str:
    mine = await citizen.say("ข้อมูลของฉัน")
    asked = await citizen.tap("ลบข้อมูลของฉัน", mine)  # type: ignore[arg-type]
    done = await citizen.tap("ยืนยันลบข้อมูล", asked)  # type: ignore[arg-type]
    await _deliver(citizen.app)
    return joined(done)


@dataclass(frozen=True)
class Scan:
    """The running app with its database, media directory and captured logs."""

    app: FastAPI
    client: httpx.AsyncClient
    database: Database
    settings: Settings
    logs: pytest.LogCaptureFixture

    async def plant_and_erase(
        self, citizen: LineCitizen | TelegramCitizen, user: str, *plant: dict[str, Any]
    ) -> None:
        """Location and photo (`plant`), a report, two official notes, then erasure by chat."""
        for event in plant:
            await citizen._send(event)
        reference = await _report_on_chat(citizen)
        await _official_notes(self.app, self.database, reference)
        assert NOTE in joined(citizen.new_messages())  # the notes reached the citizen
        await _volunteer_on_chat(citizen, self.database)
        await _everything_was_planted(self.database, self.settings, user)

        erased = await _erase_on_chat(citizen)
        assert "ลบข้อมูลส่วนบุคคลของคุณแล้ว" in erased, erased  # the answer still arrived
        await _nothing_left(self.database, self.settings, self.logs, user)


@pytest.fixture
def scan(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> Scan:
    caplog.set_level(logging.INFO)  # what production logs
    return Scan(app, client, database, settings, caplog)


class TestErasureLeavesNothing:
    async def test_line(self, scan: Scan, line_api: FakeLineApi) -> None:
        user = "Uscan0line0citizen0000000000000001"
        line_api.add_content("scan-photo-1", _photo("line"))
        await scan.plant_and_erase(
            LineCitizen(scan.app, scan.client, line_api, user),
            user,
            line.location_event(user, LATITUDE, LONGITUDE),
            line.image_event(user, "scan-photo-1"),
        )

    async def test_telegram(self, scan: Scan, telegram_api: FakeTelegramApi) -> None:
        user = 7_345_678
        telegram_api.add_file("scan-photo-tg", _photo("telegram"), "photos/scan.jpg")
        await scan.plant_and_erase(
            TelegramCitizen(scan.app, scan.client, telegram_api, user),
            str(user),
            telegram.location_update(user, LATITUDE, LONGITUDE),
            telegram.photo_update(user, "scan-photo-tg"),
        )

    async def test_web_chat(self, scan: Scan) -> None:
        app, database, settings = scan.app, scan.database, scan.settings
        citizen = WebCitizen(app)
        start = (await citizen.http.get("/chat/api/session")).json()["cursor"]
        session_id = citizen.session_id
        await citizen.post(latitude=LATITUDE, longitude=LONGITUDE)
        photo = await citizen.http.post(
            "/chat/api/photos",
            data={"client_id": uuid.uuid4().hex},
            files={"photo": ("hole.jpg", _photo("web"), "image/jpeg")},
        )
        assert photo.status_code == 200, photo.text
        proposal = await citizen.post(text=REPORT)
        if "เกี่ยวกับอะไร" in _text(proposal):
            proposal = await citizen.tap("ถนน", proposal)
        filed = await citizen.tap("ยืนยัน", proposal)
        if "PDPA" in _text(filed):
            filed = await citizen.tap("ยอมรับ", filed)
        buttons = [b["data"] for m in filed["messages"] for b in m.get("buttons") or []]
        # The filing and the offer of consultation news under it both link the one reference.
        [reference] = {data.removeprefix("ref:") for data in buttons if data.startswith("ref:")}
        await _official_notes(app, database, reference)
        news = (await citizen.http.get(f"/chat/api/updates?after={start}")).json()
        assert NOTE in _text(news)
        await _everything_was_planted(database, settings, session_id)

        mine = await citizen.post(text="ข้อมูลของฉัน")
        asked = await citizen.tap("ลบข้อมูลของฉัน", mine)
        done = await citizen.tap("ยืนยันลบข้อมูล", asked)
        assert "ลบข้อมูลส่วนบุคคลของคุณแล้ว" in _text(done)
        await _deliver(app)
        await citizen.http.aclose()

        await _nothing_left(database, settings, scan.logs, session_id)


class TestTheErasureAnswer:
    async def test_an_answer_the_platform_refuses_forgets_its_target_too(
        self, scan: Scan, line_api: FakeLineApi
    ) -> None:
        user = "Uscan0line0refused000000000000002"
        citizen = LineCitizen(scan.app, scan.client, line_api, user)
        mine = await citizen.say("ข้อมูลของฉัน")
        asked = await citizen.tap("ลบข้อมูลของฉัน", mine)
        line_api.fail_next("/reply", 400)  # the token is refused: pushed instead …
        line_api.fail_next("/push", 400)  # … and the push refused for good (blocked bot)

        await citizen.tap("ยืนยันลบข้อมูล", asked)
        await _deliver(scan.app)

        async with scan.database.unit_of_work() as session:
            statement = select(OutboundMessage).order_by(col(OutboundMessage.id))
            rows = (await session.execute(statement)).scalars().all()
        answer = rows[-1]
        assert (answer.status, answer.target, answer.payload) == (
            DeliveryStatus.FAILED,
            "erased",
            {"erased": True},
        )
        leftovers = await _leftovers(scan.database, (user,))
        assert leftovers == [], "\n".join(leftovers)
