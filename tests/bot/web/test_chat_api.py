"""The web chat's JSON API: durable, idempotent messages, photos with limits, pushed updates."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func
from sqlmodel import col, select

from bot.texts import text
from services import ticket_lookups, ticket_moves
from services.actors import Actor
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, Citizen, FeedbackItem, FeedbackStatus, InboundEvent
from tests.fixtures.photos import assert_no_phone_traces, phone_photo, stored_photos

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง"


def texts(answer: dict[str, Any]) -> str:
    return "\n".join(m["text"] for m in answer["messages"])


def button(answer: dict[str, Any], label: str) -> str:
    for message in answer["messages"]:
        for candidate in message["buttons"]:
            if candidate["label"] == label:
                return str(candidate["data"])
    raise AssertionError(f"no button {label}")


async def say(http: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    body.setdefault("client_id", uuid.uuid4().hex)
    response = await http.post("/chat/api/messages", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def file_report(http: httpx.AsyncClient) -> str:
    proposal = await say(http, text=POTHOLE)
    notice = await say(http, postback=button(proposal, "ยืนยัน"))
    filed = await say(http, postback=button(notice, "ยอมรับ"))
    return button(filed, "ดูความคืบหน้า").removeprefix("ref:")


class TestPage:
    async def test_the_page_is_thai_first_and_mobile_ready(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        page = await browser_client.get("/chat")
        assert page.status_code == 200
        assert '<html lang="th">' in page.text and 'name="viewport"' in page.text
        for asset in ("chat.js", "chat.css"):
            served = await browser_client.get(f"/chat/static/{asset}")
            assert served.status_code == 200 and served.text
        assert (await browser_client.get("/chat/static/secrets.py")).status_code == 404

    async def test_the_session_gives_a_cookie_labels_and_a_greeting(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        response = await browser_client.get("/chat/api/session")
        assert "siang_chat" in response.cookies
        session = response.json()
        assert session["labels"]["send"] == "ส่ง"
        assert "แจ้งปัญหา" in [b["label"] for m in session["greeting"] for b in m["buttons"]]


class TestMessages:
    async def test_a_complaint_from_first_message_to_reference(
        self, browser_client: httpx.AsyncClient, database: Database
    ) -> None:
        reference = await file_report(browser_client)
        async with database.unit_of_work() as session:
            item = (
                await session.exec(
                    select(FeedbackItem).where(col(FeedbackItem.reference) == reference)
                )
            ).one()
        assert item.channel is Channel.WEB and item.district_code == "1045"

    async def test_a_retried_message_is_answered_once_with_the_same_answer(
        self, browser_client: httpx.AsyncClient, database: Database
    ) -> None:
        proposal = await say(browser_client, text=POTHOLE)
        notice = await say(browser_client, postback=button(proposal, "ยืนยัน"))
        client_id = uuid.uuid4().hex
        first = await say(browser_client, client_id=client_id, postback=button(notice, "ยอมรับ"))
        again = await say(browser_client, client_id=client_id, postback=button(notice, "ยอมรับ"))
        assert again["repeated"] is True and again["messages"] == first["messages"]
        async with database.unit_of_work() as session:
            count = (await session.exec(select(func.count()).select_from(FeedbackItem))).one()
            events = (
                await session.exec(
                    select(func.count())
                    .select_from(InboundEvent)
                    .where(col(InboundEvent.channel) == Channel.WEB)
                )
            ).one()
        assert count == 1 and events == 3

    async def test_an_overlong_message_is_refused_clearly(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        answer = await say(browser_client, text="ก" * 10_000)
        assert "ยาวเกินไป" in texts(answer) and "10,000" in texts(answer)

    async def test_empty_text_gets_the_menu(self, browser_client: httpx.AsyncClient) -> None:
        answer = await say(browser_client, text="  \n ")
        assert answer["messages"][0]["text"] == text("th", "empty")
        button(answer, "แจ้งปัญหา")

    async def test_a_location_alone_asks_what_is_wrong(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        answer = await say(browser_client, latitude=13.7563, longitude=100.5018)
        assert answer["messages"][0]["text"] == text("th", "report.got_location")

    async def test_a_location_that_is_not_numbers_is_refused(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        for point in (
            {"latitude": False, "longitude": False},
            {"latitude": "13.7", "longitude": 100},
        ):
            response = await browser_client.post(
                "/chat/api/messages", json={"client_id": uuid.uuid4().hex, **point}
            )
            assert response.status_code == 422, point
        answer = await say(browser_client, latitude=13, longitude=100)  # whole degrees are fine
        assert answer["messages"][0]["text"] == text("th", "report.got_location")

    async def test_two_people_interleaving_each_file_their_own(
        self, chat_app: FastAPI, browser_client: httpx.AsyncClient, database: Database
    ) -> None:
        transport = httpx.ASGITransport(app=chat_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as other:
            mine = await say(browser_client, text=POTHOLE)
            theirs = await say(other, text="ขยะกองหน้าปากซอยลาดพร้าว 71 ไม่มีใครมาเก็บ เขตลาดพร้าว")
            assert "ถนน" in str(mine) and "ความสะอาด" in str(theirs)
            mine = await say(browser_client, postback=button(mine, "ยืนยัน"))
            theirs = await say(other, postback=button(theirs, "ยืนยัน"))
            theirs = await say(other, postback=button(theirs, "ยอมรับ"))
            mine = await say(browser_client, postback=button(mine, "ยอมรับ"))
        my_reference = button(mine, "ดูความคืบหน้า").removeprefix("ref:")
        their_reference = button(theirs, "ดูความคืบหน้า").removeprefix("ref:")
        async with database.unit_of_work() as session:
            rows = (await session.exec(select(FeedbackItem, Citizen).join(Citizen))).all()
        filed = {item.reference: (item.category, citizen.id) for item, citizen in rows}
        assert filed[my_reference][0] == "ถนน" and filed[their_reference][0] == "ความสะอาด"
        assert filed[my_reference][1] != filed[their_reference][1]

    async def test_a_shared_location_is_taken_as_the_place(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        await say(browser_client, text="ถนนเป็นหลุมลึกมาก อันตรายกับรถจักรยานยนต์ตอนกลางคืน")
        answer = await say(browser_client, latitude=13.7563, longitude=100.5018)
        assert "พระนคร" in str(answer["messages"][0]["card"]["fields"])


class TestPhotos:
    async def test_a_photo_is_stored_and_starts_a_report(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        response = await browser_client.post(
            "/chat/api/photos",
            data={"client_id": uuid.uuid4().hex},
            files={"photo": ("hole.png", PNG, "image/png")},
        )
        assert response.status_code == 200
        assert "ได้รับรูปแล้ว" in texts(response.json())

    async def test_a_phone_photo_is_kept_without_its_gps_and_model(
        self, browser_client: httpx.AsyncClient, settings: Settings
    ) -> None:
        response = await browser_client.post(
            "/chat/api/photos",
            data={"client_id": uuid.uuid4().hex},
            files={"photo": ("hole.jpg", phone_photo("JPEG"), "image/jpeg")},
        )
        assert response.status_code == 200
        [stored] = stored_photos(Path(settings.media_dir))
        assert_no_phone_traces(stored)

    async def test_not_an_image_is_refused(self, browser_client: httpx.AsyncClient) -> None:
        response = await browser_client.post(
            "/chat/api/photos",
            data={"client_id": uuid.uuid4().hex},
            files={"photo": ("hole.png", b"#!/bin/sh\nrm -rf /\n", "image/png")},
        )
        assert response.status_code == 415
        assert "JPEG" in response.json()["error"]["message"]

    async def test_a_photo_over_the_limit_is_refused(
        self, browser_client: httpx.AsyncClient
    ) -> None:
        huge = PNG + b"\0" * (11 * 1024 * 1024)
        response = await browser_client.post(
            "/chat/api/photos",
            data={"client_id": uuid.uuid4().hex},
            files={"photo": ("big.png", huge, "image/png")},
        )
        assert response.status_code == 413


class TestUpdates:
    async def test_status_changes_and_the_fixed_question_arrive_by_polling(
        self, browser_client: httpx.AsyncClient, database: Database
    ) -> None:
        start = (await browser_client.get("/chat/api/session")).json()["cursor"]
        reference = await file_report(browser_client)
        nothing = (await browser_client.get(f"/chat/api/updates?after={start}")).json()
        assert nothing["messages"] == []  # the filing was answered in the chat itself
        async with database.unit_of_work() as session:
            item = await ticket_lookups.find_by_reference(session, reference)
            assert item is not None and item.id is not None
            for status, note in (
                (FeedbackStatus.ACCEPTED, None),
                (FeedbackStatus.RESOLVED, "ปะถนนเรียบร้อยแล้ว"),
            ):
                await ticket_moves.change_status(
                    session, item.id, to=status, actor=Actor.system(), note=note
                )
        updates = (await browser_client.get(f"/chat/api/updates?after={start}")).json()
        shown = texts(updates)
        assert "หน่วยงานรับเรื่องแล้ว" in shown and "ปะถนนเรียบร้อยแล้ว" in shown
        fixed = button(updates, "ยืนยันว่าแก้แล้ว")
        again = (await browser_client.get(f"/chat/api/updates?after={updates['cursor']}")).json()
        assert again["messages"] == []
        stars = await say(browser_client, postback=fixed)
        comment = await say(browser_client, postback=button(stars, "5 ⭐"))
        thanks = await say(browser_client, text="เร็วมาก ขอบคุณค่ะ")
        assert "ขอบคุณ" in texts(thanks) and "ข้าม" in str(comment)
        async with database.unit_of_work() as session:
            rated = await ticket_lookups.find_by_reference(session, reference)
        assert rated is not None and rated.rating == 5 and rated.citizen_confirmed_fix is True
