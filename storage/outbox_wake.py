"""Which transactions queued outbox messages: the mark a unit of work reads to wake delivery.

Whatever queues an outbox row marks its session (`mark_outbox_queued`). Session events carry
the mark across the transaction's end: a commit turns it into "due" (`take_outbox_due` reads
and clears that), a rollback drops it. So delivery is woken only for messages that were
really committed, and only when there were some.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session

_QUEUED = "siang.outbox_queued"  # this session's open transaction queued outbox rows
_DUE = "siang.outbox_due"  # a commit of this session made outbox rows due


class OutboxAwareSession(Session):
    """The sync session under every `AsyncSession` the `Database` makes, with the events below."""


def mark_outbox_queued(session: AsyncSession) -> None:
    """Tell the unit of work that this transaction queued messages for delivery."""
    session.info[_QUEUED] = True


def take_outbox_due(session: AsyncSession) -> bool:
    """True (once) when a commit of this session made queued messages due."""
    due: bool = session.info.pop(_DUE, False)
    return due


@event.listens_for(OutboxAwareSession, "after_commit")
def _queued_became_due(session: Session) -> None:
    if session.info.pop(_QUEUED, False):
        session.info[_DUE] = True


@event.listens_for(OutboxAwareSession, "after_soft_rollback")
def _queued_were_undone(session: Session, previous_transaction: SessionTransaction) -> None:
    # A savepoint's rollback keeps what the transaction queued before it; only the outermost
    # transaction's rollback undoes every queued row.
    if previous_transaction.parent is None:
        session.info.pop(_QUEUED, None)
