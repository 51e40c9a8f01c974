"""The in-process background work: waiting until it is idle always ends, and stopping does not
wait for a whole burst."""

from __future__ import annotations

import asyncio
import threading

import httpx
from taskiq import InMemoryBroker

from siang.app import create_app
from siang.runtime import app_runtime
from siang.settings import Settings
from siang.worker import BackgroundWork
from storage.database import Database
from storage.models import EventStatus
from tests.bot.helpers import post_line, stored_events
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi


async def test_waiting_for_idle_ends_when_a_finished_task_is_still_listed(
    settings: Settings, database: Database
) -> None:
    """A task leaves the broker's running set in a done-callback, which runs only once the event
    loop turns. Waiting must let it turn, or it spins forever on the finished task (as a chat
    test once did in CI, holding a worker until the run's time limit)."""
    work = BackgroundWork(settings, database)
    assert work.in_process
    ended = threading.Event()

    async def scenario() -> None:
        task = asyncio.ensure_future(asyncio.sleep(0))
        await task
        assert isinstance(work.broker, InMemoryBroker)
        running = work.broker._running_tasks
        running.add(task)
        asyncio.get_running_loop().call_soon(running.discard, task)  # the pending done-callback
        await work.wait_idle()
        ended.set()

    # In a thread of its own: a wait that never yields could not be timed out on this loop.
    threading.Thread(target=asyncio.run, args=(scenario(),), daemon=True).start()
    assert await asyncio.to_thread(ended.wait, 10)


async def test_a_stopping_web_process_returns_what_it_did_not_finish_and_the_next_answers_once(
    chat_settings: Settings, database: Database, line_api: FakeLineApi
) -> None:
    """Stopping does not wait for a burst's every job: after the grace the rest are cut short,
    their events stay pending, and the next start answers each of them, once."""
    users = [f"Ustop{n:03d}" for n in range(60)]
    first = create_app(chat_settings, database=database)
    async with first.router.lifespan_context(first):
        transport = httpx.ASGITransport(app=first)
        async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as http:
            response = await post_line(http, *(line.follow_event(user) for user in users))
            assert response.json()["new"] == len(users)
        work = app_runtime(first).background
        started = asyncio.get_running_loop().time()
        await work._finish_or_return(0.0)  # a stop with no grace at all
        assert asyncio.get_running_loop().time() - started < 5
    left = [e for e in await stored_events(database) if e.status is EventStatus.PENDING]
    assert left  # cut short, not lost: still pending in the database

    second = create_app(chat_settings, database=database)
    async with second.router.lifespan_context(second):
        for _ in range(300):
            if all(e.status is not EventStatus.PENDING for e in await stored_events(database)):
                break
            await asyncio.sleep(0.1)
        await app_runtime(second).background.wait_idle()
    assert {e.status for e in await stored_events(database)} == {EventStatus.PROCESSED}
    answers = [len(line_api.texts(user)) for user in users]
    assert min(answers) > 0 and len(set(answers)) == 1  # everyone answered, nobody twice
