"""The answer to the PDPA notice: given with its time, declined, withdrawn."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from services.citizen_data import consent
from storage.models import Citizen, ConsentState
from tests.services.conftest import NOW, add_citizen


async def stored(session: AsyncSession, citizen: Citizen) -> None:
    """Write the change as the caller's commit would, and read the row back."""
    await session.flush()
    await session.refresh(citizen)


class TestGive:
    async def test_consent_given_is_kept_with_its_time(self, session: AsyncSession) -> None:
        citizen = await add_citizen(session)
        assert not consent.is_given(citizen)  # a new citizen has not answered yet
        consent.give(session, citizen, now=NOW)
        await stored(session, citizen)
        assert (citizen.consent_state, citizen.consent_at) == (ConsentState.ACCEPTED, NOW)
        assert consent.is_given(citizen)


class TestDecline:
    async def test_a_declined_notice_is_not_consent(self, session: AsyncSession) -> None:
        citizen = await add_citizen(session)
        consent.decline(session, citizen)
        await stored(session, citizen)
        assert citizen.consent_state is ConsentState.DECLINED and not consent.is_given(citizen)


class TestWithdraw:
    async def test_withdrawn_consent_no_longer_counts_and_its_record_stays(
        self, session: AsyncSession
    ) -> None:
        citizen = await add_citizen(session)
        consent.give(session, citizen, now=NOW)
        consent.withdraw(session, citizen)
        await stored(session, citizen)
        assert citizen.consent_state is ConsentState.WITHDRAWN and not consent.is_given(citizen)
        assert citizen.consent_at == NOW  # when it was given remains on record
