"""Resident memory of `siang serve` with its Thai NLP model loaded and real chat traffic served.

Standing target: under 300 MB resident. The server runs on a throw-away SQLite database; web chat
conversations (real HTTP on loopback) make it load the analyzer and file reports, then the
process's current and peak resident set (VmRSS, VmHWM from /proc) are read.

Run: .venv/bin/python bench/server_memory.py [--messages 200]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SIANG = ROOT / ".venv" / "bin" / "siang"
TARGET_MB = 300

MESSAGES = (
    "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถมอเตอร์ไซค์ล้มไปสองคันแล้ว ซอยลาดพร้าว 101 เขตบางกะปิ",
    "ไฟถนนดับทั้งซอยมาสามวันแล้วค่ะ มืดมาก อันตราย แขวงสีลม เขตบางรัก",
    "น้ำประปาไม่ไหลตั้งแต่เมื่อวาน อ.เมือง จ.เชียงใหม่",
    "ขยะล้นถังหน้าตลาด ส่งกลิ่นเหม็นมาก ต.ในเมือง อ.เมืองขอนแก่น",
    "สายไฟขาดห้อยลงมาบนทางเท้า กลัวไฟดูด ด่วนครับ",
    "อยากเสนอให้มีรถเมล์สายใหม่ผ่านหมู่บ้าน คนแก่เดินทางลำบาก",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _memory_mb(pid: int) -> dict[str, float]:
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in {"VmRSS", "VmHWM"}:
            fields[name] = int(value.split()[0]) / 1024
    return fields


def _wait_healthy(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz in time")


def _converse(base: str, count: int) -> int:
    answered = 0
    for index in range(count):
        with httpx.Client(base_url=base, timeout=30) as client:
            client.get("/chat/api/session")
            response = client.post(
                "/chat/api/messages",
                json={"client_id": uuid.uuid4().hex, "text": MESSAGES[index % len(MESSAGES)]},
            )
            answered += response.status_code == 200
    return answered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "SIANG_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/bench.db",
            "SIANG_MEDIA_DIR": f"{tmp}/media",
            "SIANG_LOG_LEVEL": "WARNING",
        }
        for step in (["db", "upgrade"], ["db", "seed"]):
            subprocess.run([str(SIANG), *step], env=env, check=True, stdout=subprocess.DEVNULL)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(SIANG), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_healthy(base, time.monotonic() + 60)
            idle = _memory_mb(server.pid)
            answered = _converse(base, args.messages)
            loaded = _memory_mb(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(f"idle after start:        {idle['VmRSS']:.0f} MB resident")
    print(f"after {answered} chat reports: {loaded['VmRSS']:.0f} MB resident")
    print(f"peak resident (VmHWM):   {loaded['VmHWM']:.0f} MB   target < {TARGET_MB} MB")
    if loaded["VmHWM"] >= TARGET_MB:
        sys.exit(1)


if __name__ == "__main__":
    main()
