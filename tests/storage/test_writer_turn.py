"""SQLite's writers take turns: first come first served, except that an acknowledgement goes
before the conversations already waiting, and a writer that gives up waiting passes its turn on."""

from __future__ import annotations

import asyncio

from storage.writer_turn import WriterTurn


async def _write(turns: WriterTurn, name: str, order: list[str], *, first: bool = False) -> None:
    async with turns.turn(first=first):
        order.append(name)
        await asyncio.sleep(0)


async def test_an_acknowledgement_goes_before_the_conversations_already_waiting() -> None:
    turns = WriterTurn()
    order: list[str] = []
    async with turns.turn():
        waiting = [
            asyncio.create_task(_write(turns, "conversation 1", order)),
            asyncio.create_task(_write(turns, "conversation 2", order)),
        ]
        await asyncio.sleep(0)
        waiting.append(asyncio.create_task(_write(turns, "webhook", order, first=True)))
        await asyncio.sleep(0)
        assert order == []  # nobody writes while the turn is taken
    await asyncio.gather(*waiting)
    assert order == ["webhook", "conversation 1", "conversation 2"]


async def test_a_writer_that_stops_waiting_does_not_hold_the_turn() -> None:
    turns = WriterTurn()
    order: list[str] = []
    async with turns.turn():
        gone = asyncio.create_task(_write(turns, "gone", order))
        stays = asyncio.create_task(_write(turns, "stays", order))
        await asyncio.sleep(0)
        gone.cancel()
        await asyncio.sleep(0)
    await stays
    assert order == ["stays"]
    async with asyncio.timeout(1), turns.turn():  # free again
        pass
