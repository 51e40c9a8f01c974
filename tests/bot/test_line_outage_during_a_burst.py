"""The short version of issue 18's LINE fault run (bench/webhook_burst.py --fault line-errors):
the LINE API answers 500, then 429 with Retry-After, while a burst of webhooks comes in; once it
answers again every event has exactly one answer (a reply LINE answered 500 may have gone out,
so the outbox's retry replies again with the same token while it works, and pushes with the
row's retry key once it does not). The backoff runs on the test's clock, so no timing is
asserted."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import httpx
from fastapi import FastAPI

from bot.delivery import OutboxDelivery
from siang.runtime import app_runtime
from storage.database import Database
from storage.models import EventStatus
from tests.bot.helpers import post_line, settle, stored_events
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi
from tests.fixtures.clock import Clock

EVENTS = 50
SENDERS = 8
OUTAGE = 3600.0  # seconds: longer than the test; `fail_until` again ends it


def _answers_by_citizen(line_api: FakeLineApi) -> Counter[str]:
    """The answers LINE accepted, by citizen (a reply's citizen is its token's)."""
    answered: Counter[str] = Counter()
    for call in line_api.calls:
        if call.accepted and call.path.endswith("/reply"):
            answered[line_api.reply_tokens[call.json["replyToken"]]] += 1
        elif call.accepted and call.path.endswith("/push"):
            answered[call.json["to"]] += 1
    return answered


def _second_tries(line_api: FakeLineApi) -> int:
    """Sends LINE refused as already made: a push retry key repeated, a reply token reused."""
    return sum(
        1
        for call in line_api.calls
        if not call.accepted
        and call.refused_with is None
        and call.path.endswith(("/push", "/reply"))
    )


async def test_every_event_is_answered_once_after_line_answers_500_then_429(
    app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
) -> None:
    line_api.fail_until(500, OUTAGE)
    sent = []
    for n in range(EVENTS):
        user = f"Uoutage{n % 10:02d}"
        token = line_api.issue_reply_token(user)
        sent.append(line.text_event(user, ["เมนู", "ติดตาม", "วิธีใช้"][n % 3], reply_token=token))
    remaining = iter(sent)

    async def sender() -> list[int]:
        return [(await post_line(client, event)).status_code for event in remaining]

    statuses = [
        s for batch in await asyncio.gather(*(sender() for _ in range(SENDERS))) for s in batch
    ]
    await settle(app)

    assert statuses == [200] * EVENTS  # storing the webhook does not wait for LINE
    stored = await stored_events(database)
    assert len(stored) == EVENTS and {e.status for e in stored} == {EventStatus.PROCESSED}
    assert _answers_by_citizen(line_api) == Counter()  # every answer refused with a 500
    refused = [c for c in line_api.calls if c.refused_with == 500]
    assert len(refused) == EVENTS

    # LINE is back but throttles the first retry (after the 30 s backoff), asking for 1 s:
    # the lane is held off that long for the others, which go out, each once, by reply with
    # their tokens (31 s old, still good).
    clock = Clock()
    senders = app_runtime(app).background.delivery.senders
    delivery = OutboxDelivery(database=database, senders=senders, clock=clock)
    line_api.fail_until(500, 0)
    line_api.retry_after = "1"
    line_api.fail_next("/reply", 429)
    clock.now += timedelta(seconds=31)
    report = await delivery.drain()
    assert (report.sent, report.failed) == (EVENTS - 1, 1)
    assert [c.refused_with for c in line_api.calls if c.refused_with == 429] == [429]
    assert not [c for c in line_api.calls if c.path.endswith("/push")]

    clock.now += timedelta(seconds=61)  # the throttled one's next try (backoff 60 s)
    assert (await delivery.drain()).sent == 1  # its token too old by now: by push
    assert _answers_by_citizen(line_api) == Counter(e["source"]["userId"] for e in sent)
    assert _second_tries(line_api) == 0

    clock.now += timedelta(hours=1)  # nothing is owed any more: nothing is sent again
    assert (await delivery.drain()).settled == 0
    await settle(app)
    assert _answers_by_citizen(line_api) == Counter(e["source"]["userId"] for e in sent)
