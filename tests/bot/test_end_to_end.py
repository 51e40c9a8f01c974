"""A complaint's whole life over the webhooks: first message → reference → follow-up →
an official's status changes pushed back → "is it fixed?" → rating, on LINE and on Telegram."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import select

from bot.texts import text
from services import tickets
from services.actors import Actor
from storage.database import Database
from storage.models import FeedbackItem, FeedbackStatus, OutboundMessage
from storage.repositories.citizens import ANSWERED_IN_CONVERSATION
from tests.bot.helpers import post_line, post_telegram, settle
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi, SentMessage
from tests.fakes.telegram_api import FakeTelegramApi, SentTelegramMessage

POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถจักรยานยนต์ล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง"
REFERENCE = re.compile(r"\b[A-Z]{2}-[0-9A-Z]{4}-[0-9A-Z]{2,}\b")


def _line_buttons(message: SentMessage) -> list[dict[str, Any]]:
    actions = list(message.quick_reply_actions)
    footer = (message.message.get("contents") or {}).get("footer") or {}
    actions += [part["action"] for part in footer.get("contents", []) if "action" in part]
    return actions


class LineCitizen:
    """A person on LINE: types, taps buttons, reads what Siang sent them."""

    def __init__(self, app: FastAPI, client: httpx.AsyncClient, api: FakeLineApi, user: str):
        self.app, self.client, self.api, self.user = app, client, api, user
        self.seen = 0

    def new_messages(self) -> list[SentMessage]:
        sent = self.api.sent(self.user)
        fresh, self.seen = sent[self.seen :], len(sent)
        return fresh

    async def _send(self, event: dict[str, Any]) -> list[SentMessage]:
        response = await post_line(self.client, event)
        assert response.status_code == 200
        await settle(self.app)
        return self.new_messages()

    async def say(self, words: str) -> list[SentMessage]:
        token = self.api.issue_reply_token(self.user)
        return await self._send(line.text_event(self.user, words, reply_token=token))

    async def tap(self, label: str, answer: list[SentMessage]) -> list[SentMessage]:
        for message in reversed(answer):
            for action in _line_buttons(message):
                if action.get("type") == "postback" and label.startswith(
                    action["label"].rstrip("…")
                ):
                    token = self.api.issue_reply_token(self.user)
                    event = line.postback_event(self.user, action["data"], reply_token=token)
                    return await self._send(event)
        raise AssertionError(f"no button {label!r} in {[m.message for m in answer]}")


class TelegramCitizen:
    def __init__(self, app: FastAPI, client: httpx.AsyncClient, api: FakeTelegramApi, user: int):
        self.app, self.client, self.api, self.user = app, client, api, user
        self.seen = 0

    def new_messages(self) -> list[SentTelegramMessage]:
        sent = self.api.sent(self.user)
        fresh, self.seen = sent[self.seen :], len(sent)
        return fresh

    async def _send(self, update: dict[str, Any]) -> list[SentTelegramMessage]:
        response = await post_telegram(self.client, update)
        assert response.status_code == 200
        await settle(self.app)
        return self.new_messages()

    async def say(self, words: str) -> list[SentTelegramMessage]:
        return await self._send(telegram.text_update(self.user, words))

    async def tap(self, label: str, answer: list[SentTelegramMessage]) -> list[SentTelegramMessage]:
        for message in reversed(answer):
            for button in message.inline_buttons:
                if button["text"] == label:
                    return await self._send(
                        telegram.callback_update(self.user, button["callback_data"])
                    )
        raise AssertionError(f"no button {label!r} in {[m.params for m in answer]}")


def _joined(answer: list[Any]) -> str:
    return "\n".join(message.text for message in answer)


async def _official_moves(app: FastAPI, database: Database, reference: str, *steps: Any) -> None:
    """An official changes the item's status through the services, as the admin API does."""
    async with database.unit_of_work() as session:
        item = await tickets.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        for to, note in steps:
            await tickets.change_status(session, item.id, to=to, actor=Actor.system(), note=note)
    await app.state.outbox_kick()
    await settle(app)


async def _item(database: Database, reference: str) -> FeedbackItem:
    async with database.unit_of_work() as session:
        item = await tickets.find_by_reference(session, reference)
        assert item is not None
        return item


async def _file_and_follow(citizen: LineCitizen | TelegramCitizen) -> str:
    proposal = await citizen.say(POTHOLE)
    assert "ยืนยัน" in str([getattr(m, "message", getattr(m, "params", None)) for m in proposal])
    notice = await citizen.tap("ยืนยัน", proposal)  # type: ignore[arg-type]
    filed = await citizen.tap("ยอมรับ", notice)  # type: ignore[arg-type]
    found = REFERENCE.search(_joined(filed))
    assert found, _joined(filed)
    reference = found.group(0)
    listing = await citizen.say("ติดตาม")
    assert reference in _joined(listing)
    return reference


class TestLineComplaintLife:
    async def test_first_message_to_rating(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = LineCitizen(app, client, line_api, "Ue2e-line-citizen")

        reference = await _file_and_follow(citizen)
        item = await _item(database, reference)
        assert item.status is FeedbackStatus.ROUTED and item.agency_id is not None

        await _official_moves(app, database, reference, (FeedbackStatus.ACCEPTED, None))
        pushed = citizen.new_messages()
        assert [m.via for m in pushed] == ["push"] * len(pushed) and pushed
        assert reference in _joined(pushed)

        await _official_moves(
            app,
            database,
            reference,
            (FeedbackStatus.IN_PROGRESS, None),
            (FeedbackStatus.RESOLVED, "ซ่อมผิวถนนเรียบร้อยแล้ว"),
        )
        check = citizen.new_messages()
        assert "ซ่อมผิวถนนเรียบร้อยแล้ว" in _joined(check)
        stars = await citizen.tap(text("th", "button.fixed"), check)
        comment = await citizen.tap("5 ⭐", stars)
        thanks = await citizen.say("ขอบคุณที่ซ่อมให้รวดเร็วครับ")
        assert comment and thanks, "the rating and the comment were acknowledged"

        rated = await _item(database, reference)
        assert rated.citizen_confirmed_fix is True
        assert (rated.rating, rated.rating_comment) == (5, "ขอบคุณที่ซ่อมให้รวดเร็วครับ")


class TestTelegramComplaintLife:
    async def test_first_message_to_rating(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        citizen = TelegramCitizen(app, client, telegram_api, 7_100_200)

        reference = await _file_and_follow(citizen)

        await _official_moves(app, database, reference, (FeedbackStatus.ACCEPTED, None))
        assert reference in _joined(citizen.new_messages())

        await _official_moves(
            app,
            database,
            reference,
            (FeedbackStatus.IN_PROGRESS, None),
            (FeedbackStatus.RESOLVED, "ซ่อมผิวถนนเรียบร้อยแล้ว"),
        )
        check = citizen.new_messages()
        assert "ซ่อมผิวถนนเรียบร้อยแล้ว" in _joined(check)
        stars = await citizen.tap(text("th", "button.fixed"), check)
        comment = await citizen.tap("5 ⭐", stars)
        await citizen.tap(text("th", "button.skip"), comment)

        rated = await _item(database, reference)
        assert rated.citizen_confirmed_fix is True
        assert rated.rating == 5
        assert rated.rating_comment is None
        async with database.unit_of_work() as session:
            rows = (await session.exec(select(OutboundMessage))).all()
        outcomes = {(row.status.value, row.last_error) for row in rows if row.channel == "telegram"}
        # Every message went out; the filing notice was the conversation's own reply.
        assert outcomes == {("sent", None), ("skipped", ANSWERED_IN_CONVERSATION)}
