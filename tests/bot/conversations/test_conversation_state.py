"""The state machine: cancel and menu anywhere, timeouts, restarts, several citizens at once,
and messages that fit no flow (never silence, never a trace)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.messages import Inbound, InboundKind
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, Citizen, ConversationState, FeedbackItem
from tests.bot.conversations.conftest import POTHOLE, Chat, all_text, labels, make_engine

START = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


async def count_items(database: Database) -> int:
    async with database.unit_of_work() as session:
        return len((await session.exec(select(FeedbackItem))).all())


async def state_of(database: Database) -> ConversationState:
    async with database.unit_of_work() as session:
        return (await session.exec(select(ConversationState))).one()


class TestCancelAndMenuAnywhere:
    async def test_cancel_in_the_middle_of_a_report_drops_it(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")  # now at the consent step
        replies = await citizen.send("ยกเลิก")
        assert "ยกเลิกแล้ว" in all_text(replies) and "แจ้งปัญหา" in labels(replies)
        assert (await state_of(database)).flow == "idle"
        assert await count_items(database) == 0

    async def test_menu_while_choosing_a_category_goes_back_to_the_menu(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("แก้ไข")
        await citizen.tap("แก้หมวดหมู่")
        replies = await citizen.send("เมนู")
        assert labels(replies)[0] == "แจ้งปัญหา"
        assert (await state_of(database)).flow == "idle"

    async def test_help_in_a_flow_explains_and_repeats_the_question(self, citizen: Chat) -> None:
        await citizen.send(POTHOLE)
        replies = await citizen.send("help")
        assert "วิธีใช้เสียง" in all_text(replies)
        assert labels(replies) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]

    async def test_cancel_with_nothing_open(self, citizen: Chat) -> None:
        assert "ไม่มีเรื่องที่ค้างอยู่" in all_text(await citizen.send("cancel"))


class TestTimeoutAndRestart:
    async def test_thirty_minutes_of_silence_goes_back_to_idle_and_says_so(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE, now=START)
        still = await citizen.send("ยืนยัน", now=START + timedelta(minutes=29))
        assert "PDPA" in all_text(still)
        late = await citizen.send("ยอมรับ", now=START + timedelta(minutes=60))
        assert "หมดเวลา" in all_text(late) and "30 นาที" in all_text(late)
        assert await count_items(database) == 0
        assert (await state_of(database)).flow == "idle"

    async def test_a_new_engine_resumes_where_the_citizen_left_off(
        self, citizen: Chat, database: Database, settings: Settings
    ) -> None:
        await citizen.send(POTHOLE)
        # The process restarts: a new engine and a new connection pool, same database.
        restarted_db = Database(settings.database_url)
        try:
            resumed = Chat(make_engine(settings), restarted_db, "U-somchai", Channel.LINE)
            resumed.replies = citizen.replies
            notice = await resumed.tap("ยืนยัน")
            assert "PDPA" in all_text(notice)
            filed = await resumed.tap("ยอมรับ")
            assert "เลขเรื่องของคุณคือ" in all_text(filed)
        finally:
            await restarted_db.dispose()
        assert await count_items(database) == 1


async def test_two_citizens_interleaving_keep_their_own_reports(
    citizen: Chat, database: Database
) -> None:
    other = Chat(citizen.engine, database, "T-4242", Channel.TELEGRAM)
    await citizen.send(POTHOLE)
    await other.send("ขยะล้นถังหน้าตลาด เขตบางนา ส่งกลิ่นเหม็นมาหลายวัน")
    await citizen.tap("ยืนยัน")
    await other.tap("แก้ไข")
    await citizen.tap("ยอมรับ")
    await other.tap("แก้สถานที่")
    await other.send("อำเภอเมืองเชียงใหม่")
    await other.tap("ยืนยัน")
    await other.tap("ยอมรับ")
    async with database.unit_of_work() as session:
        rows = (await session.exec(select(FeedbackItem, Citizen).join(Citizen))).all()
    found = {person.channel_user_id: (item.category, item.district_code) for item, person in rows}
    assert found == {"U-somchai": ("ถนน", "1045"), "T-4242": ("ความสะอาด", "5001")}


class TestMessagesThatFitNoFlow:
    async def test_a_sticker_gets_a_friendly_answer(self, citizen: Chat) -> None:
        replies = await citizen.send(kind=InboundKind.STICKER)
        assert "สติกเกอร์" in all_text(replies) and "แจ้งปัญหา" in labels(replies)

    async def test_a_sticker_in_a_flow_repeats_the_question(self, citizen: Chat) -> None:
        await citizen.send(POTHOLE)
        replies = await citizen.send(kind=InboundKind.STICKER)
        assert labels(replies) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]

    async def test_empty_text_gets_the_menu(self, citizen: Chat) -> None:
        replies = await citizen.send("   ")
        assert "ไม่พบข้อความ" in all_text(replies) and "แจ้งปัญหา" in labels(replies)

    async def test_gibberish_gets_help_with_the_menu(self, citizen: Chat) -> None:
        replies = await citizen.send("อืม")
        assert "ยังไม่เข้าใจ" in all_text(replies) and "แจ้งปัญหา" in labels(replies)

    async def test_an_unknown_button_gets_the_menu(self, citizen: Chat) -> None:
        replies = await citizen.send(postback="something-we-never-sent")
        assert "ยังไม่เข้าใจ" in all_text(replies) and "แจ้งปัญหา" in labels(replies)

    async def test_an_unsupported_message_says_what_is_accepted(self, citizen: Chat) -> None:
        replies = await citizen.send(kind=InboundKind.UNSUPPORTED)
        assert "ข้อความ รูปถ่าย และตำแหน่ง" in all_text(replies)

    async def test_a_ten_thousand_character_message_is_refused_clearly(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        replies = await citizen.send("ก" * 10_000)
        assert "10,000" in all_text(replies) and "5,000" in all_text(replies)
        assert (await state_of(database)).step == "confirm"  # the report is still there

    async def test_a_new_follower_is_welcomed(self, citizen: Chat) -> None:
        replies = await citizen.send(kind=InboundKind.FOLLOW)
        assert "ยินดีต้อนรับ" in all_text(replies)

    async def test_group_chatter_is_not_answered(self, citizen: Chat, database: Database) -> None:
        inbound = Inbound(
            channel=Channel.LINE,
            user_id="U-somchai",
            kind=InboundKind.TEXT,
            external_id="group-1",
            chat_id="C-group",
            text=POTHOLE,
        )
        async with database.unit_of_work() as session:
            assert await citizen.engine.handle(session, inbound) == []


async def test_the_citizen_can_switch_to_english_and_back(citizen: Chat) -> None:
    english = await citizen.send("English")
    assert "Switched to English" in all_text(english) and "Report a problem" in labels(english)
    proposal = await citizen.send(POTHOLE)
    assert proposal[0].card is not None and proposal[0].card.title == "Your report"
    assert dict(proposal[0].card.fields)["Category"] == "roads"
    thai = await citizen.tap_data("lang:th")
    assert "ภาษาไทย" in all_text(thai)
