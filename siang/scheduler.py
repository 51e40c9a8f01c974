"""Scheduled work inside the web process (APScheduler's AsyncIOScheduler, started in the app's
lifespan when ``SIANG_SCHEDULER_ENABLED``): SLA escalation and closing unrated fixes, the outbox
drain, weekly digests, volunteers' reminders the day before. One function per job; each part registers its own jobs below.
With Redis (`siang serve --workers N` runs N schedulers), the SLA, reminder and digest jobs take
turns: each run happens in the one process that takes the turn in Redis.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services import service_levels, volunteering
from services.policy import ServiceLevelPolicy, configure, load_policy
from siang.digests import register_digest_jobs
from siang.settings import Settings
from storage.database import Database
from storage.models import Urgency
from storage.types import utcnow

logger = logging.getLogger(__name__)

Kick = Callable[[], Awaitable[None]]


def service_level_policy(settings: Settings) -> ServiceLevelPolicy:
    """The SLA policy the settings describe (the YAML file, if set, wins)."""
    return load_policy(
        settings.service_levels_file,
        reopen_days=settings.reopen_days,
        close_after_days=settings.auto_close_days,
        default_hours={
            Urgency.HIGH: settings.sla_urgent_hours,
            Urgency.NORMAL: settings.sla_normal_hours,
            Urgency.LOW: settings.sla_low_hours,
        },
    )


def configure_services(settings: Settings) -> None:
    """Give the domain services this process's policy (call once at start-up)."""
    configure(service_level_policy(settings))


async def run_service_levels(database: Database, *, now: datetime | None = None) -> tuple[int, int]:
    """Escalate overdue items and close unrated fixes; returns (escalated, closed). The commit
    that queued their messages wakes delivery (`storage.outbox_wake`)."""
    now = now or utcnow()
    async with database.unit_of_work() as session:
        escalated = await service_levels.escalate_overdue(session, now=now)
        closed = await service_levels.close_expired(session, now=now)
    if escalated or closed:
        logger.info("service levels", extra={"escalated": escalated, "closed": closed})
    return escalated, closed


def register_service_level_jobs(
    scheduler: AsyncIOScheduler, database: Database, settings: Settings
) -> None:
    scheduler.add_job(
        run_service_levels,
        IntervalTrigger(minutes=settings.escalation_interval_minutes),
        kwargs={"database": database},
        id="service_levels",
        name="SLA escalation and auto-close",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )


async def run_volunteer_reminders(database: Database, *, now: datetime | None = None) -> int:
    """Remind each confirmed volunteer of a programme starting within a day, once; returns how
    many reminders were queued (the commit wakes delivery)."""
    now = now or utcnow()
    async with database.unit_of_work() as session:
        queued = await volunteering.send_reminders(session, now=now)
    if queued:
        logger.info("volunteer reminders", extra={"queued": queued})
    return queued


def register_volunteer_jobs(scheduler: AsyncIOScheduler, database: Database) -> None:
    # Every 30 minutes: a reminder comes between 24 and 23.5 hours before the start.
    scheduler.add_job(
        run_volunteer_reminders,
        IntervalTrigger(minutes=30),
        kwargs={"database": database},
        id="volunteer_reminders",
        name="Volunteer reminders the day before",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )


async def drain_outbox(kick: Kick) -> None:
    """Ask the background worker to send due outbox rows (failed ones after their backoff): the
    backstop for rows queued by another process, and for retries, since a commit that queues
    messages wakes delivery itself."""
    await kick()


def register_outbox_job(scheduler: AsyncIOScheduler, kick: Kick | None) -> None:
    if kick is None:
        return
    scheduler.add_job(
        drain_outbox,
        IntervalTrigger(seconds=30),
        kwargs={"kick": kick},
        id="outbox_drain",
        name="Outbox delivery with backoff",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )


# Jobs that must run once per turn however many web processes schedule them, and how long one
# process's turn holds the others off: a little under the job's own interval (the weekly digest:
# an hour, since its cron fires in every process at the same minute).
LEASED_JOBS = {"service_levels": 0.9, "volunteer_reminders": 0.9, "weekly_digests": None}
DIGEST_LEASE_SECONDS = 3600.0


Job = Callable[..., Awaitable[Any]]


def leased(job: Job, *, redis: Redis, key: str, seconds: float) -> Job:
    """The job, run only by the process that takes the turn (`SET key NX PX`) in Redis; the
    others skip it. With Redis unreachable, every process runs it (as one process would)."""

    async def run(**kwargs: Any) -> Any:
        try:
            won = await redis.set(key, os.getpid(), nx=True, px=int(seconds * 1000))
        except RedisError as error:
            logger.warning(
                "scheduled job runs without its turn", extra={"job": key, "error": str(error)}
            )
            won = True
        if not won:
            return None
        return await job(**kwargs)

    return run


def _take_turns(scheduler: AsyncIOScheduler, settings: Settings) -> None:
    """With Redis (several web processes may schedule the same jobs), each leased job runs in
    one process per turn."""
    if not settings.redis_url:
        return
    redis = Redis.from_url(settings.redis_url)
    for job in scheduler.get_jobs():
        if job.id not in LEASED_JOBS:
            continue
        share = LEASED_JOBS[job.id]
        interval = getattr(job.trigger, "interval", None)
        seconds = (
            interval.total_seconds() * share
            if share is not None and interval is not None
            else DIGEST_LEASE_SECONDS
        )
        job.modify(
            func=leased(job.func, redis=redis, key=f"siang:scheduled:{job.id}", seconds=seconds)
        )


def create_scheduler(
    database: Database, settings: Settings, *, kick: Kick | None
) -> AsyncIOScheduler:
    """A scheduler with every part's jobs registered (not started)."""
    scheduler = AsyncIOScheduler(timezone=settings.timezone)
    register_service_level_jobs(scheduler, database, settings)
    register_digest_jobs(scheduler, database, settings)
    register_volunteer_jobs(scheduler, database)
    register_outbox_job(scheduler, kick)
    _take_turns(scheduler, settings)
    return scheduler


@asynccontextmanager
async def scheduled_jobs(
    database: Database, settings: Settings, *, kick: Kick | None = None
) -> AsyncIterator[AsyncIOScheduler | None]:
    """Run the scheduler for the duration of the block, when the settings enable it."""
    if not settings.scheduler_enabled:
        yield None
        return
    scheduler = create_scheduler(database, settings, kick=kick)
    scheduler.start()
    try:
        yield scheduler
    finally:
        scheduler.shutdown(wait=False)
