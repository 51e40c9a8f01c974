"""What the benchmarks run Siang against on this machine: a throw-away PostgreSQL database (or a
SQLite file), Redis's URL, `siang` processes of this checkout started and waited on until they
answer; and the percentiles they report."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import httpx

from tests.fakes import line_api as line

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get(
    "SIANG_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS = os.environ.get("SIANG_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SIANG = [sys.executable, "-m", "siang"]  # this checkout's code, whichever venv runs the bench


async def run_sql(postgres: str, sql: str) -> None:
    """One statement on the server's maintenance database (CREATE or DROP DATABASE)."""
    connection = await asyncpg.connect(postgres)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextmanager
def throwaway_postgres(postgres: str, prefix: str) -> Iterator[str]:
    """A new PostgreSQL database's SQLAlchemy URL, dropped when the block ends."""
    name = f"{prefix}{uuid.uuid4().hex[:8]}"
    asyncio.run(run_sql(postgres, f'CREATE DATABASE "{name}"'))
    try:
        base = postgres.replace("postgresql://", "postgresql+asyncpg://", 1)
        yield base.rsplit("/", 1)[0] + f"/{name}"
    finally:
        asyncio.run(run_sql(postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def bench_database(
    *, production: bool, prefix: str, postgres: str = POSTGRES
) -> Iterator[tuple[str, str]]:
    """A temporary folder for the run, and its database's URL: a throw-away PostgreSQL database
    (`production`) or a SQLite file in the folder; both gone when the block ends."""
    with tempfile.TemporaryDirectory() as tmp:
        if production:
            with throwaway_postgres(postgres, prefix) as url:
                yield tmp, url
        else:
            yield tmp, f"sqlite+aiosqlite:///{tmp}/siang.db"


def run_siang(env: dict[str, str], *args: str) -> None:
    """A `siang` command to its end (`db upgrade`, `db seed`)."""
    subprocess.run([*SIANG, *args], env=env, check=True, cwd=ROOT)


def start_siang(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    """A `siang` process left running (`serve`, `worker`), in its own process group."""
    return subprocess.Popen([*SIANG, *args], env=env, cwd=ROOT, start_new_session=True)


async def wait_ready(base: str, *, attempts: int = 300) -> None:
    """Until `siang serve` at `base` answers /readyz (a tenth of a second between attempts)."""
    async with httpx.AsyncClient() as http:
        for _ in range(attempts):
            try:
                if (await http.get(f"{base}/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("siang serve did not become ready")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def stop_siang(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to each process group, 30 s to finish the backlog, then SIGKILL."""
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # still working through the backlog
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def line_environment(
    tmp: str, database_url: str, line_api_url: str, *, scheduler: bool = False
) -> dict[str, str]:
    """`siang`'s settings for a run: this database, media in `tmp`, LINE at the fake API's URL,
    no Redis (a production run adds it), few log lines."""
    env = os.environ | {
        "SIANG_DATABASE_URL": database_url,
        "SIANG_MEDIA_DIR": f"{tmp}/media",
        "SIANG_LINE_CHANNEL_SECRET": line.CHANNEL_SECRET,
        "SIANG_LINE_CHANNEL_ACCESS_TOKEN": line.ACCESS_TOKEN,
        "SIANG_LINE_API_BASE_URL": line_api_url,
        "SIANG_LINE_DATA_API_BASE_URL": line_api_url,
        "SIANG_LOG_LEVEL": "WARNING",
        "SIANG_SCHEDULER_ENABLED": str(scheduler).lower(),
    }
    env.pop("SIANG_REDIS_URL", None)
    return env
