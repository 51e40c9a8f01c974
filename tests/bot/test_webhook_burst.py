"""A burst of signed LINE webhooks from 16 senders at once: every event is stored once,
processed once and answered once, and /metrics counts them as they are (no timings here: those
are bench/webhook_burst.py's)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from siang.app import create_app
from siang.settings import Settings
from siang.worker import run_worker
from storage.database import Database
from storage.models import EventStatus
from tests.bot.helpers import post_line, settle, stored_events
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi
from tests.fixtures.databases import skip_or_fail

EVENTS = 96  # six turns of the 16 senders: the burst shape, a CI-sized count
SENDERS = 16
MESSAGES = ["เมนู", "ติดตาม", "วิธีใช้"]


def _burst_events(line_api: FakeLineApi) -> list[dict[str, Any]]:
    events = []
    for n in range(EVENTS):
        user = f"Uburst{n % 40:02d}"
        token = line_api.issue_reply_token(user)
        events.append(line.text_event(user, MESSAGES[n % 3], reply_token=token))
    return events


async def _send(client: httpx.AsyncClient, events: list[dict[str, Any]]) -> list[int]:
    """Post each event in its own webhook, SENDERS at a time; the status codes."""
    remaining = iter(events)
    statuses: list[int] = []

    async def sender() -> None:
        for event in remaining:
            statuses.append((await post_line(client, event)).status_code)

    await asyncio.gather(*(sender() for _ in range(SENDERS)))
    return statuses


async def metric_values(client: httpx.AsyncClient) -> dict[tuple[str, tuple[str, ...]], float]:
    """/metrics as {(sample name, label values): value}."""
    response = await client.get("/metrics")
    assert response.status_code == 200
    return {
        (sample.name, tuple(sample.labels.values())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _replies_per_token(line_api: FakeLineApi) -> dict[str, int]:
    counts: dict[str, int] = {}
    for call in line_api.calls:
        if call.path.endswith("/reply") and call.accepted:
            token = call.json["replyToken"]
            counts[token] = counts.get(token, 0) + 1
    return counts


def _wait_for_replies(line_api: FakeLineApi, count: int) -> None:
    deadline = time.monotonic() + 120
    while len(_replies_per_token(line_api)) < count and time.monotonic() < deadline:
        time.sleep(0.05)


async def _assert_each_answered_once(
    client: httpx.AsyncClient, database: Database, line_api: FakeLineApi, sent: list[dict[str, Any]]
) -> None:
    stored = await stored_events(database)
    assert sorted(e.external_id for e in stored) == sorted(e["webhookEventId"] for e in sent)
    assert {e.status for e in stored} == {EventStatus.PROCESSED}
    replies = _replies_per_token(line_api)
    assert sorted(replies) == sorted(e["replyToken"] for e in sent)
    assert set(replies.values()) == {1}
    # A redelivery of the whole burst is recognised: nothing new, nothing answered again.
    again = [{**e, "deliveryContext": {"isRedelivery": True}} for e in sent[:20]]
    assert set(await _send(client, again)) == {200}

    values = await metric_values(client)
    assert values[("siang_events_received_total", ("line",))] == EVENTS
    assert values[("siang_events_processed_total", ("line",))] == EVENTS
    assert values.get(("siang_events_pending", ("line",)), 0) == 0
    assert values[("siang_events_oldest_pending_age_seconds", ())] == 0
    assert values[("siang_outbound_sent_total", ("line",))] == EVENTS
    assert values[("siang_event_processing_recent_events", ())] == EVENTS


async def test_a_burst_in_the_embedded_shape_is_answered_once_each_and_counted(
    app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
) -> None:
    sent = _burst_events(line_api)

    statuses = await _send(client, sent)
    await settle(app)

    assert statuses == [200] * EVENTS
    await _assert_each_answered_once(client, database, line_api, sent)
    await settle(app)
    assert set(_replies_per_token(line_api).values()) == {1}
    # The conversations ran beside the webhooks (stepping aside for them), in each citizen's
    # order: a citizen's answers went out in the order their events were stored.
    stored = await stored_events(database)  # in the order they were stored
    tokens = {e["webhookEventId"]: e["replyToken"] for e in sent}
    answered = [c.json["replyToken"] for c in line_api.calls if c.path.endswith("/reply")]
    for user in {e["source"]["userId"] for e in sent}:
        mine = [tokens[e.external_id] for e in stored if e.payload["source"]["userId"] == user]
        assert [token for token in answered if token in mine] == mine


async def test_a_burst_through_redis_is_answered_once_each_by_two_workers(
    settings: Settings, database: Database, line_api: FakeLineApi
) -> None:
    redis_url = os.environ.get("SIANG_TEST_REDIS_URL")
    if not redis_url:
        skip_or_fail("SIANG_TEST_REDIS_URL is not set, so the Redis burst test did not run")
    queued = settings.model_copy(
        update={"redis_url": redis_url, "redis_queue": f"siang-burst-{uuid.uuid4().hex[:8]}"}
    )
    app = create_app(queued, database=database)
    sent = _burst_events(line_api)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as client:
            workers = [asyncio.create_task(run_worker(queued)) for _ in range(2)]
            try:
                statuses = await _send(client, sent)
                await asyncio.to_thread(_wait_for_replies, line_api, EVENTS)
                await asyncio.sleep(0.5)  # time for a second answer, were one coming
                assert statuses == [200] * EVENTS
                await _assert_each_answered_once(client, database, line_api, sent)
            finally:
                for worker in workers:
                    worker.cancel()
                for worker in workers:
                    with contextlib.suppress(asyncio.CancelledError):
                        await worker
