"""A unit of work wakes outbox delivery after it commits queued messages, and only then."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from services.outbox import queue_message
from storage.database import Database
from storage.models import OutboundMessage, RecipientType


class Wakes:
    """Stands in for the background work's `kick_outbox`: counts how often delivery is woken."""

    def __init__(self) -> None:
        self.count = 0

    async def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def wakes(database: Database) -> Wakes:
    recorded = Wakes()
    database.wake_outbox_with(recorded)
    return recorded


async def _queue(session: AsyncSession, key: str) -> int | None:
    return await queue_message(
        session,
        recipient_type=RecipientType.AGENCY,
        channel="line",
        target="Cagency-group",
        kind="agency_new_item",
        payload={"reference": key},
        dedupe_key=f"test:{key}",
    )


async def _rows(database: Database) -> list[OutboundMessage]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(OutboundMessage))).all())


class TestUnitOfWork:
    async def test_a_commit_of_queued_messages_wakes_delivery_once(
        self, database: Database, wakes: Wakes
    ) -> None:
        async with database.unit_of_work() as session:
            await _queue(session, "SG-1")
            await _queue(session, "SG-2")
            assert wakes.count == 0  # not before the rows are committed

        assert wakes.count == 1
        assert len(await _rows(database)) == 2

    async def test_a_commit_that_queued_nothing_wakes_nothing(
        self, database: Database, wakes: Wakes
    ) -> None:
        async with database.unit_of_work() as session:
            await session.exec(select(OutboundMessage))

        assert wakes.count == 0

    async def test_a_message_already_queued_wakes_nothing(
        self, database: Database, wakes: Wakes
    ) -> None:
        async with database.unit_of_work() as session:
            await _queue(session, "SG-1")
        async with database.unit_of_work() as session:
            assert await _queue(session, "SG-1") is None

        assert wakes.count == 1

    async def test_a_rolled_back_unit_of_work_wakes_nothing(
        self, database: Database, wakes: Wakes
    ) -> None:
        with pytest.raises(RuntimeError):
            async with database.unit_of_work() as session:
                await _queue(session, "SG-1")
                raise RuntimeError("the change is refused")

        assert wakes.count == 0
        assert await _rows(database) == []

    async def test_messages_rolled_back_inside_the_block_are_not_woken_for(
        self, database: Database, wakes: Wakes
    ) -> None:
        """The dashboard rolls a refused move back and answers with the page: nothing to send."""
        async with database.unit_of_work() as session:
            await _queue(session, "SG-1")
            await session.rollback()

        assert wakes.count == 0
        assert await _rows(database) == []

    async def test_a_failing_wake_leaves_the_commit_standing(
        self, database: Database, caplog: pytest.LogCaptureFixture
    ) -> None:
        async def broker_down() -> None:
            raise ConnectionError("redis is down")

        database.wake_outbox_with(broker_down)
        with caplog.at_level(logging.ERROR, logger="storage.database"):
            async with database.unit_of_work() as session:
                await _queue(session, "SG-1")

        assert len(await _rows(database)) == 1  # the poll sends it later
        assert "waking outbox delivery failed" in caplog.text


class TestWakeHeld:
    async def test_units_of_work_in_the_block_wake_once_as_it_ends(
        self, database: Database, wakes: Wakes
    ) -> None:
        async with database.outbox_wake_held():
            async with database.unit_of_work() as session:
                await _queue(session, "SG-1")
            async with database.unit_of_work() as session:
                await _queue(session, "SG-2")
            assert wakes.count == 0  # the chat's own answer is sent here, first

        assert wakes.count == 1

    async def test_a_block_that_committed_nothing_queued_wakes_nothing(
        self, database: Database, wakes: Wakes
    ) -> None:
        async with database.outbox_wake_held(), database.unit_of_work() as session:
            await session.exec(select(OutboundMessage))

        assert wakes.count == 0
