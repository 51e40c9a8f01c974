"""Dates as Thai officials read them: day/month/Buddhist-era year (2569), in local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

BUDDHIST_ERA_OFFSET = 543


def thai_day(moment: datetime, zone: ZoneInfo) -> str:
    """05/12/2569 for 5 December 2026."""
    shown = moment.astimezone(zone)
    return f"{shown:%d/%m}/{shown.year + BUDDHIST_ERA_OFFSET}"


def thai_moment(moment: datetime, zone: ZoneInfo) -> str:
    """05/12/2569 14:30."""
    return f"{thai_day(moment, zone)} {moment.astimezone(zone):%H:%M}"
