"""Background work: the chat runtime (channels, media, delivery, intake) and its taskiq broker.

Embedded (the default) the broker is taskiq's `InMemoryBroker`: tasks run as asyncio tasks in the
web process. With `SIANG_REDIS_URL` set, the web process only enqueues (`ListQueueBroker`) and
`siang worker` runs the same tasks in its own process. Either way the conversation code is the
same: a task gets an event id, `InboundProcessor` does the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from taskiq import AsyncBroker, InMemoryBroker

from bot.channels.base import ChatChannel, MessageSender
from bot.channels.email import EmailChannel, EmailConfig
from bot.delivery import OutboxDelivery
from bot.event_store import EventStore
from bot.intake import ConversationHandler, InboundProcessor, Outcome
from bot.media import LocalMediaStorage, MediaStorage
from bot.message_limits import MessageLimits
from bot.messages import Channel
from siang.analyzer import AnalyzerProvider
from siang.collector import freeze_long_lived
from siang.settings import Settings
from storage.database import Database
from storage.rate_limits import rate_limit_store
from storage.send_pacing import SendPacing, send_pacing
from storage.types import utcnow

logger = logging.getLogger(__name__)

PROCESS_INBOUND_EVENT = "siang.process_inbound_event"
DELIVER_OUTBOX = "siang.deliver_outbox"


def build_channels(
    settings: Settings, media: MediaStorage, *, pacing: SendPacing | None = None
) -> dict[Channel, ChatChannel]:
    """The chat platforms the settings configure, their calls paced by `pacing`."""
    channels: dict[Channel, ChatChannel] = {}
    if settings.line_channel_secret and settings.line_channel_access_token:
        from bot.channels.line import LineChannel, LineConfig  # the SDK loads only when used

        channels[Channel.LINE] = LineChannel(
            LineConfig(
                channel_secret=settings.line_channel_secret.get_secret_value(),
                access_token=settings.line_channel_access_token.get_secret_value(),
                api_base_url=str(settings.line_api_base_url),
                data_api_base_url=str(settings.line_data_api_base_url),
                request_timeout=settings.line_request_timeout_seconds,
            ),
            media,
            pacing=pacing,
        )
    if settings.telegram_bot_token:
        from bot.channels.telegram import TelegramChannel, TelegramConfig

        secret = settings.telegram_webhook_secret
        channels[Channel.TELEGRAM] = TelegramChannel(
            TelegramConfig(
                bot_token=settings.telegram_bot_token.get_secret_value(),
                webhook_secret=secret.get_secret_value() if secret else None,
                api_base_url=str(settings.telegram_api_base_url),
            ),
            media,
            pacing=pacing,
        )
    return channels


def build_senders(
    settings: Settings, channels: Mapping[Channel, ChatChannel]
) -> dict[str, MessageSender]:
    """Every way the outbox can reach someone, keyed as `OutboundMessage.channel` spells it."""
    senders: dict[str, MessageSender] = {str(name): adapter for name, adapter in channels.items()}
    if settings.smtp_url:
        senders["email"] = EmailChannel(
            EmailConfig(smtp_url=settings.smtp_url, sender=settings.smtp_from)
        )
    return senders


def _task_id() -> str:
    """32 hex digits like taskiq's default (uuid4().hex), without the UUID object: 2.8 µs →
    0.6 µs, once per event in a burst."""
    return os.urandom(16).hex()


def build_broker(settings: Settings) -> AsyncBroker:
    if settings.redis_url:
        from taskiq_redis import ListQueueBroker

        # The worker waits on BRPOP with no time limit; redis-py's default 5-second read
        # timeout cut that wait every 5 s with a logged traceback, so reads wait as long as
        # BRPOP does and TCP keepalive finds a dead server instead.
        broker: AsyncBroker = ListQueueBroker(
            settings.redis_url,
            queue_name=settings.redis_queue,
            socket_timeout=None,
            socket_keepalive=True,
        ).with_id_generator(_task_id)
        return broker
    return InMemoryBroker(await_inplace=False)


def default_conversations(
    settings: Settings, analyzer: AnalyzerProvider | None = None
) -> ConversationHandler:
    """The conversation engine, with the process's Thai analyzer loaded on first use."""
    from bot.conversations.engine import ConversationEngine

    engine: ConversationHandler = ConversationEngine(
        analyzer or AnalyzerProvider(),
        max_message_chars=settings.max_message_chars,
        media_dir=settings.media_dir,
    )
    return engine


class BackgroundWork:
    """Owns the chat runtime and the broker; the app and `siang worker` each hold one."""

    def __init__(
        self,
        settings: Settings,
        database: Database,
        *,
        conversations: ConversationHandler | None = None,
        conversations_factory: Callable[[Settings], ConversationHandler] = default_conversations,
    ) -> None:
        self.settings = settings
        self.database = database
        self.media = LocalMediaStorage(settings.media_dir)
        # New webhooks' events go to processing one stored transaction at a time.
        self.event_store = EventStore(database, enqueue=self.enqueue_inbound)
        # Calls to LINE and Telegram take turns shared through Redis with every worker when set.
        self.pacing = send_pacing(settings.redis_url, namespace=settings.redis_queue)
        self.channels = build_channels(settings, self.media, pacing=self.pacing)
        self.delivery = OutboxDelivery(
            database=database,
            senders=build_senders(settings, self.channels),
            public_base_url=str(settings.public_base_url),
            lease=timedelta(seconds=settings.outbox_lease_seconds),
            reply_lease=timedelta(seconds=settings.outbox_reply_lease_seconds),
            concurrency=1 if settings.is_sqlite else 8,
        )
        self._conversations = conversations
        self._conversations_factory = conversations_factory
        self._processor: InboundProcessor | None = None
        # Each citizen's message count, shared through Redis with the web process when set.
        self.rate_limits = rate_limit_store(settings.redis_url, namespace=settings.redis_queue)
        self.broker = build_broker(settings)
        self.in_process = isinstance(self.broker, InMemoryBroker)
        self._drain_lock = asyncio.Lock()
        self._drain_again = False
        self._recovery: asyncio.Task[None] | None = None
        self._register_tasks()

    @property
    def processor(self) -> InboundProcessor:
        if self._processor is None:
            conversations = self._conversations or self._conversations_factory(self.settings)
            self._processor = InboundProcessor(
                database=self.database,
                channels=self.channels,
                conversations=conversations,
                delivery=self.delivery,
                concurrency=1 if self.settings.is_sqlite else 8,
                limits=MessageLimits(
                    self.rate_limits, per_minute=self.settings.chat_messages_per_minute
                ),
                # Run in the web process, conversations step aside for its webhooks.
                webhooks_first=self.event_store.webhooks_first if self.in_process else None,
            )
        return self._processor

    def _register_tasks(self) -> None:
        async def process_inbound_event(event_id: int) -> str:
            """Run one stored chat event through the conversation and send the answer (the
            database's unit of work wakes delivery for what else it queued)."""
            outcome = await self.processor.process(event_id)
            if outcome is not Outcome.ALREADY_DONE:  # logged with the webhook's request id
                logger.info(
                    "chat event processed", extra={"event_id": event_id, "outcome": outcome.value}
                )
            return outcome.value

        async def deliver_outbox() -> int:
            """Send every due outbox row."""
            return await self.drain_outbox()

        self.broker.register_task(process_inbound_event, task_name=PROCESS_INBOUND_EVENT)
        self.broker.register_task(deliver_outbox, task_name=DELIVER_OUTBOX)

    async def _kick(self, task_name: str, *args: Any) -> None:
        task = self.broker.find_task(task_name)
        assert task is not None
        await task.kiq(*args)

    # --- what the app and the scheduler call ---------------------------------------------

    async def start(self) -> None:
        await self.broker.startup()
        self.deliver_after_commits()
        if self.in_process:
            # Events left pending by a stop are picked up at once, and failed ones later; the
            # pass runs in the background so that a database that is down does not stop the
            # app from starting (/readyz says so). `siang worker` does the same for itself.
            self._recovery = asyncio.create_task(_recover_forever(self, first_now=True))

    async def stop(self) -> None:
        self.database.wake_outbox_with(None)
        # What the webhooks stored goes on the queue before it closes (or waits for recovery).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.event_store.handed_over(), HAND_OVER_GRACE)
        if self._recovery is not None:
            self._recovery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._recovery
            self._recovery = None
        if isinstance(self.broker, InMemoryBroker):
            await self._finish_or_return(IN_PROCESS_STOP_GRACE)
        await self.broker.shutdown()
        await self.delivery.close()
        await self.rate_limits.close()
        await self.pacing.close()

    async def enqueue_inbound(self, event_ids: list[int]) -> None:
        """A job per stored event: with Redis all of them in one round trip (`kick_all`)."""
        if not self.in_process:
            from taskiq_redis import ListQueueBroker

            from siang.task_queue import kick_all

            assert isinstance(self.broker, ListQueueBroker)
            await kick_all(self.broker, PROCESS_INBOUND_EVENT, [(i,) for i in event_ids])
            return
        for event_id in event_ids:
            await self._kick(PROCESS_INBOUND_EVENT, event_id)

    def deliver_after_commits(self) -> None:
        """Every unit of work of this process's database that commits queued messages wakes
        delivery at once (`Database.unit_of_work`); the scheduler's poll is the backstop."""
        self.database.wake_outbox_with(self.kick_outbox)

    async def kick_outbox(self) -> None:
        """Schedule delivery now (after a unit of work that queued messages commits)."""
        await self._kick(DELIVER_OUTBOX)

    async def drain_outbox(self) -> int:
        """Deliver due rows; a drain asked for while one runs makes that one go round again."""
        if self._drain_lock.locked():
            self._drain_again = True
            return 0
        sent = 0
        async with self._drain_lock:
            while True:
                self._drain_again = False
                report = await self.delivery.drain()
                sent += report.sent
                if not self._drain_again:
                    return sent

    async def recover_pending(self, *, older_than: timedelta | None = None) -> int:
        """Enqueue stored events still pending (lost by a crash, or failed and due a retry):
        those older than `older_than`, by default the settings' recovery age, or their backlog
        age while jobs are still queued (a backlog being worked through is not lost)."""
        if older_than is None:
            backlog = await self.queued_jobs() > 0
            older_than = timedelta(
                seconds=self.settings.recovery_backlog_age_seconds
                if backlog
                else self.settings.recovery_age_seconds
            )
        ids = await self.processor.pending_event_ids(received_before=utcnow() - older_than)
        if ids:
            logger.info("re-enqueueing pending inbound events", extra={"count": len(ids)})
            await self.enqueue_inbound(ids)
        return len(ids)

    async def queued_jobs(self) -> int:
        """Jobs waiting: in Redis's list, or running in this process."""
        if isinstance(self.broker, InMemoryBroker):
            return len(self.broker._running_tasks)
        from taskiq_redis import ListQueueBroker

        from siang.task_queue import queued

        assert isinstance(self.broker, ListQueueBroker)
        return await queued(self.broker)

    async def _finish_or_return(self, grace: float) -> None:
        """The in-process jobs get `grace` seconds to finish; the rest are cancelled, which rolls
        their transactions back: their events stay pending and the next start enqueues them
        again, and a message being sent keeps its claim until its lease ends (then it is
        retried, with the same idempotency key). A burst of thousands of events does not hold
        a stopping web process for minutes."""
        assert isinstance(self.broker, InMemoryBroker)
        deadline = asyncio.get_running_loop().time() + grace
        while running := set(self.broker._running_tasks):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                for task in running:
                    task.cancel()
                await asyncio.gather(*running, return_exceptions=True)
                return
            await asyncio.wait(running, timeout=left)
            await asyncio.sleep(0)  # let finished tasks leave the set (their done-callbacks)

    async def wait_idle(self) -> None:
        """Wait until in-process tasks (and the tasks they started) are done (tests, CLI)."""
        await self.event_store.handed_over()
        if not isinstance(self.broker, InMemoryBroker):
            return
        while self.broker._running_tasks:
            await self.broker.wait_all()
            # A finished task leaves the set in a done-callback, which runs only when the loop
            # turns; awaiting finished tasks does not turn it, so without this the loop could
            # spin forever on a task that is done but not yet removed.
            await asyncio.sleep(0)
        async with self._drain_lock:
            pass


SHUTDOWN_GRACE = 30.0  # seconds a stopped worker gives the jobs it runs to finish
IN_PROCESS_STOP_GRACE = 5.0  # … and a stopping web process its in-process jobs
HAND_OVER_GRACE = 5.0  # … and its stored events to reach the queue


async def run_worker(settings: Settings) -> None:
    """`siang worker`: receive tasks from Redis until stopped (SIGTERM or SIGINT: no new task is
    taken, the running ones finish; an event whose job is cut short stays pending in the
    database and the next recovery pass enqueues it again)."""

    if not settings.redis_url:
        raise SystemExit(
            "siang worker needs SIANG_REDIS_URL; without it the web process runs the tasks itself"
        )
    database = Database(settings.database_url)
    work = BackgroundWork(settings, database)
    await work.broker.startup()
    work.deliver_after_commits()
    freeze_long_lived()
    await work.kick_outbox()  # a restarted worker resumes what is due (a broadcast cut short)
    recovery = asyncio.create_task(_recover_forever(work))
    try:
        await _receive_until_stopped(work.broker, grace=SHUTDOWN_GRACE)
    finally:
        recovery.cancel()
        await work.broker.shutdown()
        await work.delivery.close()
        await work.rate_limits.close()
        await work.pacing.close()
        await database.dispose()


LISTEN_AGAIN_AFTER = (0.5, 1.0, 2.0, 5.0)  # seconds, after each loss of the broker in a row


async def _receive_until_stopped(
    broker: AsyncBroker, *, grace: float, stop: asyncio.Event | None = None
) -> None:
    """Take tasks until SIGTERM or SIGINT (or `stop`). A lost broker (Redis stopped or
    restarting) does not end the worker: it listens again, after a pause growing to 5 s, until
    Redis answers; what it was running goes on meanwhile."""
    from concurrent.futures import ThreadPoolExecutor

    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
    from taskiq.receiver import Receiver

    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT)
    for signum in signals:
        loop.add_signal_handler(signum, stop.set)
    broker.is_worker_process = True
    losses = 0
    try:
        with ThreadPoolExecutor(max_workers=1) as executor:
            while not stop.is_set():
                receiver = Receiver(
                    broker=broker,
                    executor=executor,
                    run_startup=False,
                    max_async_tasks=16,
                    wait_tasks_timeout=grace,
                )
                started = loop.time()
                lost: BaseException | None = None
                try:
                    await receiver.listen(stop)
                except* (RedisConnectionError, RedisTimeoutError, OSError) as group:
                    lost = group.exceptions[0]
                if lost is None:
                    break
                losses = 1 if loop.time() - started > 30 else losses + 1
                pause = LISTEN_AGAIN_AFTER[min(losses, len(LISTEN_AGAIN_AFTER)) - 1]
                logger.warning(
                    "lost the task queue; listening again",
                    extra={"error": str(lost), "retry_in_seconds": pause},
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), pause)
        logger.info("worker stopped")
    finally:
        for signum in signals:
            loop.remove_signal_handler(signum)


async def _recover_forever(work: BackgroundWork, *, first_now: bool = False) -> None:
    older_than: timedelta | None = timedelta(0) if first_now else None
    while True:
        if not first_now:
            await asyncio.sleep(work.settings.recovery_interval_seconds)
        first_now = False
        try:
            await work.recover_pending(older_than=older_than)
            older_than = None
            if not work.in_process:
                await work.kick_outbox()  # in-process, the scheduler's outbox job does this
        except Exception:
            logger.exception("recovery pass failed")


@asynccontextmanager
async def background_work(
    settings: Settings, database: Database, *, conversations: ConversationHandler | None = None
) -> AsyncIterator[BackgroundWork]:
    """The chat runtime, started for the app's lifespan."""
    work = BackgroundWork(settings, database, conversations=conversations)
    await work.start()
    try:
        yield work
    finally:
        await work.stop()
