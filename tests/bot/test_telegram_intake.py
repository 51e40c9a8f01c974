"""Telegram through the real app: updates stored once, keyboards, taps, photos and places."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from bot.texts import text
from siang.runtime import app_runtime
from siang.settings import Settings
from storage.database import Database
from storage.models import EventStatus, FeedbackItem
from tests.bot.citizens import POTHOLE
from tests.bot.helpers import count_events, post_telegram, settle, stored_events
from tests.fakes import telegram_api as telegram
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.photos import assert_no_phone_traces, phone_photo, stored_photos

JPEG = phone_photo("JPEG")


class TestAnswers:
    async def test_start_gets_welcome_and_menu_as_inline_keyboard(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        response = await post_telegram(client, telegram.text_update(601, "/start"))
        await settle(app)

        assert response.status_code == 200
        welcome, menu = telegram_api.sent(601)
        assert welcome.text == text("th", "welcome")
        labels = [button["text"] for button in menu.inline_buttons]
        assert labels[:3] == ["แจ้งปัญหา", "ความเห็น/ข้อเสนอแนะ", "ติดตามเรื่อง"]
        assert all(len(b["callback_data"].encode()) <= 64 for b in menu.inline_buttons)

    async def test_tapping_a_button_is_answered_and_its_spinner_stopped(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        await post_telegram(client, telegram.text_update(602, "/start"))
        await settle(app)
        help_button = next(
            b for b in telegram_api.sent(602)[1].inline_buttons if b["text"] == "วิธีใช้"
        )

        await post_telegram(client, telegram.callback_update(602, help_button["callback_data"]))
        await settle(app)

        assert telegram_api.texts(602)[2] == text("th", "help")
        methods = [c.path.rsplit("/", 1)[-1] for c in telegram_api.calls]
        assert "answerCallbackQuery" in methods

    async def test_sticker_gets_a_friendly_answer(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        await post_telegram(client, telegram.sticker_update(603))
        await settle(app)

        assert telegram_api.texts(603)[0] == text("th", "sticker")

    async def test_english_app_gets_english(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        await post_telegram(client, telegram.text_update(604, "/start", language="en-GB"))
        await settle(app)

        assert telegram_api.texts(604)[0] == text("en", "welcome")

    async def test_empty_text_gets_the_menu(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        await post_telegram(client, telegram.text_update(611, " \n "))
        await settle(app)

        [answer] = telegram_api.sent(611)
        assert answer.text == text("th", "empty")
        assert "แจ้งปัญหา" in [button["text"] for button in answer.inline_buttons]

    async def test_ten_thousand_characters_are_stored_whole_and_answered(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        long_text = ("น้ำประปาไม่ไหลมาหลายวันแล้ว " * 400)[:10_000]

        response = await post_telegram(client, telegram.text_update(612, long_text))
        await settle(app)

        assert response.status_code == 200
        [event] = await stored_events(database)
        assert event.payload["message"]["text"] == long_text
        assert event.status is EventStatus.PROCESSED
        assert telegram_api.texts(612) == [text("th", "too_long", length=10_000, limit=5_000)]


class TestCommandsWithTheBotsName:
    """In groups (and from menus) Telegram sends commands as /command@botname."""

    async def test_start_with_the_bots_name_gets_the_welcome(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        await post_telegram(client, telegram.text_update(621, "/start@siang_test_bot"))
        await settle(app)

        assert telegram_api.texts(621)[0] == text("th", "welcome")
        assert await _feedback_count(database) == 0

    async def test_help_with_the_bots_name_gets_the_help(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        await post_telegram(client, telegram.text_update(622, "/help@Siang_Test_Bot"))
        await post_telegram(client, telegram.text_update(626, "/help"))
        await settle(app)

        assert telegram_api.texts(622)[0] == text("th", "help")
        assert telegram_api.texts(622) == telegram_api.texts(626)

    async def test_a_command_for_another_bot_is_left_alone(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        await post_telegram(client, telegram.text_update(623, "/start@some_other_bot"))
        await settle(app)

        assert telegram_api.texts(623) == []
        [event] = await stored_events(database)
        assert event.status is EventStatus.IGNORED  # kept, and read as not for Siang


class TestGroups:
    async def test_being_added_to_a_group_posts_the_intro_once(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        group = {"id": -100777, "type": "group", "title": "กรรมการที่ปรึกษาภาคประชาชน"}
        bot = {
            "id": telegram.BOT_ID,
            "is_bot": True,
            "first_name": "Siang",
            "username": "siang_test_bot",
        }
        adder = {"id": 624, "is_bot": False, "first_name": "ทดสอบ"}
        now = int(time.time())
        # Telegram sends both when the bot is added: the chat_member change and a service message.
        await post_telegram(
            client,
            {
                "update_id": 910_000_001,
                "my_chat_member": {
                    "chat": group,
                    "from": adder,
                    "date": now,
                    "old_chat_member": {"user": bot, "status": "left"},
                    "new_chat_member": {"user": bot, "status": "member"},
                },
            },
        )
        await post_telegram(
            client,
            {
                "update_id": 910_000_002,
                "message": {
                    "message_id": 1,
                    "date": now,
                    "chat": group,
                    "from": adder,
                    "new_chat_members": [bot],
                    "new_chat_member": bot,
                    "new_chat_participant": bot,
                },
            },
        )
        await settle(app)

        assert telegram_api.texts(-100777) == [text("th", "group_intro")]
        statuses = [e.status for e in await stored_events(database)]
        assert statuses == [EventStatus.PROCESSED, EventStatus.IGNORED]


class TestEditedMessages:
    async def test_an_edit_does_not_start_a_new_report(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        sent = telegram.text_update(625, POTHOLE)
        await post_telegram(client, sent)
        await settle(app)
        answers = telegram_api.texts(625)
        edited = {
            "update_id": 910_000_010,
            "edited_message": sent["message"]
            | {"text": POTHOLE + " ด่วน", "edit_date": int(time.time())},
        }

        await post_telegram(client, edited)
        await settle(app)

        assert telegram_api.texts(625) == answers
        assert await _feedback_count(database) == 0
        statuses = [e.status for e in await stored_events(database)]
        assert statuses == [EventStatus.PROCESSED, EventStatus.IGNORED]


async def _feedback_count(database: Database) -> int:
    async with database.unit_of_work() as session:
        return int(await session.scalar(select(func.count()).select_from(FeedbackItem)) or 0)


class TestInterleaving:
    async def test_two_citizens_each_get_their_own_answers_in_order(
        self, app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
    ) -> None:
        for step in range(3):
            for user in (621, 622):
                if (step, user) == (1, 622):
                    update = telegram.sticker_update(user)
                else:
                    update = telegram.text_update(user, ["เมนู", "วิธีใช้", "ยกเลิก"][step])
                await post_telegram(client, update)
        await settle(app)

        assert telegram_api.texts(621) == [
            text("th", "menu.title"),
            text("th", "help"),
            text("th", "menu.title"),
            text("th", "nothing_to_cancel"),
        ]
        assert telegram_api.texts(622) == [
            text("th", "menu.title"),
            text("th", "sticker"),
            text("th", "menu.title"),
            text("th", "nothing_to_cancel"),
        ]


class TestMedia:
    async def test_photo_only_is_fetched_stored_by_hash_and_answered(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        telegram_api: FakeTelegramApi,
    ) -> None:
        telegram_api.add_file("photo-big", JPEG, "photos/file_7.jpg")

        await post_telegram(client, telegram.photo_update(605, "photo-big"))
        await settle(app)

        [stored] = stored_photos(Path(settings.media_dir))
        assert stored.startswith(b"\xff\xd8\xff")
        assert_no_phone_traces(stored)
        fetched = [c.path for c in telegram_api.calls if "/file/" in c.path]
        assert fetched == [f"/file/bot{telegram.BOT_TOKEN}/photos/file_7.jpg"]
        [event] = await stored_events(database)
        assert event.status is EventStatus.PROCESSED
        assert telegram_api.texts(605), "the citizen heard back"

    async def test_location_only_is_answered(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        await post_telegram(client, telegram.location_update(606, 13.7563, 100.5018))
        await settle(app)

        [event] = await stored_events(database)
        assert event.event_type == "message"
        assert event.status is EventStatus.PROCESSED
        assert telegram_api.texts(606), "the citizen heard back"


class TestDurability:
    async def test_repeated_update_id_is_stored_once_and_answered_once(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        update = telegram.sticker_update(607)

        first = await post_telegram(client, update)
        second = await post_telegram(client, update)
        await settle(app)

        assert [first.json()["new"], second.json()["new"]] == [1, 0]
        assert await count_events(database) == 1
        assert telegram_api.texts(607) == [text("th", "sticker"), text("th", "menu.title")]

    async def test_update_kind_siang_does_not_use_is_kept_and_ignored(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        poll = {"update_id": 900_555_001, "poll": {"id": "p", "question": "?", "options": []}}

        response = await post_telegram(client, poll)
        await settle(app)

        assert response.status_code == 200
        [event] = await stored_events(database)
        assert (event.event_type, event.status) == ("poll", EventStatus.IGNORED)
        assert telegram_api.sent() == []

    async def test_a_failing_platform_leaves_the_answer_in_the_outbox_to_retry(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        telegram_api.fail_next("sendMessage", 502, "Bad Gateway")

        await post_telegram(client, telegram.sticker_update(608))
        await settle(app)

        [event] = await stored_events(database)
        assert event.status is EventStatus.PROCESSED
        report = await app_runtime(app).background.delivery.drain()
        assert report.sent == 0  # the retry waits for its backoff
        assert telegram_api.texts(608) == []


class TestUpdatesNotUnderstood:
    """An update the library cannot read is logged for the operator without personal data."""

    async def test_a_broken_message_is_logged_by_id_kind_and_error_only(
        self, app: FastAPI, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
    ) -> None:
        update = telegram.message_update(
            7_700_123,
            update_id=900_555_101,
            text="ผมชื่อสมชาย ใจดี โทร 081-234-5678",
            contact={"phone_number": "0812345678", "first_name": "สมชาย"},
        )
        del update["message"]["date"]  # the library refuses a message without its date

        with caplog.at_level(logging.INFO):
            await post_telegram(client, update)
            await settle(app)

        [record] = [r for r in caplog.records if r.getMessage() == "telegram update not understood"]
        assert (vars(record)["update_id"], vars(record)["update_kind"], vars(record)["error"]) == (
            900_555_101,
            "message",
            "KeyError",
        )
        logged = caplog.text + " ".join(str(vars(r)) for r in caplog.records)
        for personal in ("สมชาย", "081-234-5678", "0812345678", "7700123"):
            assert personal not in logged

    async def test_an_unreadable_poll_is_logged_without_its_question(
        self, app: FastAPI, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
    ) -> None:
        poll = {
            "update_id": 900_555_102,
            "poll": {"id": "p", "question": "บ้านคุณสมศรี 0891112222 ?", "options": []},
        }

        with caplog.at_level(logging.INFO):
            await post_telegram(client, poll)
            await settle(app)

        [record] = [r for r in caplog.records if r.getMessage() == "telegram update not understood"]
        assert (vars(record)["update_id"], vars(record)["update_kind"]) == (900_555_102, "poll")
        logged = caplog.text + " ".join(str(vars(r)) for r in caplog.records)
        assert "สมศรี" not in logged and "0891112222" not in logged
