"""Wiring for the weekly digests: the sender built from settings, and the scheduled job."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from admin.digests.delivery import DigestSender, SendReport
from admin.digests.service import DigestSettings
from admin.digests.weeks import IsoWeek
from siang.settings import Settings
from storage.database import Database
from storage.models import NotifyChannel
from storage.types import utcnow

logger = logging.getLogger(__name__)

NO_SMTP = "no SMTP server configured (SIANG_SMTP_URL)"


def digest_settings(settings: Settings) -> DigestSettings:
    return DigestSettings(
        public_base_url=str(settings.public_base_url),
        secret_key=settings.secret_key,
        timezone=settings.timezone,
    )


def digest_sender(database: Database, settings: Settings) -> DigestSender:
    """A sender that queues digests in the outbox (e-mail only when `SIANG_SMTP_URL` is set)."""
    return DigestSender(
        database,
        digest_settings(settings),
        unreachable={} if settings.smtp_url else {NotifyChannel.EMAIL: NO_SMTP},
    )


async def send_weekly_digests(
    database: Database,
    settings: Settings,
    *,
    now: datetime | None = None,
) -> SendReport:
    """The scheduled job: queue last week's digests for every subscriber. The commit that queued
    them wakes the outbox (`storage.outbox_wake`), which retries failures by its own policy."""
    now = now or utcnow()
    week = IsoWeek.last_completed(now, ZoneInfo(settings.timezone))
    report = await digest_sender(database, settings).send_week(week, now=now)
    if report.failed:
        logger.warning(
            "some digests were not delivered",
            extra={"week": str(week), "failed": [f.__dict__ for f in report.failed]},
        )
    return report


def register_digest_jobs(
    scheduler: Any,
    database: Database,
    settings: Settings,
) -> None:
    """Add the weekly digest job (SIANG_DIGEST_SCHEDULE, default Monday 08:00 Bangkok) to an
    APScheduler `AsyncIOScheduler`."""
    scheduler.add_job(
        send_weekly_digests,
        CronTrigger.from_crontab(settings.digest_schedule, timezone=settings.timezone),
        kwargs={"database": database, "settings": settings},
        id="weekly_digests",
        name="weekly digests",
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=6 * 3600,
    )
