"""Sending a week's digests to every subscriber, once: e-mail by SMTP, LINE/Telegram via the outbox.

Each (week, subject, channel, recipient) has one `DigestDelivery` row, claimed before anything is
sent and marked sent right after, each in its own transaction: a rerun skips what was sent, retries
what failed (up to `max_attempts`), and reports what still fails.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select

from admin.digests.content import DigestSubject
from admin.digests.mail import Mailer, MailError
from admin.digests.render import chat_text, email_message
from admin.digests.schemas import BoardDigest
from admin.digests.service import DigestSettings, agency_subject, digest_for
from admin.digests.weeks import IsoWeek
from services.outbox import queue_message
from storage.database import Database
from storage.models import (
    DeliveryStatus,
    DigestDelivery,
    DigestSubscription,
    NotifyChannel,
    OutboundMessage,
    RecipientType,
)
from storage.repositories.digests import DigestRepository

logger = logging.getLogger(__name__)

DIGEST_MESSAGE_KIND = "board_digest"


@dataclass(frozen=True)
class FailedDelivery:
    subject: str
    channel: str
    target: str
    attempts: int
    error: str


@dataclass
class SendReport:
    """What one run did: e-mails sent, chat messages queued, deliveries already done, failures."""

    week: str
    subjects: int = 0
    sent: int = 0
    queued: int = 0
    already_done: int = 0
    gave_up: int = 0
    failed: list[FailedDelivery] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def delivery_key(week: IsoWeek, subject: DigestSubject, channel: NotifyChannel, target: str) -> str:
    return f"digest:{week}:{subject.key}:{channel.value}:{target}"


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


class DigestSender:
    def __init__(
        self,
        database: Database,
        settings: DigestSettings,
        *,
        mailer: Mailer | None,
        sender: str,
        max_attempts: int = 5,
    ) -> None:
        self.database = database
        self.settings = settings
        self.mailer = mailer
        self.sender = sender
        self.max_attempts = max_attempts

    async def send_week(
        self,
        week: IsoWeek,
        *,
        now: datetime,
        subjects: list[DigestSubject] | None = None,
        progress: Callable[[DigestSubject], None] | None = None,
    ) -> SendReport:
        """Deliver `week`'s digest of each subject to each of its active subscribers."""
        report = SendReport(week=str(week))
        for subject in subjects if subjects is not None else await all_subjects(self.database):
            report.subjects += 1
            await self._send_subject(subject, week, now=now, report=report)
            if progress is not None:
                progress(subject)
        logger.info(
            "digests sent",
            extra={
                "week": str(week),
                "sent": report.sent,
                "queued": report.queued,
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
        self, subject: DigestSubject, week: IsoWeek, *, now: datetime, report: SendReport
    ) -> None:
        digest: BoardDigest | None = None
        for subscription in await self._subscriptions(subject):
            if subscription.channel is NotifyChannel.NONE:
                continue
            delivery = await self._claim(subject, subscription, week, now)
            if delivery.status is DeliveryStatus.SENT:
                report.already_done += 1
                continue
            if delivery.attempts >= self.max_attempts:
                report.gave_up += 1
                report.failed.append(self._failure(subject, delivery))
                continue
            if not await self._take_turn(delivery):
                report.already_done += 1  # another run is delivering it right now
                continue
            if digest is None:
                async with self.database.unit_of_work() as session:
                    digest = await digest_for(
                        session, self.settings, subject=subject, week=week, now=now
                    )
            try:
                outbound_id = await self._deliver(subject, subscription, delivery, digest)
            except MailError as error:
                await self._mark(delivery, DeliveryStatus.FAILED, now=now, error=str(error))
                delivery.attempts += 1
                delivery.last_error = str(error)
                report.failed.append(self._failure(subject, delivery))
                logger.warning(
                    "digest delivery failed",
                    extra={"key": delivery.dedupe_key, "error": str(error)},
                )
                continue
            await self._mark(delivery, DeliveryStatus.SENT, now=now, outbound_id=outbound_id)
            if outbound_id is None:
                report.sent += 1
            else:
                report.queued += 1

    @staticmethod
    def _failure(subject: DigestSubject, delivery: DigestDelivery) -> FailedDelivery:
        return FailedDelivery(
            subject=subject.key,
            channel=delivery.channel.value,
            target=delivery.target,
            attempts=delivery.attempts,
            error=delivery.last_error or "",
        )

    async def _claim(
        self,
        subject: DigestSubject,
        subscription: DigestSubscription,
        week: IsoWeek,
        now: datetime,
    ) -> DigestDelivery:
        async with self.database.unit_of_work() as session:
            return await DigestRepository(session).claim_delivery(
                DigestDelivery(
                    dedupe_key=delivery_key(
                        week, subject, subscription.channel, subscription.target
                    ),
                    week=str(week),
                    subscription_id=subscription.id,
                    board_id=subject.board_id,
                    agency_id=subject.agency_id,
                    channel=subscription.channel,
                    target=subscription.target,
                    created_at=now,
                )
            )

    async def _take_turn(self, delivery: DigestDelivery) -> bool:
        """Count this attempt, unless another run counted one since we read the row."""
        async with self.database.unit_of_work() as session:
            result = await session.execute(
                update(DigestDelivery)
                .where(
                    col(DigestDelivery.id) == delivery.id,
                    col(DigestDelivery.attempts) == delivery.attempts,
                    col(DigestDelivery.status) != DeliveryStatus.SENT,
                )
                .values(attempts=delivery.attempts + 1)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def _mark(
        self,
        delivery: DigestDelivery,
        status: DeliveryStatus,
        *,
        now: datetime,
        error: str | None = None,
        outbound_id: int | None = None,
    ) -> None:
        async with self.database.unit_of_work() as session:
            await session.execute(
                update(DigestDelivery)
                .where(col(DigestDelivery.id) == delivery.id)
                .values(
                    status=status,
                    last_error=error,
                    sent_at=now if status is DeliveryStatus.SENT else None,
                    outbound_message_id=outbound_id,
                )
            )

    async def _deliver(
        self,
        subject: DigestSubject,
        subscription: DigestSubscription,
        delivery: DigestDelivery,
        digest: BoardDigest,
    ) -> int | None:
        """Send the e-mail (returns None) or queue the chat message (returns its outbox id)."""
        if subscription.channel is NotifyChannel.EMAIL:
            if self.mailer is None:
                raise MailError("no SMTP server configured (SIANG_SMTP_URL)")
            await self.mailer.send(
                email_message(
                    digest,
                    sender=self.sender,
                    recipient=subscription.target,
                    zone=self.settings.zone,
                )
            )
            return None
        async with self.database.unit_of_work() as session:
            await queue_message(
                session,
                recipient_type=RecipientType.BOARD
                if subject.info.kind == "board"
                else RecipientType.AGENCY,
                channel=subscription.channel.value,
                target=subscription.target,
                kind=DIGEST_MESSAGE_KIND,
                payload={"week": digest.week, "text": chat_text(digest), "url": digest.url},
                dedupe_key=delivery.dedupe_key,
                board_id=subject.board_id,
                agency_id=subject.agency_id,
            )
            found = await session.exec(
                select(OutboundMessage.id).where(
                    col(OutboundMessage.dedupe_key) == delivery.dedupe_key
                )
            )
            return found.one()
