"""`siang serve --workers 2`: two web processes sharing one port, as compose.yaml runs them.
Each stores the webhooks it is sent and puts every new event on the Redis queue once."""

from __future__ import annotations

import asyncio
import signal
import sys
import uuid
from pathlib import Path

import httpx
import redis.asyncio as redis

from siang.settings import Settings
from storage.database import Database
from tests.bot.helpers import post_line, stored_events
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi
from tests.fakes.server import free_port
from tests.siang.test_cli import run_siang
from tests.siang.test_worker_redis import _redis_url
from tests.siang.test_worker_shutdown import _worker_environment

ROOT = Path(__file__).resolve().parents[2]
EVENTS = 30


def _web_processes(pid: int) -> list[int]:
    """The server's worker processes (not multiprocessing's resource tracker beside them)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [
        int(child)
        for child in children
        if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()
    ]


async def _wait_ready(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(600):
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("siang serve --workers 2 did not become ready")


def test_more_than_one_web_process_needs_redis(tmp_path: Path) -> None:
    env = {"SIANG_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'web.db'}"}
    result = run_siang("serve", "--workers", "2", "--port", str(free_port()), env=env)
    assert result.returncode == 2
    assert "SIANG_REDIS_URL" in result.stderr


async def test_two_web_processes_store_every_webhook_and_queue_each_event_once(
    settings: Settings, database: Database, line_api: FakeLineApi
) -> None:
    queue = f"siang-web-{uuid.uuid4().hex[:8]}"
    served = settings.model_copy(update={"redis_url": _redis_url(), "redis_queue": queue})
    port = free_port()
    server = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "siang", "serve", "--port", str(port), "--workers", "2"),
        env=_worker_environment(served, line_api) | {"SIANG_SCHEDULER_ENABLED": "false"},
        cwd=ROOT,
    )
    queued = redis.from_url(_redis_url())
    try:
        await _wait_ready(f"http://127.0.0.1:{port}")
        assert len(_web_processes(server.pid)) == 2
        events = [line.text_event(f"Uweb{n}", "เมนู") for n in range(EVENTS)]

        async def send(event: dict[str, object]) -> int:
            # A connection each, so that both processes take some.
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                return (await post_line(client, event)).status_code

        assert await asyncio.gather(*(send(event) for event in events)) == [200] * EVENTS
        assert await send(events[0]) == 200  # a redelivery: stored and queued once all the same

        assert len(await stored_events(database)) == EVENTS
        for _ in range(100):  # the queue write follows the answer
            if await queued.llen(queue) == EVENTS:
                break
            await asyncio.sleep(0.05)
        assert await queued.llen(queue) == EVENTS
    finally:
        await queued.delete(queue)
        await queued.aclose()
        server.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(server.wait(), 60) == 0
