"""People on LINE and Telegram who type and tap through the running app's webhooks, and read
what the fake platforms delivered to them."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI

from tests.bot.helpers import post_line, post_telegram, settle
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi, SentMessage
from tests.fakes.telegram_api import FakeTelegramApi, SentTelegramMessage

POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถจักรยานยนต์ล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง"
REFERENCE = re.compile(r"\b[A-Z]{2}-[0-9A-Z]{4}-[0-9A-Z]{2,}\b")


def line_buttons(message: SentMessage) -> list[dict[str, Any]]:
    """The actions under a LINE message: its quick replies and its Flex card's footer."""
    actions = list(message.quick_reply_actions)
    footer = (message.message.get("contents") or {}).get("footer") or {}
    actions += [part["action"] for part in footer.get("contents", []) if "action" in part]
    return actions


def joined(answer: list[Any]) -> str:
    """Everything the citizen read in these messages, one message a line."""
    return "\n".join(message.text for message in answer)


def reference_in(answer: list[Any]) -> str:
    found = REFERENCE.search(joined(answer))
    assert found, joined(answer)
    return found.group(0)


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

    async def share_location(self, latitude: float, longitude: float) -> list[SentMessage]:
        token = self.api.issue_reply_token(self.user)
        event = line.location_event(self.user, latitude, longitude, reply_token=token)
        return await self._send(event)

    async def tap(self, label: str, answer: list[SentMessage]) -> list[SentMessage]:
        for message in reversed(answer):
            for action in line_buttons(message):
                if action.get("type") == "postback" and label.startswith(
                    action["label"].rstrip("…")
                ):
                    token = self.api.issue_reply_token(self.user)
                    event = line.postback_event(self.user, action["data"], reply_token=token)
                    return await self._send(event)
        raise AssertionError(f"no button {label!r} in {[m.message for m in answer]}")


class TelegramCitizen:
    """A person on Telegram: types, taps inline buttons, reads what Siang sent them."""

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


async def file_complaint(
    citizen: LineCitizen | TelegramCitizen, words: str = POTHOLE
) -> tuple[str, str]:
    """From the first message to a reference: confirm the proposal, accept the PDPA notice once.

    Returns the reference and the text of the answer that gave it."""
    proposal = await citizen.say(words)
    filed = await citizen.tap("ยืนยัน", proposal)  # type: ignore[arg-type]
    if "PDPA" in joined(filed):
        filed = await citizen.tap("ยอมรับ", filed)  # type: ignore[arg-type]
    return reference_in(filed), joined(filed)
