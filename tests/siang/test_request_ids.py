"""One request id from the webhook to the reply: echoed, stored with the event, logged by the job."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from siang.app import create_app
from siang.logging import RequestIdFilter
from siang.settings import Settings
from storage.database import Database
from tests.bot.helpers import post_line, settle, stored_events
from tests.fakes import line_api as line
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


async def test_every_answer_carries_a_request_id(client: httpx.AsyncClient) -> None:
    first = await client.get("/healthz")
    second = await client.get("/healthz")
    assert len(first.headers["x-request-id"]) == 32
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    mine = await client.get("/healthz", headers={"x-request-id": "lb-7f3a.9"})
    assert mine.headers["x-request-id"] == "lb-7f3a.9"
    odd = await client.get("/healthz", headers={"x-request-id": "x" * 65})
    assert odd.headers["x-request-id"] != "x" * 65  # not echoed: a fresh one


@pytest.fixture
async def chat_app(
    settings: Settings, database: Database, line_api: FakeLineApi, telegram_api: FakeTelegramApi
) -> AsyncIterator[FastAPI]:
    app = create_app(with_fake_platforms(settings, line_api, telegram_api), database=database)
    async with app.router.lifespan_context(app):
        yield app


async def test_the_webhooks_id_is_stored_and_logged_by_the_job_that_answers(
    chat_app: FastAPI, database: Database, line_api: FakeLineApi, caplog: pytest.LogCaptureFixture
) -> None:
    app = chat_app
    transport = httpx.ASGITransport(app=app)
    client = httpx.AsyncClient(transport=transport, base_url="http://siang.test")
    caplog.set_level(logging.INFO)
    caplog.handler.addFilter(RequestIdFilter())
    event = line.text_event("Urequest", "เมนู", reply_token=line_api.issue_reply_token("U"))
    body = line.webhook_body(event)
    headers = {"x-line-signature": line.sign(body), "x-request-id": "req-webhook-1"}

    response = await client.post("/webhooks/line", content=body, headers=headers)
    await settle(app)

    assert response.headers["x-request-id"] == "req-webhook-1"
    [stored] = await stored_events(database)
    assert stored.request_id == "req-webhook-1"
    processed = [r for r in caplog.records if r.getMessage() == "chat event processed"]
    assert [getattr(r, "request_id", None) for r in processed] == ["req-webhook-1"]
    assert line_api.texts("U") != []
    await post_line(client, event)  # the redelivery is logged under its own id, not processed
    await settle(app)
    assert len([r for r in caplog.records if r.getMessage() == "chat event processed"]) == 1
    await client.aclose()
