"""Counters for rate limits and lockouts: in this process by default, in Redis when configured.

Fixed windows: the first hit of a key opens a window of `limit.seconds`; more than `limit.hits`
hits in it are refused until it ends. With several web processes (or a web process and `siang
worker`), Redis is the one place they all count in; the embedded store counts for one process.
While Redis is unreachable a caller may ask to count in this process instead (the chat's flood
limits: a stopped Redis must not stop conversations); the others (sign-in lockouts) fail closed.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio as redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_MEMORY_KEYS_BEFORE_SWEEP = 10_000


@dataclass(frozen=True)
class Limit:
    """At most `hits` in `seconds`."""

    hits: int
    seconds: float


class RateLimitStore(Protocol):
    async def hit(
        self, key: str, limit: Limit, *, count_here_if_unreachable: bool = False
    ) -> float | None:
        """Count one hit; None when it is within the limit, else the seconds until it reopens.
        `count_here_if_unreachable`: a shared store that cannot be reached counts in this
        process instead of raising."""
        ...

    async def clear(self, key: str) -> None:
        """Forget the key's hits (a successful sign-in clears its failures)."""
        ...

    async def close(self) -> None: ...


class MemoryRateLimits:
    """Windows kept in a dict of this process (expired ones swept as it grows)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._windows: dict[str, tuple[int, float]] = {}  # key -> (hits, window end)

    async def hit(
        self, key: str, limit: Limit, *, count_here_if_unreachable: bool = False
    ) -> float | None:
        now = self._clock()
        if len(self._windows) >= _MEMORY_KEYS_BEFORE_SWEEP:
            self._windows = {k: w for k, w in self._windows.items() if w[1] > now}
        window = self._windows.get(key)
        hits, ends = window if window is not None and window[1] > now else (0, now + limit.seconds)
        self._windows[key] = (hits + 1, ends)
        return ends - now if hits + 1 > limit.hits else None

    async def clear(self, key: str) -> None:
        self._windows.pop(key, None)

    async def close(self) -> None:
        self._windows.clear()


class RedisRateLimits:
    """Windows as Redis keys (INCR, then EXPIRE on the first hit), shared by every process."""

    def __init__(self, url: str, *, namespace: str) -> None:
        self._redis = redis.from_url(url)
        self._namespace = namespace
        self._here = MemoryRateLimits()  # while Redis is unreachable, for callers that ask

    def _key(self, key: str) -> str:
        return f"{self._namespace}:limit:{key}"

    async def hit(
        self, key: str, limit: Limit, *, count_here_if_unreachable: bool = False
    ) -> float | None:
        name = self._key(key)
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expire(name, math.ceil(limit.seconds), nx=True)
                pipe.pttl(name)
                hits, _, ttl_ms = await pipe.execute()
        except (RedisError, OSError) as error:
            if not count_here_if_unreachable:
                raise
            logger.warning("rate limits: Redis unreachable, counting in this process: %s", error)
            return await self._here.hit(key, limit)
        return _wait(ttl_ms, limit) if int(hits) > limit.hits else None

    async def clear(self, key: str) -> None:
        await self._redis.delete(self._key(key))

    async def close(self) -> None:
        await self._redis.aclose()


def _wait(ttl_ms: int, limit: Limit) -> float:
    # A key without expiry (-1) cannot come from `hit`, but never block for ever if it does.
    return ttl_ms / 1000 if ttl_ms > 0 else limit.seconds


def rate_limit_store(redis_url: str | None, *, namespace: str) -> RateLimitStore:
    """Redis when the deployment has it (shared by all processes), else this process's memory."""
    if redis_url:
        return RedisRateLimits(redis_url, namespace=namespace)
    return MemoryRateLimits()
