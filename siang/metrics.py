"""Prometheus /metrics: the chat intake and the outbox, counted from the database at each scrape.

Every web process and worker writes the same tables, so the figures are read from them rather
than kept per process: a scrape of any web process is right for all of them, a restart loses
nothing, and a redelivered event (stored once) is counted once. Processing latency is the time
from an event's arrival to its processed mark, over the events received in the last five
minutes.

Protected: with `SIANG_METRICS_TOKEN` set, a scrape must send `Authorization: Bearer <token>`;
without it, /metrics answers only requests from this machine (127.0.0.1 or ::1) and is 404 for
anyone else.
"""

from __future__ import annotations

import hmac
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from pydantic import SecretStr

from siang.runtime import app_runtime
from storage.database import Database
from storage.repositories import operations
from storage.types import utcnow

router = APIRouter(include_in_schema=False)

LATENCY_WINDOW = timedelta(minutes=5)
QUANTILES = (0.5, 0.9, 0.99)
_LOOPBACK = {"127.0.0.1", "::1"}
_DONE = {"processed", "ignored"}


@dataclass(frozen=True)
class OperationsSnapshot:
    """The intake's and the outbox's rows by state, read in one transaction."""

    events: list[tuple[str, str, int]]  # channel, status, count
    oldest_pending_age: float  # seconds; 0 when nothing waits
    processing_seconds: list[float]  # of the events received within LATENCY_WINDOW
    outbox: list[tuple[str, str, int]]  # platform, status, count


async def read_snapshot(database: Database, *, now: datetime | None = None) -> OperationsSnapshot:
    now = now or utcnow()
    async with database.unit_of_work() as session:
        events = await operations.event_counts(session)
        oldest = await operations.oldest_pending_received_at(session)
        recent = await operations.recent_processing_times(session, since=now - LATENCY_WINDOW)
        outbox = await operations.outbox_counts(session)
    return OperationsSnapshot(
        events=events,
        oldest_pending_age=max(0.0, (now - _aware(oldest)).total_seconds()) if oldest else 0.0,
        processing_seconds=sorted(
            max(0.0, (_aware(done) - _aware(received)).total_seconds()) for received, done in recent
        ),
        outbox=outbox,
    )


def _aware(moment: datetime) -> datetime:
    """SQLite gives stored UTC datetimes back without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def _quantile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class _SnapshotCollector:
    def __init__(self, snapshot: OperationsSnapshot) -> None:
        self.snapshot = snapshot

    def collect(self) -> Iterator[Metric]:
        yield from self._events()
        yield from self._outbox()

    def _events(self) -> Iterator[Metric]:
        received: defaultdict[str, int] = defaultdict(int)
        done: defaultdict[str, int] = defaultdict(int)
        by_status: defaultdict[tuple[str, str], int] = defaultdict(int)
        for channel, status, count in self.snapshot.events:
            received[channel] += count
            done[channel] += count if status in _DONE else 0
            by_status[(channel, status)] += count
        counters = {
            "siang_events_received": ("Chat events stored (a redelivery once)", received),
            "siang_events_processed": ("Chat events processed (answered or ignored)", done),
        }
        for name, (documentation, values) in counters.items():
            counter = CounterMetricFamily(name, documentation, labels=["channel"])
            for channel, count in sorted(values.items()):
                counter.add_metric([channel], count)
            yield counter
        states = GaugeMetricFamily(
            "siang_events", "Stored chat events by status", labels=["channel", "status"]
        )
        pending = GaugeMetricFamily(
            "siang_events_pending", "Chat events waiting to be processed", labels=["channel"]
        )
        for (channel, status), count in sorted(by_status.items()):
            states.add_metric([channel, status], count)
            if status == "pending":
                pending.add_metric([channel], count)
        yield states
        yield pending
        yield GaugeMetricFamily(
            "siang_events_oldest_pending_age_seconds",
            "Age of the oldest chat event still waiting (0: none waits)",
            value=self.snapshot.oldest_pending_age,
        )
        latency = GaugeMetricFamily(
            "siang_event_processing_seconds",
            "From arrival to processed, over the events received in the last 5 minutes",
            labels=["quantile"],
        )
        ordered = self.snapshot.processing_seconds
        for fraction in QUANTILES if ordered else ():
            latency.add_metric([str(fraction)], _quantile(ordered, fraction))
        yield latency
        yield GaugeMetricFamily(
            "siang_event_processing_recent_events",
            "Events the processing quantiles were taken over",
            value=len(ordered),
        )

    def _outbox(self) -> Iterator[Metric]:
        sent = CounterMetricFamily(
            "siang_outbound_sent", "Outbox messages sent, by platform", labels=["platform"]
        )
        failed = GaugeMetricFamily(
            "siang_outbound_failed",
            "Outbox messages whose last attempt failed (retried later or given up)",
            labels=["platform"],
        )
        states = GaugeMetricFamily(
            "siang_outbound_messages", "Outbox messages by status", labels=["platform", "status"]
        )
        for platform, status, count in sorted(self.snapshot.outbox):
            states.add_metric([platform, status], count)
            if status == "sent":
                sent.add_metric([platform], count)
            elif status == "failed":
                failed.add_metric([platform], count)
        yield from (sent, failed, states)


def exposition(snapshot: OperationsSnapshot) -> bytes:
    """The snapshot in Prometheus' text format."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_SnapshotCollector(snapshot))
    return bytes(generate_latest(registry))


def scrape_allowed(request: Request, token: SecretStr | None) -> bool:
    if token is None:
        return request.client is not None and request.client.host in _LOOPBACK
    offered = request.headers.get("authorization", "").removeprefix("Bearer ").encode()
    return hmac.compare_digest(offered, token.get_secret_value().encode())


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    """Prometheus metrics (bearer token, or this machine only)."""
    runtime = app_runtime(request.app)
    token = runtime.settings.metrics_token
    if not scrape_allowed(request, token):
        if token is None:
            return Response(status_code=404)
        return Response(status_code=401, headers={"www-authenticate": "Bearer"})
    snapshot = await read_snapshot(runtime.database)
    return Response(exposition(snapshot), media_type=CONTENT_TYPE_LATEST)
