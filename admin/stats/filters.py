"""The stats endpoints take exactly the work queue's filters (`GET /api/v1/feedback`)."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from admin.feedback.filters import FeedbackFilterDep

# The same dependency as the queue: a place or agency outside the caller's scope is 404.
StatsFilterDep = FeedbackFilterDep


def start_of_local_day(day: datetime, zone: ZoneInfo) -> datetime:
    return datetime.combine(day.astimezone(zone).date(), time(), tzinfo=zone)
