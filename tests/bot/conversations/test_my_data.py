"""My data in the chat: what is stored, a copy of it, erasure after a second tap (its photo files
deleted only once the turn has committed), stopping messages. The erasure rules themselves are
tested in `tests/services/citizen_data/`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from bot.conversations.engine import ConversationEngine
from bot.messages import Inbound, InboundKind, StoredMedia
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    Channel,
    Citizen,
    ConsentState,
    FeedbackItem,
    FeedbackMedia,
)
from tests.bot.conversations.conftest import Chat, all_text, labels

WITH_PHONE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก เขตวังทองหลาง ติดต่อสมชาย 081-234-5678"


async def test_my_data_lists_what_is_kept(citizen: Chat) -> None:
    await citizen.send(WITH_PHONE)
    await citizen.tap("ยืนยัน")
    await citizen.tap("ยอมรับ")
    text = all_text(await citizen.send("ข้อมูลของฉัน"))
    assert "line" in text and "ยอมรับเมื่อ" in text and "1 เรื่อง" in text
    assert "รูป 0 รูป" in text
    assert labels(citizen.replies)[:3] == ["ขอสำเนาข้อมูล", "ลบข้อมูลของฉัน", "หยุดรับการแจ้งเตือน"]


async def test_the_copy_holds_the_report_as_written(citizen: Chat) -> None:
    await citizen.send(WITH_PHONE)
    await citizen.tap("ยืนยัน")
    await citizen.tap("ยอมรับ")
    await citizen.send("ข้อมูลของฉัน")

    copy = await citizen.tap("ขอสำเนาข้อมูล")

    text = all_text(copy)
    assert "U-somchai" in text and "ยอมรับเมื่อ" in text
    assert WITH_PHONE in text  # the citizen's own words, not masked: they are theirs
    assert "รับเรื่องแล้ว" in text and "ส่งถึงหน่วยงานแล้ว" in text  # each update is listed
    assert labels(copy) == ["ลบข้อมูลของฉัน", "เมนู"]


async def test_the_copy_comes_in_english_to_an_english_speaker(citizen: Chat) -> None:
    await citizen.send("English")
    copy = await citizen.tap_data("mydata:copy")
    assert "A copy of everything Siang keeps about you" in all_text(copy)


async def test_erasure_removes_personal_data_and_keeps_the_statistics(
    citizen: Chat, database: Database, settings: Settings
) -> None:
    photo_file = Path(settings.media_dir) / "ab" / "photo.jpg"
    photo_file.parent.mkdir(parents=True, exist_ok=True)
    photo_file.write_bytes(b"\xff\xd8\xff photo")
    photo = StoredMedia("image/jpeg", "ab/photo.jpg", 10, "b" * 64)
    await citizen.send(kind=InboundKind.IMAGE, media=photo)
    await citizen.send(WITH_PHONE)
    await citizen.tap("ยืนยัน")
    await citizen.tap("ยอมรับ")

    await citizen.send("ข้อมูลของฉัน")
    asked = await citizen.tap("ลบข้อมูลของฉัน")
    assert "ยืนยันลบข้อมูล" in labels(asked)
    done = await citizen.tap("ยืนยันลบข้อมูล")
    assert "ลบข้อมูลส่วนบุคคลของคุณแล้ว" in all_text(done)

    async with database.unit_of_work() as session:
        [item] = (await session.exec(select(FeedbackItem))).all()
        erased = await session.get(Citizen, item.citizen_id)
        media = (await session.exec(select(FeedbackMedia))).all()
    assert item.category == "ถนน" and item.district_code == "1045"  # statistics keep counting
    assert "5678" not in item.original_text and "หลุม" in item.original_text
    assert media == [] and not photo_file.exists()
    assert erased is not None and erased.erased_at is not None
    assert erased.channel_user_id != "U-somchai"
    assert erased.consent_state is ConsentState.WITHDRAWN

    again = await citizen.send("สวัสดีค่ะ")
    assert "ยินดีต้อนรับ" in all_text(again)
    async with database.unit_of_work() as session:
        fresh = (
            await session.exec(select(Citizen).where(col(Citizen.channel_user_id) == "U-somchai"))
        ).one()
    assert fresh.id != erased.id and fresh.consent_state is ConsentState.PENDING


async def test_anything_but_the_confirm_tap_keeps_the_data(
    citizen: Chat, database: Database
) -> None:
    await citizen.tap_data("erase")
    kept = await citizen.send("ไม่เอาแล้ว เปลี่ยนใจ")
    assert "ยกเลิกแล้ว" in all_text(kept)
    async with database.unit_of_work() as session:
        person = (await session.exec(select(Citizen))).one()
    assert person.erased_at is None


async def test_stop_and_resume_notifications(citizen: Chat, database: Database) -> None:
    assert "หยุดส่งการแจ้งเตือนแล้ว" in all_text(await citizen.send("หยุดแจ้งเตือน"))
    async with database.unit_of_work() as session:
        assert (await session.exec(select(Citizen))).one().notifications_enabled is False
    assert "เปิดรับการแจ้งเตือนอีกครั้ง" in all_text(await citizen.tap_data("notify:on"))
    async with database.unit_of_work() as session:
        assert (await session.exec(select(Citizen))).one().notifications_enabled is True


def _stored_photo(settings: Settings, key: str) -> tuple[Path, StoredMedia]:
    path = Path(settings.media_dir) / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8\xff photo")
    return path, StoredMedia("image/jpeg", key, 10, "c" * 64)


async def _file_with_photo(person: Chat, photo: StoredMedia) -> None:
    await person.send(kind=InboundKind.IMAGE, media=photo)
    await person.send(WITH_PHONE)
    await person.tap("ยืนยัน")
    await person.tap("ยอมรับ")


class TestPhotosOnErasure:
    async def test_the_photo_stays_when_the_erasure_is_rolled_back_and_goes_once_committed(
        self, citizen: Chat, database: Database, settings: Settings
    ) -> None:
        photo_file, photo = _stored_photo(settings, "cd/kept.jpg")
        await _file_with_photo(citizen, photo)
        await citizen.tap_data("erase")
        confirm = Inbound(
            channel=citizen.channel,
            user_id=citizen.user_id,
            kind=InboundKind.POSTBACK,
            external_id="event-erase-confirm",
            postback="erase:yes",
        )

        with pytest.raises(RuntimeError):
            async with database.unit_of_work() as session:
                await citizen.engine.handle(session, confirm)
                raise RuntimeError("the turn fails after the erasure, before its commit")

        assert photo_file.exists()
        async with database.unit_of_work() as session:
            assert len((await session.exec(select(FeedbackMedia))).all()) == 1
            person = (await session.exec(select(Citizen))).one()
        assert person.erased_at is None

        await citizen.tap_data("erase:yes")  # asked again, this time the turn commits

        assert not photo_file.exists()
        async with database.unit_of_work() as session:
            assert (await session.exec(select(FeedbackMedia))).all() == []

    async def test_a_photo_someone_else_also_sent_stays_for_them(
        self, citizen: Chat, engine: ConversationEngine, database: Database, settings: Settings
    ) -> None:
        photo_file, photo = _stored_photo(settings, "cd/same.jpg")  # stored once per content
        neighbour = Chat(engine, database, "U-neighbour", Channel.LINE)
        await _file_with_photo(citizen, photo)
        await _file_with_photo(neighbour, photo)

        await citizen.tap_data("erase")
        await citizen.tap_data("erase:yes")

        assert photo_file.exists()
        async with database.unit_of_work() as session:
            assert len((await session.exec(select(FeedbackMedia))).all()) == 1

    async def test_a_photo_of_a_report_not_yet_filed_is_deleted(
        self, citizen: Chat, settings: Settings
    ) -> None:
        photo_file, photo = _stored_photo(settings, "cd/draft.jpg")
        await citizen.send(kind=InboundKind.IMAGE, media=photo)

        await citizen.tap_data("erase")
        await citizen.tap_data("erase:yes")

        assert not photo_file.exists()
