"""Deliver the outbox: claim each due row once, render it (or take the e-mail its owner composed),
send it through its channel, record it.

A row is claimed with a guarded UPDATE (so two racing drains never both send it), sent, then
marked `sent`; a failure is retried with exponential backoff (never sooner than the platform's
Retry-After) until `max_attempts`, and a refusal the platform will repeat (blocked bot, bad
address) fails at once. A claim holds a row for `lease`: the rows of a worker that died come
back once it runs out. The rows of a broadcast go out in multicast batches where the channel
has them (`bot/broadcasts.py`).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from bot.broadcasts import BatchOf, BroadcastBatches
from bot.channels.base import (
    ComposedEmailSender,
    DeliveryError,
    MessageSender,
    MulticastSender,
    PacedSender,
    ReplyAgainSender,
)
from bot.delivery_outcomes import DeliveryReport, RetryPolicy
from bot.messages import Outgoing, outgoing_from_json, outgoing_to_json
from bot.notice_messages import render_notice
from services.composed_email import EMAIL_PAYLOAD_KEY, ComposedEmail, composed_email_in
from storage.database import Database
from storage.models import Channel, DeliveryStatus, OutboundMessage
from storage.repositories import outbound_messages
from storage.types import utcnow

logger = logging.getLogger(__name__)

CHAT_REPLY = "chat_reply"  # the conversation's own answer to an inbound event
FORGET_RECIPIENT = "forget_recipient"  # once settled, the row forgets its target and content
COLLECTED_CHANNELS = ("web",)  # the web chat fetches its own messages (GET /chat/api/updates)
Renderer = Callable[[str, dict[str, Any], str], list[Outgoing]]


__all__ = ["DeliveryReport", "OutboxDelivery", "chat_reply_payload"]
INTERRUPTED_REPLY = (
    "an earlier attempt spent the LINE reply token and stopped before recording the outcome, "
    "and the token is too old to try again; not pushed, so the citizen does not get it twice "
    "(LINE replies take no retry key)"
)
INTERRUPTED_BROADCAST = (
    "an earlier attempt called the platform and stopped before recording the outcome; a "
    "broadcast is not sent again where the platform takes no retry key, so nobody gets it twice"
)
RETRY_KEY_CHANNELS = (Channel.LINE.value, "email")  # a repeated call is not delivered again
# The last error of a reply LINE may have taken (a timeout, a 5xx) starts with this: the next
# attempt replies again with the token while it works, rather than pushing a second answer.
MAYBE_TAKEN = "the reply may have gone out: "


@dataclass(frozen=True)
class _Prepared:
    messages: list[Outgoing]
    reply_token: str | None
    skip_reason: str | None = None
    already_sent: str | None = None  # why the row counts as sent without a call
    again: bool = False  # the reply token spent by an attempt that may have delivered it
    email: ComposedEmail | None = None  # a whole e-mail composed by its owner (a digest)


class OutboxDelivery:
    """Sends `OutboundMessage` rows through the configured channel senders."""

    def __init__(
        self,
        *,
        database: Database,
        senders: Mapping[str, MessageSender],
        render: Renderer | None = None,
        public_base_url: str = "",
        clock: Callable[[], datetime] = utcnow,
        max_attempts: int = 6,
        first_backoff: timedelta = timedelta(seconds=30),
        reply_window: timedelta = timedelta(seconds=50),
        lease: timedelta = timedelta(seconds=60),
        reply_lease: timedelta = timedelta(seconds=20),
        batch_size: int | None = None,
        concurrency: int = 1,
    ) -> None:
        self.database = database
        self.senders = dict(senders)
        self._render = render
        self.public_base_url = public_base_url.rstrip("/")
        self.clock = clock
        self.policy = RetryPolicy(max_attempts=max_attempts, first_backoff=first_backoff)
        self.reply_window = reply_window
        self.lease = lease
        # An attempt that spends a reply token holds its row this long only: cut off, it is
        # tried again with the token while the token still works (see `_prepare`).
        self.reply_lease = reply_lease
        self.concurrency = concurrency  # recipients sent to at once by a drain
        self.batches = BroadcastBatches(
            database=database,
            render=self._render_absolute,
            clock=clock,
            lease=lease,
            policy=self.policy,
            batch_size=batch_size,
        )

    def render(self, kind: str, payload: dict[str, Any], language: str) -> list[Outgoing]:
        if self._render is not None:
            return self._render(kind, payload, language)
        return render_notice(kind, payload, language, base_url=self.public_base_url)

    def _render_absolute(self, kind: str, payload: dict[str, Any], language: str) -> list[Outgoing]:
        return [self._absolute(m) for m in self.render(kind, payload, language)]

    async def drain(self, *, limit: int = 100) -> DeliveryReport:
        """Send every due row, oldest first, `limit` rows (or batches) a round, round after
        round while a round finds rows to take (a broadcast of 20,000 goes out in one drain)."""
        report = DeliveryReport()
        while True:
            round_report, progressed = await self._drain_round(limit)
            report.merge(round_report)
            if not progressed:
                return report

    async def _drain_round(self, limit: int) -> tuple[DeliveryReport, bool]:
        report = DeliveryReport()
        async with self.database.unit_of_work() as session:
            rows = await outbound_messages.due_rows(
                session, now=self.clock(), limit=limit, exclude_channels=COLLECTED_CHANNELS
            )
        taken: set[int] = set()
        singles: dict[tuple[str, str], list[int]] = {}  # each recipient's rows, in order
        for row in rows:
            if row.id in taken:
                continue  # sent in a batch this round
            sender = self.senders.get(row.channel)
            if row.broadcast_key is not None and isinstance(sender, MulticastSender):
                of = BatchOf(row.broadcast_key, row.channel, row.retry_key)
                batch_report, ids = await self.batches.deliver(of, sender)
                report.merge(batch_report)
                taken |= ids
            else:
                singles.setdefault((row.channel, row.target), []).append(row.id)
        turns = asyncio.Semaphore(self.concurrency)

        async def in_order(ids: list[int]) -> None:
            async with turns:
                for message_id in ids:
                    status = await self.deliver(message_id)
                    report.add(status)
                    if status is not None:
                        taken.add(message_id)

        # Recipients side by side (the pacer keeps each platform within its rate while a call
        # waits on the network), each recipient's own messages one after another.
        await asyncio.gather(*(in_order(ids) for ids in singles.values()))
        return report, bool(taken)

    async def deliver(self, message_id: int, *, held: bool = False) -> DeliveryStatus | None:
        """Send one row if it is due and nobody else has it; its new status, or None if not ours.

        `held` sends a row reserved with `outbound_messages.hold` (a chat reply its conversation
        sends itself, in order) before its reservation runs out.
        """
        now = self.clock()
        async with self.database.unit_of_work() as session:
            claimed = await outbound_messages.claim(
                session, message_id, now=now, lease_until=now + self.lease, held=held
            )
        if not claimed:
            return None
        async with self.database.unit_of_work() as session:
            message = await outbound_messages.get_message(session, message_id)
            assert message is not None
            forget = message.payload.get(FORGET_RECIPIENT) is True
            try:
                prepared = await self._prepare(session, message, now)
            except Exception as error:  # a payload the renderer cannot use will never send
                logger.exception("outbox message cannot be rendered", extra={"id": message_id})
                await outbound_messages.mark_failed(
                    session, message_id, error=f"render: {error}", retry_at=None
                )
                if forget:
                    await outbound_messages.forget_recipient(session, message_id)
                return DeliveryStatus.FAILED
            if prepared.skip_reason is not None:
                await outbound_messages.mark_skipped(
                    session, message_id, reason=prepared.skip_reason
                )
                if forget:
                    await outbound_messages.forget_recipient(session, message_id)
                return DeliveryStatus.SKIPPED
            if prepared.already_sent is not None:
                logger.warning("outbox reply not repeated", extra={"id": message_id})
                await outbound_messages.mark_sent(
                    session, message_id, now=now, note=prepared.already_sent
                )
                if forget:
                    await outbound_messages.forget_recipient(session, message_id)
                return DeliveryStatus.SENT
            sender = self.senders[message.channel]
            if isinstance(sender, PacedSender):
                await sender.wait_turn(message.target)  # before the attempt is recorded
            # Committed before the call: the key every attempt repeats, the reply token spent,
            # the moment the call began.
            retry_key = message.retry_key or str(uuid.uuid4())
            await outbound_messages.record_attempt(
                session,
                message_id,
                retry_key=retry_key,
                reply_token_spent_at=now if prepared.reply_token else None,
                now=now,
                lease_until=now + self.reply_lease if prepared.reply_token else None,
            )
            target, attempts = message.target, message.attempts
            # A composed e-mail's body is kept only while it is owed: once sent or given up, the
            # row keeps the facts (week, link) and the outcome, not a copy of the e-mail.
            settled_payload = (
                {k: v for k, v in message.payload.items() if k != EMAIL_PAYLOAD_KEY}
                if prepared.email is not None
                else None
            )
        try:
            await self._call(sender, target, prepared, retry_key)
        except DeliveryError as error:
            retry_at = self.policy.retry_at(error, attempts=attempts, now=self.clock())
            logger.warning(
                "outbox delivery failed",
                extra={"id": message_id, "error": str(error), "retry_at": str(retry_at)},
            )
            # once unsure, still unsure: a later refusal does not say the first reply did not go
            unsure = (error.maybe_taken or prepared.again) and prepared.reply_token is not None
            async with self.database.unit_of_work() as session:
                await outbound_messages.mark_failed(
                    session,
                    message_id,
                    error=(MAYBE_TAKEN if unsure else "") + str(error),
                    retry_at=retry_at,
                )
                if settled_payload is not None and retry_at is None:
                    await outbound_messages.replace_payload(session, message_id, settled_payload)
                if forget and retry_at is None:  # given up: kept no longer than needed
                    await outbound_messages.forget_recipient(session, message_id)
            return DeliveryStatus.FAILED
        async with self.database.unit_of_work() as session:
            await outbound_messages.mark_sent(session, message_id, now=self.clock())
            if settled_payload is not None:
                await outbound_messages.replace_payload(session, message_id, settled_payload)
            if forget:
                await outbound_messages.forget_recipient(session, message_id)
        return DeliveryStatus.SENT

    @staticmethod
    async def _call(
        sender: MessageSender, target: str, prepared: _Prepared, retry_key: str
    ) -> None:
        """The platform call itself: an e-mail as composed, a reply tried again, or messages."""
        if prepared.email is not None:
            assert isinstance(sender, ComposedEmailSender)  # checked by _prepare
            await sender.send_composed(target, prepared.email, idempotency_key=retry_key)
        elif prepared.again:
            assert isinstance(sender, ReplyAgainSender) and prepared.reply_token
            await sender.send_again(
                target, prepared.messages, prepared.reply_token, idempotency_key=retry_key
            )
        else:
            await sender.send(
                target, prepared.messages, prepared.reply_token, idempotency_key=retry_key
            )

    async def _prepare(self, session: Any, message: OutboundMessage, now: datetime) -> _Prepared:
        if message.channel not in self.senders:
            return _Prepared([], None, f"channel {message.channel!r} is not configured")
        language = "th"
        if message.citizen_id is not None:
            citizen = await outbound_messages.get_citizen(session, message.citizen_id)
            if citizen is None or citizen.erased_at is not None:
                return _Prepared([], None, "the citizen's data was erased")
            if not citizen.notifications_enabled and message.kind != CHAT_REPLY:
                return _Prepared([], None, "the citizen turned notifications off")
            language = citizen.language or "th"
        email = composed_email_in(message.payload)
        if email is not None:
            if not isinstance(self.senders[message.channel], ComposedEmailSender):
                return _Prepared([], None, f"channel {message.channel!r} cannot send an e-mail")
            return _Prepared([], None, email=email)
        interrupted = message.sending_since is not None and message.broadcast_key is not None
        if interrupted and message.channel not in RETRY_KEY_CHANNELS:
            return _Prepared([], None, already_sent=INTERRUPTED_BROADCAST)
        again = False
        if message.kind == CHAT_REPLY:
            spent = message.reply_token_spent_at is not None
            # Spent with no outcome recorded: the attempt was cut off mid-call (a worker killed).
            cut_off = spent and message.last_error is None
            # Spent, and LINE did not say whether it took it (a timeout, a 5xx).
            unsure = spent and (message.last_error or "").startswith(MAYBE_TAKEN)
            can_again = isinstance(self.senders[message.channel], ReplyAgainSender)
            again = (cut_off or unsure) and can_again
            reply_token = self._fresh_reply_token(message, now, spent_before=again)
            again = again and reply_token is not None
            if cut_off and not again:
                return _Prepared([], None, already_sent=INTERRUPTED_REPLY)
            messages = [outgoing_from_json(m) for m in message.payload.get("messages", [])]
        else:
            messages = self.render(message.kind, message.payload, language)
            reply_token = None
        messages = [self._absolute(m) for m in messages]
        if not messages:
            return _Prepared([], None, "nothing to say")
        return _Prepared(messages, reply_token, again=again)

    def _fresh_reply_token(
        self, message: OutboundMessage, now: datetime, *, spent_before: bool = False
    ) -> str | None:
        """The LINE reply token while it can still work: within ~50 s of the event, and never
        spent before unless `spent_before` (an attempt cut off mid-call, tried once more)."""
        token = message.payload.get("reply_token")
        issued = message.payload.get("reply_token_issued_at")
        spent = message.reply_token_spent_at is not None and not spent_before
        if not token or not issued or spent or message.channel != Channel.LINE:
            return None
        if now - datetime.fromisoformat(issued) > self.reply_window:
            return None
        return str(token)

    def _absolute(self, message: Outgoing) -> Outgoing:
        """Media paths like /media/ab/… made absolute against the public base URL."""
        image_url = self._absolute_url(message.image_url)
        card = message.card
        if card is not None and card.image_url:
            card = replace(card, image_url=self._absolute_url(card.image_url))
        return replace(message, image_url=image_url, card=card)

    def _absolute_url(self, url: str | None) -> str | None:
        if url and url.startswith("/"):
            return self.public_base_url + url
        return url

    async def close(self) -> None:
        for sender in self.senders.values():
            await sender.close()


def chat_reply_payload(
    messages: Sequence[Outgoing], *, reply_token: str | None, issued_at: datetime | None
) -> dict[str, Any]:
    """The outbox payload for a conversation's answer (delivered by `OutboxDelivery`)."""
    return {
        "messages": [outgoing_to_json(m) for m in messages],
        "reply_token": reply_token,
        "reply_token_issued_at": issued_at.isoformat() if issued_at else None,
    } | ({FORGET_RECIPIENT: True} if any(m.forget_recipient for m in messages) else {})
