"""A broadcast through the outbox: LINE rows in multicasts of at most 500, each person once;
a batch retried whole with its key, split when LINE refuses it, held off by a 429's Retry-After;
Telegram rows one by one, a flood-control answer honoured."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from datetime import timedelta

from fastapi import FastAPI

from bot.delivery import OutboxDelivery
from services.outbox import queue_message
from siang.runtime import app_runtime
from storage.database import Database
from storage.models import Channel, Citizen, DeliveryStatus, OutboundMessage, RecipientType
from tests.bot.helpers import outbox
from tests.bot.test_delivery import _elsewhere
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.clock import Clock

POLL = {
    "consultation_id": 7,
    "title": "ตลาดนัดวันอาทิตย์",
    "question": "ควรย้ายตลาดนัดไปที่ลานจอดรถเทศบาลไหม",
    "context": "",
    "options": ["ย้าย", "ไม่ย้าย"],
    "free_answer": False,
    "closes_at": "2026-12-20T09:00:00+00:00",
}


async def _broadcast(
    database: Database,
    targets: list[str],
    *,
    channel: Channel = Channel.LINE,
    language: str = "th",
    notifications: bool = True,
) -> None:
    """The consultation queued for one citizen per target, as `consultations.publish` does."""
    async with _elsewhere(database) as session:
        for target in targets:
            citizen = Citizen(
                channel=channel,
                channel_user_id=target,
                language=language,
                notifications_enabled=notifications,
            )
            session.add(citizen)
            await session.flush()
            await queue_message(
                session,
                recipient_type=RecipientType.CITIZEN,
                channel=channel,
                target=target,
                kind="consultation",
                payload=POLL,
                dedupe_key=f"consultation:7:citizen:{citizen.id}",
                citizen_id=citizen.id,
                broadcast_key="consultation:7",
            )


def _line_users(count: int) -> list[str]:
    return [f"U{uuid.uuid4().hex}" for _ in range(count)]


def _delivery(
    app: FastAPI, database: Database, clock: Clock, *, first_backoff: timedelta | None = None
) -> OutboxDelivery:
    return OutboxDelivery(
        database=database,
        senders=app_runtime(app).background.delivery.senders,
        clock=clock,
        first_backoff=first_backoff or timedelta(seconds=30),
    )


def _statuses(rows: list[OutboundMessage]) -> set[DeliveryStatus]:
    return {row.status for row in rows}


class TestMulticast:
    async def test_five_hundred_and_one_subscribers_take_two_calls_and_hear_it_once(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        users = _line_users(501)
        await _broadcast(database, users)

        report = await _delivery(app, database, Clock()).drain()

        assert (report.sent, report.batches) == (501, 2)
        assert sorted(len(c.json["to"]) for c in line_api.multicasts()) == [1, 500]
        assert line_api.received_by() == {user: 1 for user in users}
        assert [c for c in line_api.calls if c.path.endswith("/push")] == []
        assert _statuses(await outbox(database)) == {DeliveryStatus.SENT}

    async def test_each_language_gets_its_own_multicast_and_the_opted_out_none(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        thai, english, quiet = _line_users(3), _line_users(2), _line_users(1)
        await _broadcast(database, thai)
        await _broadcast(database, english, language="en")
        await _broadcast(database, quiet, notifications=False)

        report = await _delivery(app, database, Clock()).drain()

        assert (report.sent, report.skipped, report.batches) == (5, 1, 2)
        calls = {len(c.json["to"]): c.json["messages"][0]["text"] for c in line_api.multicasts()}
        assert "รับฟังความคิดเห็น" in calls[3] and "Have your say" in calls[2]
        assert quiet[0] not in line_api.received_by()

    async def test_a_batch_that_failed_is_retried_whole_with_the_same_retry_key(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        users = _line_users(4)
        await _broadcast(database, users)
        line_api.fail_next("/multicast", 500)
        clock = Clock()
        delivery = _delivery(app, database, clock)

        failed = await delivery.drain()
        rows = await outbox(database)
        assert (failed.failed, _statuses(rows)) == (4, {DeliveryStatus.FAILED})
        assert len({row.retry_key for row in rows}) == 1
        clock.now += timedelta(seconds=31)
        assert (await delivery.drain()).sent == 4

        first, second = [c for c in line_api.calls if c.path.endswith("/multicast")]
        assert first.headers["x-line-retry-key"] == second.headers["x-line-retry-key"]
        assert line_api.received_by() == {user: 1 for user in users}

    async def test_a_429_holds_the_batch_back_for_its_retry_after(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _broadcast(database, _line_users(2))
        line_api.retry_after = "300"
        line_api.fail_next("/multicast", 429)
        clock = Clock()

        await _delivery(app, database, clock).drain()

        rows = await outbox(database)
        assert _statuses(rows) == {DeliveryStatus.FAILED}
        assert all(r.next_attempt_at == clock.now + timedelta(seconds=300) for r in rows)

    async def test_a_batch_line_refuses_goes_out_one_by_one(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        users = _line_users(3)
        await _broadcast(database, [*users, "Cnot-a-user-but-a-group"])

        report = await _delivery(app, database, Clock()).drain()

        assert line_api.multicasts() == []  # LINE refused the batch (400) …
        pushes = [c.json["to"] for c in line_api.calls if c.path.endswith("/push")]
        assert sorted(pushes) == sorted([*users, "Cnot-a-user-but-a-group"])  # … one each
        assert report.sent == 4
        assert line_api.received_by() == {user: 1 for user in users} | {
            "Cnot-a-user-but-a-group": 1
        }


class TestTelegram:
    async def test_flood_control_is_honoured_and_the_rest_go_out(
        self, app: FastAPI, database: Database, telegram_api: FakeTelegramApi
    ) -> None:
        chats = [str(8_200_000 + n) for n in range(3)]
        await _broadcast(database, chats, channel=Channel.TELEGRAM)
        telegram_api.fail_next("sendMessage", 429, "Too Many Requests", retry_after=2)
        clock = Clock()
        delivery = _delivery(app, database, clock, first_backoff=timedelta(seconds=1))

        started = time.monotonic()
        report = await delivery.drain()

        assert (report.sent, report.failed, report.batches) == (2, 1, 0)
        assert time.monotonic() - started >= 1.9  # the bot's next sends waited out the 429
        [held] = [r for r in await outbox(database) if r.status is DeliveryStatus.FAILED]
        assert held.next_attempt_at == clock.now + timedelta(seconds=2)  # not the 1 s back-off
        clock.now += timedelta(seconds=2)
        assert (await delivery.drain()).sent == 1
        assert sorted(m.chat_id for m in telegram_api.sent()) == chats

    async def test_a_send_cut_short_after_telegram_took_it_is_not_repeated(
        self, app: FastAPI, database: Database, telegram_api: FakeTelegramApi
    ) -> None:
        await _broadcast(database, ["8300001", "8300002"], channel=Channel.TELEGRAM)
        telegram_api.answer_delay = 10.0
        clock = Clock()
        dying = asyncio.create_task(_delivery(app, database, clock).drain())
        await asyncio.to_thread(telegram_api.wait_for, 1)
        dying.cancel()  # the worker dies: Telegram has the message, the row no outcome
        with contextlib.suppress(asyncio.CancelledError):
            await dying
        telegram_api.answer_delay = 0.0

        clock.now += timedelta(seconds=61)  # the dead worker's lease has run out
        report = await _delivery(app, database, clock).drain()

        assert (report.sent, [m.chat_id for m in telegram_api.sent()]) == (
            2,
            ["8300001", "8300002"],  # once each: the first was not sent again
        )
        first, _ = await outbox(database)
        assert first.status is DeliveryStatus.SENT and "not sent again" in (first.last_error or "")
