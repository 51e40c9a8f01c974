"""A burst of signed LINE webhooks against real `siang serve` processes: how fast they are
acknowledged, how long until every event is processed, and whether any was lost or doubled.

Two shapes:
- embedded (default): SQLite, one `siang serve` that also runs the conversations;
- production (`--production`): a throw-away PostgreSQL database, Redis, `siang serve --workers 2`
  (two web processes sharing one port, as `compose.yaml` runs them) and two `siang worker`
  processes.

Before the burst, the same senders ask the server's /healthz (`--health-requests`) so the
acknowledgement rate can be read against what the server does with no work at all. Every
event carries a reply token issued by the fake LINE API, so each answer is matched to its event:
"lost" is an acknowledged event that was never processed, "missing" and "extra" a citizen
answered fewer or more times than they wrote.

Run: python bench/webhook_burst.py [--events 1000] [--senders 16] [--production]
     [--events-per-body 1] [--menu-only] [--kill-worker]

Fault runs: `--production --kill-worker` kills one of the two workers with SIGKILL as the burst
ends; `--fault line-errors|redis-stop|postgres-restart` (`--fault-after 1 --fault-seconds 10`)
breaks the LINE API, Redis or PostgreSQL during the burst (bench/faults.py: Redis and PostgreSQL
are private servers started for the run). Senders send a refused webhook again, like LINE; the
report shows whether every event was still processed, and answered, once.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
import sqlite3
import statistics
import sys
import time
import uuid
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import faults  # noqa: E402  (bench/faults.py, next to this file)
import local_servers  # noqa: E402  (bench/local_servers.py, next to this file)
from citizen_messages import MENU_ONLY, MESSAGES  # noqa: E402
from local_servers import (  # noqa: E402
    line_environment,
    percentile,
    run_siang,
    start_siang,
    stop_siang,
    wait_ready,
)

from tests.fakes import line_api as line  # noqa: E402
from tests.fakes.server import free_port  # noqa: E402

POSTGRES = local_servers.POSTGRES  # a fault run's private servers take their place
REDIS = local_servers.REDIS
DATABASE_PREFIX = os.environ.get("SIANG_BENCH_DATABASE_PREFIX", "siang_webhook_")
WEB_PROCESSES = 2  # production: `siang serve --workers 2`, as in compose.yaml


RESEND_PAUSE = 1.0  # seconds before a refused webhook is sent again
RESEND_FOR = 120.0  # seconds a sender keeps sending a refused webhook again


@dataclass
class Burst:
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)  # event ids answered 200
    failed_requests: int = 0  # given up after RESEND_FOR seconds of refusals
    refused_attempts: int = 0  # answered other than 200 (and sent again)
    sent_to: Counter[str] = field(default_factory=Counter)  # acknowledged events by citizen
    web_cpu_seconds: float | None = None  # user + system CPU of the web processes during it


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    """One HTTP/1.1 request on a kept-alive connection; the status code."""
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    for header in lines[1:]:
        name, _, value = header.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(lines[0].split()[1])


def _request(method: str, port: int, path: str, body: bytes = b"", signature: str = "") -> bytes:
    headers = [f"{method} {path} HTTP/1.1", f"host: 127.0.0.1:{port}"]
    if method == "POST":
        headers += [
            "content-type: application/json",
            f"content-length: {len(body)}",
            f"x-line-signature: {signature}",
        ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


async def _send_all(
    port: int, requests: list[bytes], senders: int
) -> tuple[float, list[float], list[int], int]:
    """Send the requests with `senders` kept-alive connections:
    the wall time, each attempt's latency (in the order they finished), each request's last
    status (in the order of `requests`) and how many attempts were refused. Like LINE, a sender
    sends a refused webhook again (a 5xx, or a connection cut) after a pause, for up to
    `RESEND_FOR` seconds; the copy is the same signed body, the same webhookEventId."""
    remaining = iter(enumerate(requests))
    latencies: list[float] = []
    statuses: list[int] = [0] * len(requests)
    refused = 0

    async def sender(number: int) -> None:
        nonlocal refused
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        for index, request in remaining:
            first = time.perf_counter()
            while True:
                started = time.perf_counter()
                try:
                    if connection is None:
                        connection = await asyncio.open_connection("127.0.0.1", port)
                    statuses[index] = await _exchange(*connection, request)
                except (OSError, asyncio.IncompleteReadError):
                    statuses[index] = 0
                    if connection is not None:
                        connection[1].close()
                    connection = None
                latencies.append(time.perf_counter() - started)
                if statuses[index] == 200 or time.perf_counter() - first > RESEND_FOR:
                    break
                refused += 1
                await asyncio.sleep(RESEND_PAUSE)
        if connection is not None:
            connection[1].close()

    started = time.perf_counter()
    await asyncio.gather(*(sender(n) for n in range(senders)))
    return time.perf_counter() - started, latencies, statuses, refused


def _run_senders(
    port: int, requests: list[bytes], senders: int
) -> tuple[float, list[float], list[int], int]:
    """The senders, in their own process (with uvloop) so that they do not share an interpreter
    lock with the fake LINE API answering the replies: the client must not be the bottleneck."""
    import uvloop

    return uvloop.run(_send_all(port, requests, senders))


def _in_own_process(
    port: int, requests: list[bytes], senders: int
) -> tuple[float, list[float], list[int], int]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_run_senders, port, requests, senders).result()


def _cpu_seconds(process_group: int) -> float | None:
    """User and system CPU used so far by the processes of a group (Linux /proc; None
    elsewhere): the web processes' own cost, which the other processes on the machine
    stretch in time but hardly change."""
    ticks = 0
    try:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # ended meanwhile
                continue
            if int(fields[2]) == process_group:  # pgrp; utime and stime follow at 11 and 12
                ticks += int(fields[11]) + int(fields[12])
    except OSError:
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def _health_rate(port: int, requests: int, senders: int) -> float:
    get = _request("GET", port, "/healthz")
    seconds, _, statuses, _ = _in_own_process(port, [get] * requests, senders)
    assert set(statuses) == {200}, Counter(statuses)
    return requests / seconds


def _burst(
    fake: line.FakeLineApi,
    port: int,
    events: int,
    senders: int,
    per_body: int,
    fault: faults.Fault | None = None,
) -> Burst:
    burst = Burst()
    requests: list[bytes] = []
    ids: list[list[str]] = []
    users: dict[str, str] = {}
    for n in range(0, events, per_body):
        batch = []
        for k in range(n, min(events, n + per_body)):
            user = f"Uburst{k % 200:03d}"
            token = fake.issue_reply_token(user)
            built = line.text_event(user, MESSAGES[k % len(MESSAGES)], reply_token=token)
            batch.append(built)
        body = line.webhook_body(*batch)
        ids.append([e["webhookEventId"] for e in batch])
        users.update({e["webhookEventId"]: e["source"]["userId"] for e in batch})
        requests.append(_request("POST", port, "/webhooks/line", body, line.sign(body)))
    if fault is not None:
        fault.start()
    burst.seconds, burst.latencies, statuses, burst.refused_attempts = _in_own_process(
        port, requests, senders
    )
    burst.failed_requests = sum(1 for status in statuses if status != 200)
    for status, carried in zip(statuses, ids, strict=True):
        if status == 200:
            burst.acknowledged.update(carried)
            burst.sent_to.update(users[event_id] for event_id in carried)
    return burst


def _statuses(database_url: str) -> Counter[str]:
    """Stored events by status, read straight from the database."""
    query = "SELECT status, count(*) FROM inbound_event GROUP BY status"
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.split(":///", 1)[1]) as connection:
            return Counter(dict(connection.execute(query).fetchall()))

    async def read() -> Counter[str]:
        connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
        try:
            return Counter({row[0]: row[1] for row in await connection.fetch(query)})
        finally:
            await connection.close()

    return asyncio.run(read())


def _wait_all_processed(database_url: str, expected: int, timeout: float) -> float:
    """Seconds from the end of the burst until no stored event is pending."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            statuses = _statuses(database_url)
        except (OSError, asyncpg.PostgresError):  # the database is restarting
            statuses = Counter(pending=1)
        if statuses["pending"] == 0 and statuses.total() >= expected:
            break
        time.sleep(0.2)
    return time.perf_counter() - started


def _answers(fake: line.FakeLineApi) -> tuple[int, int, Counter[str]]:
    """Answers the fake LINE API accepted, sends it refused as already made (a reply token
    used twice, a push retry key already accepted): the attempts to answer an event twice, and
    the answers each citizen got."""
    accepted = refused_twice = 0
    answered: Counter[str] = Counter()
    for call in list(fake.calls):
        if not call.path.endswith(("/reply", "/push")):
            continue
        if call.accepted:
            accepted += 1
            if call.path.endswith("/reply"):
                answered[fake.reply_tokens.get(call.json["replyToken"], "?")] += 1
            else:
                answered[call.json["to"]] += 1
        elif call.refused_with is None and (
            call.path.endswith("/push") or call.json.get("replyToken") in fake.used_tokens
        ):
            refused_twice += 1
    return accepted, refused_twice, answered


def _wait_answered(fake: line.FakeLineApi, expected: int, timeout: float) -> float:
    """Seconds until the fake LINE API accepted `expected` answers (or `timeout`)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout and _answers(fake)[0] < expected:
        time.sleep(0.5)
    return time.perf_counter() - started


def _environment(
    tmp: str, database_url: str, fake: line.FakeLineApi, production: bool, scheduler: bool = False
) -> dict[str, str]:
    # Embedded, the scheduler's outbox poll is what sends a failed answer again.
    env = line_environment(tmp, database_url, fake.base_url, scheduler=scheduler)
    env["SIANG_CHAT_MESSAGES_PER_MINUTE"] = "1000"  # 5 events per citizen: not a flood
    if production:
        env |= {"SIANG_REDIS_URL": REDIS, "SIANG_REDIS_QUEUE": f"burst-{uuid.uuid4().hex[:8]}"}
    return env


@dataclass
class Outcome:
    drain_seconds: float
    statuses: Counter[str]
    answers: int
    refused_twice: int
    answered: Counter[str]
    answered_seconds: float | None = None


def _report(args: argparse.Namespace, health: float, burst: Burst, outcome: Outcome) -> bool:
    """Prints the run; whether every acknowledged event was processed and answered once."""
    ms = [t * 1000 for t in burst.latencies]
    events = len(burst.acknowledged)
    done = outcome.statuses["processed"] + outcome.statuses["ignored"]
    shape = (
        f"production: PostgreSQL + Redis, siang serve --workers {WEB_PROCESSES}, 2 x siang worker"
        if args.production
        else "embedded: SQLite, conversations in the one siang serve"
    )
    print(f"webhook burst, {shape}")
    print(
        f"  {args.events} events in bodies of {args.events_per_body}, {args.senders} senders"
        f" ({'menu commands' if args.menu_only else 'complaints and menu commands'})"
    )
    print(f"  /healthz of the same server: {health:7.0f} requests/s")
    rate = events / burst.seconds
    print(
        f"  acknowledged: {events} events in {burst.seconds:.2f} s = {rate:7.0f}"
        f" events/s ({rate / health:.2f} x /healthz)"
    )
    if burst.web_cpu_seconds is not None:
        print(
            f"  web process CPU during the burst: {burst.web_cpu_seconds:.2f} s ="
            f" {burst.web_cpu_seconds * 1000 / max(events, 1):.2f} ms per event"
            + ("" if args.production else " (conversations run in it too)")
        )
    print(
        f"  latency per request: p50 {statistics.median(ms):6.1f} ms   "
        f"p99 {percentile(ms, 0.99):6.1f} ms   max {max(ms):6.1f} ms"
    )
    print(
        f"  every event processed {outcome.drain_seconds:.1f} s after the burst ended"
        f" (stored: {dict(outcome.statuses)}); answers sent {outcome.answers}"
    )
    if outcome.answered_seconds is not None:
        print(f"  every answer accepted by LINE {outcome.answered_seconds:.1f} s after the burst")
    missing = sum((burst.sent_to - outcome.answered).values())
    extra = sum((outcome.answered - burst.sent_to).values())
    print(
        f"  refused attempts {burst.refused_attempts} (sent again)   given up"
        f" {burst.failed_requests}   lost {events - done}   answers missing {missing},"
        f" extra {extra} (by citizen)"
    )
    # A send repeated after a crash under the same reply token or retry key, which LINE refused
    # as already made: how the outbox keeps exactly once, not a second answer (the citizen's
    # count above is what they saw).
    print(f"  repeats LINE refused as already made: {outcome.refused_twice}")
    print(f"  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    once = burst.failed_requests + (events - done) + missing + extra == 0
    print(f"  exactly once: {'held' if once else 'BROKEN'}")
    return once


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--senders", type=int, default=16)
    parser.add_argument("--events-per-body", type=int, default=1)
    parser.add_argument("--health-requests", type=int, default=3000)
    parser.add_argument("--production", action="store_true")
    parser.add_argument("--menu-only", action="store_true")
    parser.add_argument("--drain-timeout", type=float, default=300)
    parser.add_argument(
        "--kill-worker",
        action="store_true",
        help="Fault run (with --production): SIGKILL one worker as the burst ends.",
    )
    parser.add_argument("--fault", choices=faults.FAULTS, help="Fault run (bench/faults.py).")
    parser.add_argument("--fault-after", type=float, default=1.0, help="seconds into the burst")
    parser.add_argument("--fault-seconds", type=float, default=10.0)
    args = parser.parse_args()
    if args.fault in ("redis-stop", "postgres-restart") and not args.production:
        parser.error(f"--fault {args.fault} needs --production")
    if args.menu_only:
        MESSAGES[:] = MENU_ONLY
    return args


def main() -> int:
    args = _arguments()
    fake = line.FakeLineApi()
    fake.start()
    port = free_port()
    global POSTGRES, REDIS
    with faults.prepared(args.fault) as setup:  # a private Redis or PostgreSQL to break
        POSTGRES, REDIS = setup.postgres_url or POSTGRES, setup.redis_url or REDIS
        fault, health, burst, outcome = _run(args, fake, port, setup)
    if fault is not None:
        refused = Counter(c.refused_with for c in fake.calls if c.refused_with)
        print(*fault.timeline, f"LINE API refusals made: {dict(refused)}", sep="\n")
    # exit status 1 when an event was given up, lost or answered other than once (the short
    # fault runs in tests/bot/test_faults_during_a_burst.py rest on it)
    return 0 if _report(args, health, burst, outcome) else 1


def _run(
    args: argparse.Namespace, fake: line.FakeLineApi, port: int, setup: faults.Setup
) -> tuple[faults.Fault | None, float, Burst, Outcome]:
    database = local_servers.bench_database(
        production=args.production, prefix=DATABASE_PREFIX, postgres=POSTGRES
    )
    with database as (tmp, database_url):
        scheduler = args.fault is not None and not args.production
        env = _environment(tmp, database_url, fake, args.production, scheduler)
        run_siang(env, "db", "upgrade")
        run_siang(env, "db", "seed")
        web = ["--workers", str(WEB_PROCESSES)] if args.production else []
        processes = [start_siang(env, "serve", "--port", str(port), *web)]
        if args.production:
            processes += [start_siang(env, "worker") for _ in range(2)]
        fault = setup.make(fake, args.fault_after, args.fault_seconds) if setup.make else None
        try:
            # web workers start afresh (spawn): slow on a loaded machine
            asyncio.run(wait_ready(f"http://127.0.0.1:{port}", attempts=1200))
            if args.production:
                time.sleep(3.0)  # /readyz answered from the first web process up: the other too
            health = _health_rate(port, args.health_requests, args.senders)
            cpu_before = _cpu_seconds(processes[0].pid)
            burst = _burst(fake, port, args.events, args.senders, args.events_per_body, fault)
            cpu_after = _cpu_seconds(processes[0].pid)
            if cpu_before is not None and cpu_after is not None:
                burst.web_cpu_seconds = cpu_after - cpu_before
            if args.kill_worker and args.production:
                # Mid-backlog: the jobs it took are lost from Redis, their events stay pending
                # and the other worker's recovery pass (every 60 s) enqueues them again.
                os.killpg(processes[-1].pid, signal.SIGKILL)
                print(f"  killed worker {processes[-1].pid} with SIGKILL as the burst ended")
            ended = time.perf_counter()
            if fault is not None:
                fault.join()
            expected = len(burst.acknowledged)
            _wait_all_processed(database_url, expected, args.drain_timeout)
            drain = time.perf_counter() - ended
            answered = None
            # a killed worker's held reply goes out from the outbox once its hold ends (30 s)
            if args.fault or args.kill_worker:
                _wait_answered(fake, expected, args.drain_timeout)
                answered = time.perf_counter() - ended
            time.sleep(2.0)  # the last answers, and a second one to an event, were one coming
            outcome = Outcome(drain, _statuses(database_url), *_answers(fake), answered)
        finally:
            stop_siang(processes)
            fake.stop()
    return fault, health, burst, outcome


if __name__ == "__main__":
    sys.exit(main())
