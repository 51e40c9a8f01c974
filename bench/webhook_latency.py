"""Webhook acknowledge latency: signed LINE webhooks over real HTTP to `siang serve`.

The server stores each event and answers 200 while the conversation runs in the background
(replies go to a fake LINE API on loopback), so the figures include that background load.
The standing target is p99 < 100 ms.

Two shapes:
- embedded (default): SQLite, conversations run inside the web process (what `make demo` runs);
- production (`--production`): PostgreSQL (a throw-away database) and Redis, conversations run
  in a separate `siang worker` process, as in compose.yaml.

`--events-per-body N` sends N events in each signed body (LINE may batch events): each event
is stored as its own row holding its own JSON, so a body of 100 events is acknowledged within
the same target (`--events-per-body 100 --requests 40 --menu-only` isolates the storing cost).

Run: python bench/webhook_latency.py [--requests 500] [--concurrency 4] [--production]
     [--events-per-body 1]   (the servers run this checkout's code with this interpreter)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import local_servers  # noqa: E402  (bench/local_servers.py, next to this file)
from citizen_messages import MENU_ONLY, MESSAGES  # noqa: E402

from tests.fakes import line_api as line  # noqa: E402
from tests.fakes.server import free_port  # noqa: E402

EVENTS_PER_BODY = 1


async def _send(http: httpx.AsyncClient, url: str, user: str, text: str) -> float:
    events = [
        line.text_event(f"{user}-{n}", text, reply_token=f"rt-{user}-{n}-{time.time()}")
        for n in range(EVENTS_PER_BODY)
    ]
    body = line.webhook_body(*events)
    headers = {"content-type": "application/json", "x-line-signature": line.sign(body)}
    started = time.perf_counter()
    response = await http.post(url, content=body, headers=headers)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed


async def _load(base: str, requests: int, concurrency: int) -> list[float]:
    url = f"{base}/webhooks/line"
    timings: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(n)

    async def client(worker: int) -> None:
        async with httpx.AsyncClient(timeout=30) as http:
            while not queue.empty():
                n = queue.get_nowait()
                user = f"Ubench{worker}-{n % 25}"
                timings.append(await _send(http, url, user, MESSAGES[n % len(MESSAGES)]))

    async with httpx.AsyncClient() as http:  # warm-up (first NLP load happens in background)
        for n in range(10):
            await _send(http, url, f"Uwarm{n}", MESSAGES[n % len(MESSAGES)])
    await asyncio.gather(*(client(w) for w in range(concurrency)))
    return timings


def _wait_for_answers(fake: line.FakeLineApi, expected: int) -> int:
    """How many replies and pushes reached the fake LINE API (waiting up to 60 s for all)."""
    deadline = time.monotonic() + 60
    while True:
        sent = sum(1 for call in fake.calls if call.path.endswith(("/reply", "/push")))
        if sent >= expected or time.monotonic() > deadline:
            return sent
        time.sleep(0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--menu-only",
        action="store_true",
        help="Send only menu commands (no NLP in the background), to separate the two costs.",
    )
    parser.add_argument(
        "--production",
        action="store_true",
        help="PostgreSQL and Redis, with conversations in a separate `siang worker` process.",
    )
    parser.add_argument("--events-per-body", type=int, default=1)
    args = parser.parse_args()
    global EVENTS_PER_BODY
    EVENTS_PER_BODY = args.events_per_body
    if args.menu_only:
        MESSAGES[:] = MENU_ONLY

    fake = line.FakeLineApi()
    fake.start()
    port = free_port()
    database = local_servers.bench_database(production=args.production, prefix="siang_webhook_")
    with database as (tmp, database_url):
        env = local_servers.line_environment(tmp, database_url, fake.base_url)
        if args.production:
            env |= {
                "SIANG_REDIS_URL": local_servers.REDIS,
                "SIANG_REDIS_QUEUE": f"bench-{uuid.uuid4().hex[:8]}",
            }
        local_servers.run_siang(env, "db", "upgrade")
        local_servers.run_siang(env, "db", "seed")
        processes = [local_servers.start_siang(env, "serve", "--port", str(port))]
        if args.production:
            processes.append(local_servers.start_siang(env, "worker"))
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(local_servers.wait_ready(base))
            timings = asyncio.run(_load(base, args.requests, args.concurrency))
            answered = _wait_for_answers(fake, (len(timings) + 10) * EVENTS_PER_BODY)
        finally:
            local_servers.stop_siang(processes)
            fake.stop()
    ms = [t * 1000 for t in timings]
    print(
        f"webhook acknowledge latency, {len(ms)} signed LINE webhooks "
        f"of {EVENTS_PER_BODY} events each, concurrency {args.concurrency}, "
        + (
            "PostgreSQL + Redis, conversations in a separate siang worker"
            if args.production
            else "SQLite, conversations running in the web process"
        )
    )
    print(
        f"  p50 {statistics.median(ms):6.1f} ms   p95 {local_servers.percentile(ms, 0.95):6.1f} ms   "
        f"p99 {local_servers.percentile(ms, 0.99):6.1f} ms   max {max(ms):6.1f} ms"
    )
    print(f"  answers sent to the fake LINE API within 60 s: {answered}")
    print(f"  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if local_servers.percentile(ms, 0.99) < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
