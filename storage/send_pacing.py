"""Send pacing shared by every process: each call to a chat platform takes the next free slot of
its lane, in this process by default, in Redis when configured (so two workers together stay
within the platform's limits).

A lane keeps one number per key: the earliest moment its next call may go (a reservation form of
the generic cell rate algorithm). Taking a slot moves that moment on by one interval and says how
long to wait for it; `burst` calls may go at once after a quiet spell. A platform that answers
429 moves the moment past its Retry-After (`hold_off`), and every process waits for it. While
Redis is unreachable (stopped, restarting) each process paces its own calls instead: a send is
never stopped by the pacing, only paced less well for that while.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio as redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_MEMORY_KEYS_BEFORE_SWEEP = 10_000


@dataclass(frozen=True)
class Lane:
    """At most `per_second` calls a second, up to `burst` of them at once after a pause."""

    name: str
    per_second: float
    burst: int = 1

    @property
    def interval(self) -> float:
        return 1.0 / self.per_second

    @property
    def tolerance(self) -> float:
        return (self.burst - 1) * self.interval


class SendPacing(Protocol):
    async def take_slot(self, lane: Lane, key: str = "") -> float:
        """Reserve the lane's next slot; the seconds to wait before using it (0: now)."""
        ...

    async def hold_off(self, lane: Lane, seconds: float, key: str = "") -> None:
        """No slot of the lane before `seconds` from now (the platform asked us to wait)."""
        ...

    async def close(self) -> None: ...


async def wait_turn(
    pacing: SendPacing,
    lane: Lane,
    key: str = "",
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> float:
    """Take the lane's next slot and wait for it; the seconds waited."""
    wait = await pacing.take_slot(lane, key)
    if wait > 0:
        await sleep(wait)
    return wait


class MemorySendPacing:
    """Slots kept in a dict of this process (one process's calls paced)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._next: dict[str, float] = {}

    def _sweep(self, now: float) -> None:
        if len(self._next) >= _MEMORY_KEYS_BEFORE_SWEEP:
            self._next = {k: at for k, at in self._next.items() if at > now}

    async def take_slot(self, lane: Lane, key: str = "") -> float:
        now = self._clock()
        self._sweep(now)
        name = f"{lane.name}:{key}"
        slot = max(self._next.get(name, now), now)
        self._next[name] = slot + lane.interval
        return max(0.0, slot - now - lane.tolerance)

    async def hold_off(self, lane: Lane, seconds: float, key: str = "") -> None:
        name = f"{lane.name}:{key}"
        now = self._clock()
        self._next[name] = max(self._next.get(name, now), now + seconds + lane.tolerance)

    async def close(self) -> None:
        self._next.clear()


# Redis's own clock (TIME) is the one clock every process shares. Numbers go back as strings:
# Redis would truncate a Lua float to an integer.
_TAKE_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval, tolerance = tonumber(ARGV[1]), tonumber(ARGV[2])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if slot < now then slot = now end
local after = slot + interval
redis.call('SET', KEYS[1], string.format('%.6f', after), 'PX', math.ceil((after - now) * 1000) + 1000)
local wait = slot - now - tolerance
if wait < 0 then wait = 0 end
return string.format('%.6f', wait)
"""

_HOLD_OFF = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local until_ = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if slot > until_ then until_ = slot end
redis.call('SET', KEYS[1], string.format('%.6f', until_), 'PX', math.ceil((until_ - now) * 1000) + 1000)
return 1
"""


class RedisSendPacing:
    """Slots as Redis keys, moved on by a Lua script (atomic), shared by every process."""

    def __init__(self, url: str, *, namespace: str) -> None:
        self._redis = redis.from_url(url)
        self._namespace = namespace
        self._take = self._redis.register_script(_TAKE_SLOT)
        self._hold = self._redis.register_script(_HOLD_OFF)
        self._alone = MemorySendPacing()  # while Redis is unreachable

    def _unreachable(self, error: Exception) -> MemorySendPacing:
        logger.warning("send pacing: Redis unreachable, pacing this process alone: %s", error)
        return self._alone

    def _key(self, lane: Lane, key: str) -> str:
        return f"{self._namespace}:pace:{lane.name}:{key}"

    async def take_slot(self, lane: Lane, key: str = "") -> float:
        try:
            args = [lane.interval, lane.tolerance]
            wait = await self._take(keys=[self._key(lane, key)], args=args)
        except (RedisError, OSError) as error:
            return await self._unreachable(error).take_slot(lane, key)
        return float(wait)

    async def hold_off(self, lane: Lane, seconds: float, key: str = "") -> None:
        try:
            await self._hold(keys=[self._key(lane, key)], args=[seconds, lane.tolerance])
        except (RedisError, OSError) as error:
            await self._unreachable(error).hold_off(lane, seconds, key)

    async def close(self) -> None:
        await self._redis.aclose()


def send_pacing(redis_url: str | None, *, namespace: str) -> SendPacing:
    """Redis when the deployment has it (shared by all processes), else this process's memory."""
    if redis_url:
        return RedisSendPacing(redis_url, namespace=namespace)
    return MemorySendPacing()
