"""Embedded, a conversation's step waits for a pause in the webhooks being stored, but not for
ever: a stream that never pauses slows conversations down without stopping them."""

from __future__ import annotations

import asyncio

from bot.webhooks_first import WebhooksFirst


async def test_a_conversation_waits_while_a_webhook_is_being_stored() -> None:
    first = WebhooksFirst(quiet_for=0.01, at_most=5.0)
    order: list[str] = []

    async def conversation() -> None:
        await first.pause()
        order.append("conversation")

    with first.storing():
        waiting = asyncio.create_task(conversation())
        await asyncio.sleep(0.05)
        assert order == []  # the webhook is not answered yet
        order.append("webhook answered")
    await asyncio.wait_for(waiting, 1.0)
    assert order == ["webhook answered", "conversation"]


async def test_with_no_webhook_a_conversation_does_not_wait() -> None:
    first = WebhooksFirst(quiet_for=0.01, at_most=5.0)
    await asyncio.wait_for(first.pause(), 0.005)


async def test_a_stream_of_webhooks_that_never_pauses_holds_a_conversation_at_most_so_long() -> (
    None
):
    first = WebhooksFirst(quiet_for=0.01, at_most=0.1)
    stop = asyncio.Event()

    async def stream() -> None:
        while not stop.is_set():
            with first.storing():
                await asyncio.sleep(0.003)

    webhooks = asyncio.create_task(stream())
    await asyncio.sleep(0)  # the first webhook arrives
    started = asyncio.get_running_loop().time()
    await first.pause()
    waited = asyncio.get_running_loop().time() - started
    stop.set()
    await webhooks
    assert 0.09 <= waited < 0.5
