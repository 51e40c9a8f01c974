"""`siang digest build` and `siang digest send` as an operator runs them."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from siang.runtime import app_runtime
from siang.settings import Settings
from storage.database import Database
from tests.admin.digests.conftest import SeededDigests, seeded_digests, subscribe
from tests.fixtures.smtp_server import SmtpServer, smtp_server
from tests.siang.test_cli import run_siang

__all__ = ["seeded_digests", "smtp_server"]  # fixtures shared with tests/admin/digests

PHUKET_A = {"board": "ภูเก็ต", "channel": "email", "target": "a@board.example"}
PHUKET_B = {"board": "ภูเก็ต", "channel": "email", "target": "b@board.example"}


@pytest.fixture
def settings(settings: Settings, smtp_server: SmtpServer) -> Settings:
    """The app's outbox (the worker's) sends e-mail to the test's SMTP server."""
    return settings.model_copy(update={"smtp_url": smtp_server.url})


async def test_build_writes_html_pdf_and_json_for_a_thai_province_name(
    database_url: str, seeded_digests: SeededDigests, tmp_path: Path
) -> None:
    out = tmp_path / "digest"
    result = run_siang(
        "digest", "build", "--board", "เชียงใหม่", "--week", "2026-W46", "--out", str(out),
        env={"SIANG_DATABASE_URL": database_url},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["digest.html", "digest.json", "digest.pdf"]
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert (data["week"], data["subject"]["province_code"]) == ("2026-W46", "50")
    assert data["totals"]["count"] > 0
    unknown = run_siang(
        "digest", "build", "--board", "Atlantis", "--out", str(out),
        env={"SIANG_DATABASE_URL": database_url},
    )  # fmt: skip
    assert unknown.returncode == 2 and "Atlantis" in unknown.stderr


async def test_send_twice_queues_once_and_the_worker_mails_each_subscriber_once(
    app: FastAPI,
    database_url: str,
    database: Database,
    settings: Settings,
    client: httpx.AsyncClient,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
) -> None:
    await subscribe(client, database, settings, [PHUKET_A, PHUKET_B])
    env = {"SIANG_DATABASE_URL": database_url, "SIANG_SMTP_URL": smtp_server.url}
    first = run_siang("digest", "send", "--week", "2026-W46", env=env)
    assert first.returncode == 0, first.stderr
    assert "77 digests, 2 queued for delivery, 0 waiting" in first.stdout
    assert await app_runtime(app).background.drain_outbox() == 2  # what `siang worker` does

    second = run_siang("digest", "send", "--week", "2026-W46", env=env)
    assert second.returncode == 0
    assert "0 queued for delivery" in second.stdout and "2 already delivered" in second.stdout
    assert await app_runtime(app).background.drain_outbox() == 0
    assert sorted(rcpt[0] for rcpt, _ in smtp_server.inbox.received) == [
        "a@board.example",
        "b@board.example",
    ]


async def test_send_exits_1_and_names_what_failed(
    database_url: str,
    database: Database,
    settings: Settings,
    client: httpx.AsyncClient,
    seeded_digests: SeededDigests,
) -> None:
    await subscribe(client, database, settings, [PHUKET_A])
    result = run_siang(
        "digest", "send", "--week", "2026-W46", env={"SIANG_DATABASE_URL": database_url}
    )
    assert result.returncode == 1
    assert "1 failed" in result.stdout
    assert "FAILED board:83 email a@board.example" in result.stderr
    assert "SIANG_SMTP_URL" in result.stderr
