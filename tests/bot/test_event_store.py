"""The chat intake's group commit: concurrent webhooks stored together, each event once."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.channels.base import RawEvent
from bot.event_store import EventStore
from services.request_ids import use_request_id
from storage.database import Database
from storage.models import Channel, EventStatus, InboundEvent
from storage.repositories import inbound_events


def _event(external_id: str) -> RawEvent:
    return RawEvent(
        external_id=external_id,
        event_type="message",
        payload={"webhookEventId": external_id},
        is_redelivery=False,
    )


async def _stored(database: Database) -> int:
    async with database.unit_of_work() as session:
        return int(await session.scalar(select(func.count()).select_from(InboundEvent)) or 0)


async def test_concurrent_webhooks_are_each_answered_with_their_own_new_events(
    database: Database,
) -> None:
    """Forty webhooks at once, ten of them a redelivery of another's event: every event is
    stored once, the first webhook carrying it gets its id, the redelivery none, and every new
    event is handed to processing once."""
    handed: list[int] = []

    async def enqueue(ids: list[int]) -> None:
        handed.extend(ids)

    store = EventStore(database, enqueue=enqueue)
    ids = [uuid.uuid4().hex for _ in range(30)]
    deliveries = [[_event(i)] for i in ids] + [[_event(i)] for i in ids[:10]]
    answers = await asyncio.gather(*(store.store(Channel.LINE, events) for events in deliveries))
    await store.handed_over()
    assert all(len(answer) == 1 for answer in answers[:30])
    assert answers[30:] == [[]] * 10
    assert sorted(handed) == sorted(i for answer in answers for i in answer)
    assert await _stored(database) == 30


async def test_a_webhook_larger_than_one_insert_page_is_stored_whole(database: Database) -> None:
    """More events than SQLAlchemy puts in one multi-row INSERT (1,000: SQLite's path sends
    several in its transaction; PostgreSQL's is one statement whatever the size)."""
    size = 1005
    store = EventStore(database)
    new = await store.store(Channel.LINE, [_event(uuid.uuid4().hex) for _ in range(size)])
    assert len(new) == size == await _stored(database)


async def test_a_lone_webhook_is_handed_over_at_once_and_a_burst_in_the_order_stored(
    database: Database,
) -> None:
    handed: list[list[int]] = []

    async def enqueue(ids: list[int]) -> None:
        handed.append(ids)

    store = EventStore(database, enqueue=enqueue)
    lone = await store.store(Channel.LINE, [_event(uuid.uuid4().hex)])
    await asyncio.sleep(0)  # the hand-over task's turn: nothing else is waited for
    assert handed == [lone]

    burst = await asyncio.gather(
        *(store.store(Channel.LINE, [_event(uuid.uuid4().hex)]) for _ in range(60))
    )
    await store.handed_over()
    later = [event_id for ids in handed[1:] for event_id in ids]
    assert later == sorted(i for ids in burst for i in ids)  # each once, first stored first


async def test_a_body_carrying_one_event_twice_stores_and_answers_it_once(
    database: Database,
) -> None:
    """A platform may put an event and its redelivery in one body: one row, one new id."""
    store = EventStore(database)
    twice = uuid.uuid4().hex
    new = await store.store(Channel.LINE, [_event(twice), _event(uuid.uuid4().hex), _event(twice)])
    assert len(new) == 2 == await _stored(database)


async def test_a_stored_event_keeps_what_its_webhook_said(database: Database) -> None:
    """Its own JSON (as an object and as text), whether it was a redelivery, the request that
    carried it and when it came; pending, not yet tried."""
    arrived = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
    store = EventStore(database, clock=lambda: arrived)
    payload = {"webhookEventId": uuid.uuid4().hex, "message": {"text": 'ไฟดับ "ซอย" 3'}}
    event = RawEvent(
        external_id=str(payload["webhookEventId"]),
        event_type="message",
        payload=payload,
        is_redelivery=True,
    )
    use_request_id("req-stored-1")
    [new_id] = await store.store(Channel.LINE, [event])
    async with database.unit_of_work() as session:
        stored = await inbound_events.get_event(session, new_id)
    assert stored is not None
    assert (stored.channel, stored.external_id, stored.event_type) == (
        Channel.LINE,
        event.external_id,
        "message",
    )
    assert stored.payload == payload and json.loads(stored.raw_body) == payload
    assert stored.is_redelivery is True and stored.request_id == "req-stored-1"
    assert (stored.status, stored.attempts, stored.received_at) == (
        EventStatus.PENDING,
        0,
        arrived,
    )
