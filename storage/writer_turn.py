"""SQLite's one writer at a time, taken in turns inside a process: acknowledgements first.

A webhook that stores events and a conversation that answers one both write. Waiting in
SQLite's busy handler costs 1, 2, 5 … up to 100 ms a try however soon the lock is freed, so
writers queue here instead and each starts the moment the previous one commits. A writer marked
`first` (a webhook storing what a platform is waiting on) goes before every queued conversation:
in a burst of 1,000 webhooks the platform's answer otherwise waited behind the conversations
of the events acknowledged just before it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class WriterTurn:
    """A lock with two queues, first-come within each: writers marked `first`, then the rest."""

    def __init__(self) -> None:
        self._taken = False
        self._first: deque[asyncio.Future[None]] = deque()
        self._rest: deque[asyncio.Future[None]] = deque()

    @asynccontextmanager
    async def turn(self, *, first: bool = False) -> AsyncIterator[None]:
        await self._acquire(first=first)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, *, first: bool) -> None:
        if not self._taken and not self._first and not self._rest:
            self._taken = True
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        line = self._first if first else self._rest
        line.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release()  # handed the turn as it was cancelled: pass it on
            else:
                line.remove(waiter)
            raise

    def _release(self) -> None:
        for line in (self._first, self._rest):
            while line:
                waiter = line.popleft()
                if not waiter.done():
                    waiter.set_result(None)  # the turn passes on, still taken
                    return
        self._taken = False
