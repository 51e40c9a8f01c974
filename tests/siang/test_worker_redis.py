"""Production's queue: the web process stores and enqueues on Redis, `siang worker` answers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import AsyncGenerator

import httpx
import pytest
import redis.asyncio as redis
from redis import exceptions as redis_errors
from taskiq import InMemoryBroker, TaskiqMessage

from bot.texts import text
from siang.app import create_app
from siang.runtime import app_runtime
from siang.settings import Settings
from siang.worker import _receive_until_stopped, run_worker
from storage.database import Database
from storage.models import EventStatus
from tests.bot.helpers import post_line, stored_events
from tests.fakes import line_api as line
from tests.fixtures.databases import skip_or_fail


def _redis_url() -> str:
    url = os.environ.get("SIANG_TEST_REDIS_URL")
    if not url:
        skip_or_fail("SIANG_TEST_REDIS_URL is not set, so the Redis queue test did not run")
    assert url
    return url


async def test_a_webhook_event_waits_in_redis_until_the_worker_answers_it_once(
    chat_settings: Settings, database: Database, line_api: line.FakeLineApi
) -> None:
    queue = f"siang-test-{uuid.uuid4().hex[:8]}"
    settings = chat_settings.model_copy(update={"redis_url": _redis_url(), "redis_queue": queue})
    app = create_app(settings, database=database)
    event = line.text_event("Uredis", "เมนู")
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as client:
            response = await post_line(client, event)
            assert response.status_code == 200
            [stored] = await stored_events(database)
            assert stored.status is EventStatus.PENDING  # the web process did not answer it
            await app_runtime(app).background.event_store.handed_over()  # after the answer
            queued = redis.from_url(settings.redis_url or "")
            try:
                assert await queued.llen(queue) == 1
            finally:
                await queued.aclose()

            worker = asyncio.create_task(run_worker(settings))
            try:
                await asyncio.to_thread(line_api.wait_for, 1, "Uredis", 30.0)
                again = await post_line(
                    client, {**event, "deliveryContext": {"isRedelivery": True}}
                )
                assert again.json()["new"] == 0
                await asyncio.sleep(0.5)  # time enough for a second answer, were one sent
            finally:
                worker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker

    assert line_api.texts("Uredis") == [text("th", "menu.title")]
    [processed] = await stored_events(database)
    assert processed.status is EventStatus.PROCESSED


async def test_an_idle_worker_logs_nothing_alarming(
    chat_settings: Settings, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    queue = f"siang-test-{uuid.uuid4().hex[:8]}"
    settings = chat_settings.model_copy(update={"redis_url": _redis_url(), "redis_queue": queue})
    caplog.set_level(logging.INFO)

    worker = asyncio.create_task(run_worker(settings))
    try:
        await asyncio.sleep(12)  # longer than the Redis client's 5-second read timeout
        while_idle = list(caplog.records)
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker

    alarming = [r for r in while_idle if r.levelno >= logging.WARNING or r.exc_info]
    assert alarming == [], [r.getMessage() for r in alarming]


class _LosesRedisOnce(InMemoryBroker):
    """A broker whose first listen fails as taskiq-redis's does when Redis is stopped (redis-py's
    ConnectionError, which ListQueueBroker.listen does not catch); later listens take tasks."""

    def __init__(self) -> None:
        super().__init__()
        self.listens = 0
        self.deliveries: asyncio.Queue[bytes] = asyncio.Queue()

    async def listen(self) -> AsyncGenerator[bytes, None]:
        self.listens += 1
        if self.listens == 1:
            raise redis_errors.ConnectionError("Error 111 connecting to 127.0.0.1:6391.")
        while True:
            yield await self.deliveries.get()


async def test_a_worker_that_loses_redis_listens_again_instead_of_exiting() -> None:
    broker = _LosesRedisOnce()
    done: list[str] = []

    @broker.task(task_name="note")
    async def note(value: str) -> None:
        done.append(value)

    stop = asyncio.Event()
    receiving = asyncio.create_task(_receive_until_stopped(broker, grace=1, stop=stop))
    message = TaskiqMessage(task_id="1", task_name="note", labels={}, args=["after"], kwargs={})
    await broker.deliveries.put(broker.formatter.dumps(message).message)
    for _ in range(200):  # the first pause is half a second
        if done or receiving.done():
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(receiving, 10)  # ends on stop, without an error

    assert (broker.listens, done) == (2, ["after"])
