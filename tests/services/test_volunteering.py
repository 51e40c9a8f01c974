"""Volunteer programmes: places fill, the waiting list takes the overflow and moves up on a
cancellation, one sign-up each, attendance, reminders the day before (once), what a citizen
sees near them and in their history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import news, volunteering
from services.errors import ConflictError, InvalidInputError
from services.volunteering import NewProgramme
from storage.models import Channel, Citizen, ProgrammeStatus, SignUpStatus, VolunteerProgramme
from tests.services.conftest import NOW, add_citizen, agency, file_report, outbox

STARTS = NOW + timedelta(days=5)


def programme(**changes: object) -> NewProgramme:
    body: dict[str, object] = {
        "title": "ปลูกป่าชายเลน",
        "place": "ศาลาวัดบางกะเจ้า",
        "province_code": "50",
        "starts_at": STARTS,
        "ends_at": STARTS + timedelta(hours=4),
        "capacity": 3,
        "requirements": "ใส่รองเท้าบูท",
    }
    body.update(changes)
    return NewProgramme(**body)  # type: ignore[arg-type]


async def published(session: AsyncSession, **changes: object) -> VolunteerProgramme:
    owner = await agency(session, "pwa-50")
    assert owner.id is not None
    made = await volunteering.create(
        session, programme(**changes), now=NOW, owner_agency_id=owner.id
    )
    assert made.id is not None
    assert await volunteering.publish(session, made.id, now=NOW)
    return made


async def people(session: AsyncSession, count: int) -> list[int]:
    made = [await add_citizen(session) for _ in range(count)]
    return [citizen.id for citizen in made if citizen.id is not None]


class TestSignUp:
    async def test_places_fill_then_the_waiting_list_takes_the_rest_in_order(
        self, session: AsyncSession
    ) -> None:
        event = await published(session)
        assert event.id is not None
        ids = await people(session, 5)
        outcomes = [
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW) for cid in ids
        ]
        assert [o.sign_up.status for o in outcomes] == [SignUpStatus.CONFIRMED] * 3 + [
            SignUpStatus.WAITLISTED
        ] * 2
        assert [o.position for o in outcomes] == [None, None, None, 1, 2]
        assert all(o.new for o in outcomes)

    async def test_a_second_tap_is_the_same_sign_up(self, session: AsyncSession) -> None:
        event = await published(session, capacity=1)
        assert event.id is not None
        [cid] = await people(session, 1)
        first = await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)
        again = await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)
        assert again.new is False and again.sign_up.id == first.sign_up.id
        assert again.sign_up.status is SignUpStatus.CONFIRMED
        [other] = await people(session, 1)
        waiting = await volunteering.sign_up(session, event.id, citizen_id=other, now=NOW)
        assert waiting.position == 1  # the second tap took no second place

    async def test_a_draft_a_cancelled_or_a_started_programme_takes_no_one(
        self, session: AsyncSession
    ) -> None:
        owner = await agency(session, "pwa-50")
        assert owner.id is not None
        draft = await volunteering.create(session, programme(), now=NOW, owner_agency_id=owner.id)
        assert draft.id is not None
        [cid] = await people(session, 1)
        with pytest.raises(ConflictError):
            await volunteering.sign_up(session, draft.id, citizen_id=cid, now=NOW)
        event = await published(session)
        assert event.id is not None
        with pytest.raises(ConflictError):
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=STARTS)
        await volunteering.cancel_programme(session, event.id, now=NOW)
        with pytest.raises(ConflictError):
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)


class TestCancel:
    async def test_a_freed_place_goes_to_the_first_waiting_who_is_told(
        self, session: AsyncSession
    ) -> None:
        event = await published(session)
        assert event.id is not None
        ids = await people(session, 5)
        for cid in ids:
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)

        done = await volunteering.cancel_sign_up(session, event.id, citizen_id=ids[1], now=NOW)

        assert done.cancelled and done.promoted is not None
        assert done.promoted.citizen_id == ids[3] and done.promoted.status is SignUpStatus.CONFIRMED
        [told] = await outbox(session, kind="volunteer_promoted")
        assert told.citizen_id == ids[3] and told.payload["title"] == "ปลูกป่าชายเลน"
        still = await volunteering.history(session, ids[4])
        assert still[0].position == 1  # moved up from 2

    async def test_cancelling_twice_changes_nothing_the_second_time(
        self, session: AsyncSession
    ) -> None:
        event = await published(session, capacity=1)
        assert event.id is not None
        ids = await people(session, 3)
        for cid in ids:
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)
        first = await volunteering.cancel_sign_up(session, event.id, citizen_id=ids[0], now=NOW)
        second = await volunteering.cancel_sign_up(session, event.id, citizen_id=ids[0], now=NOW)
        assert first.cancelled and first.promoted is not None
        assert not second.cancelled and second.promoted is None
        assert len(await outbox(session, kind="volunteer_promoted")) == 1  # ids[1] only
        entries = {
            e.sign_up.citizen_id: e
            for e in [
                *(await volunteering.history(session, ids[1])),
                *(await volunteering.history(session, ids[2])),
            ]
        }
        assert entries[ids[1]].sign_up.status is SignUpStatus.CONFIRMED
        assert entries[ids[2]].position == 1

    async def test_leaving_the_waiting_list_promotes_no_one(self, session: AsyncSession) -> None:
        event = await published(session, capacity=1)
        assert event.id is not None
        ids = await people(session, 3)
        for cid in ids:
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)
        done = await volunteering.cancel_sign_up(session, event.id, citizen_id=ids[1], now=NOW)
        assert done.cancelled and done.promoted is None
        assert (await volunteering.history(session, ids[2]))[0].position == 1

    async def test_signing_up_again_after_cancelling_joins_the_back_of_the_queue(
        self, session: AsyncSession
    ) -> None:
        event = await published(session, capacity=1)
        assert event.id is not None
        ids = await people(session, 3)
        for cid in ids:
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)
        await volunteering.cancel_sign_up(session, event.id, citizen_id=ids[0], now=NOW)
        back = await volunteering.sign_up(
            session, event.id, citizen_id=ids[0], now=NOW + timedelta(minutes=1)
        )
        assert back.new and back.sign_up.status is SignUpStatus.WAITLISTED and back.position == 2


class TestAttendanceAndReminders:
    async def test_the_organiser_records_who_came_and_the_programme_is_finished(
        self, session: AsyncSession
    ) -> None:
        event = await published(session, capacity=2)
        assert event.id is not None
        ids = await people(session, 3)
        made = [
            (await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)).sign_up.id
            for cid in ids
        ]
        assert None not in made
        with pytest.raises(InvalidInputError, match="no place"):  # the waiting one did not come
            await volunteering.record_attendance(
                session, event.id, attended=[made[2] or 0], now=STARTS
            )
        done = await volunteering.record_attendance(
            session, event.id, attended=[made[0] or 0], absent=[made[1] or 0], now=STARTS
        )
        assert done.status is ProgrammeStatus.FINISHED
        mine = await volunteering.history(session, ids[0])
        assert mine[0].sign_up.status is SignUpStatus.ATTENDED
        assert (await volunteering.history(session, ids[1]))[0].sign_up.status is (
            SignUpStatus.NO_SHOW
        )

    async def test_reminders_go_the_day_before_to_the_confirmed_once(
        self, session: AsyncSession
    ) -> None:
        event = await published(session, capacity=2)
        assert event.id is not None
        ids = await people(session, 3)
        for cid in ids:
            await volunteering.sign_up(session, event.id, citizen_id=cid, now=NOW)

        assert await volunteering.send_reminders(session, now=STARTS - timedelta(days=2)) == 0
        day_before = STARTS - timedelta(hours=20)
        assert await volunteering.send_reminders(session, now=day_before) == 2
        assert await volunteering.send_reminders(session, now=day_before) == 0
        assert await volunteering.send_reminders(session, now=STARTS - timedelta(hours=1)) == 0
        reminded = await outbox(session, kind="volunteer_reminder")
        assert sorted(m.citizen_id or 0 for m in reminded) == ids[:2]

        # One who moves up from the waiting list after the reminders still gets theirs.
        await volunteering.cancel_sign_up(session, event.id, citizen_id=ids[0], now=day_before)
        assert await volunteering.send_reminders(session, now=STARTS - timedelta(hours=2)) == 1
        assert (await outbox(session, kind="volunteer_reminder"))[-1].citizen_id == ids[2]
        assert await volunteering.send_reminders(session, now=STARTS + timedelta(hours=1)) == 0


class TestNearMe:
    async def test_programmes_near_the_citizens_report_and_news_area(
        self, session: AsyncSession
    ) -> None:
        await published(session, title="ที่เชียงใหม่")
        await published(session, title="ที่บางรัก", province_code="10", district_code="1004")
        await published(session, title="ที่ปทุมวัน", province_code="10", district_code="1007")
        await published(session, title="ทั้งกรุงเทพ", province_code="10")
        citizen: Citizen = await add_citizen(session, Channel.TELEGRAM)
        assert citizen.id is not None
        assert await volunteering.areas_of(session, citizen.id) == []
        await file_report(session, citizen.id)  # in Bang Rak (1004)
        areas = await volunteering.areas_of(session, citizen.id)
        assert areas == [("10", "1004")]
        near = await volunteering.open_in(session, areas, now=NOW, limit=10)
        assert [o.programme.title for o in near] == ["ที่บางรัก", "ทั้งกรุงเทพ"]
        assert near[0].places_left == 3
        await news.subscribe(session, citizen.id, province_code="50")
        areas = await volunteering.areas_of(session, citizen.id)
        near = await volunteering.open_in(session, areas, now=NOW, limit=10)
        assert {o.programme.title for o in near} == {"ที่บางรัก", "ทั้งกรุงเทพ", "ที่เชียงใหม่"}
        assert await volunteering.open_in(session, areas, now=STARTS, limit=10) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"capacity": 0}, "capacity"),
        ({"starts_at": NOW - timedelta(hours=1)}, "past"),
        ({"ends_at": STARTS}, "ends_at"),
        ({"place": " "}, "place"),
    ],
)
async def test_a_programme_no_one_could_join_is_refused(
    session: AsyncSession, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        await volunteering.create(session, programme(**changes), now=NOW, owner_agency_id=1)
