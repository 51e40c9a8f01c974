"""The intake's "insert … on conflict do nothing": compiled once (SQLite's path), and on
PostgreSQL one statement, atomic on its own."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg
import pytest
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
            "raw_body": json.dumps({"n": n}),
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


async def test_on_postgresql_a_batch_is_one_statement_committed_as_it_returns(
    database: Database,
) -> None:
    """The intake sends a batch of any size without a transaction: stored once it returns, and
    a redelivery of the same events is not new."""
    if database.dialect != "postgresql":
        pytest.skip("SQLite stores a batch in the writer's transaction")
    events = _events(2500)
    async with database.asyncpg_connection() as connection:
        first = await inbound_events.store_batches_if_new_asyncpg(
            connection, batches=[(Channel.LINE, events)], received_at=utcnow()
        )
        assert len(first[0]) == 2500
        # Committed already: another connection sees every row.
        async with database.unit_of_work() as other:
            ids = set((await other.scalars(text("SELECT id FROM inbound_event"))).all())
        assert set(first[0]) == ids
        again = await inbound_events.store_batches_if_new_asyncpg(
            connection, batches=[(Channel.LINE, events[:3])], received_at=utcnow()
        )
    assert again == [[]]


async def test_on_postgresql_a_batch_with_one_unstorable_event_stores_none_of_it(
    database: Database,
) -> None:
    """One statement is all or nothing, so every webhook of a failed write is answered 500 and
    sent again, none half stored: PostgreSQL refuses a NUL character in JSON."""
    if database.dialect != "postgresql":
        pytest.skip("SQLite stores a batch in the writer's transaction")
    events = _events(3)
    events[1]["raw_body"] = json.dumps({"text": "nul \u0000 here"})
    with pytest.raises(asyncpg.PostgresError):
        async with database.asyncpg_connection() as connection:
            await inbound_events.store_batches_if_new_asyncpg(
                connection, batches=[(Channel.LINE, events)], received_at=utcnow()
            )
    async with database.unit_of_work() as session:
        assert (await session.scalars(text("SELECT id FROM inbound_event"))).all() == []
