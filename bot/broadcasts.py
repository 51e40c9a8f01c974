"""Send a broadcast's rows in batches: one multicast call for up to 500 LINE users who get the
same message, every row of the batch claimed, attempted and settled together.

A batch is claimed with one guarded UPDATE (like a single row), rendered per row, and split by
rendered content (a citizen who reads English gets the English multicast). Before the call every
row of a batch records the batch's retry key, so a retried or resumed batch (after a 5xx, or a
worker killed mid-call) is taken again with exactly the same rows and key, and LINE answers the
repeat with 409 instead of delivering it twice. A batch LINE refuses as a whole (400: say, one
malformed user id) goes back as single pushes, so one bad address does not sink 499 others.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.channels.base import DeliveryError, MulticastSender
from bot.delivery_outcomes import DeliveryReport, RetryPolicy
from bot.messages import Outgoing, outgoing_to_json
from storage.database import Database
from storage.models import Citizen, DeliveryStatus, OutboundMessage
from storage.repositories import outbound_messages

logger = logging.getLogger(__name__)

Render = Callable[[str, dict[str, Any], str], list[Outgoing]]


@dataclass(frozen=True)
class BatchOf:
    """Which rows make one batch: a broadcast, a channel, and the batch that tried them before."""

    broadcast_key: str
    channel: str
    retry_key: str | None


@dataclass
class _Batch:
    messages: list[Outgoing]
    retry_key: str
    ids: list[int] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def skip_reason(message: OutboundMessage, citizen: Citizen | None) -> str | None:
    """Why a citizen's notice is not sent at all (erased, notifications off), or None."""
    if message.citizen_id is None:
        return None
    if citizen is None or citizen.erased_at is not None:
        return "the citizen's data was erased"
    if not citizen.notifications_enabled:
        return "the citizen turned notifications off"
    return None


class BroadcastBatches:
    """Claims, sends and settles the batches of one multicast-capable channel's broadcasts."""

    def __init__(
        self,
        *,
        database: Database,
        render: Render,
        clock: Callable[[], datetime],
        lease: timedelta,
        policy: RetryPolicy,
        batch_size: int | None = None,
    ) -> None:
        self.database = database
        self.render = render
        self.clock = clock
        self.lease = lease
        self.policy = policy
        self.batch_size = batch_size

    async def deliver(
        self, of: BatchOf, sender: MulticastSender
    ) -> tuple[DeliveryReport, set[int]]:
        """Claim one batch of `of` and send it; the outcome and the ids this call claimed."""
        report = DeliveryReport()
        now = self.clock()
        async with self.database.unit_of_work() as session:
            ids = await outbound_messages.claim_broadcast(
                session,
                broadcast_key=of.broadcast_key,
                channel=of.channel,
                retry_key=of.retry_key,
                now=now,
                lease_until=now + self.lease,
                limit=min(self.batch_size or sender.multicast_size, sender.multicast_size),
            )
        if not ids:
            return report, set()
        batches, attempts = await self._prepare(ids, of.retry_key, report)
        for batch in batches:
            report.add(await self._send(batch, sender, attempts), len(batch.ids))
            report.batches += 1
        return report, set(ids)

    async def _prepare(
        self, ids: Sequence[int], retry_key: str | None, report: DeliveryReport
    ) -> tuple[list[_Batch], int]:
        """The claimed rows as batches of one content each (skips and failures settled now),
        and the most attempts any of them has had."""
        batches: dict[str, _Batch] = {}
        rendered: dict[tuple[str, str], tuple[list[Outgoing], str]] = {}
        async with self.database.unit_of_work() as session:
            rows = await outbound_messages.messages_by_id(session, ids)
            citizens = await outbound_messages.citizens_by_id(
                session, [r.citizen_id for r in rows if r.citizen_id is not None]
            )
            attempts = max(row.attempts for row in rows)
            for row in rows:
                citizen = citizens.get(row.citizen_id) if row.citizen_id is not None else None
                reason = skip_reason(row, citizen)
                if reason is not None:
                    await outbound_messages.mark_skipped(session, row.id or 0, reason=reason)
                    report.add(DeliveryStatus.SKIPPED)
                    continue
                language = (citizen.language if citizen else None) or "th"
                key = (json.dumps(row.payload, sort_keys=True) + row.kind, language)
                if key not in rendered:
                    try:
                        messages = self.render(row.kind, row.payload, language)
                    except Exception as error:  # a payload the renderer cannot use never sends
                        logger.exception("broadcast row cannot be rendered", extra={"id": row.id})
                        await outbound_messages.mark_failed(
                            session, row.id or 0, error=f"render: {error}", retry_at=None
                        )
                        report.add(DeliveryStatus.FAILED)
                        continue
                    content = json.dumps([outgoing_to_json(m) for m in messages], sort_keys=True)
                    rendered[key] = (messages, content)
                messages, content = rendered[key]
                if not messages:
                    await outbound_messages.mark_skipped(
                        session, row.id or 0, reason="nothing to say"
                    )
                    report.add(DeliveryStatus.SKIPPED)
                    continue
                # A batch tried before is repeated whole, as it was: its rows under its key
                # (a citizen who changed language since reads the batch's first content).
                group = retry_key or content
                if group not in batches:
                    batches[group] = _Batch(messages, retry_key or str(uuid.uuid4()))
                batches[group].ids.append(row.id or 0)
                batches[group].targets.append(row.target)
        return list(batches.values()), attempts

    async def _send(self, batch: _Batch, sender: MulticastSender, attempts: int) -> DeliveryStatus:
        now = self.clock()
        async with self.database.unit_of_work() as session:  # committed before the call
            await outbound_messages.record_batch_attempt(
                session, batch.ids, retry_key=batch.retry_key, now=now
            )
        try:
            await sender.multicast(batch.targets, batch.messages, retry_key=batch.retry_key)
        except DeliveryError as error:
            return await self._failed(batch, error, attempts)
        async with self.database.unit_of_work() as session:
            await outbound_messages.mark_sent(session, batch.ids, now=self.clock())
        return DeliveryStatus.SENT

    async def _failed(self, batch: _Batch, error: DeliveryError, attempts: int) -> DeliveryStatus:
        now = self.clock()
        if error.status == 400:  # refused as a batch: each row tries on its own
            logger.warning(
                "broadcast batch refused, sending one by one",
                extra={"rows": len(batch.ids), "error": str(error)},
            )
            async with self.database.unit_of_work() as session:
                await outbound_messages.split_broadcast(session, batch.ids, now=now)
            return DeliveryStatus.PENDING
        retry_at = self.policy.retry_at(error, attempts=attempts, now=now)
        logger.warning(
            "broadcast batch failed",
            extra={"rows": len(batch.ids), "error": str(error), "retry_at": str(retry_at)},
        )
        async with self.database.unit_of_work() as session:
            await outbound_messages.mark_failed(
                session, batch.ids, error=str(error), retry_at=retry_at
            )
        return DeliveryStatus.FAILED
