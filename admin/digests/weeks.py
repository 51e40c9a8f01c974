"""ISO weeks (2026-W47) as periods in local time, Monday 00:00 to the next Monday 00:00."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """`2026-W47` (or `2026W47`); ValueError if it is not a real ISO week."""
        match = _WEEK.match(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not an ISO week like 2026-W47")
        year, week = int(match[1]), int(match[2])
        if not 1971 <= year <= 9000:
            raise ValueError(f"{text!r}: the year must lie between 1971 and 9000")
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError as bad:
            raise ValueError(f"{text!r} is not an ISO week of {year}") from bad
        return cls(year, week)

    @classmethod
    def containing(cls, moment: datetime, zone: ZoneInfo) -> IsoWeek:
        year, week, _ = moment.astimezone(zone).date().isocalendar()
        return cls(year, week)

    @classmethod
    def last_completed(cls, now: datetime, zone: ZoneInfo) -> IsoWeek:
        """The week before the one `now` falls in (what Monday morning's digest covers)."""
        return cls.containing(now, zone).previous()

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def start(self, zone: ZoneInfo) -> datetime:
        return datetime.combine(self.monday, time(), tzinfo=zone)

    def end(self, zone: ZoneInfo) -> datetime:
        """Exclusive: the next Monday 00:00."""
        return self.start(zone) + timedelta(days=7)

    def previous(self, weeks: int = 1) -> IsoWeek:
        year, week, _ = (self.monday - timedelta(weeks=weeks)).isocalendar()
        return IsoWeek(year, week)
