"""A copy of everything Siang holds about one citizen: their words as written, the place, photos,
each update with the agency's note, their picks, and nothing of anyone else."""

from __future__ import annotations

import json

from sqlmodel.ext.asyncio.session import AsyncSession

from services import labelled_examples, volunteering
from services.citizen_data import consent
from services.citizen_data.export import export_citizen_data
from services.labelled_examples import CitizenPick
from services.ticket_moves import change_status
from storage.models import ActorType, ConsentState, FeedbackStatus
from tests.services.citizen_data.photos import add_photo
from tests.services.conftest import NOW, add_citizen, file_report, official_actor
from tests.services.test_volunteering import published

WORDS = "ถนนซอยสีลม 9 เป็นหลุมลึกมาก โทรหาสมชายได้ที่ 081-234-5678"
NOTE = "โทรหาคุณสมชายแล้ว จะเข้าซ่อมพรุ่งนี้"


class TestExportCitizenData:
    async def test_the_copy_holds_what_the_citizen_sent_and_was_told(
        self, session: AsyncSession
    ) -> None:
        citizen = await add_citizen(session, user_id="U-somchai")
        citizen.display_name = "สมชาย ใจดี"
        consent.give(session, citizen, now=NOW)
        item = await file_report(session, citizen.id, text=WORDS)
        await add_photo(session, item, "ab/hole.jpg")
        official = await official_actor(session)
        await change_status(
            session, item.id or 0, to=FeedbackStatus.ACCEPTED, actor=official, note=NOTE
        )
        pick = CitizenPick("category", "ถนน", proposed="ไฟฟ้า")
        await labelled_examples.keep_pick(
            session, pick, text=WORDS, citizen_id=citizen.id, now=NOW, feedback_id=item.id
        )

        held = await export_citizen_data(session, citizen)

        assert (held.channel, held.platform_id, held.display_name) == (
            "line",
            "U-somchai",
            "สมชาย ใจดี",
        )
        assert (held.consent, held.consent_at) == (ConsentState.ACCEPTED, NOW)
        [report] = held.reports
        assert report.reference == item.reference and report.text == WORDS  # not masked: theirs
        assert (report.category, report.district_code, report.photos) == ("ถนน", "1004", 1)
        assert [update.status for update in report.updates] == ["received", "routed", "accepted"]
        assert report.updates[-1].note == NOTE  # as the agency wrote it to its reporter
        [kept] = held.picks
        assert kept.chosen == "ถนน" and "081-234-5678" not in kept.text  # kept masked
        assert held.photos == 1

    async def test_no_one_elses_reports_are_in_the_copy(self, session: AsyncSession) -> None:
        citizen, neighbour = await add_citizen(session), await add_citizen(session)
        await file_report(session, neighbour.id, text=WORDS)
        mine = await file_report(session, citizen.id, text="ไฟทางเดินดับทั้งซอย สีลม 9", category="ไฟฟ้า")

        held = await export_citizen_data(session, citizen)

        assert [report.reference for report in held.reports] == [mine.reference]
        assert held.picks == () and held.photos == 0

    async def test_an_official_s_photo_is_not_counted_as_the_citizen_s(
        self, session: AsyncSession
    ) -> None:
        citizen = await add_citizen(session)
        item = await file_report(session, citizen.id)
        await add_photo(session, item, "ef/fixed.jpg", added_by=ActorType.OFFICIAL)

        assert (await export_citizen_data(session, citizen)).photos == 0

    async def test_the_copy_is_plain_json(self, session: AsyncSession) -> None:
        citizen = await add_citizen(session)
        await file_report(session, citizen.id, text=WORDS)

        copy = (await export_citizen_data(session, citizen)).as_json()

        again = json.loads(json.dumps(copy, ensure_ascii=False))
        assert again["reports"][0]["text"] == WORDS
        assert again["reports"][0]["filed_at"] == NOW.isoformat()
        assert again["consent"] == "pending"


class TestVolunteeringInTheCopy:
    async def test_the_copy_holds_the_citizen_s_sign_ups_and_what_they_gave_the_organiser(
        self, session: AsyncSession
    ) -> None:
        citizen, neighbour = await add_citizen(session), await add_citizen(session)
        event = await published(session, capacity=1)
        assert event.id is not None and citizen.id is not None and neighbour.id is not None
        await volunteering.sign_up(session, event.id, citizen_id=neighbour.id, now=NOW)
        await volunteering.give_contact(
            session, event.id, citizen_id=neighbour.id, contact="สมหญิง 089-999-0000"
        )
        await volunteering.sign_up(session, event.id, citizen_id=citizen.id, now=NOW)
        await volunteering.give_contact(
            session, event.id, citizen_id=citizen.id, contact="สมชาย 081-234-5678"
        )

        copy = (await export_citizen_data(session, citizen)).as_json()

        [mine] = copy["volunteering"]
        assert (mine["programme"], mine["status"], mine["waiting_position"]) == (
            "ปลูกป่าชายเลน",
            "waitlisted",
            1,
        )
        assert mine["contact"] == "สมชาย 081-234-5678"  # theirs, as they gave it
        assert "089-999-0000" not in json.dumps(copy, ensure_ascii=False)
