"""The jobs `kick_all` queues are the ones taskiq's own `kiq` would queue, byte for byte."""

from __future__ import annotations

import itertools

from taskiq.message import TaskiqMessage
from taskiq_redis import ListQueueBroker

from siang.settings import Settings
from siang.task_queue import job_messages
from siang.worker import PROCESS_INBOUND_EVENT, build_broker


def test_each_job_message_is_what_taskiqs_formatter_makes() -> None:
    numbers = itertools.count(1)
    broker = ListQueueBroker("redis://127.0.0.1:1/0")  # never connected: messages only built
    broker.with_id_generator(lambda: f"{next(numbers):032x}")

    built = job_messages(broker, PROCESS_INBOUND_EVENT, [(7,), (8,), (2**40,)])

    expected = [
        broker.formatter.dumps(
            TaskiqMessage(
                task_id=f"{n:032x}",
                task_name=PROCESS_INBOUND_EVENT,
                labels={},
                labels_types={},
                args=[event_id],
                kwargs={},
            )
        ).message
        for n, event_id in ((1, 7), (2, 8), (3, 2**40))
    ]
    assert built == expected
    assert [broker.formatter.loads(m).args for m in built] == [[7], [8], [2**40]]


def test_the_brokers_job_ids_are_32_hex_digits_each_new() -> None:

    broker = build_broker(Settings(_env_file=None, redis_url="redis://127.0.0.1:1/0"))
    ids = {broker.id_generator() for _ in range(1000)}

    assert len(ids) == 1000
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
