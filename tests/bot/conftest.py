"""Chat tests run the real app against the fake LINE and Telegram servers."""

from __future__ import annotations

import pytest

from siang.settings import Settings
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)
