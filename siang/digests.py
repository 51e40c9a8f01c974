"""Wiring for the weekly digests: the sender built from settings, and the scheduled job."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from admin.digests.delivery import DigestSender, SendReport
from admin.digests.mail import SmtpMailer
from admin.digests.service import DigestSettings
from admin.digests.weeks import IsoWeek
from siang.settings import Settings
from storage.database import Database
from storage.repositories.digests import DigestRepository
from storage.types import utcnow

logger = logging.getLogger(__name__)


def digest_settings(settings: Settings) -> DigestSettings:
    return DigestSettings(
        public_base_url=str(settings.public_base_url),
        secret_key=settings.secret_key,
        timezone=settings.timezone,
    )


def digest_sender(database: Database, settings: Settings) -> DigestSender:
    """A sender that mails through `SIANG_SMTP_URL` (when set) and queues chat messages."""
    return DigestSender(
        database,
        digest_settings(settings),
        mailer=SmtpMailer.from_url(settings.smtp_url) if settings.smtp_url else None,
        sender=settings.smtp_from,
        max_attempts=settings.digest_max_attempts,
    )


async def send_weekly_digests(
    database: Database,
    settings: Settings,
    *,
    now: datetime | None = None,
    kick: Callable[[], Awaitable[None]] | None = None,
) -> SendReport:
    """The scheduled job: last week's digests to every subscriber, then retry earlier failures."""
    now = now or utcnow()
    week = IsoWeek.last_completed(now, ZoneInfo(settings.timezone))
    sender = digest_sender(database, settings)
    report = await sender.send_week(week, now=now)
    async with database.unit_of_work() as session:
        earlier = [
            w for w in await DigestRepository(session).weeks_with_failures() if w != str(week)
        ]
    for other in earlier:
        await sender.send_week(IsoWeek.parse(other), now=now)
    if report.queued and kick is not None:
        await kick()  # deliver the LINE/Telegram messages now
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
    kick: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Add the weekly digest job (SIANG_DIGEST_SCHEDULE, default Monday 08:00 Bangkok) to an
    APScheduler `AsyncIOScheduler`."""
    scheduler.add_job(
        send_weekly_digests,
        CronTrigger.from_crontab(settings.digest_schedule, timezone=settings.timezone),
        kwargs={"database": database, "settings": settings, "kick": kick},
        id="weekly_digests",
        name="weekly digests",
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=6 * 3600,
    )
