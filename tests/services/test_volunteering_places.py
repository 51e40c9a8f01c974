"""Two citizens taking a programme's last place at the same moment, each in their own
transaction: one gets it, the other the waiting list (PostgreSQL: the row lock makes the
second wait for the first's commit; SQLite: the writers' turn, as the chat intake takes it)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from services import volunteering
from services.volunteering import SignUpOutcome
from storage.database import Database
from storage.models import Channel, Citizen, SignUpStatus
from storage.repositories.agencies import AgencyRepository
from storage.types import utcnow
from tests.services.test_volunteering import programme


async def test_two_at_once_for_the_last_place_one_gets_it_the_other_waits(
    database: Database,
) -> None:
    now = utcnow()
    starts = now + timedelta(days=30)
    async with database.unit_of_work() as session:
        owner = await AgencyRepository(session).by_code("pwa-50")
        assert owner is not None and owner.id is not None
        event = await volunteering.create(
            session,
            programme(capacity=1, starts_at=starts, ends_at=starts + timedelta(hours=3)),
            now=now,
            owner_agency_id=owner.id,
        )
        assert event.id is not None
        await volunteering.publish(session, event.id, now=now)
        ids = []
        for n in range(2):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"Ulast-place-{n}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            ids.append(citizen.id)
    programme_id = event.id
    first_holds_the_lock = asyncio.Event()
    second_started = asyncio.Event()

    async def first() -> SignUpOutcome:
        async with database.writer_turn(), database.unit_of_work() as session:
            outcome = await volunteering.sign_up(session, programme_id, citizen_id=ids[0], now=now)
            first_holds_the_lock.set()
            await second_started.wait()
            await asyncio.sleep(0.3)  # the second is now waiting for the lock (or the turn)
            return outcome

    async def second() -> SignUpOutcome:
        await first_holds_the_lock.wait()
        second_started.set()
        async with database.writer_turn(), database.unit_of_work() as session:
            return await volunteering.sign_up(session, programme_id, citizen_id=ids[1], now=now)

    got, waited = await asyncio.gather(first(), second())

    assert got.sign_up.status is SignUpStatus.CONFIRMED
    assert waited.sign_up.status is SignUpStatus.WAITLISTED and waited.position == 1
    async with database.unit_of_work() as session:
        found = await volunteering.open_in(session, [("50", None)], now=now, limit=5)
    assert [(o.places_left, o.waiting) for o in found] == [(0, 1)]
