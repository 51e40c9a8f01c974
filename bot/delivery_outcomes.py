"""What a delivery pass reports, and the one retry policy every send follows (single or batch)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.channels.base import DeliveryError
from storage.models import DeliveryStatus


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    batches: int = 0  # multicast calls made (each for many rows)

    def add(self, status: DeliveryStatus | None, count: int = 1) -> None:
        if status is DeliveryStatus.SENT:
            self.sent += count
        elif status is DeliveryStatus.FAILED:
            self.failed += count
        elif status is DeliveryStatus.SKIPPED:
            self.skipped += count

    def merge(self, other: DeliveryReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.skipped += other.skipped
        self.batches += other.batches

    @property
    def settled(self) -> int:
        return self.sent + self.failed + self.skipped


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off from `first_backoff`, never sooner than the platform's Retry-After,
    until `max_attempts`; a refusal the platform will repeat is not retried."""

    max_attempts: int = 6
    first_backoff: timedelta = timedelta(seconds=30)

    def retry_at(self, error: DeliveryError, *, attempts: int, now: datetime) -> datetime | None:
        if not error.retryable or attempts >= self.max_attempts:
            return None
        wait = self.first_backoff * (1 << max(attempts - 1, 0))
        if error.retry_after is not None:
            wait = max(wait, timedelta(seconds=error.retry_after))
        return now + wait
