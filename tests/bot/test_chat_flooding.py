"""One citizen flooding LINE or Telegram gets one polite answer, not a hundred conversations."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from bot.texts import text
from tests.bot.helpers import post_line, post_telegram, settle
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


async def test_a_line_flood_is_read_up_to_the_limit_and_answered_politely_once(
    app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
) -> None:
    flood = [line.text_event("Uflood", "เมนู") for _ in range(30)]
    neighbour = line.text_event("Uneighbour", "เมนู")

    response = await post_line(client, *flood, neighbour)
    await settle(app)

    assert response.status_code == 200
    to_flooder = line_api.texts("Uflood")
    assert to_flooder.count(text("th", "rate.messages")) == 1
    assert to_flooder.count(text("th", "menu.title")) == 20
    assert line_api.texts("Uneighbour") == [text("th", "menu.title")]


async def test_a_telegram_flood_is_limited_the_same_way(
    app: FastAPI, client: httpx.AsyncClient, telegram_api: FakeTelegramApi
) -> None:
    for n in range(25):
        await post_telegram(client, telegram.text_update(777, "เมนู", update_id=9_000 + n))
    await settle(app)

    to_flooder = telegram_api.texts(777)
    assert to_flooder.count(text("th", "rate.messages")) == 1
    assert to_flooder.count(text("th", "menu.title")) == 20
