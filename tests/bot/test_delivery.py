"""Outbox delivery: each row sent once even when drains race, retried with backoff, e-mailed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta
from email import message_from_bytes
from email.header import decode_header, make_header
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.line import LineChannel
from bot.delivery import CHAT_REPLY, OutboxDelivery, chat_reply_payload
from bot.messages import Outgoing
from services.composed_email import ComposedEmail, InlineImage
from services.outbox import queue_message
from siang.runtime import app_runtime
from storage.database import Database
from storage.models import DeliveryStatus, OutboundMessage, RecipientType
from storage.types import utcnow
from tests.bot.helpers import outbox
from tests.fakes.line_api import FakeLineApi
from tests.fakes.server import free_port
from tests.fixtures.clock import Clock
from tests.fixtures.smtp_server import SmtpServer, smtp_server

__all__ = ["smtp_server"]  # the real SMTP server fixture

NEW_ITEM = {
    "reference": "SG-7K4M-2Q",
    "category": "ถนน",
    "district": "วังทองหลาง",
    "province": "กรุงเทพมหานคร",
    "redacted_text": "ถนนเป็นหลุมใหญ่ หน้าซอยลาดพร้าว 71",
    "due_at": "2026-12-02T09:00:00+00:00",
    "url": "/admin/feedback/1",
}


@asynccontextmanager
async def _elsewhere(database: Database) -> AsyncIterator[AsyncSession]:
    """A unit of work of another process (the worker, `siang db` …): the app's own units of
    work wake its delivery on commit, and here only the deliveries under test may send."""
    other_process = Database(database.url)
    try:
        async with other_process.unit_of_work() as session:
            yield session
    finally:
        await other_process.dispose()


async def _queue(database: Database, count: int, *, channel: str, target: str) -> list[int]:
    ids = []
    async with _elsewhere(database) as session:
        for n in range(count):
            new_id = await queue_message(
                session,
                recipient_type=RecipientType.AGENCY,
                channel=channel,
                target=target,
                kind="agency_new_item",
                payload=NEW_ITEM | {"reference": f"SG-7K4M-{n:02d}"},
                dedupe_key=f"test:{channel}:{target}:{n}",
            )
            assert new_id is not None
            ids.append(new_id)
    return ids


def _delivery(app: FastAPI, database: Database, clock: Clock) -> OutboxDelivery:
    return OutboxDelivery(
        database=database, senders=app_runtime(app).background.delivery.senders, clock=clock
    )


async def _statuses(database: Database) -> list[tuple[DeliveryStatus, int]]:
    return [(row.status, row.attempts) for row in await outbox(database)]


class TestOnce:
    async def test_racing_drains_send_each_row_once(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _queue(database, 6, channel="line", target="Cagency-group")
        clock = Clock()

        reports = await asyncio.gather(*(_delivery(app, database, clock).drain() for _ in range(3)))

        assert sum(report.sent for report in reports) == 6
        pushes = [c for c in line_api.calls if c.path.endswith("/push")]
        assert len(pushes) == 6
        references = sorted(p.json["messages"][0]["text"].count("SG-7K4M-") for p in pushes)
        assert references == [1] * 6
        assert await _statuses(database) == [(DeliveryStatus.SENT, 1)] * 6


class TestRetries:
    async def test_platform_outage_is_retried_after_backoff(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _queue(database, 1, channel="line", target="Cagency-group")
        line_api.fail_next("/push", 500)
        clock = Clock()
        delivery = _delivery(app, database, clock)

        first = await delivery.drain()
        [row] = await outbox(database)
        assert (first.failed, row.status, row.attempts) == (1, DeliveryStatus.FAILED, 1)
        assert row.next_attempt_at is not None and row.next_attempt_at > clock.now
        assert (await delivery.drain()).sent == 0  # not yet due

        clock.now += timedelta(seconds=31)
        assert (await delivery.drain()).sent == 1
        assert await _statuses(database) == [(DeliveryStatus.SENT, 2)]

    async def test_refusal_the_platform_will_repeat_is_not_retried(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _queue(database, 1, channel="line", target="Cagency-group")
        line_api.fail_next("/push", 400)
        clock = Clock()

        await _delivery(app, database, clock).drain()

        [row] = await outbox(database)
        assert (row.status, row.next_attempt_at) == (DeliveryStatus.FAILED, None)
        assert "HTTP 400" in (row.last_error or "")

    async def test_unconfigured_channel_is_skipped_with_a_reason(
        self, app: FastAPI, database: Database
    ) -> None:
        await _queue(database, 1, channel="email", target="roads@bangkok.go.th")

        await _delivery(app, database, Clock()).drain()

        [row] = await outbox(database)
        assert row.status is DeliveryStatus.SKIPPED
        assert "email" in (row.last_error or "")


class SmtpInbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def smtp_inbox() -> Iterator[tuple[SmtpInbox, int]]:
    inbox = SmtpInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


async def _queue_email(database: Database, target: str, payload: dict[str, Any]) -> None:
    async with database.unit_of_work() as session:
        await queue_message(
            session,
            recipient_type=RecipientType.BOARD,
            channel="email",
            target=target,
            kind="board_digest",
            payload=payload,
            dedupe_key=f"test:email:{target}",
        )


def _email_delivery(database: Database, smtp_server: SmtpServer, clock: Clock) -> OutboxDelivery:
    from bot.channels.email import EmailChannel, EmailConfig

    sender = EmailChannel(EmailConfig(smtp_url=smtp_server.url, sender="Siang <s@example.go.th>"))
    return OutboxDelivery(database=database, senders={"email": sender}, clock=clock)


class TestEmail:
    async def test_agency_that_chose_email_gets_a_thai_email(
        self, app: FastAPI, database: Database, smtp_inbox: tuple[SmtpInbox, int]
    ) -> None:
        inbox, port = smtp_inbox
        from bot.channels.email import EmailChannel, EmailConfig

        sender = EmailChannel(
            EmailConfig(smtp_url=f"smtp://127.0.0.1:{port}", sender="Siang <siang@example.go.th>")
        )
        await _queue(database, 1, channel="email", target="roads@bangkok.go.th")
        delivery = OutboxDelivery(database=database, senders={"email": sender}, clock=Clock())

        report = await delivery.drain()

        assert report.sent == 1
        [raw] = inbox.messages
        email = message_from_bytes(raw)
        assert email["To"] == "roads@bangkok.go.th"
        assert str(make_header(decode_header(email["Subject"]))).startswith("[เสียง Siang]")
        payload = email.get_payload(decode=True)
        assert isinstance(payload, bytes)
        body = payload.decode("utf-8")
        assert "SG-7K4M-00" in body and "วังทองหลาง" in body
        assert (await outbox(database))[0].status is DeliveryStatus.SENT
        assert isinstance((await outbox(database))[0], OutboundMessage)

    async def test_an_email_composed_elsewhere_goes_out_as_it_is(
        self, database: Database, smtp_server: SmtpServer
    ) -> None:
        composed = ComposedEmail(
            subject="สรุปประจำสัปดาห์ 2026-W46",
            text="ดูฉบับเต็มที่ลิงก์",
            html='<p>กราฟ <img src="cid:trend.1@digest.siang"></p>',
            images=(InlineImage(content_id="trend.1@digest.siang", filename="t.png", data=PNG),),
        )
        await _queue_email(database, "board@cnx.example", {"email": composed.to_payload()})

        report = await _email_delivery(database, smtp_server, Clock()).drain()

        assert report.sent == 1
        [email] = smtp_server.inbox.to("board@cnx.example")
        assert str(email["Subject"]) == "สรุปประจำสัปดาห์ 2026-W46"  # no prefix added
        plain = email.get_body(preferencelist=("plain",))
        html = email.get_body(preferencelist=("html",))
        assert plain is not None and "ดูฉบับเต็มที่ลิงก์" in plain.get_content()
        assert html is not None and "cid:trend.1@digest.siang" in html.get_content()
        [image] = [part for part in email.walk() if part.get_content_type() == "image/png"]
        assert str(image["Content-ID"]).strip() == "<trend.1@digest.siang>"
        assert image.get_content() == PNG
        [row] = await outbox(database)
        assert email["Message-ID"] == f"<{row.retry_key}@example.go.th>"
        assert "email" not in row.payload  # sent: the row no longer keeps a copy of the e-mail

    async def test_a_busy_mailbox_is_tried_again_and_a_missing_one_is_not(
        self, database: Database, smtp_server: SmtpServer
    ) -> None:
        smtp_server.inbox.busy.add("busy@example.go.th")
        smtp_server.inbox.refuse.add("gone@example.go.th")
        await _queue_email(database, "busy@example.go.th", NEW_ITEM)
        await _queue_email(database, "gone@example.go.th", NEW_ITEM)
        clock = Clock()

        assert (await _email_delivery(database, smtp_server, clock).drain()).failed == 2

        busy, gone = await outbox(database)
        assert busy.next_attempt_at is not None and "451" in (busy.last_error or "")
        assert gone.next_attempt_at is None and "550" in (gone.last_error or "")
        smtp_server.inbox.busy.clear()
        clock.now += timedelta(seconds=31)
        assert (await _email_delivery(database, smtp_server, clock).drain()).sent == 1
        assert [rcpt for rcpt, _ in smtp_server.inbox.received] == [["busy@example.go.th"]]


def _hurried_delivery(app: FastAPI, database: Database, clock: Clock) -> OutboxDelivery:
    """The app's LINE sender with a LINE call that gives up after half a second."""
    line = app_runtime(app).background.delivery.senders["line"]
    assert isinstance(line, LineChannel)
    hurried = LineChannel(replace(line.config, request_timeout=0.5), line.media)
    return OutboxDelivery(database=database, senders={"line": hurried}, clock=clock)


class _Killed(BaseException):
    """The worker process dying (SIGKILL) right after the platform took the message."""


class _DiesAfterSending:
    """The real LINE sender, with the process killed after the call returns."""

    def __init__(self, real: Any) -> None:
        self.real = real

    async def send(self, *args: Any, **kwargs: Any) -> None:
        await self.real.send(*args, **kwargs)
        raise _Killed

    async def close(self) -> None:
        pass


class _DiesDuringTheCall:
    """The process killed after the attempt was recorded, before LINE took the message."""

    async def send(self, *args: Any, **kwargs: Any) -> None:
        raise _Killed

    async def close(self) -> None:
        pass


async def _queue_reply(database: Database, line_api: FakeLineApi, *, with_token: bool) -> int:
    token = line_api.issue_reply_token("Uonce") if with_token else None
    async with _elsewhere(database) as session:
        new_id = await queue_message(
            session,
            recipient_type=RecipientType.CITIZEN,
            channel="line",
            target="Uonce",
            kind=CHAT_REPLY,
            payload=chat_reply_payload(
                [Outgoing(text="รับเรื่องแล้ว เลขที่ SG-7K4M-2Q")],
                reply_token=token,
                issued_at=utcnow(),
            ),
            dedupe_key=f"test:once:{with_token}",
        )
    assert new_id is not None
    return new_id


async def _crash_then_recover(
    app: FastAPI,
    database: Database,
    message_id: int,
    *,
    after: timedelta = timedelta(minutes=6),
    taken_by_line: bool = True,
) -> None:
    clock = Clock()
    senders = dict(app_runtime(app).background.delivery.senders)
    killed = _DiesAfterSending(senders["line"]) if taken_by_line else _DiesDuringTheCall()
    dying = OutboxDelivery(database=database, senders={"line": killed}, clock=clock)
    with pytest.raises(_Killed):
        await dying.deliver(message_id)
    clock.now += after  # the dead worker's claim has run out
    assert (await _delivery(app, database, clock).drain()).sent == 1


class TestExactlyOnce:
    async def test_a_reply_taken_by_line_before_the_worker_died_is_not_sent_again(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        message_id = await _queue_reply(database, line_api, with_token=True)

        await _crash_then_recover(app, database, message_id)

        assert [m.via for m in line_api.sent("Uonce")] == ["reply"]
        [row] = await outbox(database)
        assert row.status is DeliveryStatus.SENT
        assert row.reply_token_spent_at is not None

    async def test_a_reply_cut_off_before_line_took_it_goes_out_once_with_the_same_token(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        message_id = await _queue_reply(database, line_api, with_token=True)
        # A reply's claim is short (20 s), so the token (good for about a minute) still works.
        await _crash_then_recover(
            app, database, message_id, after=timedelta(seconds=21), taken_by_line=False
        )

        assert [m.via for m in line_api.sent("Uonce")] == ["reply"]
        assert [m.text for m in line_api.sent("Uonce")] == ["รับเรื่องแล้ว เลขที่ SG-7K4M-2Q"]
        [row] = await outbox(database)
        assert row.status is DeliveryStatus.SENT and row.last_error is None

    async def test_a_reply_line_took_before_the_cut_is_tried_with_its_token_and_not_pushed(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        message_id = await _queue_reply(database, line_api, with_token=True)

        await _crash_then_recover(app, database, message_id, after=timedelta(seconds=21))

        replies = [c for c in line_api.calls if c.path.endswith("/reply")]
        assert [c.accepted for c in replies] == [True, False]  # the token was refused as used
        assert not [c for c in line_api.calls if c.path.endswith("/push")]
        assert [m.via for m in line_api.sent("Uonce")] == ["reply"]
        [row] = await outbox(database)
        assert row.status is DeliveryStatus.SENT

    async def test_a_reply_cut_off_is_not_taken_again_while_a_live_call_could_still_run(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        message_id = await _queue_reply(database, line_api, with_token=True)
        clock = Clock()
        dying = OutboxDelivery(
            database=database, senders={"line": _DiesDuringTheCall()}, clock=clock
        )
        with pytest.raises(_Killed):
            await dying.deliver(message_id)
        clock.now += timedelta(seconds=15)  # LINE's call times out after 10 s; the claim is 20 s

        assert (await _delivery(app, database, clock).drain()).sent == 0
        assert line_api.sent("Uonce") == []

    async def test_a_reply_line_took_but_answered_too_late_is_not_pushed_as_a_second(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _queue_reply(database, line_api, with_token=True)
        clock = Clock()
        delivery = _hurried_delivery(app, database, clock)
        line_api.answer_delay = 2.0  # LINE takes the reply; its answer comes after the timeout

        assert (await delivery.drain()).failed == 1
        line_api.answer_delay = 0.0
        clock.now += timedelta(seconds=31)  # the first back-off: the token still works
        assert (await delivery.drain()).sent == 1
        await delivery.close()

        replies = [c for c in line_api.calls if c.path.endswith("/reply")]
        assert [c.accepted for c in replies] == [True, False]  # the token refused as used
        assert not [c for c in line_api.calls if c.path.endswith("/push")]
        assert [m.via for m in line_api.sent("Uonce")] == ["reply"]

    async def test_a_reply_refused_with_a_500_goes_out_once_by_the_same_token(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _queue_reply(database, line_api, with_token=True)
        clock = Clock()
        delivery = _hurried_delivery(app, database, clock)
        line_api.fail_next("/reply", 500)  # LINE may or may not have taken it: it did not

        assert (await delivery.drain()).failed == 1
        clock.now += timedelta(seconds=31)
        assert (await delivery.drain()).sent == 1
        await delivery.close()

        assert [m.via for m in line_api.sent("Uonce")] == ["reply"]
        assert not [c for c in line_api.calls if c.path.endswith("/push")]

    async def test_a_push_interrupted_after_line_took_it_is_not_delivered_twice(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        message_id = await _queue_reply(database, line_api, with_token=False)

        await _crash_then_recover(app, database, message_id)

        pushes = [c for c in line_api.calls if c.path.endswith("/push")]
        [row] = await outbox(database)
        assert row.retry_key is not None
        assert [c.headers.get("x-line-retry-key") for c in pushes] == [row.retry_key] * 2
        assert [c.accepted for c in pushes] == [True, False]  # the repeat was answered 409
        assert len(line_api.sent("Uonce")) == 1
        assert row.status is DeliveryStatus.SENT

    async def test_a_refused_reply_token_falls_back_to_a_push_with_the_rows_retry_key(
        self, app: FastAPI, database: Database, line_api: FakeLineApi
    ) -> None:
        await _queue_reply(database, line_api, with_token=True)
        line_api.fail_next("/reply", 400)

        await _delivery(app, database, Clock()).drain()

        [row] = await outbox(database)
        [push] = [c for c in line_api.calls if c.path.endswith("/push")]
        assert push.headers.get("x-line-retry-key") == row.retry_key
        assert [m.via for m in line_api.sent("Uonce")] == ["push"]
        assert row.status is DeliveryStatus.SENT
