"""How long `make demo` takes to answer on /healthz: on a fresh clone, and once installed.

Run: .venv/bin/python bench/demo_startup.py   (clones this checkout's HEAD into a temporary folder)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8799


def _wait_for_health(deadline: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    return None


def _run_demo(clone: Path, label: str) -> float | None:
    env = os.environ | {"SIANG_LOG_LEVEL": "WARNING"}
    env.pop("SIANG_DATABASE_URL", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        ["make", "demo", f"DEMO_ARGS=--port {PORT}"],
        cwd=clone,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        waited = _wait_for_health(time.perf_counter() + 600)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    total = time.perf_counter() - started if waited is not None else None
    print(f"{label:<40} {'did not answer' if total is None else f'{total:6.1f} s'}")
    return total


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "siang"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        first = _run_demo(clone, "fresh clone: install + migrate + serve")
        second = _run_demo(clone, "installed: migrate + seed + serve")
    return 0 if first is not None and second is not None else 1


if __name__ == "__main__":
    sys.exit(main())
