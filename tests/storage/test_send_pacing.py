"""Send pacing: a lane's calls are spaced at its rate, a burst goes at once, a 429 holds every
caller off; in Redis, two processes' callers share one lane."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

import pytest

from storage.send_pacing import Lane, MemorySendPacing, RedisSendPacing, wait_turn
from tests.fakes.server import free_port
from tests.siang.test_worker_redis import _redis_url

TELEGRAM = Lane("telegram", per_second=20)


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TestInThisProcess:
    async def test_slots_are_spaced_at_the_lanes_rate(self) -> None:
        pacing = MemorySendPacing(clock=ManualClock())
        waits = [await pacing.take_slot(TELEGRAM) for _ in range(4)]
        assert waits == pytest.approx([0, 0.05, 0.10, 0.15])

    async def test_a_burst_goes_at_once_then_the_rate_holds(self) -> None:
        pacing = MemorySendPacing(clock=ManualClock())
        chat = Lane("telegram:chat", per_second=1, burst=3)
        waits = [await pacing.take_slot(chat, "8100001") for _ in range(5)]
        assert waits == pytest.approx([0, 0, 0, 1, 2])
        assert await pacing.take_slot(chat, "8100002") == 0  # another chat has its own lane

    async def test_a_pause_the_platform_asked_for_holds_the_next_slot(self) -> None:
        clock = ManualClock()
        pacing = MemorySendPacing(clock=clock)
        await pacing.hold_off(TELEGRAM, 7)
        assert await pacing.take_slot(TELEGRAM) == pytest.approx(7)
        clock.now += 60  # long after: the lane is free again
        assert await pacing.take_slot(TELEGRAM) == 0


@pytest.fixture
async def two_processes() -> AsyncIterator[tuple[RedisSendPacing, RedisSendPacing]]:
    namespace = f"siang-test-{uuid.uuid4().hex[:8]}"
    first = RedisSendPacing(_redis_url(), namespace=namespace)
    second = RedisSendPacing(_redis_url(), namespace=namespace)
    yield first, second
    await first.close()
    await second.close()


class TestSharedInRedis:
    async def test_two_processes_together_stay_within_the_rate(
        self, two_processes: tuple[RedisSendPacing, RedisSendPacing]
    ) -> None:
        sent: list[float] = []

        async def sender(pacing: RedisSendPacing) -> None:
            for _ in range(15):
                await wait_turn(pacing, TELEGRAM)
                sent.append(time.monotonic())

        await asyncio.gather(*(sender(p) for p in two_processes))

        sent.sort()
        assert len(sent) == 30
        assert sent[-1] - sent[0] >= 29 / 20 - 0.05  # 30 calls at 20 a second, not 2 × 20
        busiest = max(sum(1 for t in sent if start <= t < start + 1) for start in sent)
        assert busiest <= 21

    async def test_a_pause_seen_by_one_process_holds_the_other(
        self, two_processes: tuple[RedisSendPacing, RedisSendPacing]
    ) -> None:
        first, second = two_processes
        await first.hold_off(TELEGRAM, 3)
        assert 2.5 < await second.take_slot(TELEGRAM) <= 3.05


async def test_with_redis_unreachable_a_process_paces_its_own_calls_instead_of_failing() -> None:
    # A send must not fail for its pacing: issue 18's Redis fault run lost ten LINE replies
    # because the pacing's error came after the reply token was recorded as spent.
    pacing = RedisSendPacing(f"redis://127.0.0.1:{free_port()}/0", namespace="gone")
    try:
        assert await pacing.take_slot(TELEGRAM) == 0.0
        await pacing.hold_off(TELEGRAM, 3)
        assert 2.5 < await pacing.take_slot(TELEGRAM) <= 3.05
    finally:
        await pacing.close()
