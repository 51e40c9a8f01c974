"""The recovery pass: a stored event still pending with no job queued for it (a worker killed
with its jobs, a Redis restarted empty) is enqueued again after the recovery age; while jobs
are queued, only after the backlog age, since the backlog may still hold it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import redis.asyncio as redis

from bot.event_store import store_events
from siang.settings import Settings
from siang.worker import BackgroundWork
from storage.database import Database
from storage.models import Channel
from storage.types import utcnow
from tests.fakes import line_api as line
from tests.siang.test_worker_redis import _redis_url


@pytest.fixture
async def work(chat_settings: Settings, database: Database) -> AsyncIterator[BackgroundWork]:
    queue = f"siang-recovery-{uuid.uuid4().hex[:8]}"
    settings = chat_settings.model_copy(
        update={
            "redis_url": _redis_url(),
            "redis_queue": queue,
            "recovery_age_seconds": 15,
            "recovery_backlog_age_seconds": 120,
        }
    )
    background = BackgroundWork(settings, database)
    await background.broker.startup()
    yield background
    jobs = redis.from_url(_redis_url())
    await jobs.delete(queue)
    await jobs.aclose()
    await background.stop()


async def _stored(work: BackgroundWork, user: str, *, seconds_ago: float) -> list[int]:
    events = work.channels[Channel.LINE].split(line.webhook_body(line.text_event(user, "เมนู")))
    at = utcnow() - timedelta(seconds=seconds_ago)
    return await store_events(work.database, Channel.LINE, events, now=at)


async def test_a_pending_event_with_nothing_queued_is_enqueued_again_after_the_recovery_age(
    work: BackgroundWork,
) -> None:
    lost = await _stored(work, "Ulost", seconds_ago=30)
    await _stored(work, "Ujust", seconds_ago=1)  # its job may still be on its way

    assert await work.recover_pending() == len(lost) == 1
    assert await work.queued_jobs() == 1


async def test_while_jobs_are_queued_only_events_older_than_the_backlog_age_are(
    work: BackgroundWork,
) -> None:
    await work.enqueue_inbound(await _stored(work, "Uqueued", seconds_ago=1))
    await _stored(work, "Uinbacklog", seconds_ago=30)  # perhaps in the backlog: left alone
    await _stored(work, "Ustuck", seconds_ago=300)

    assert await work.recover_pending() == 1
    assert await work.queued_jobs() == 2


async def test_an_event_enqueued_again_is_not_enqueued_once_more_on_every_pass(
    work: BackgroundWork,
) -> None:
    await _stored(work, "Ustuck", seconds_ago=300)  # a backlog older than the backlog age
    await work.enqueue_inbound(await _stored(work, "Uqueued", seconds_ago=1))

    assert await work.recover_pending() == 1
    assert await work.recover_pending() == 0  # the next pass, 10 s later: already queued again
    assert await work.recover_pending() == 0
    assert await work.queued_jobs() == 2  # one each, not one more per pass
