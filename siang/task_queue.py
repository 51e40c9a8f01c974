"""The Redis job queue beside taskiq: many jobs of one task put on it in one round trip, and
how many are waiting.

taskiq's `kiq` sends one job per call: one `LPUSH` each. In a burst of webhooks that was a
sixth of a production web process's time (py-spy, bench/webhook_burst.py), one round trip
per event where the group commit had already gathered them. `kick_all` builds the same messages
`kiq` would and pushes them with one `LPUSH`, in order, so the worker (`BRPOP`) takes them
first in, first out as before. The messages are filled in from one template per task, not built
and dumped one `TaskiqMessage` at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from redis.asyncio import Redis
from taskiq.message import TaskiqMessage
from taskiq_redis import ListQueueBroker


async def kick_all(broker: ListQueueBroker, task_name: str, calls: Sequence[Sequence[Any]]) -> None:
    """Queue `task_name` once for each argument list in `calls`, in one `LPUSH`.

    For tasks registered without labels and a broker without middlewares, as Siang's are (a
    middleware's `pre_send` would be skipped here), called with arguments JSON holds as they are
    (ids, strings). Each message is the dict taskiq's formatter would dump, filled in from a
    template (building and dumping a `TaskiqMessage` per job, with a uuid4 id, was about half of
    this call's time, py-spy)."""
    if not calls:
        return
    assert not broker.middlewares, "kick_all does not run taskiq middlewares"
    messages = job_messages(broker, task_name, calls)
    async with Redis(connection_pool=broker.connection_pool) as redis:
        await redis.lpush(broker.queue_name, *messages)


def job_messages(
    broker: ListQueueBroker, task_name: str, calls: Sequence[Sequence[Any]]
) -> list[bytes]:
    """The queue messages of `task_name`'s jobs, one per argument list: the bytes taskiq's
    formatter makes of a `TaskiqMessage`, filled in from one template per task."""
    template = _template(task_name)
    dumpb = broker.serializer.dumpb
    return [
        dumpb({**template, "task_id": broker.id_generator(), "args": list(args)}) for args in calls
    ]


@cache
def _template(task_name: str) -> dict[str, Any]:
    """What taskiq's formatter serialises for a job of `task_name`, its id and arguments to be
    filled in (`tests/siang/test_task_queue.py` checks the result against the formatter's)."""
    return TaskiqMessage(
        task_id="", task_name=task_name, labels={}, labels_types={}, args=[], kwargs={}
    ).model_dump(mode="json")


async def queued(broker: ListQueueBroker) -> int:
    """Jobs waiting in the queue, not yet taken by a worker."""
    async with Redis(connection_pool=broker.connection_pool) as redis:
        return int(await redis.llen(broker.queue_name))
