"""Service-level policy: how long an agency has per category and urgency, and what happens after.

Defaults: urgent (``high``) 24 hours, ``normal`` 7 days, ``low`` 14 days; a YAML file can set
other defaults and per-category times (``siang.settings``: ``SIANG_SERVICE_LEVELS_FILE``)::

    defaults: {high: 24, normal: 168, low: 336}     # hours
    categories:
      ไฟฟ้า: {high: 6, normal: 48}
      ทุจริต: {normal: 720}

`services.service_levels` applies the policy (escalation and automatic closing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from services.errors import InvalidInputError
from storage.models import FeedbackItem, Urgency

DEFAULT_HOURS: dict[Urgency, float] = {
    Urgency.HIGH: 24.0,
    Urgency.NORMAL: 7 * 24.0,
    Urgency.LOW: 14 * 24.0,
}


@dataclass(frozen=True)
class ServiceLevelPolicy:
    """Hours allowed per urgency (and per category), and the citizen's windows in days."""

    default_hours: dict[Urgency, float] = field(default_factory=lambda: dict(DEFAULT_HOURS))
    category_hours: dict[str, dict[Urgency, float]] = field(default_factory=dict)
    reopen_days: int = 14
    close_after_days: int = 14

    def allowed(self, category: str | None, urgency: Urgency) -> timedelta:
        hours = self.category_hours.get(category or "", {}).get(urgency)
        if hours is None:
            hours = self.default_hours.get(urgency, DEFAULT_HOURS[urgency])
        return timedelta(hours=hours)

    def due_at(self, category: str | None, urgency: Urgency, start: datetime) -> datetime:
        return start + self.allowed(category, urgency)

    def board_escalation_at(self, item: FeedbackItem) -> datetime | None:
        """When an overdue item goes to the board: as late again as the time it was given."""
        if item.due_at is None:
            return None
        return item.due_at + self.allowed(item.category, item.urgency)

    @property
    def reopen_window(self) -> timedelta:
        return timedelta(days=self.reopen_days)


def _hours(value: Any, where: str) -> dict[Urgency, float]:
    if not isinstance(value, dict):
        raise InvalidInputError(f"{where}: expected urgency: hours, e.g. {{high: 24, normal: 168}}")
    hours: dict[Urgency, float] = {}
    for key, number in value.items():
        try:
            urgency = Urgency(str(key))
        except ValueError:
            names = ", ".join(u.value for u in Urgency)
            raise InvalidInputError(f"{where}: unknown urgency {key!r} (use {names})") from None
        if not isinstance(number, int | float) or isinstance(number, bool) or number <= 0:
            raise InvalidInputError(f"{where}.{key}: hours must be a positive number")
        hours[urgency] = float(number)
    return hours


def load_policy(
    path: Path | None = None,
    *,
    reopen_days: int = 14,
    close_after_days: int = 14,
    default_hours: dict[Urgency, float] | None = None,
) -> ServiceLevelPolicy:
    """The policy from settings values and, if given, a YAML file (which wins)."""
    defaults = dict(DEFAULT_HOURS) | (default_hours or {})
    categories: dict[str, dict[Urgency, float]] = {}
    if path is not None:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise InvalidInputError(f"{path.name}: expected `defaults:` and `categories:`")
        if "defaults" in data:
            defaults |= _hours(data["defaults"], f"{path.name}: defaults")
        for category, value in (data.get("categories") or {}).items():
            categories[str(category)] = _hours(value, f"{path.name}: categories.{category}")
    return ServiceLevelPolicy(
        default_hours=defaults,
        category_hours=categories,
        reopen_days=reopen_days,
        close_after_days=close_after_days,
    )


_policy = ServiceLevelPolicy()


def configure(policy: ServiceLevelPolicy) -> None:
    """Set the process's policy (the composition root does this from settings at start-up)."""
    global _policy
    _policy = policy


def current_policy() -> ServiceLevelPolicy:
    return _policy
