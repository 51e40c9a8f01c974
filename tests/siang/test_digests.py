"""The weekly digest job: scheduled Monday 08:00 Bangkok, queues the week that just ended and wakes
the outbox, which e-mails it."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI

from siang.digests import register_digest_jobs, send_weekly_digests
from siang.runtime import app_runtime
from siang.scheduler import create_scheduler
from siang.settings import Settings
from storage.database import Database
from tests.admin.digests.conftest import SeededDigests, seeded_digests, subscribe
from tests.fixtures.smtp_server import SmtpServer, smtp_server

__all__ = ["seeded_digests", "smtp_server"]  # fixtures shared with tests/admin/digests


@pytest.fixture
def settings(settings: Settings, smtp_server: SmtpServer) -> Settings:
    """The app's outbox sends e-mail to the test's SMTP server."""
    return settings.model_copy(update={"smtp_url": smtp_server.url})


async def test_job_runs_every_monday_at_eight_in_bangkok(
    database: Database, settings: Settings
) -> None:
    scheduler = AsyncIOScheduler(timezone=settings.timezone)
    register_digest_jobs(scheduler, database, settings)
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job("weekly_digests")
        assert job is not None
        upcoming = job.next_run_time.astimezone(ZoneInfo("Asia/Bangkok"))
        assert (upcoming.weekday(), upcoming.hour, upcoming.minute) == (0, 8, 0)
        custom = settings.model_copy(update={"digest_schedule": "30 7 * * fri"})
        register_digest_jobs(scheduler, database, custom)
        moved = scheduler.get_job("weekly_digests")
        assert moved is not None
        when = moved.next_run_time.astimezone(ZoneInfo("Asia/Bangkok"))
        assert (when.weekday(), when.hour, when.minute) == (4, 7, 30)
        assert len(scheduler.get_jobs()) == 1
    finally:
        scheduler.shutdown(wait=False)


async def test_the_apps_scheduler_has_the_digest_job(
    database: Database, settings: Settings
) -> None:
    scheduler = create_scheduler(database, settings, kick=None)
    scheduler.start(paused=True)
    try:
        assert scheduler.get_job("weekly_digests") is not None
    finally:
        scheduler.shutdown(wait=False)


async def test_monday_morning_queues_last_weeks_digest_once_and_wakes_the_outbox(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    smtp_server: SmtpServer,
) -> None:
    subscriber = {"board": "กรุงเทพมหานคร", "channel": "email", "target": "board@bkk.example"}
    await subscribe(client, database, settings, [subscriber])
    monday = datetime(2026, 11, 16, 1, 0, tzinfo=UTC)  # 08:00 in Bangkok
    background = app_runtime(app).background

    report = await send_weekly_digests(database, settings, now=monday)
    assert (report.week, report.queued) == ("2026-W46", 1)
    await background.wait_idle()  # the drain the job's commit woke
    again = await send_weekly_digests(database, settings, now=monday)
    assert (again.queued, again.already_done) == (0, 1)
    await background.wait_idle()
    [message] = smtp_server.inbox.to("board@bkk.example")
    assert "2026-W46" in str(message["Subject"])
