"""In the embedded shape, webhooks go before the conversations that run in the same process.

One `siang serve` on SQLite acknowledges webhooks and runs their conversations on one event loop
(one core). In a burst, every acknowledged event started its conversation at once: loading it,
running the conversation engine and writing its answer took the loop and SQLite's one writer
from the webhooks still arriving, so the platform waited on conversations of events it had
already been told were safe (bench/webhook_burst.py: a burst's p99 of 200-600 ms, most of it
here). A conversation now takes each step (loading its event, running the conversation) only
when no webhook is being stored and none has been for `QUIET_FOR`; it waits at most `AT_MOST`
for that, so a stream of webhooks that never pauses slows conversations down without stopping
them. Nothing is reordered: a citizen's events still go in the order they came.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

QUIET_FOR = 0.005  # seconds with no webhook being stored before a conversation takes a step
AT_MOST = 0.25  # seconds a conversation's step waits for such a pause, at the longest


class WebhooksFirst:
    """Counts the webhooks being stored; conversations wait for a pause in them."""

    def __init__(self, *, quiet_for: float = QUIET_FOR, at_most: float = AT_MOST) -> None:
        self.quiet_for = quiet_for
        self.at_most = at_most
        self._storing = 0
        self._last_stored = float("-inf")  # loop time the last one was answered

    @contextmanager
    def storing(self) -> Iterator[None]:
        """A webhook's events are being stored (from its arrival at the store to its answer)."""
        self._storing += 1
        try:
            yield
        finally:
            self._storing -= 1
            self._last_stored = asyncio.get_running_loop().time()

    def busy(self) -> bool:
        loop = asyncio.get_running_loop()
        return self._storing > 0 or loop.time() - self._last_stored < self.quiet_for

    async def pause(self) -> None:
        """Wait until no webhook has been stored for `quiet_for`, or `at_most`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.at_most
        while self.busy():
            left = deadline - loop.time()
            if left <= 0:
                return
            await asyncio.sleep(min(self.quiet_for, left))
