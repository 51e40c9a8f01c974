"""The in-process background work: waiting until it is idle always ends."""

from __future__ import annotations

import asyncio
import threading

from taskiq import InMemoryBroker

from siang.settings import Settings
from siang.worker import BackgroundWork
from storage.database import Database


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
