"""/metrics: the intake's figures from the database, for this machine or a bearer token only."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from pydantic import SecretStr

from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from tests.bot.helpers import post_line, settle
from tests.bot.test_webhook_burst import metric_values
from tests.fakes import line_api as line
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


def _client(app: FastAPI, address: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://siang.test")


class TestWhoMayScrape:
    async def test_without_a_token_only_this_machine_is_answered(self, app: FastAPI) -> None:
        async with _client(app) as local, _client(app, "203.0.113.9") as remote:
            assert (await local.get("/metrics")).status_code == 200
            assert (await remote.get("/metrics")).status_code == 404

    async def test_with_a_token_the_bearer_is_answered_from_anywhere(
        self, settings: Settings, database: Database
    ) -> None:
        guarded = settings.model_copy(update={"metrics_token": SecretStr("scrape-me-please")})
        app = create_app(guarded, database=database)
        async with app.router.lifespan_context(app), _client(app, "203.0.113.9") as remote:
            assert (await remote.get("/metrics")).status_code == 401
            wrong = {"authorization": "Bearer guess"}
            assert (await remote.get("/metrics", headers=wrong)).status_code == 401
            right = {"authorization": "Bearer scrape-me-please"}
            answer = await remote.get("/metrics", headers=right)
            assert answer.status_code == 200
            assert "siang_events_received_total" in answer.text


class TestWhatIsCounted:
    async def test_a_waiting_event_is_the_queue_depth_until_it_is_processed(
        self,
        settings: Settings,
        database: Database,
        line_api: FakeLineApi,
        telegram_api: FakeTelegramApi,
    ) -> None:
        app = create_app(with_fake_platforms(settings, line_api, telegram_api), database=database)
        event = line.text_event("Umetrics", "เมนู", reply_token=line_api.issue_reply_token("U"))
        async with app.router.lifespan_context(app), _client(app) as client:
            empty = await metric_values(client)
            assert empty[("siang_events_oldest_pending_age_seconds", ())] == 0
            assert ("siang_events_received_total", ("line",)) not in empty

            assert (await post_line(client, event)).status_code == 200
            await settle(app)
            assert (await post_line(client, event)).json()["new"] == 0  # redelivered
            values = await metric_values(client)

        assert values[("siang_events_received_total", ("line",))] == 1
        assert values[("siang_events_processed_total", ("line",))] == 1
        assert values[("siang_events", ("line", "processed"))] == 1
        assert values[("siang_outbound_sent_total", ("line",))] == 1
        assert values[("siang_event_processing_seconds", ("0.5",))] >= 0
