"""Digests go out through the outbox: queued once however often the send runs, delivered by the
worker's drain to a real SMTP server and the fake LINE/Telegram APIs, SMTP failures retried by the
outbox's policy, and every run's report read back from the outbox rows."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI

from admin.digests.delivery import DIGEST_MESSAGE_KIND, SendReport
from admin.digests.weeks import IsoWeek
from bot.delivery import OutboxDelivery
from siang.digests import digest_sender
from siang.runtime import app_runtime
from siang.settings import Settings
from storage.database import Database
from tests.admin.digests.conftest import PLANTED, SeededDigests, subscribe
from tests.admin.digests.test_content import NOW
from tests.bot.helpers import outbox
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.clock import Clock
from tests.fixtures.feedback_factory import bearer
from tests.fixtures.smtp_server import SmtpServer

SUBSCRIBERS = [
    {"board": "กรุงเทพมหานคร", "channel": "email", "target": "chair@bkk-board.example"},
    {"board": "10", "channel": "email", "target": "secretary@bkk-board.example"},
    {"board": "เชียงใหม่", "channel": "email", "target": "board@cnx.example"},
    {"board": "83", "channel": "line", "target": "C0123456789abcdef0123456789abcdef"},
    {"board": "10", "channel": "telegram", "target": "-1001234567890"},
]
CHIANG_MAI = SUBSCRIBERS[2]


@pytest.fixture
def settings(
    settings: Settings,
    smtp_server: SmtpServer,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> Settings:
    """The app's outbox sends e-mail to the test's SMTP server and chat to the fake platforms."""
    chat = with_fake_platforms(settings, line_api, telegram_api)
    return chat.model_copy(update={"smtp_url": smtp_server.url})


async def _send(database: Database, settings: Settings, week: IsoWeek) -> SendReport:
    """What `siang digest send` does, from its own process: the app's units of work wake its
    delivery on commit, so here only the deliveries under test send."""
    other_process = Database(database.url)
    try:
        return await digest_sender(other_process, settings).send_week(week, now=NOW)
    finally:
        await other_process.dispose()


async def _drain(app: FastAPI) -> int:
    """What `siang worker` (or the app's scheduled drain) does: send every due outbox row."""
    sent: int = await app_runtime(app).background.drain_outbox()
    return sent


async def test_each_subscriber_gets_the_week_once_even_when_send_runs_twice(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> None:
    await subscribe(client, database, settings, SUBSCRIBERS)

    first = await _send(database, settings, seeded_digests.week)
    assert (first.subjects, first.queued, first.failed) == (77, 5, [])
    second = await _send(database, settings, seeded_digests.week)
    assert (second.queued, second.waiting, second.already_done, second.failed) == (0, 5, 0, [])
    assert await _drain(app) == 5
    third = await _send(database, settings, seeded_digests.week)
    assert (third.queued, third.waiting, third.already_done, third.failed) == (0, 0, 5, [])
    assert await _drain(app) == 0

    inbox = smtp_server.inbox
    assert len(inbox.received) == 3
    for subscriber in SUBSCRIBERS[:3]:
        [message] = inbox.to(subscriber["target"])
        assert "2026-W46" in str(message["Subject"])
        html = message.get_body(preferencelist=("html",))
        plain = message.get_body(preferencelist=("plain",))
        assert html is not None and plain is not None
        assert "สรุปเสียงประชาชนประจำสัปดาห์" in html.get_content()
        charts = [part for part in message.walk() if part.get_content_type() == "image/png"]
        assert len(charts) == 2
        for chart in charts:
            assert f"cid:{str(chart['Content-ID']).strip().strip('<>')}" in html.get_content()
            assert chart.get_content().startswith(b"\x89PNG")
        assert "/digests/" in plain.get_content()
        for planted in PLANTED:
            assert planted not in message.as_string(), planted
    [bangkok] = inbox.to("chair@bkk-board.example")
    assert "กรุงเทพมหานคร" in str(bangkok["Subject"])

    [line_message] = line_api.sent("C0123456789abcdef0123456789abcdef")
    [telegram_message] = telegram_api.sent("-1001234567890")
    for text in (line_message.text, telegram_message.text):
        assert "2026-W46" in text
    rows = [row for row in await outbox(database) if row.kind == DIGEST_MESSAGE_KIND]
    assert len(rows) == 5
    for row in rows:
        assert "email" not in row.payload  # delivered: the body is not kept in the outbox
        page = await client.get(row.payload["url"].removeprefix("https://siang.example.go.th"))
        assert page.status_code == 200
        assert "ประเด็นที่ถูกร้องเรียนมากที่สุด" in page.text


async def test_an_smtp_failure_is_retried_by_the_outbox_then_delivered_once(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
) -> None:
    admin = await subscribe(client, database, settings, [CHIANG_MAI])
    smtp_server.inbox.busy.add("board@cnx.example")
    assert (await _send(database, settings, seeded_digests.week)).queued == 1
    clock = Clock()  # the worker's delivery, with the outbox's policy, on a clock we can move
    worker = OutboxDelivery(
        database=database, senders=app_runtime(app).background.delivery.senders, clock=clock
    )
    assert (await worker.drain()).failed == 1
    failing = await _send(database, settings, seeded_digests.week)
    [failure] = failing.failed
    assert (failure.subject, failure.target, failure.attempts) == (
        "board:50",
        CHIANG_MAI["target"],
        1,
    )
    assert "451" in failure.error and failure.retry_at is not None
    listed = await client.get(
        "/api/v1/digests/deliveries", params={"failed_only": "true"}, headers=bearer(admin)
    )
    [shown] = listed.json()
    assert (shown["target"], shown["status"], shown["attempts"]) == (
        CHIANG_MAI["target"],
        "failed",
        1,
    )
    assert shown["next_attempt_at"] is not None

    smtp_server.inbox.busy.clear()
    assert (await worker.drain()).sent == 0  # the backoff has not passed
    clock.now += timedelta(seconds=31)
    assert (await worker.drain()).sent == 1
    assert (await worker.drain()).sent == 0
    delivered = await _send(database, settings, seeded_digests.week)
    assert (delivered.queued, delivered.already_done, delivered.failed) == (0, 1, [])
    assert len(smtp_server.inbox.to(CHIANG_MAI["target"])) == 1
    everything = await client.get(
        "/api/v1/digests/deliveries", params={"week": "2026-W46"}, headers=bearer(admin)
    )
    [row] = everything.json()
    assert (row["status"], row["attempts"], row["next_attempt_at"]) == ("sent", 2, None)


async def test_a_mailbox_that_does_not_exist_fails_for_good_and_is_reported(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
) -> None:
    await subscribe(client, database, settings, [CHIANG_MAI])
    smtp_server.inbox.refuse.add("board@cnx.example")

    await _send(database, settings, seeded_digests.week)
    await _drain(app)
    report = await _send(database, settings, seeded_digests.week)

    assert not report.ok and report.queued == 0
    [failure] = report.failed
    assert "550" in failure.error and failure.retry_at is None
    assert smtp_server.inbox.received == []


async def test_without_an_smtp_server_e_mail_is_reported_and_queued_once_there_is_one(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
) -> None:
    await subscribe(client, database, settings, [CHIANG_MAI])

    report = await _send(
        database, settings.model_copy(update={"smtp_url": None}), seeded_digests.week
    )
    assert not report.ok and report.queued == 0
    assert "SIANG_SMTP_URL" in report.failed[0].error
    assert await outbox(database) == []

    configured = await _send(database, settings, seeded_digests.week)
    assert (configured.queued, configured.failed) == (1, [])
