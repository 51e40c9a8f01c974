"""The database session: what a failed statement tells the logs, and its pooled connections."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import Channel, FeedbackItem


async def test_a_failed_statement_does_not_carry_the_citizens_words(database: Database) -> None:
    """Its message is logged and kept as an event's error: the row's values stay out of it."""
    phone = "081-234-5678"
    with pytest.raises(IntegrityError) as failed:
        async with database.unit_of_work() as session:
            for _ in range(2):  # the same reference twice
                session.add(
                    FeedbackItem(
                        reference="SG-TWICE-1",
                        channel=Channel.LINE,
                        original_text=f"ผมชื่อสมชาย โทร {phone}",
                    )
                )
                await session.flush()
    assert phone not in str(failed.value) and "สมชาย" not in str(failed.value)


async def test_a_connection_the_server_closed_is_replaced_before_use(database: Database) -> None:
    """A restart or an administrator ends a pooled connection: the next unit of work gets a
    live one instead of an error."""
    if database.dialect != "postgresql":
        pytest.skip("PostgreSQL's pool: SQLite opens its file per connection")
    async with database.unit_of_work() as session:
        pid = (await session.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    administrator = Database(database.url)
    async with administrator.unit_of_work() as session:
        await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    await administrator.dispose()
    await asyncio.sleep(0.5)  # the backend ends a moment after the call returns
    async with database.unit_of_work() as session:
        assert (await session.execute(text("SELECT pg_backend_pid()"))).scalar_one() != pid
