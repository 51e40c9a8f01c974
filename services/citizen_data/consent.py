"""The citizen's answer to the PDPA notice: given (with its time), declined, or withdrawn.

A report is filed, and a citizen's picks are kept for retraining, only while consent is given.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Citizen, ConsentState


def is_given(citizen: Citizen) -> bool:
    """Whether Siang may keep what this citizen sends (they accepted the notice)."""
    return citizen.consent_state is ConsentState.ACCEPTED


def give(session: AsyncSession, citizen: Citizen, *, now: datetime) -> None:
    """The citizen accepted the notice; the time is kept as the record of their consent."""
    citizen.consent_state, citizen.consent_at = ConsentState.ACCEPTED, now
    session.add(citizen)


def decline(session: AsyncSession, citizen: Citizen) -> None:
    """The citizen said no: nothing of theirs is filed, and the notice is shown again next time."""
    citizen.consent_state = ConsentState.DECLINED
    session.add(citizen)


def withdraw(session: AsyncSession, citizen: Citizen) -> None:
    """Consent taken back (erasure does this): nothing new is kept until it is given again."""
    citizen.consent_state = ConsentState.WITHDRAWN
    session.add(citizen)
