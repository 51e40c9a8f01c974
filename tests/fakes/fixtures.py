"""Fixtures for the fake chat platforms, and settings that point Siang at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import AnyHttpUrl, SecretStr

from siang.settings import Settings
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram


@pytest.fixture(scope="session")
def _line_server() -> Iterator[line.FakeLineApi]:
    server = line.FakeLineApi()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _telegram_server() -> Iterator[telegram.FakeTelegramApi]:
    server = telegram.FakeTelegramApi()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def line_api(_line_server: line.FakeLineApi) -> Iterator[line.FakeLineApi]:
    """The fake LINE API (messaging and content), emptied for this test."""
    _line_server.reset()
    yield _line_server
    _line_server.reset()


@pytest.fixture
def telegram_api(_telegram_server: telegram.FakeTelegramApi) -> Iterator[telegram.FakeTelegramApi]:
    """The fake Telegram Bot API, emptied for this test."""
    _telegram_server.reset()
    yield _telegram_server
    _telegram_server.reset()


def with_fake_platforms(
    settings: Settings, line_server: line.FakeLineApi, telegram_server: telegram.FakeTelegramApi
) -> Settings:
    """`settings` with LINE and Telegram configured against the fakes."""
    return settings.model_copy(
        update={
            "line_channel_secret": SecretStr(line.CHANNEL_SECRET),
            "line_channel_access_token": SecretStr(line.ACCESS_TOKEN),
            "line_api_base_url": AnyHttpUrl(line_server.base_url),
            "line_data_api_base_url": AnyHttpUrl(line_server.base_url),
            "telegram_bot_token": SecretStr(telegram.BOT_TOKEN),
            "telegram_webhook_secret": SecretStr(telegram.WEBHOOK_SECRET),
            "telegram_api_base_url": AnyHttpUrl(telegram_server.base_url),
            "public_base_url": AnyHttpUrl("https://siang.example.go.th"),
        }
    )


@pytest.fixture
def chat_settings(
    settings: Settings, line_api: line.FakeLineApi, telegram_api: telegram.FakeTelegramApi
) -> Settings:
    """The test's settings with both chat platforms pointed at the fakes."""
    return with_fake_platforms(settings, line_api, telegram_api)
