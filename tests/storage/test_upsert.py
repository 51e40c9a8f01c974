"""The intake's "insert … on conflict do nothing": compiled once, and atomic on its own."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, text

from storage.database import Database
from storage.models import Channel
from storage.repositories import inbound_events
from storage.types import utcnow


def _events(count: int) -> list[dict[str, Any]]:
    return [
        {
            "external_id": uuid.uuid4().hex,
            "event_type": "message",
            "payload": {"n": n},
            "raw_body": "{}",
            "is_redelivery": False,
            "request_id": None,
        }
        for n in range(count)
    ]


def _statements(database: Database) -> list[Any]:
    """The compiled form of every INSERT into inbound_event sent from now on, one per statement."""
    sent: list[Any] = []

    @event.listens_for(database.engine.sync_engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO inbound_event"):
            sent.append(_args[-2].compiled)  # the execution context

    return sent


async def test_the_intake_insert_is_compiled_once_then_reused(database: Database) -> None:
    """SQLAlchemy compiles a dialect INSERT with ON CONFLICT on every call unless it can cache
    it: a tenth of a web process's time in a burst of webhooks. Two webhooks, one compilation."""
    sent = _statements(database)
    for _ in range(2):
        async with database.unit_of_work() as session:
            stored = await inbound_events.store_batches_if_new(
                session, batches=[(Channel.LINE, _events(1))], received_at=utcnow()
            )
        assert len(stored[0]) == 1
    assert len(sent) == 2 and sent[0] is sent[1]


async def test_a_batch_within_one_statement_commits_on_its_own_and_only_once(
    database: Database,
) -> None:
    """Up to `events_in_one_statement` events are one INSERT, so the intake may send it without
    a transaction: stored once it returns, and a redelivery of the same events is not new."""
    size = inbound_events.events_in_one_statement(database.engine.dialect)
    events = _events(size)
    sent = _statements(database)
    async with database.autocommit() as connection:
        first = await inbound_events.store_batches_if_new(
            connection, batches=[(Channel.LINE, events)], received_at=utcnow()
        )
        assert len(first[0]) == size
        assert len(sent) == 1  # one statement: atomic by itself
        # Committed already: another connection sees every row.
        async with database.unit_of_work() as other:
            ids = set((await other.scalars(text("SELECT id FROM inbound_event"))).all())
        assert set(first[0]) <= ids
        again = await inbound_events.store_batches_if_new(
            connection, batches=[(Channel.LINE, events[:3])], received_at=utcnow()
        )
    assert again == [[]]
