"""PDPA erasure as a domain rule: personal data scrubbed everywhere it was copied, statistics
kept, and the photo files named for the caller to delete after its commit (never touched here).

The whole-database scan through every channel is `tests/bot/conversations/test_erasure_scan.py`;
the conversation's side (asking twice, deleting the files only once committed) is
`tests/bot/conversations/test_my_data.py`."""

from __future__ import annotations

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.citizen_data import consent
from services.citizen_data.erasure import erase_citizen
from services.citizen_data.scrubbing import ERASED_MARK, NUMBER_MARK
from services.filing import file_feedback
from services.ticket_corrections import note_internally
from services.ticket_moves import change_status
from storage.models import (
    ActorType,
    Channel,
    Citizen,
    ConsentState,
    DeliveryStatus,
    FeedbackItem,
    FeedbackMedia,
    FeedbackStatus,
    InboundEvent,
)
from tests.services.citizen_data.photos import add_photo
from tests.services.conftest import NOW, add_citizen, file_report, official_actor, outbox

PHONE = "081-234-5678"
WORDS = f"ถนนซอยสีลม 9 เป็นหลุมลึกมาก รถมอเตอร์ไซค์ล้มไปสองคันแล้ว ติดต่อคุณสมชาย {PHONE}"
NOTE = f"โทรหาคุณสมชาย {PHONE} แล้ว นัดซ่อมหน้าบ้านเลขที่ 99/123 พรุ่งนี้ ใจดีรออยู่ปากซอย 71"


async def somchai(session: AsyncSession) -> Citizen:
    citizen = await add_citizen(session, user_id="U-somchai")
    citizen.display_name = "สมชาย ใจดี"
    consent.give(session, citizen, now=NOW)
    return citizen


class TestWhatIsScrubbed:
    async def test_the_citizen_s_words_lose_personal_data_and_keep_the_statistics(
        self, session: AsyncSession
    ) -> None:
        citizen = await somchai(session)
        filed = await file_feedback(
            session,
            channel=Channel.LINE,
            text=WORDS,
            analysis=None,
            citizen_id=citizen.id,
            category="ถนน",
            district_code="1004",
            latitude=13.7293417,
            longitude=100.5289251,
            location_text="หน้าบ้านเลขที่ 99/123 ซอยสีลม 9",
            now=NOW,
        )

        erased = await erase_citizen(session, citizen, now=NOW)

        item = filed.item
        assert erased.items == 1
        for text in (item.original_text, item.redacted_text, item.location_text or ""):
            assert PHONE not in text and "สมชาย" not in text and "99/123" not in text, text
        assert "หลุมลึก" in item.original_text and NUMBER_MARK in item.original_text
        assert (item.latitude, item.longitude) == (13.73, 100.53)  # about 1 km is kept
        assert (item.category, item.district_code, item.status) == (
            "ถนน",
            "1004",
            FeedbackStatus.ROUTED,
        )

    async def test_notes_about_them_are_scrubbed_also_where_followers_were_told(
        self, session: AsyncSession
    ) -> None:
        citizen, follower = await somchai(session), await add_citizen(session)
        lead = await file_report(session, citizen.id, text=WORDS)
        again = await file_report(session, follower.id, text="ถนนซอยสีลม 9 เป็นหลุมลึก รถล้มอีกแล้ว")
        assert again.duplicate_of_id == lead.id
        official = await official_actor(session)
        await change_status(
            session, lead.id or 0, to=FeedbackStatus.ACCEPTED, actor=official, note=NOTE
        )

        await erase_citizen(session, citizen, now=NOW)

        notices = await outbox(session, kind="status_changed")
        assert {message.citizen_id for message in notices} == {citizen.id, follower.id}
        for message in notices:
            written = str(message.payload)
            assert PHONE not in written and "สมชาย" not in written and "99/123" not in written
        heard = next(m for m in notices if m.citizen_id == follower.id)
        # The masker let the surname and the house number through to the follower; erasure not.
        assert "ใจดี" not in heard.payload["note"] and "71" not in heard.payload["note"]
        assert "พรุ่งนี้" in heard.payload["note"]  # the follower's notice still says what
        assert again.original_text == "ถนนซอยสีลม 9 เป็นหลุมลึก รถล้มอีกแล้ว"  # theirs is untouched

    async def test_officials_internal_notes_about_them_are_scrubbed(
        self, session: AsyncSession
    ) -> None:
        citizen = await somchai(session)
        item = await file_report(session, citizen.id, text=WORDS)
        note = await note_internally(
            session, item.id or 0, actor=await official_actor(session), text=NOTE
        )

        await erase_citizen(session, citizen, now=NOW)

        kept = note.note or ""
        assert PHONE not in kept and "สมชาย" not in kept and "99/123" not in kept
        assert "พรุ่งนี้" in kept  # what the officials agreed is still there

    async def test_the_display_name_is_masked_wherever_it_was_written(
        self, session: AsyncSession
    ) -> None:
        citizen = await somchai(session)
        item = await file_report(session, citizen.id, text="ใจดี แจ้งว่าถนนซอยสีลม 9 เป็นหลุมลึกมาก")

        await erase_citizen(session, citizen, now=NOW)

        assert "ใจดี" not in item.original_text and ERASED_MARK in item.original_text


class TestWhoTheyWere:
    async def test_the_citizen_becomes_a_pseudonym_without_consent_or_messages(
        self, session: AsyncSession
    ) -> None:
        citizen = await somchai(session)
        await file_report(session, citizen.id, text=WORDS)
        assert await outbox(session, citizen_id=citizen.id, status=DeliveryStatus.PENDING)

        await erase_citizen(session, citizen, now=NOW)

        assert citizen.channel_user_id == f"erased-{citizen.public_id}"
        assert citizen.display_name is None and citizen.erased_at == NOW
        assert citizen.consent_state is ConsentState.WITHDRAWN and not consent.is_given(citizen)
        assert citizen.notifications_enabled is False
        theirs = await outbox(session, citizen_id=citizen.id)
        assert {(m.status, m.target) for m in theirs} == {
            (DeliveryStatus.SKIPPED, citizen.channel_user_id)  # nothing pending goes out
        }
        assert all(message.payload == {"erased": True} for message in theirs)

    async def test_their_raw_events_are_blanked_and_no_one_else_s(
        self, session: AsyncSession
    ) -> None:
        citizen = await somchai(session)
        for external_id, user in (("evt-1", "U-somchai"), ("evt-2", "U-other")):
            session.add(
                InboundEvent(
                    channel=Channel.LINE,
                    external_id=external_id,
                    event_type="message",
                    payload={"source": {"userId": user}, "text": WORDS},
                    raw_body=f'{{"userId": "{user}"}}',
                )
            )
        await session.flush()

        await erase_citizen(session, citizen, now=NOW)

        events = {e.external_id: e for e in (await session.exec(select(InboundEvent))).all()}
        assert events["evt-1"].payload == {"erased": True} and events["evt-1"].raw_body == ""
        assert events["evt-2"].raw_body == '{"userId": "U-other"}'  # the row stays recognisable


async def photo_keys(session: AsyncSession) -> list[str]:
    statement = select(FeedbackMedia.storage_key).order_by(col(FeedbackMedia.id))
    return list((await session.exec(statement)).all())


class TestPhotos:
    async def test_their_photos_go_and_the_files_are_named_for_after_the_commit(
        self, session: AsyncSession
    ) -> None:
        citizen = await somchai(session)
        item = await file_report(session, citizen.id, text=WORDS)
        await add_photo(session, item, "ab/hole.jpg")

        erased = await erase_citizen(session, citizen, now=NOW, unfiled_photos=["cd/draft.jpg"])

        assert erased.photos == 1 and await photo_keys(session) == []
        assert erased.files_to_delete == ("ab/hole.jpg", "cd/draft.jpg")

    async def test_a_file_another_report_uses_is_kept_for_it(self, session: AsyncSession) -> None:
        citizen, neighbour = await somchai(session), await add_citizen(session)
        mine = await file_report(session, citizen.id, text=WORDS)
        theirs = await file_report(session, neighbour.id, text="ไฟทางเดินดับ สีลม 9", category="ไฟฟ้า")
        await add_photo(session, mine, "ab/same.jpg")  # one file per content: the same picture
        await add_photo(session, theirs, "ab/same.jpg")

        erased = await erase_citizen(session, citizen, now=NOW)

        assert erased.files_to_delete == () and await photo_keys(session) == ["ab/same.jpg"]

    async def test_an_official_s_photo_of_the_repair_stays(self, session: AsyncSession) -> None:
        citizen = await somchai(session)
        item = await file_report(session, citizen.id, text=WORDS)
        await add_photo(session, item, "ab/hole.jpg")
        await add_photo(session, item, "ef/fixed.jpg", added_by=ActorType.OFFICIAL)

        erased = await erase_citizen(session, citizen, now=NOW)

        assert erased.files_to_delete == ("ab/hole.jpg",)
        assert await photo_keys(session) == ["ef/fixed.jpg"]


async def test_an_erased_item_still_counts(session: AsyncSession) -> None:
    citizen = await somchai(session)
    await file_report(session, citizen.id, text=WORDS)

    await erase_citizen(session, citizen, now=NOW)

    statement = select(FeedbackItem).where(col(FeedbackItem.citizen_id) == citizen.id)
    assert len((await session.exec(statement)).all()) == 1
