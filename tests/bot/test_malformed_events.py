"""A signed event Siang cannot read is set aside at once, with its reason, and said so once."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI

from siang.runtime import app_runtime
from storage.database import Database
from storage.models import EventStatus
from tests.bot.helpers import post_line, settle, stored_events
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi


@pytest.mark.parametrize(
    "source", ["not-an-object", ["Uuser"], {"type": "user", "userId": 42}], ids=str
)
async def test_an_event_with_a_malformed_source_fails_once_with_its_reason(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    line_api: FakeLineApi,
    caplog: pytest.LogCaptureFixture,
    source: object,
) -> None:
    event = {**line.text_event("Uignored", "ถนนพัง"), "source": source}
    caplog.set_level(logging.INFO)

    response = await post_line(client, event)
    await settle(app)
    retried = await app_runtime(app).background.recover_pending(older_than=timedelta(0))
    await settle(app)

    assert response.status_code == 200
    [stored] = await stored_events(database)
    assert stored.status is EventStatus.FAILED
    assert stored.error is not None and "source" in stored.error
    assert retried == 0  # never picked up again
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(problems) == 1, [r.getMessage() for r in problems]
    assert problems[0].exc_info is None  # a clear line, not a traceback
    assert line_api.calls == []  # nobody to answer
