"""Volunteering in the workspace: the organising agency sees its programmes with places taken
and the waiting list, who signed up in order, and records who came with a tick box per person;
another agency sees neither the programme nor the people."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from sqlmodel import col, select

from services import volunteering
from services.volunteering import NewProgramme
from storage.database import Database
from storage.models import Channel, Citizen, SignUpStatus, UserRole, VolunteerSignUp
from storage.repositories.agencies import AgencyRepository
from storage.types import utcnow
from tests.admin.conftest import Accounts
from tests.admin.dashboard.forms import csrf, sign_in

TITLE = "ปลูกป่าชายเลน"


async def _programme_with_sign_ups(database: Database, people: int, capacity: int) -> int:
    """A published programme starting in an hour; `people` citizens sign up one by one."""
    now = utcnow()
    async with database.unit_of_work() as session:
        owner = await AgencyRepository(session).by_code("pwa-50")
        assert owner is not None and owner.id is not None
        starts = now + timedelta(hours=1)
        body = NewProgramme(
            title=TITLE,
            place="ศาลาวัดบางกะเจ้า",
            province_code="50",
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            capacity=capacity,
            requirements="ใส่รองเท้าบูท",
        )
        made = await volunteering.create(session, body, now=now, owner_agency_id=owner.id)
        assert made.id is not None
        await volunteering.publish(session, made.id, now=now)
        for n in range(people):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"Uvolunteer{n:023d}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await volunteering.sign_up(session, made.id, citizen_id=citizen.id, now=now)
        return made.id


async def _statuses(database: Database, programme_id: int) -> list[SignUpStatus]:
    async with database.unit_of_work() as session:
        rows = await session.exec(
            select(VolunteerSignUp)
            .where(col(VolunteerSignUp.programme_id) == programme_id)
            .order_by(col(VolunteerSignUp.id))
        )
        return [row.status for row in rows.all()]


async def test_the_organiser_sees_sign_ups_and_the_waiting_list_and_records_who_came(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    programme_id = await _programme_with_sign_ups(database, people=4, capacity=3)
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    await sign_in(client, official.email)
    listing = (await client.get("/admin/volunteering")).text
    row = listing[listing.index(f'data-programme="{programme_id}"') :]
    assert f">{TITLE}</a>" in row and "3 / 3" in row and '<td data-label="รอคิว">1</td>' in row
    page = (await client.get(f"/admin/volunteering/{programme_id}")).text
    assert "ได้ที่ 3 จาก 3 คน · รอคิว 1 คน" in page
    assert "รอคิวที่ 1" in page  # the fourth person, first on the waiting list
    ticks = re.findall(r'name="came" value="(\d+)"', page)
    assert len(ticks) == 3  # one per person with a place; none for the waiting list

    saved = await client.post(
        f"/admin/volunteering/{programme_id}/attendance",
        data={"csrf": csrf(page), "shown": ticks, "came": ticks[:2]},
    )
    assert saved.status_code == 303
    assert await _statuses(database, programme_id) == [
        SignUpStatus.ATTENDED,
        SignUpStatus.ATTENDED,
        SignUpStatus.NO_SHOW,
        SignUpStatus.WAITLISTED,
    ]
    after = (await client.get(saved.headers["location"])).text
    assert "บันทึกผู้มาร่วมงานแล้ว" in after and "จบงานแล้ว" in after
    assert after.count("checked") == 2  # the record, shown again, can be corrected
    english = (await client.get(f"/admin/volunteering/{programme_id}?lang=en")).text
    assert "Came" in english and "Did not come" in english and "Waiting, number 1" in english

    forged = await client.post(
        f"/admin/volunteering/{programme_id}/attendance",
        data={"csrf": "0" * 32, "shown": ticks, "came": ticks},
    )
    assert forged.status_code == 403
    assert (await _statuses(database, programme_id))[2] is SignUpStatus.NO_SHOW


async def test_another_agency_sees_neither_the_programme_nor_its_people(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    programme_id = await _programme_with_sign_ups(database, people=2, capacity=3)
    other = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
    await sign_in(client, other.email)
    assert TITLE not in (await client.get("/admin/volunteering")).text
    assert (await client.get(f"/admin/volunteering/{programme_id}")).status_code == 404
    page = (await client.get("/admin/volunteering")).text
    refused = await client.post(
        f"/admin/volunteering/{programme_id}/attendance",
        data={"csrf": csrf(page), "shown": ["1"], "came": ["1"]},
    )
    assert refused.status_code == 404
    assert await _statuses(database, programme_id) == [SignUpStatus.CONFIRMED] * 2
