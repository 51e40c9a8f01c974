"""The short versions of issue 18's fault runs (`bench/webhook_burst.py` in the production shape:
`siang serve --workers 2`, two `siang worker`, PostgreSQL and Redis, 60 signed webhooks from 16
senders): a worker killed with SIGKILL as the burst ends, the queue's Redis stopped, or the
database restarted while the backlog is processed (private servers the bench starts, never the
shared ones). After each, every acknowledged event is processed and every citizen answered
exactly once: the bench exits 1 when an event was given up or lost, or a citizen's answer is
missing or doubled. No timing is asserted; the full runs and their figures are in
docs/performance.md. The LINE outage's short version is
tests/bot/test_line_outage_during_a_burst.py; a worker killed in the middle of a LINE call,
too narrow a window to hit on purpose here, is tests/bot/test_delivery.py's TestExactlyOnce."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.databases import postgres_url, skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
FAULTS = {
    "a worker killed with SIGKILL": ["--kill-worker"],
    "Redis stopped for 3 s": [
        "--fault",
        "redis-stop",
        "--fault-after",
        "0.2",
        "--fault-seconds",
        "3",
    ],
    "PostgreSQL stopped for 2 s and started": [
        *("--fault", "postgres-restart", "--fault-after", "0.02", "--fault-seconds", "2"),
    ],
}


def _postgres_binaries() -> bool:
    return shutil.which("initdb") is not None or any(
        Path("/usr/lib/postgresql").glob("*/bin/initdb")
    )


@pytest.mark.parametrize("fault", list(FAULTS))
def test_after_a_fault_during_a_burst_every_event_is_answered_once(fault: str) -> None:
    database = postgres_url()
    redis = os.environ.get("SIANG_TEST_REDIS_URL")
    if database is None or redis is None:
        skip_or_fail("SIANG_TEST_POSTGRES_URL and SIANG_TEST_REDIS_URL are needed for a fault run")
        return
    if "PostgreSQL" in fault and not _postgres_binaries():
        skip_or_fail("PostgreSQL's initdb is not installed, so no private cluster can be restarted")
    env = os.environ | {
        "SIANG_BENCH_POSTGRES_URL": database.replace("+asyncpg", "", 1),
        "SIANG_BENCH_REDIS_URL": redis,
        "SIANG_BENCH_DATABASE_PREFIX": f"siang_fault_{os.getpid()}_",
    }
    command = [sys.executable, "bench/webhook_burst.py", "--production", "--menu-only"]
    command += ["--events", "60", "--health-requests", "60", *FAULTS[fault]]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=420)
    report = run.stdout + run.stderr[-3000:]
    assert run.returncode == 0, report
    assert "exactly once: held" in run.stdout, report
    assert "lost 0" in run.stdout and "answers missing 0, extra 0" in run.stdout, report
