"""The scheduler runs the SLA job in the app's lifespan; the job escalates and closes on time,
and what it queued is delivered because its commit wakes the outbox."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from services.actors import Actor
from services.filing import file_feedback
from services.ticket_moves import change_status
from siang.runtime import app_runtime
from siang.scheduler import (
    create_scheduler,
    run_service_levels,
    scheduled_jobs,
    service_level_policy,
)
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    Channel,
    FeedbackItem,
    FeedbackStatus,
    NotifyChannel,
    Urgency,
    UserAccount,
    UserRole,
)
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fixtures.databases import skip_or_fail

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
AGENCY_GROUP = "Cpea-khon-kaen-group"


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)


async def test_the_job_is_registered_only_when_enabled(
    settings: Settings, database: Database
) -> None:
    async with scheduled_jobs(database, settings) as scheduler:
        assert scheduler is None  # the test settings switch it off
    enabled = settings.model_copy(update={"scheduler_enabled": True})
    async with scheduled_jobs(database, enabled) as scheduler:
        assert scheduler is not None and scheduler.running
        job = scheduler.get_job("service_levels")
        assert job is not None and job.trigger.interval == timedelta(minutes=5)
        reminders = scheduler.get_job("volunteer_reminders")
        assert reminders is not None and reminders.trigger.interval == timedelta(minutes=30)


def test_the_policy_comes_from_the_settings(settings: Settings) -> None:
    custom = settings.model_copy(update={"sla_urgent_hours": 6.0, "reopen_days": 7})
    policy = service_level_policy(custom)
    assert policy.allowed(None, Urgency.HIGH) == timedelta(hours=6)
    assert policy.allowed(None, Urgency.NORMAL) == timedelta(days=7)
    assert policy.reopen_days == 7


async def test_one_run_escalates_and_closes_and_its_messages_go_out_once(
    app: FastAPI, database: Database, line_api: FakeLineApi
) -> None:
    """No one kicks the outbox: the job's commit wakes delivery, and the agency's group gets
    the escalation at once; a second run finds nothing to do and sends nothing."""
    async with database.unit_of_work() as session:
        late = await file_feedback(
            session,
            channel=Channel.WEB,
            text="ไฟฟ้าดับทั้งหมู่บ้านมาสามวันแล้ว",
            analysis=None,
            category="ไฟฟ้า",
            province_code="40",
            now=NOW,
        )
        assert late.agency is not None
        late.agency.notify_channel, late.agency.notify_target = NotifyChannel.LINE, AGENCY_GROUP
        session.add(late.agency)
        done = await file_feedback(
            session,
            channel=Channel.WEB,
            text="ถนนหน้าโรงเรียนเป็นหลุมใหญ่",
            analysis=None,
            category="ถนน",
            district_code="4001",
            now=NOW,
        )
        official = UserAccount(email="official@example.go.th", role=UserRole.OFFICIAL)
        session.add(official)
        await session.flush()
        actor = Actor.official(official.id or 0)
        await change_status(session, done.item.id or 0, to=FeedbackStatus.ACCEPTED, actor=actor)
        await change_status(
            session,
            done.item.id or 0,
            to=FeedbackStatus.RESOLVED,
            actor=actor,
            note="ซ่อมแล้ว",
            now=NOW,
        )
    background = app_runtime(app).background
    await background.wait_idle()
    line_api.reset()

    later = NOW + timedelta(days=15)
    assert await run_service_levels(database, now=later) == (1, 1)
    await background.wait_idle()
    [escalation] = line_api.sent(AGENCY_GROUP)
    assert late.item.reference in escalation.text
    assert await run_service_levels(database, now=later) == (0, 0)
    await background.wait_idle()
    assert line_api.sent(AGENCY_GROUP) == [escalation]
    async with database.unit_of_work() as session:
        escalated = await session.get(FeedbackItem, late.item.id)
        closed = await session.get(FeedbackItem, done.item.id)
        assert escalated is not None and escalated.escalation_level == 2
        assert closed is not None and closed.status is FeedbackStatus.CLOSED


class TestSeveralWebProcesses:
    """`siang serve --workers 2` runs two schedulers: each run of a leased job happens once."""

    @pytest.fixture
    def shared(self, settings: Settings) -> Settings:
        url = os.environ.get("SIANG_TEST_REDIS_URL")
        if not url:
            skip_or_fail("SIANG_TEST_REDIS_URL is not set, so the shared-schedule test did not run")
        return settings.model_copy(update={"redis_url": url, "scheduler_enabled": True})

    async def test_two_schedulers_run_the_sla_job_once_per_turn(
        self, shared: Settings, database: Database
    ) -> None:
        redis = Redis.from_url(str(shared.redis_url))
        await redis.delete("siang:scheduled:service_levels")
        first = create_scheduler(database, shared, kick=None)
        second = create_scheduler(database, shared, kick=None)
        jobs = [s.get_job("service_levels") for s in (first, second)]
        assert all(job is not None for job in jobs)
        # both processes' turns fire at the same moment; only one runs the job
        results = await asyncio.gather(*(job.func(database=database) for job in jobs if job))
        assert results.count(None) == 1
        await redis.delete("siang:scheduled:service_levels")
        await redis.aclose()

    async def test_without_redis_a_single_process_runs_every_turn(
        self, settings: Settings, database: Database
    ) -> None:
        alone = settings.model_copy(update={"scheduler_enabled": True})
        job = create_scheduler(database, alone, kick=None).get_job("service_levels")
        assert job is not None
        assert await job.func(database=database) == (0, 0)
        assert await job.func(database=database) == (0, 0)  # no turn to wait for
