"""LINE through the real app: every event stored once, answered once, on the right path."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from fastapi import FastAPI

from bot.texts import text
from services import ticket_lookups
from siang.settings import Settings
from storage.database import Database
from storage.models import EventStatus
from tests.bot.citizens import POTHOLE, LineCitizen, joined, reference_in
from tests.bot.helpers import count_events, post_line, settle, stored_events
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi
from tests.fixtures.photos import assert_no_phone_traces, phone_photo, stored_photos

JPEG = phone_photo("JPEG")

# LINE allows 20 characters per quick-reply label; every menu label fits whole.
MENU_LABELS = ["แจ้งปัญหา", "ความเห็น/ข้อเสนอแนะ", "ติดตามเรื่อง", "วิธีใช้", "ข้อมูลของฉัน"]


class TestAnswers:
    async def test_follow_gets_welcome_and_menu_by_reply(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Ufollow")

        response = await post_line(client, line.follow_event("Ufollow", reply_token=token))
        await settle(app)

        assert response.status_code == 200
        sent = line_api.sent("Ufollow")
        assert [m.via for m in sent] == ["reply", "reply"]
        assert sent[0].text == text("th", "welcome")
        assert sent[1].quick_reply_labels[: len(MENU_LABELS)] == MENU_LABELS

    async def test_sticker_gets_a_friendly_answer(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Usticker")

        await post_line(client, line.sticker_event("Usticker", reply_token=token))
        await settle(app)

        assert line_api.texts("Usticker")[0] == text("th", "sticker")

    async def test_empty_text_gets_the_menu(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Uempty")

        await post_line(client, line.text_event("Uempty", "   ", reply_token=token))
        await settle(app)

        sent = line_api.sent("Uempty")
        assert sent[0].text == text("th", "empty")
        assert sent[0].quick_reply_labels[: len(MENU_LABELS)] == MENU_LABELS

    async def test_ten_thousand_characters_are_stored_whole_and_answered(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        long_text = ("ถนนเป็นหลุมเป็นบ่อ " * 600)[:10_000]
        token = line_api.issue_reply_token("Ulong")

        response = await post_line(client, line.text_event("Ulong", long_text, reply_token=token))
        await settle(app)

        assert response.status_code == 200
        [event] = await stored_events(database)
        assert event.payload["message"]["text"] == long_text
        assert event.status is EventStatus.PROCESSED
        assert line_api.texts("Ulong") == [
            text("th", "too_long", length=10_000, limit=5_000),
        ]

    async def test_injection_text_is_stored_verbatim_and_harmless(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        nasty = "'); DROP TABLE inbound_event; -- <script>alert(1)</script> {{7*7}}"
        token = line_api.issue_reply_token("Unasty")

        await post_line(client, line.text_event("Unasty", nasty, reply_token=token))
        await settle(app)

        [event] = await stored_events(database)
        assert event.payload["message"]["text"] == nasty
        assert event.status is EventStatus.PROCESSED
        assert len(line_api.sent("Unasty")) >= 1


class TestMedia:
    async def test_image_only_is_fetched_from_the_content_api_and_asks_what_is_wrong(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        line_api: FakeLineApi,
    ) -> None:
        line_api.add_content("880001", JPEG)
        token = line_api.issue_reply_token("Uphoto")

        response = await post_line(client, line.image_event("Uphoto", "880001", reply_token=token))
        await settle(app)

        assert response.status_code == 200
        [stored] = stored_photos(Path(settings.media_dir))
        assert stored.startswith(b"\xff\xd8\xff")
        assert_no_phone_traces(stored)
        fetched = [c for c in line_api.calls if c.path.endswith("/content")]
        assert [c.path for c in fetched] == ["/v2/bot/message/880001/content"]
        assert fetched[0].headers["authorization"] == f"Bearer {line.ACCESS_TOKEN}"
        [event] = await stored_events(database)
        assert event.status is EventStatus.PROCESSED
        assert line_api.texts("Uphoto")[0] == text("th", "report.got_photo")

    async def test_location_only_asks_what_is_wrong(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Uplace")
        pin = line.location_event(
            "Uplace", 13.7563, 100.5018, address="ถนนราชดำเนินกลาง เขตพระนคร", reply_token=token
        )

        await post_line(client, pin)
        await settle(app)

        [event] = await stored_events(database)
        assert (event.event_type, event.status) == ("message:location", EventStatus.PROCESSED)
        assert line_api.texts("Uplace")[0] == text("th", "report.got_location")


def _without_newer_fields(event: dict[str, object]) -> dict[str, object]:
    """An event as older LINE accounts send it: no webhookEventId, deliveryContext, quoteToken."""
    old = {k: v for k, v in event.items() if k not in ("webhookEventId", "deliveryContext")}
    message = old.get("message")
    if isinstance(message, dict):
        old["message"] = {k: v for k, v in message.items() if k != "quoteToken"}
    return old


class TestEventsWithoutTheNewerOptionalFields:
    async def test_a_location_is_read(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Uold1")
        pin = line.location_event(
            "Uold1", 13.7563, 100.5018, address="เขตพระนคร", reply_token=token
        )

        await post_line(client, _without_newer_fields(pin))
        await settle(app)

        assert line_api.texts("Uold1")[0] == text("th", "report.got_location")

    async def test_an_image_is_fetched_and_read(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        line_api.add_content("880009", JPEG)
        token = line_api.issue_reply_token("Uold2")

        await post_line(
            client, _without_newer_fields(line.image_event("Uold2", "880009", reply_token=token))
        )
        await settle(app)

        assert [c.path for c in line_api.calls if c.path.endswith("/content")] == [
            "/v2/bot/message/880009/content"
        ]
        assert line_api.texts("Uold2")[0] == text("th", "report.got_photo")

    async def test_a_sticker_gets_the_sticker_answer(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Uold3")

        await post_line(
            client, _without_newer_fields(line.sticker_event("Uold3", reply_token=token))
        )
        await settle(app)

        assert line_api.texts("Uold3")[0] == text("th", "sticker")


class TestDurability:
    async def test_redelivered_event_is_stored_once_and_answered_once(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Uredeliver")
        first = line.sticker_event("Uredeliver", reply_token=token, event_id="01HREDELIVERY0001")
        again = {**first, "deliveryContext": {"isRedelivery": True}}

        responses = [await post_line(client, first), await post_line(client, again)]
        await settle(app)

        assert [r.status_code for r in responses] == [200, 200]
        assert [r.json()["new"] for r in responses] == [1, 0]
        assert await count_events(database) == 1
        assert line_api.texts("Uredeliver") == [text("th", "sticker"), text("th", "menu.title")]

    async def test_unknown_event_type_is_kept_and_ignored(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        strange = line.event("hologram", "Ustrange", hologram={"shape": "cube"})

        response = await post_line(client, strange)
        await settle(app)

        assert response.status_code == 200
        [event] = await stored_events(database)
        assert event.event_type == "hologram"
        assert event.status is EventStatus.IGNORED
        assert line_api.sent() == []

    async def test_unsupported_message_type_is_answered(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Uvideo")
        video = line.event(
            "message",
            "Uvideo",
            reply_token=token,
            message={"type": "video", "id": "77", "duration": 1000},
        )

        await post_line(client, video)
        await settle(app)

        assert line_api.texts("Uvideo")[0] == text("th", "unsupported")

    async def test_several_events_in_one_body_are_all_kept_in_order(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        events = [
            line.follow_event("Umany"),
            line.sticker_event("Umany"),
            line.text_event("Umany", "เมนู"),
        ]

        response = await post_line(client, *events)
        await settle(app)

        assert response.json() == {"received": 3, "new": 3}
        stored = await stored_events(database)
        assert [e.event_type for e in stored] == ["follow", "message:sticker", "message:text"]
        assert [(e.status, e.error) for e in stored] == [(EventStatus.PROCESSED, None)] * 3
        texts = line_api.texts("Umany")
        assert texts[0] == text("th", "welcome")
        assert texts[2] == text("th", "sticker")
        assert texts[-1] == text("th", "menu.title")


class TestReplyOrPush:
    async def test_stale_reply_token_falls_back_to_push(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        token = line_api.issue_reply_token("Ustale")
        stale = line.sticker_event("Ustale", reply_token=token)
        stale["timestamp"] = int((time.time() - 120) * 1000)  # two minutes old

        await post_line(client, stale)
        await settle(app)

        sent = line_api.sent("Ustale")
        assert {m.via for m in sent} == {"push"}
        assert sent[0].text == text("th", "sticker")

    async def test_reply_token_the_platform_refuses_falls_back_to_push(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        event = line.sticker_event("Urefused", reply_token="rt-never-issued")

        await post_line(client, event)
        await settle(app)

        replies = [c for c in line_api.calls if c.path.endswith("/reply")]
        assert len(replies) == 1 and not replies[0].accepted
        assert [m.via for m in line_api.sent("Urefused")] == ["push", "push"]

    async def test_push_carries_a_retry_key_and_the_access_token(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        await post_line(client, line.sticker_event("Ukey"))
        await settle(app)

        [push] = [c for c in line_api.calls if c.path.endswith("/push")]
        assert push.headers["authorization"] == f"Bearer {line.ACCESS_TOKEN}"
        assert len(push.headers["x-line-retry-key"]) == 36


class TestInterleaving:
    async def test_two_citizens_each_get_their_own_answers_in_order(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        for step in range(3):
            for user in ("Ualice", "Ubob"):
                token = line_api.issue_reply_token(user)
                if (step, user) == (1, "Ubob"):
                    event = line.sticker_event(user, reply_token=token)
                else:
                    event = line.text_event(user, ["เมนู", "วิธีใช้", "ยกเลิก"][step], reply_token=token)
                await post_line(client, event)
        await settle(app)

        alice, bob = line_api.texts("Ualice"), line_api.texts("Ubob")
        assert alice == [
            text("th", "menu.title"),
            text("th", "help"),
            text("th", "menu.title"),
            text("th", "nothing_to_cancel"),
        ]
        assert bob == [
            text("th", "menu.title"),
            text("th", "sticker"),
            text("th", "menu.title"),
            text("th", "nothing_to_cancel"),
        ]

    async def test_two_reports_in_progress_at_once_are_filed_each_to_its_own_citizen(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        alice = LineCitizen(app, client, line_api, "Ualice-report")
        bob = LineCitizen(app, client, line_api, "Ubob-report")

        alice_says = await alice.say(POTHOLE)
        bob_says = await bob.say("ไฟฟ้าดับทั้งซอยตั้งแต่เมื่อคืน แถวเขตบางนา กรุงเทพ")
        alice_says = await alice.tap("ยืนยัน", alice_says)
        bob_says = await bob.tap("ยืนยัน", bob_says)
        bob_reference = reference_in(await bob.tap("ยอมรับ", bob_says))
        alice_reference = reference_in(await alice.tap("ยอมรับ", alice_says))

        async with database.unit_of_work() as session:
            alices = await ticket_lookups.find_by_reference(session, alice_reference)
            bobs = await ticket_lookups.find_by_reference(session, bob_reference)
        assert alices is not None and bobs is not None
        assert (alices.category, alices.district_code) == ("ถนน", "1045")
        assert (bobs.category, bobs.district_code) == ("ไฟฟ้า", "1047")
        assert alices.citizen_id != bobs.citizen_id
        assert bob_reference not in joined(line_api.sent(alice.user))
        assert alice_reference not in joined(line_api.sent(bob.user))
