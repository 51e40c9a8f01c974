"""Faults injected during `bench/webhook_burst.py`'s burst (issue 18), and the private Redis and
PostgreSQL they act on: the shared servers on 6379 and 5432 are never stopped.

- `line-errors`: the fake LINE API answers 500 for the first half of the fault, then 429 with
  `Retry-After` for the second half (every reply, push and multicast);
- `redis-stop`: a private `redis-server` (no persistence: its queue is lost with it, the worst
  case) is shut down and started again on the same port `seconds` later;
- `postgres-restart`: a private cluster (initdb'd in a temporary directory) is stopped
  (`pg_ctl stop -m fast`, which cuts every connection) and started again `seconds` later.

A fault starts `after` seconds into the burst, on a thread of the bench's own process, while the
senders (in their own process) keep sending, and retrying what is refused like LINE does.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.fakes import line_api as line
from tests.fakes.server import free_port

FAULTS = ("line-errors", "redis-stop", "postgres-restart")
RETRY_AFTER = 5  # seconds, sent with the fake LINE API's 429s


Step = tuple[float, str, Callable[[], object]]  # seconds into the burst, what, how


@dataclass
class Fault:
    """What to break during the burst and when to mend it: steps at set times."""

    name: str
    steps: list[Step]
    timeline: list[str] = field(default_factory=list)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the schedule now (when the burst starts)."""
        self._thread = threading.Thread(target=self._run, name=f"fault-{self.name}", daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait until the fault is mended (the burst may end before it is)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        origin = time.perf_counter()
        for at, what, action in self.steps:
            time.sleep(max(0.0, at - (time.perf_counter() - origin)))
            action()
            self.timeline.append(f"{time.perf_counter() - origin:5.1f} s into the burst: {what}")


def line_errors(fake: line.FakeLineApi, after: float, seconds: float) -> Fault:
    """500 for half the time, then 429 with Retry-After for the other half."""
    half = seconds / 2
    return Fault(
        "line-errors",
        [
            (after, f"LINE API answers 500 for {half:g} s", lambda: fake.fail_until(500, half)),
            (
                after + half,
                f"LINE API answers 429 (Retry-After: {RETRY_AFTER}) for {half:g} s",
                lambda: fake.fail_until(429, half, str(RETRY_AFTER)),
            ),
            (after + seconds, "LINE API answers normally again", lambda: None),
        ],
    )


# --- a private Redis --------------------------------------------------------------------------


def _redis_server(port: int) -> None:
    subprocess.run(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "yes", "--loglevel", "warning"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        if _redis_cli(port, "ping") == "PONG":
            return
        time.sleep(0.05)
    raise RuntimeError(f"redis-server on {port} did not start")


def _redis_cli(port: int, *command: str) -> str:
    done = subprocess.run(
        ["redis-cli", "-p", str(port), *command], capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


@contextmanager
def private_redis() -> Iterator[int]:
    """A throw-away redis-server of our own; its port."""
    port = free_port()
    _redis_server(port)
    try:
        yield port
    finally:
        _redis_cli(port, "shutdown", "nosave")


def redis_stop(port: int, after: float, seconds: float) -> Fault:
    return Fault(
        "redis-stop",
        [
            (after, "Redis shut down", lambda: _redis_cli(port, "shutdown", "nosave")),
            (after + seconds, "Redis started again (empty)", lambda: _redis_server(port)),
        ],
    )


# --- a private PostgreSQL cluster ---------------------------------------------------------------


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    return shutil.which(name) or name


def _as_postgres(command: list[str]) -> list[str]:
    """initdb refuses root: run the cluster as the `postgres` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class PrivateCluster:
    directory: str
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args: str) -> None:
        command = [_pg_bin("pg_ctl"), "-D", f"{self.directory}/data", "-w", *args]
        subprocess.run(_as_postgres(command), check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self.pg_ctl("-o", options, "-l", f"{self.directory}/log", "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")


@contextmanager
def private_postgres() -> Iterator[PrivateCluster]:
    """A throw-away PostgreSQL cluster of our own (trust authentication, 127.0.0.1 only)."""
    directory = tempfile.mkdtemp(prefix="siang-pgfault-")
    os.chmod(directory, 0o777)  # the postgres user writes its data, socket and log here
    cluster = PrivateCluster(directory, free_port())
    initdb = [_pg_bin("initdb"), "-D", f"{directory}/data", "-U", "postgres", "--auth=trust"]
    subprocess.run(_as_postgres(initdb), check=True, stdout=subprocess.DEVNULL)
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(directory, ignore_errors=True)


def postgres_restart(cluster: PrivateCluster, after: float, seconds: float) -> Fault:
    return Fault(
        "postgres-restart",
        [
            (after, "PostgreSQL stopped (fast: connections cut)", cluster.stop),
            (after + seconds, "PostgreSQL started again", cluster.start),
        ],
    )


@dataclass
class Setup:
    """The private servers a fault needs, and how to make the fault once the bench runs."""

    redis_url: str | None = None
    postgres_url: str | None = None
    make: Callable[[line.FakeLineApi, float, float], Fault] | None = None


@contextmanager
def prepared(name: str | None) -> Iterator[Setup]:
    if name == "redis-stop":
        with private_redis() as port:
            yield Setup(
                redis_url=f"redis://127.0.0.1:{port}/0",
                make=lambda _fake, after, seconds: redis_stop(port, after, seconds),
            )
    elif name == "postgres-restart":
        with private_postgres() as cluster:
            yield Setup(
                postgres_url=cluster.url,
                make=lambda _fake, after, seconds: postgres_restart(cluster, after, seconds),
            )
    elif name == "line-errors":
        yield Setup(make=line_errors)
    else:
        yield Setup()
