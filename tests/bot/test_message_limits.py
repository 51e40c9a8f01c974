"""A citizen's flood limit: counted in Redis by every process together, and in each process on
its own while Redis is unreachable (a stopped Redis must not stop the conversations)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.message_limits import Admission, MessageLimits
from storage.rate_limits import Limit, RedisRateLimits
from tests.fakes.server import free_port
from tests.siang.test_worker_redis import _redis_url


@pytest.fixture
async def unreachable() -> AsyncIterator[RedisRateLimits]:
    """A store pointed at a port on loopback where nothing listens: Redis is down."""
    store = RedisRateLimits(f"redis://127.0.0.1:{free_port()}/0", namespace="gone")
    yield store
    await store.close()


async def test_with_redis_unreachable_a_flood_is_still_limited_in_this_process(
    unreachable: RedisRateLimits,
) -> None:
    limits = MessageLimits(unreachable, per_minute=2)

    admitted = [await limits.admit("line:Uflood") for _ in range(4)]

    assert [a.allowed for a in admitted] == [True, True, False, False]
    assert [a.tell for a in admitted[2:]] == [True, False]  # told once per window
    assert admitted[2].retry_after > 0
    assert await limits.admit("line:Uneighbour") == Admission(allowed=True)


async def test_sign_in_lockouts_still_fail_closed_when_redis_is_unreachable(
    unreachable: RedisRateLimits,
) -> None:
    # Only callers that ask count alone: a lockout counted per process would let an attacker
    # try once more per web process while Redis is down.
    with pytest.raises(RedisConnectionError):
        await unreachable.hit("login:someone", Limit(5, 60))


async def test_with_redis_up_two_processes_share_one_count() -> None:
    namespace = f"limits-{uuid.uuid4().hex[:8]}"
    first = RedisRateLimits(_redis_url(), namespace=namespace)
    second = RedisRateLimits(_redis_url(), namespace=namespace)
    try:
        web, worker = MessageLimits(first, per_minute=2), MessageLimits(second, per_minute=2)
        admitted = [await web.admit("line:U1"), await worker.admit("line:U1")]
        refused = await web.admit("line:U1")
        assert [a.allowed for a in admitted] == [True, True]
        assert not refused.allowed and refused.tell
    finally:
        await first.close()
        await second.close()
