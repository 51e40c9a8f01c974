"""Queueing a week's digests for every subscriber in the outbox, once, and reporting how they stand.

Each (week, subject, channel, recipient) is queued once: its outbox row and the digest's record
of it (`DigestDelivery`) are written in one transaction under one key, so a rerun queues nothing
twice. The outbox sends them like every other message (the same retries, backoff and exactly-once
claim): e-mail as the composed HTML e-mail with its charts, LINE/Telegram as a short message with
the link. A rerun reads back from the outbox what was delivered, what waits and what failed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from admin.digests.content import DigestSubject
from admin.digests.render import chat_text, compose_email
from admin.digests.schemas import BoardDigest
from admin.digests.service import DigestSettings, agency_subject, digest_for
from admin.digests.weeks import IsoWeek
from services.composed_email import EMAIL_PAYLOAD_KEY
from services.outbox import queue_message
from storage.database import Database
from storage.models import (
    DeliveryStatus,
    DigestDelivery,
    DigestSubscription,
    NotifyChannel,
    RecipientType,
)
from storage.repositories import outbound_messages
from storage.repositories.digests import DigestDeliveryState, DigestRepository

logger = logging.getLogger(__name__)

DIGEST_MESSAGE_KIND = "board_digest"
MAX_KEY_CHARS = 200  # the outbox's dedupe_key


@dataclass(frozen=True)
class FailedDelivery:
    subject: str
    channel: str
    target: str
    attempts: int
    error: str
    retry_at: datetime | None = None  # when the outbox tries again; None: it gave up


@dataclass
class SendReport:
    """What one run did: digests queued now, ones queued earlier and still waiting in the outbox,
    ones the outbox delivered, and failures (retried by the outbox, or given up)."""

    week: str
    subjects: int = 0
    queued: int = 0
    waiting: int = 0
    already_done: int = 0
    failed: list[FailedDelivery] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def delivery_key(week: IsoWeek, subject: DigestSubject, channel: NotifyChannel, target: str) -> str:
    key = f"digest:{week}:{subject.key}:{channel.value}:{target}"
    if len(key) <= MAX_KEY_CHARS:
        return key
    digest = hashlib.sha256(target.encode()).hexdigest()[:32]
    return f"digest:{week}:{subject.key}:{channel.value}:sha256:{digest}"


async def all_subjects(database: Database) -> list[DigestSubject]:
    """Every provincial board, then every agency that has a subscriber."""
    async with database.unit_of_work() as session:
        repository = DigestRepository(session)
        subjects = [
            DigestSubject.for_board(board, province)
            for board, province in await repository.province_boards()
        ]
        for agency in await repository.subscribed_agencies():
            subjects.append(await agency_subject(session, agency.code))
    return subjects


class _Payloads:
    """A subject's digest and its two forms, each built once and only when a recipient needs it."""

    def __init__(self, build: Callable[[], Awaitable[BoardDigest]]) -> None:
        self._build = build
        self._digest: BoardDigest | None = None
        self._email: dict[str, Any] | None = None

    async def _the_digest(self) -> BoardDigest:
        if self._digest is None:
            self._digest = await self._build()
        return self._digest

    async def chat(self) -> dict[str, Any]:
        digest = await self._the_digest()
        return {"week": digest.week, "text": chat_text(digest), "url": digest.url}

    async def email(self, settings: DigestSettings) -> dict[str, Any]:
        digest = await self._the_digest()
        if self._email is None:
            composed = compose_email(digest, zone=settings.zone)
            self._email = {
                "week": digest.week,
                "url": digest.url,
                EMAIL_PAYLOAD_KEY: composed.to_payload(),
            }
        return self._email


class DigestSender:
    """Queues digests in the outbox; `unreachable` names channels nothing can deliver on, and why
    (they are reported as failed and not queued, so a rerun once they work queues them)."""

    def __init__(
        self,
        database: Database,
        settings: DigestSettings,
        *,
        unreachable: Mapping[NotifyChannel, str] | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.unreachable = dict(unreachable or {})

    async def send_week(
        self,
        week: IsoWeek,
        *,
        now: datetime,
        subjects: list[DigestSubject] | None = None,
        progress: Callable[[DigestSubject], None] | None = None,
    ) -> SendReport:
        """Queue `week`'s digest of each subject for each of its active subscribers."""
        report = SendReport(week=str(week))
        async with self.database.unit_of_work() as session:
            earlier = {
                state.dedupe_key: state
                for state in await DigestRepository(session).deliveries(week=str(week))
            }
        for subject in subjects if subjects is not None else await all_subjects(self.database):
            report.subjects += 1
            await self._send_subject(subject, week, now=now, earlier=earlier, report=report)
            if progress is not None:
                progress(subject)
        logger.info(
            "digests queued",
            extra={
                "week": str(week),
                "queued": report.queued,
                "waiting": report.waiting,
                "already_done": report.already_done,
                "failed": len(report.failed),
            },
        )
        return report

    async def _subscriptions(self, subject: DigestSubject) -> list[DigestSubscription]:
        async with self.database.unit_of_work() as session:
            return list(
                await DigestRepository(session).subscriptions(
                    board_id=subject.board_id if subject.info.kind == "board" else None,
                    agency_id=subject.agency_id if subject.info.kind == "agency" else None,
                )
            )

    async def _send_subject(
        self,
        subject: DigestSubject,
        week: IsoWeek,
        *,
        now: datetime,
        earlier: Mapping[str, DigestDeliveryState],
        report: SendReport,
    ) -> None:
        async def build() -> BoardDigest:
            async with self.database.unit_of_work() as session:
                return await digest_for(session, self.settings, subject=subject, week=week, now=now)

        payloads = _Payloads(build)
        for subscription in await self._subscriptions(subject):
            if subscription.channel is NotifyChannel.NONE:
                continue
            key = delivery_key(week, subject, subscription.channel, subscription.target)
            if key in earlier:
                _report_earlier(report, subject, earlier[key])
                continue
            if subscription.channel in self.unreachable:
                report.failed.append(
                    FailedDelivery(
                        subject=subject.key,
                        channel=subscription.channel.value,
                        target=subscription.target,
                        attempts=0,
                        error=self.unreachable[subscription.channel],
                    )
                )
                continue
            payload = (
                await payloads.email(self.settings)
                if subscription.channel is NotifyChannel.EMAIL
                else await payloads.chat()
            )
            if await self._queue(subject, subscription, week, key, payload, now):
                report.queued += 1
            else:
                report.waiting += 1  # another run queued it since this one started

    async def _queue(
        self,
        subject: DigestSubject,
        subscription: DigestSubscription,
        week: IsoWeek,
        key: str,
        payload: dict[str, Any],
        now: datetime,
    ) -> bool:
        """The outbox row and the digest's record of it, together; False if already queued."""
        async with self.database.unit_of_work() as session:
            new_id = await queue_message(
                session,
                recipient_type=RecipientType.BOARD
                if subject.info.kind == "board"
                else RecipientType.AGENCY,
                channel=subscription.channel.value,
                target=subscription.target,
                kind=DIGEST_MESSAGE_KIND,
                payload=payload,
                dedupe_key=key,
                board_id=subject.board_id,
                agency_id=subject.agency_id,
            )
            outbound_id = new_id or await outbound_messages.message_id_for(session, key)
            assert outbound_id is not None
            await DigestRepository(session).record_delivery(
                DigestDelivery(
                    dedupe_key=key,
                    week=str(week),
                    subscription_id=subscription.id,
                    board_id=subject.board_id,
                    agency_id=subject.agency_id,
                    channel=subscription.channel,
                    target=subscription.target,
                    outbound_message_id=outbound_id,
                    created_at=now,
                )
            )
        return new_id is not None


def _report_earlier(report: SendReport, subject: DigestSubject, state: DigestDeliveryState) -> None:
    """Count a digest queued by an earlier run as its outbox row stands."""
    if state.status is DeliveryStatus.SENT:
        report.already_done += 1
    elif state.status is DeliveryStatus.PENDING:
        report.waiting += 1
    else:  # failed (retried at next_attempt_at, or given up) or skipped
        report.failed.append(
            FailedDelivery(
                subject=subject.key,
                channel=state.channel.value,
                target=state.target,
                attempts=state.attempts,
                error=state.last_error or state.status.value,
                retry_at=state.next_attempt_at if state.status is DeliveryStatus.FAILED else None,
            )
        )
