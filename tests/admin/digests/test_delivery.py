"""Sending digests: a real SMTP server gets one message per subscriber however often the send runs;
chat groups get one outbox row; a failed delivery is reported and retried."""

from __future__ import annotations

import httpx
from sqlmodel import col, select

from admin.digests.delivery import DIGEST_MESSAGE_KIND, SendReport
from admin.digests.weeks import IsoWeek
from siang.digests import digest_sender
from siang.settings import Settings
from storage.database import Database
from storage.models import DeliveryStatus, DigestDelivery, OutboundMessage, UserRole
from tests.admin.digests.conftest import PLANTED, SeededDigests
from tests.admin.digests.test_content import NOW
from tests.fixtures.feedback_factory import bearer, user_token
from tests.fixtures.smtp_server import SmtpServer

SUBSCRIBERS = [
    {"board": "กรุงเทพมหานคร", "channel": "email", "target": "chair@bkk-board.example"},
    {"board": "10", "channel": "email", "target": "secretary@bkk-board.example"},
    {"board": "เชียงใหม่", "channel": "email", "target": "board@cnx.example"},
    {"board": "83", "channel": "line", "target": "C0123456789abcdef0123456789abcdef"},
    {"board": "10", "channel": "telegram", "target": "-1001234567890"},
]


async def _subscribe(
    client: httpx.AsyncClient, token: str, subscribers: list[dict[str, str]]
) -> None:
    for subscriber in subscribers:
        response = await client.post(
            "/api/v1/digests/subscriptions", json=subscriber, headers=bearer(token)
        )
        assert response.status_code == 201, response.text


async def _send(database: Database, settings: Settings, week: IsoWeek) -> SendReport:
    return await digest_sender(database, settings).send_week(week, now=NOW)


async def test_one_message_per_subscriber_even_when_sent_twice(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
) -> None:
    async with database.unit_of_work() as session:
        admin = await user_token(session, settings, role=UserRole.ADMIN)
    await _subscribe(client, admin, SUBSCRIBERS)
    settings = settings.model_copy(update={"smtp_url": smtp_server.url})

    first = await _send(database, settings, seeded_digests.week)
    assert (first.sent, first.queued, first.failed) == (3, 2, [])
    assert first.subjects == 77
    second = await _send(database, settings, seeded_digests.week)
    assert (second.sent, second.queued, second.already_done, second.failed) == (0, 0, 5, [])

    inbox = smtp_server.inbox
    assert len(inbox.received) == 3
    for subscriber in SUBSCRIBERS[:3]:
        [message] = inbox.to(subscriber["target"])
        assert "2026-W46" in str(message["Subject"])
        html = message.get_body(preferencelist=("html",))
        assert html is not None
        content = html.get_content()
        assert "สรุปเสียงประชาชนประจำสัปดาห์" in content
        for planted in PLANTED:
            assert planted not in message.as_string(), planted
    [bangkok] = inbox.to("chair@bkk-board.example")
    assert "กรุงเทพมหานคร" in str(bangkok["Subject"])

    async with database.unit_of_work() as session:
        rows = (
            await session.exec(
                select(OutboundMessage).where(col(OutboundMessage.kind) == DIGEST_MESSAGE_KIND)
            )
        ).all()
    assert sorted((row.channel, row.target) for row in rows) == [
        ("line", "C0123456789abcdef0123456789abcdef"),
        ("telegram", "-1001234567890"),
    ]
    for row in rows:
        assert row.payload["week"] == "2026-W46"
        assert row.payload["url"] in row.payload["text"]
        page = await client.get(
            row.payload["url"].removeprefix(str(settings.public_base_url).rstrip("/"))
        )
        assert page.status_code == 200
        assert "ประเด็นที่ถูกร้องเรียนมากที่สุด" in page.text


async def test_a_failed_delivery_is_reported_then_retried_once(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
) -> None:
    async with database.unit_of_work() as session:
        admin = await user_token(session, settings, role=UserRole.ADMIN)
    await _subscribe(client, admin, SUBSCRIBERS[2:3])
    settings = settings.model_copy(update={"smtp_url": smtp_server.url})
    smtp_server.inbox.refuse.add("board@cnx.example")

    failing = await _send(database, settings, seeded_digests.week)
    [failure] = failing.failed
    assert (failure.subject, failure.target, failure.attempts) == (
        "board:50",
        "board@cnx.example",
        1,
    )
    assert "550" in failure.error
    listed = await client.get(
        "/api/v1/digests/deliveries", params={"failed_only": "true"}, headers=bearer(admin)
    )
    assert [(d["target"], d["status"]) for d in listed.json()] == [("board@cnx.example", "failed")]

    smtp_server.inbox.refuse.clear()
    retried = await _send(database, settings, seeded_digests.week)
    assert (retried.sent, retried.failed) == (1, [])
    again = await _send(database, settings, seeded_digests.week)
    assert (again.sent, again.already_done) == (0, 1)
    assert len(smtp_server.inbox.to("board@cnx.example")) == 1
    async with database.unit_of_work() as session:
        [delivery] = (await session.exec(select(DigestDelivery))).all()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


async def test_without_an_smtp_server_e_mail_fails_and_is_reported(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
) -> None:
    async with database.unit_of_work() as session:
        admin = await user_token(session, settings, role=UserRole.ADMIN)
    await _subscribe(client, admin, SUBSCRIBERS[:1])
    report = await _send(
        database, settings.model_copy(update={"smtp_url": None}), seeded_digests.week
    )
    assert not report.ok
    assert "SIANG_SMTP_URL" in report.failed[0].error
