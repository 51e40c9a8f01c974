"""What the production log configuration prints: what an operator needs, no secrets."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from siang.logging import configure_logging
from siang.settings import Settings
from tests.bot.helpers import post_telegram, settle
from tests.fakes import telegram_api as telegram
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)


@pytest.fixture
def production_logging(capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    """The log configuration `siang serve` uses, writing to the captured stderr."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    configure_logging(level="INFO")
    yield
    root.handlers[:], root.level = handlers, level
    logging.getLogger("httpx").setLevel(logging.NOTSET)


async def test_the_telegram_bot_token_in_every_api_url_stays_out_of_the_log(
    production_logging: None,
    app: FastAPI,
    client: httpx.AsyncClient,
    telegram_api: FakeTelegramApi,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await post_telegram(client, telegram.text_update(615, "/start"))
    await settle(app)

    assert telegram_api.texts(615), "the answer went out through the Bot API"
    assert telegram.BOT_TOKEN not in capsys.readouterr().err
