"""Durable intake: store each platform event once before acknowledging it, process it afterwards.

Storing is "insert … on conflict do nothing" keyed by (channel, external id), so a redelivered
event is recognised and neither stored nor answered again. Processing runs the conversation in
one unit of work that also queues the answer in the outbox and marks the event processed: the
effects, the answer and the mark commit together or not at all. The answer is then sent at once
by the outbox delivery (LINE reply token while fresh), and retried from the outbox if sending fails.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.base import ChatChannel, MalformedEventError
from bot.delivery import CHAT_REPLY, OutboxDelivery, chat_reply_payload
from bot.message_limits import Admission, MessageLimits
from bot.messages import Inbound, Outgoing
from bot.texts import language_of, text
from bot.webhooks_first import WebhooksFirst
from services.outbox import queue_message
from services.request_ids import use_request_id
from storage.database import Database
from storage.models import Channel, EventStatus, RecipientType
from storage.repositories import inbound_events, outbound_messages
from storage.types import utcnow

logger = logging.getLogger(__name__)

REPLY_HOLD = timedelta(seconds=30)


class ConversationHandler(Protocol):
    """The conversation engine's entry point (`bot.conversations.engine.ConversationEngine`)."""

    async def handle(
        self, session: AsyncSession, inbound: Inbound, *, now: datetime | None = None
    ) -> list[Outgoing]: ...


class Outcome(StrEnum):
    ANSWERED = "answered"  # processed; an answer was queued (and sent when possible)
    PROCESSED = "processed"  # processed, nothing to say
    IGNORED = "ignored"  # an event Siang does not act on
    ALREADY_DONE = "already_done"  # another worker processed it, or it was never pending
    RETRY = "retry"  # failed this time; still pending
    GAVE_UP = "gave_up"  # failed too often; the citizen got an apology
    SET_ASIDE = "set_aside"  # malformed: failed at once with its reason, never retried
    OVER_LIMIT = "over_limit"  # the citizen wrote faster than the limit: not read


@dataclass(frozen=True)
class _Loaded:
    channel: Channel
    payload: dict[str, object]
    received_at: datetime
    request_id: str | None


class InboundProcessor:
    """Runs stored events through the conversation engine, one person's events in order."""

    def __init__(
        self,
        *,
        database: Database,
        channels: Mapping[Channel, ChatChannel],
        conversations: ConversationHandler,
        delivery: OutboxDelivery,
        clock: Callable[[], datetime] = utcnow,
        max_attempts: int = 3,
        concurrency: int = 4,
        limits: MessageLimits | None = None,
        webhooks_first: WebhooksFirst | None = None,
    ) -> None:
        self.database = database
        self.limits = limits
        # In the web process (embedded), webhooks being stored go before each step of ours.
        self.webhooks_first = webhooks_first
        self.channels = dict(channels)
        self.conversations = conversations
        self.delivery = delivery
        self.clock = clock
        self.max_attempts = max_attempts
        self._slots = asyncio.Semaphore(concurrency)
        # Events are admitted (loaded and put in their person's line) one at a time in the
        # order they were enqueued, so one person's events keep their order even when the
        # database answers the loads out of order; different people's events run side by side.
        self._admission = asyncio.Lock()
        self._last_in_line: dict[str, asyncio.Future[None]] = {}

    async def process(self, event_id: int) -> Outcome:
        """Process one stored event (safe to call twice, or from two workers at once).

        Delivery is woken once the answer is sent, not as the conversation commits, so the
        citizen reads the answer before the notifications the conversation queued."""
        async with self.database.outbox_wake_held():
            return await self._process_in_line(event_id)

    async def _process_in_line(self, event_id: int) -> Outcome:
        async with self._admission:
            await self._after_webhooks()
            loaded = await self._load(event_id)
            if loaded is None:
                return Outcome.ALREADY_DONE
            # This job's log lines, and its answer's delivery, carry the webhook's request id.
            use_request_id(loaded.request_id)
            adapter = self.channels.get(loaded.channel)
            if adapter is None:
                logger.warning("no adapter for a stored event", extra={"channel": loaded.channel})
                return Outcome.RETRY
            try:
                key = f"{loaded.channel}:{adapter.conversation_key(dict(loaded.payload))}"
            except MalformedEventError as malformed:
                return await self._set_aside(event_id, malformed)
            before = self._last_in_line.get(key)
            mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._last_in_line[key] = mine
        try:
            if before is not None:
                await asyncio.shield(before)  # the same person's earlier event goes first
            if self.limits is not None:
                admission = await self.limits.admit(key)
                if not admission.allowed:
                    return await self._over_limit(event_id, adapter, loaded, admission)
            async with self._slots:
                await self._after_webhooks()
                return await self._process_locked(event_id, adapter, loaded)
        finally:
            mine.set_result(None)
            if self._last_in_line.get(key) is mine:
                del self._last_in_line[key]

    async def _after_webhooks(self) -> None:
        if self.webhooks_first is not None:
            await self.webhooks_first.pause()

    async def _load(self, event_id: int) -> _Loaded | None:
        async with self.database.unit_of_work() as session:
            event = await inbound_events.get_event(session, event_id)
            if event is None or event.status is not EventStatus.PENDING:
                return None
            return _Loaded(event.channel, dict(event.payload), event.received_at, event.request_id)

    async def _process_locked(
        self, event_id: int, adapter: ChatChannel, loaded: _Loaded
    ) -> Outcome:
        inbound: Inbound | None = None
        reply_id: int | None = None
        try:
            inbound = await adapter.parse(dict(loaded.payload), received_at=loaded.received_at)
            now = self.clock()
            async with self.database.writer_turn(), self.database.unit_of_work() as session:
                if inbound is None:
                    done = await inbound_events.finish(
                        session, event_id, status=EventStatus.IGNORED, now=now
                    )
                    return Outcome.IGNORED if done else Outcome.ALREADY_DONE
                replies = await self.conversations.handle(session, inbound, now=now)
                reply_id = await self._queue_reply(session, event_id, inbound, replies)
                if not await inbound_events.finish(
                    session, event_id, status=EventStatus.PROCESSED, now=now
                ):
                    # Another worker finished it meanwhile: undo everything this one did.
                    raise _AlreadyProcessedError
        except _AlreadyProcessedError:
            return Outcome.ALREADY_DONE
        except MalformedEventError as malformed:
            return await self._set_aside(event_id, malformed)
        except Exception as error:
            logger.exception("inbound event failed", extra={"event_id": event_id})
            return await self._failed(event_id, inbound, error)
        await self._send_now(reply_id)
        return Outcome.ANSWERED if reply_id is not None else Outcome.PROCESSED

    async def _queue_reply(
        self,
        session: AsyncSession,
        event_id: int,
        inbound: Inbound,
        replies: Sequence[Outgoing],
    ) -> int | None:
        if not replies:
            return None
        citizen_id = await outbound_messages.citizen_id_for(
            session, channel=inbound.channel, platform_user_id=inbound.user_id
        )
        reply_id = await queue_message(
            session,
            recipient_type=RecipientType.CITIZEN,
            channel=inbound.channel.value,
            target=inbound.chat_id or inbound.user_id,
            kind=CHAT_REPLY,
            payload=chat_reply_payload(
                replies, reply_token=inbound.reply_token, issued_at=inbound.received_at
            ),
            dedupe_key=f"{CHAT_REPLY}:{event_id}",
            citizen_id=citizen_id,
        )
        if reply_id is not None:
            # Sent by this processor right after commit, so one person's answers keep their
            # order; the periodic drain takes it over only if that never happens.
            await outbound_messages.hold(session, reply_id, until=self.clock() + REPLY_HOLD)
        return reply_id

    async def _over_limit(
        self, event_id: int, adapter: ChatChannel, loaded: _Loaded, admission: Admission
    ) -> Outcome:
        """Set aside an event beyond the citizen's limit; the first one of a window is answered
        with a polite note, the rest silently (so a flood never opens a conversation each)."""
        inbound: Inbound | None = None
        if admission.tell:
            try:
                inbound = await adapter.parse(dict(loaded.payload), received_at=loaded.received_at)
            except Exception:  # nothing to answer; the event is set aside all the same
                logger.warning("over-limit event unreadable", extra={"event_id": event_id})
        reply_id: int | None = None
        async with self.database.writer_turn(), self.database.unit_of_work() as session:
            if inbound is not None:
                note = Outgoing(text=text(language_of(inbound.language), "rate.messages"))
                reply_id = await self._queue_reply(session, event_id, inbound, [note])
            await inbound_events.finish(
                session, event_id, status=EventStatus.IGNORED, now=self.clock()
            )
        if admission.tell:
            logger.warning("citizen over the message limit", extra={"event_id": event_id})
        await self._send_now(reply_id)
        return Outcome.OVER_LIMIT

    async def _set_aside(self, event_id: int, malformed: MalformedEventError) -> Outcome:
        """Fail an event that can never be read, at once: one clear log line, no retries."""
        logger.warning(
            "inbound event set aside as malformed: %s",
            malformed,
            extra={"event_id": event_id},
        )
        async with self.database.unit_of_work() as session:
            await inbound_events.record_failure(
                session, event_id, error=f"malformed: {malformed}", max_attempts=1, now=self.clock()
            )
        return Outcome.SET_ASIDE

    async def _failed(self, event_id: int, inbound: Inbound | None, error: Exception) -> Outcome:
        now = self.clock()
        async with self.database.unit_of_work() as session:
            attempts = await inbound_events.record_failure(
                session,
                event_id,
                error=f"{type(error).__name__}: {error}",
                max_attempts=self.max_attempts,
                now=now,
            )
            if attempts < self.max_attempts:
                return Outcome.RETRY
            reply_id = None
            if inbound is not None:
                apology = Outgoing(text=text(language_of(inbound.language), "error"))
                reply_id = await self._queue_reply(session, event_id, inbound, [apology])
        await self._send_now(reply_id)
        return Outcome.GAVE_UP

    async def _send_now(self, reply_id: int | None) -> None:
        if reply_id is None:
            return
        try:
            await self.delivery.deliver(reply_id, held=True)
        except Exception:  # the outbox keeps the row; the periodic drain retries it
            logger.exception("sending a chat reply failed", extra={"outbox_id": reply_id})

    async def pending_event_ids(self, *, received_before: datetime) -> list[int]:
        """Events stored but not processed (after a crash or a failure), oldest first, and not
        enqueued again by a recovery pass since `received_before`; those returned are marked
        as enqueued again now (the caller enqueues them)."""
        async with self.database.unit_of_work() as session:
            ids = await inbound_events.pending_ids(
                session, received_before=received_before, channels=list(self.channels)
            )
            await inbound_events.mark_requeued(session, ids, self.clock())
            return ids


class _AlreadyProcessedError(Exception):
    """Raised inside the unit of work to roll back a duplicate processing."""
