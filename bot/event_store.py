"""Group commit for the chat intake: webhooks that arrive while one write is under way are
stored together in the next one, each answered as soon as the transaction holding its events
commits, and the new events handed to processing together (one queue write for writes that follow
each other).

A webhook is acknowledged only once its events are durable, and a commit is the slow part of
that (a disk flush, the same for one row as for hundreds). One transaction per webhook made
the acknowledgement rate that of commits: in a burst of 1,000 webhooks from 16 senders the
embedded server acknowledged 36-70 events a second with a p50 of 200-450 ms, its event loop
idle most of the time, waiting on SQLite (py-spy, bench/webhook_burst.py). Nothing waits to
fill a batch: a lone webhook is written at once, exactly as before. Likewise one queue write
per event (a Redis LPUSH each) took a sixth of a production web process's time in a burst:
new events are enqueued after their webhooks are answered, those of writes that follow each
other back to back together (at least every `HAND_OVER_EVERY`; one LPUSH per write was still
12 % of a web process), and a lone write's at once.

On PostgreSQL every batch is one INSERT … SELECT FROM unnest(…), prepared once for asyncpg and
sent without a transaction around it: the statement is atomic by itself, BEGIN and COMMIT were
two of three round trips (16 % of a web process's time in a burst, py-spy), and SQLAlchemy's
execution around the INSERT most of its CPU (`inbound_events.store_batches_if_new_asyncpg`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import asyncpg

from bot.channels.base import RawEvent
from bot.webhooks_first import WebhooksFirst
from services.request_ids import current_request_id
from storage.database import Database
from storage.models import Channel
from storage.repositories import inbound_events
from storage.types import utcnow

logger = logging.getLogger(__name__)

MAX_BATCH_EVENTS = 5000  # one transaction's events; the rest wait for the next one
HAND_OVER_EVERY = 0.02  # seconds: in a burst, stored events go to processing this often

# Hands stored inbound events' ids to the background job that processes them.
EnqueueInbound = Callable[[list[int]], Awaitable[None]]


def event_rows(
    events: Sequence[RawEvent], *, request_id: str | None = None
) -> list[dict[str, Any]]:
    """The rows of a webhook's events: each keeps its own event's JSON, never the whole body (a
    body of 2,500 events stored the 0.9 MB body 2,500 times, 2.3 GB, and took 19 s)."""
    rows = []
    for event in events:
        payload, raw_body = event.payload, _json(event.payload)
        if "\\u0000" in raw_body:  # rare: only then is the payload walked
            payload = _without_nul(payload)
            raw_body = _json(payload)
        rows.append(
            {
                "external_id": event.external_id,
                "event_type": event.event_type,
                "payload": payload,
                "raw_body": raw_body,
                "is_redelivery": event.is_redelivery,
                "request_id": request_id,
            }
        )
    return rows


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _without_nul(value: Any) -> Any:
    """The value with every NUL character (U+0000) taken out of its strings: PostgreSQL's jsonb
    cannot hold one, and refusing the event would refuse the webhooks stored with it."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


@dataclass
class _Waiting:
    channel: Channel
    rows: list[dict[str, Any]]
    stored: asyncio.Future[list[int]] = field(repr=False)


class EventStore:
    """Stores webhooks' events once each, in as few transactions as the arrivals allow, and
    hands each transaction's new events to `enqueue` once their webhooks are answered."""

    def __init__(
        self,
        database: Database,
        *,
        enqueue: EnqueueInbound | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.enqueue = enqueue
        self.clock = clock
        self._waiting: list[_Waiting] = []
        self._writer: asyncio.Task[None] | None = None
        self._handing_over: set[asyncio.Task[None]] = set()
        # Conversations run in this process wait for pauses in the webhooks stored here.
        self.webhooks_first = WebhooksFirst()

    async def store(self, channel: Channel, events: Sequence[RawEvent]) -> list[int]:
        """Store the events not seen before; the ids of the new rows, once they are committed.
        Each row keeps the id of the request that carried it."""
        if not events:
            return []
        stored: asyncio.Future[list[int]] = asyncio.get_running_loop().create_future()
        rows = event_rows(events, request_id=current_request_id())
        self._waiting.append(_Waiting(channel, rows, stored))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_while_waiting())
        with self.webhooks_first.storing():
            # Shielded: a sender that hangs up does not cancel the write other webhooks share.
            return await asyncio.shield(stored)

    async def _write_while_waiting(self) -> None:
        loop = asyncio.get_running_loop()
        held: list[int] = []  # stored, not yet handed over
        held_since = 0.0
        # On PostgreSQL a run of back-to-back writes keeps the pooled connection it checked out
        # for its first (the checkout and check-in were a sixth of a write's CPU, py-spy); it goes
        # back to the pool when the run ends, or at once after a failed write, so the next write
        # checks out a sound one.
        connection = _HeldConnection(self.database)
        try:
            while True:
                while self._waiting:
                    batch = self._next_batch()
                    try:
                        found = await self._write(batch, connection)
                    except Exception as error:  # each webhook answers 500; the platform resends
                        logger.exception(
                            "storing webhook events failed", extra={"webhooks": len(batch)}
                        )
                        for waiting in batch:
                            if not waiting.stored.done():
                                waiting.stored.set_exception(error)
                        await connection.release()
                    else:
                        for waiting, new_ids in zip(batch, found, strict=True):
                            if not waiting.stored.done():
                                waiting.stored.set_result(new_ids)
                        if not held:
                            held_since = loop.time()
                        held.extend(event_id for new_ids in found for event_id in new_ids)
                    # Back-to-back writes (a burst) hand their events over together, at least every
                    # HAND_OVER_EVERY; the last write of a run, or a lone one, at once.
                    if held and (not self._waiting or loop.time() - held_since >= HAND_OVER_EVERY):
                        self._hand_over(held)
                        held = []
                await connection.release()
                # Webhooks that came during the release find this task not yet done, so
                # they count on it: it ends only when none is waiting (no await between).
                if not self._waiting:
                    break
        finally:
            await connection.release()

    def _next_batch(self) -> list[_Waiting]:
        """The waiting webhooks the next write takes: all of them, up to MAX_BATCH_EVENTS."""
        batch: list[_Waiting] = []
        size = 0
        while self._waiting and (
            not batch or size + len(self._waiting[0].rows) <= MAX_BATCH_EVENTS
        ):
            waiting = self._waiting.pop(0)
            batch.append(waiting)
            size += len(waiting.rows)
        return batch

    def _hand_over(self, new_ids: list[int]) -> None:
        """Enqueue the new events in a task of its own: the answers (woken just now) go first,
        and the next write does not wait for the queue."""
        if not new_ids or self.enqueue is None:
            return
        task = asyncio.create_task(self._enqueue(self.enqueue, new_ids))
        self._handing_over.add(task)
        task.add_done_callback(self._handing_over.discard)

    @staticmethod
    async def _enqueue(enqueue: EnqueueInbound, new_ids: list[int]) -> None:
        try:
            await enqueue(new_ids)
        except Exception:  # stored rows are picked up again by the recovery pass
            logger.exception("enqueueing inbound events failed", extra={"ids": new_ids})

    async def handed_over(self) -> None:
        """Wait until every event stored so far is enqueued (tests, a stopping process)."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)
        while self._handing_over:
            await asyncio.gather(*self._handing_over)

    async def _write(
        self, batch: Sequence[_Waiting], connection: _HeldConnection
    ) -> list[list[int]]:
        batches = [(waiting.channel, waiting.rows) for waiting in batch]
        received_at = self.clock()
        if self.database.dialect == "postgresql":
            # One INSERT of every event, atomic by itself and prepared once: one round trip, no
            # BEGIN and COMMIT around it, no SQLAlchemy execution.
            return await inbound_events.store_batches_if_new_asyncpg(
                await connection.get(), batches=batches, received_at=received_at
            )
        # The platform waits on this write: it goes before the conversations waiting their turn.
        # SQLite keeps its transaction (its statements cost no round trip) and its writers' turn.
        async with self.database.writer_turn(first=True), self.database.unit_of_work() as session:
            return await inbound_events.store_batches_if_new(
                session, batches=batches, received_at=received_at
            )


class _HeldConnection:
    """A pooled asyncpg connection checked out on first use and kept until `release`."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._checkout: contextlib.AbstractAsyncContextManager[asyncpg.Connection] | None = None
        self._connection: asyncpg.Connection | None = None

    async def get(self) -> asyncpg.Connection:
        if self._connection is None:
            checkout = self.database.asyncpg_connection()
            self._connection = await checkout.__aenter__()
            self._checkout = checkout
        return self._connection

    async def release(self) -> None:
        checkout, self._checkout, self._connection = self._checkout, None, None
        if checkout is not None:
            try:
                await checkout.__aexit__(None, None, None)
            except Exception:  # the pool checks it again before it is used
                logger.exception("returning the intake's connection failed")


async def store_events(
    database: Database,
    channel: Channel,
    events: Sequence[RawEvent],
    *,
    now: datetime | None = None,
) -> list[int]:
    """Store one webhook's events not seen before, in one transaction of their own (the CLI's
    long-polling intake); the ids of the new rows."""
    rows: Sequence[Mapping[str, Any]] = event_rows(events)
    async with database.writer_turn(first=True), database.unit_of_work() as session:
        return await inbound_events.store_all_if_new(
            session, channel=channel, events=rows, received_at=now or utcnow()
        )
