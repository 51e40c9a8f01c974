"""One citizen flooding LINE or Telegram gets one polite answer, not a hundred conversations."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from bot.texts import text
from siang.settings import Settings
from tests.bot.helpers import post_line, post_telegram, settle
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A limit of 6 a minute (20 by default): Telegram allows one message a second to a chat,
    so each answer to a flood takes a second to go out."""
    return settings.model_copy(update={"chat_messages_per_minute": 6})


async def test_a_line_flood_is_read_up_to_the_limit_and_answered_politely_once(
    app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi, settings: Settings
) -> None:
    flood = [line.text_event("Uflood", "เมนู") for _ in range(30)]
    neighbour = line.text_event("Uneighbour", "เมนู")

    response = await post_line(client, *flood, neighbour)
    await settle(app)

    assert response.status_code == 200
    to_flooder = line_api.texts("Uflood")
    assert to_flooder.count(text("th", "rate.messages")) == 1
    assert to_flooder.count(text("th", "menu.title")) == settings.chat_messages_per_minute
    assert line_api.texts("Uneighbour") == [text("th", "menu.title")]


async def test_a_telegram_flood_is_limited_the_same_way(
    app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi, settings: Settings
) -> None:
    limit = settings.chat_messages_per_minute
    for n in range(limit + 5):
        await post_telegram(client, telegram.text_update(777, "เมนู", update_id=9_000 + n))
    await settle(app)

    to_flooder = telegram_api.texts(777)
    assert to_flooder.count(text("th", "rate.messages")) == 1
    assert to_flooder.count(text("th", "menu.title")) == limit
