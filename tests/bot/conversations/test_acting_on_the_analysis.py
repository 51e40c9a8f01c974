"""The conversation acts on what the NLP reads: greetings, follow-ups in words, gibberish and
other languages are answered, not filed; a question gets where to ask; praise is thanked and
filed as praise; danger now gets the numbers to call first."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from bot.conversations.engine import ConversationEngine
from bot.messages import InboundKind
from bot.texts import text
from storage.database import Database
from storage.models import (
    Agency,
    Channel,
    Citizen,
    ConversationState,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    Urgency,
)
from tests.bot.conversations.conftest import Chat, all_text, file_report, labels

MENU = ["แจ้งปัญหา", "ความเห็น/ข้อเสนอแนะ", "ติดตามเรื่อง", "วิธีใช้", "ข้อมูลของฉัน"]
WATER_QUESTION = "น้ำไม่ไหลต้องแจ้งที่ไหนคะ บ้านอยู่อำเภอแม่ริม เชียงใหม่"
PRAISE = "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะหน้าตลาดเขตบางนาให้รวดเร็วมาก ประทับใจค่ะ"
FIRE = "ไฟไหม้บ้านไม้ในซอย มีคนติดอยู่ข้างใน เขตบางนา"


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all())


async def flow_of(database: Database) -> str:
    async with database.unit_of_work() as session:
        return (await session.exec(select(ConversationState))).one().flow


async def agency_code(database: Database, agency_id: int | None) -> str | None:
    async with database.unit_of_work() as session:
        agency = await session.get(Agency, agency_id)
        return agency.code if agency else None


class TestConversationNotFeedback:
    async def test_a_greeting_gets_one_short_answer_with_the_menu(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send("สวัสดีครับ")
        assert len(replies) == 1 and replies[0].text == text("th", "welcome")
        assert labels(replies)[:5] == MENU
        assert await items(database) == [] and await flow_of(database) == "idle"

    async def test_a_hello_from_someone_already_welcomed_is_answered_in_one_line(
        self, citizen: Chat, engine: ConversationEngine, database: Database
    ) -> None:
        await citizen.send(kind=InboundKind.FOLLOW)  # LINE's follow event: the welcome
        replies = await citizen.send("สวัสดีครับ")
        assert [reply.text for reply in replies] == [text("th", "hello_again")]
        assert len(text("th", "hello_again")) < len(text("th", "welcome")) / 2
        assert labels(replies)[:5] == MENU
        # the web chat's page shows the welcome when it opens: its first hello is answered short
        web = Chat(engine, database, "web-session-1", Channel.WEB)
        assert [reply.text for reply in await web.send("หวัดดีค่ะ")] == [text("th", "hello_again")]

    async def test_thanks_are_answered_kindly(self, citizen: Chat) -> None:
        replies = await citizen.send("ขอบคุณมากๆ")
        assert replies[0].text == text("th", "thanks") and labels(replies)[:5] == MENU

    async def test_gibberish_gets_the_menu_and_is_not_a_report(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send("asdfghjkl")
        assert "ไม่แน่ใจว่าหมายถึงอะไร" in all_text(replies)
        assert labels(replies)[:5] == MENU
        assert await flow_of(database) == "idle"

    async def test_emoji_only_gets_the_menu(self, citizen: Chat, database: Database) -> None:
        replies = await citizen.send("😡😡😡😡😡😡😡😡")
        assert all_text(replies) == text("th", "unclear")
        assert await flow_of(database) == "idle"

    async def test_another_language_gets_a_thai_and_english_notice(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send("ສະບາຍດີ ຂ້ອຍມີບັນຫາກັບຖະໜົນ")
        assert "Thai and English only" in all_text(replies) and "ภาษาไทย" in all_text(replies)
        assert labels(replies)[:5] == MENU
        assert await flow_of(database) == "idle"

    async def test_an_emergency_in_chinese_gets_the_numbers_and_the_tourist_police(
        self, citizen: Chat
    ) -> None:
        replies = await citizen.send("我的孩子在夜市找不到了，请帮忙")
        said = all_text(replies)
        assert "1669" in said and "1155" in said

    async def test_english_is_answered_in_english(self, citizen: Chat, database: Database) -> None:
        asked = await citizen.send("There is a deep pothole in front of my house")
        assert "Where is it?" in all_text(asked)
        replies = await citizen.send(
            kind=InboundKind.LOCATION, latitude=13.7563, longitude=100.5018
        )
        card = replies[-1].card
        assert card is not None and card.title == "Your report"
        assert dict(card.fields)["Category"] == "roads"
        async with database.unit_of_work() as session:
            [who] = (await session.exec(select(Citizen))).all()
        assert who.language == "en"

    async def test_a_thai_sentence_from_a_browser_set_to_english_is_answered_in_thai(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send("สวัสดีค่ะ", language="en-US")
        assert all_text(replies) == text("th", "welcome")
        async with database.unit_of_work() as session:
            [who] = (await session.exec(select(Citizen))).all()
        assert who.language == "th"

    async def test_a_thai_place_name_typed_by_an_english_writer_keeps_english(
        self, citizen: Chat
    ) -> None:
        asked = await citizen.send("There is a deep pothole in front of my hotel")
        assert "Where is it?" in all_text(asked)
        replies = await citizen.send("ซอยละลายทรัพย์ เขตบางรัก")
        card = replies[-1].card
        assert card is not None and card.title == "Your report"

    async def test_the_card_names_the_place_in_english(self, citizen: Chat) -> None:
        await citizen.send("There is a deep pothole on Silom road, Bang Rak district")
        card = citizen.replies[-1].card
        assert card is not None and dict(card.fields)["Place"] == "Si Lom, Bang Rak, Bangkok"

    @pytest.mark.parametrize(
        "message", ["ช่วยด้วย ใช้ยังไง", "งง ใช้ยังไงอะ", "แจ้งเรื่องยังไงคะ", "ขอถามหน่อย ส่งเรื่องยังไง"]
    )
    async def test_asking_how_to_use_siang_gets_help(
        self, citizen: Chat, database: Database, message: str
    ) -> None:
        replies = await citizen.send(message)
        assert "วิธีใช้เสียง" in all_text(replies)
        assert await flow_of(database) == "idle"

    async def test_asking_how_to_deal_with_a_problem_is_a_question_not_help(
        self, citizen: Chat
    ) -> None:
        replies = await citizen.send("บัตรประชาชนหายต้องทำยังไงคะ")
        assert "วิธีใช้เสียง" not in all_text(replies)


class TestFollowUpInWords:
    async def test_asking_in_words_lists_my_items(self, citizen: Chat, database: Database) -> None:
        reference = await file_report(citizen)
        replies = await citizen.send("เรื่องที่แจ้งไปถึงไหนแล้วคะ")
        assert reference in all_text(replies) and reference in labels(replies)
        assert len(await items(database)) == 1

    async def test_with_nothing_reported_it_says_so_kindly(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send("ตามเรื่องหน่อยค่ะ")
        assert all_text(replies) == text("th", "follow.none")
        assert "แจ้งปัญหา" in labels(replies)
        assert await items(database) == []

    async def test_a_reference_in_words_shows_its_history(self, citizen: Chat) -> None:
        reference = await file_report(citizen)
        replies = await citizen.send(f"ติดตาม {reference}")
        assert f"ความคืบหน้าเรื่อง {reference}" in all_text(replies)
        words = await citizen.send(f"เรื่อง {reference} ถึงไหนแล้วคะ")
        assert f"ความคืบหน้าเรื่อง {reference}" in all_text(words)

    async def test_nothing_open_lists_the_latest_items(
        self, citizen: Chat, database: Database
    ) -> None:
        reference = await file_report(citizen)
        async with database.unit_of_work() as session:
            [item] = (await session.exec(select(FeedbackItem))).all()
            item.status = FeedbackStatus.CLOSED
            session.add(item)
        replies = await citizen.send("ติดตาม")
        assert "ไม่มีเรื่องที่กำลังดำเนินการ" in all_text(replies)
        assert reference in all_text(replies)


class TestQuestion:
    async def test_a_question_gets_the_agency_and_its_hotline_not_a_draft(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send(WATER_QUESTION)
        said = all_text(replies)
        assert "การประปาส่วนภูมิภาค จังหวัดเชียงใหม่" in said and "1662" in said
        assert "ส่งคำถามถึงหน่วยงาน" in labels(replies)
        assert "ยืนยัน" not in labels(replies) and all(r.card is None for r in replies)
        assert set(MENU) <= set(labels(replies))
        assert await items(database) == []

    async def test_sending_the_question_files_it_for_that_agency(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(WATER_QUESTION)
        notice = await citizen.tap("ส่งคำถามถึงหน่วยงาน")
        assert "PDPA" in all_text(notice)
        filed = await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.kind is FeedbackKind.QUESTION and item.category == "ประปา"
        assert await agency_code(database, item.agency_id) == "pwa-50"
        assert "ส่งคำถามถึง การประปาส่วนภูมิภาค จังหวัดเชียงใหม่" in all_text(filed)

    async def test_a_question_without_a_place_asks_where_or_answers_in_general(
        self, citizen: Chat, database: Database
    ) -> None:
        asked = await citizen.send("น้ำไม่ไหลต้องแจ้งที่ไหนคะ")
        assert "พื้นที่ไหน" in all_text(asked) and "ข้าม" in labels(asked)
        general = await citizen.tap("ข้าม")
        # with no area, the kind of agency that answers it in most of the country, and its line
        assert "การประปาส่วนภูมิภาค" in all_text(general) and "1662" in all_text(general)
        assert "ส่งคำถามถึงหน่วยงาน" in labels(general)
        assert await items(database) == []

    async def test_a_question_no_rule_can_place_gets_the_general_lines(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send("มีเรื่องอยากถาม ต้องติดต่อหน่วยงานไหนคะ")
        general = await citizen.tap("ข้าม")
        assert "1567" in all_text(general) and "1111" in all_text(general)
        assert await items(database) == []

    async def test_a_new_message_after_the_answer_starts_afresh(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(WATER_QUESTION)
        replies = await citizen.send("ถนนหน้าบ้านเป็นหลุมใหญ่มาก เขตบางนา")
        card = replies[-1].card
        assert card is not None and dict(card.fields)["ประเภท"] == "แจ้งปัญหา"
        assert "ถนนหน้าบ้าน" in dict(card.fields)["รายละเอียด"]
        assert "น้ำไม่ไหล" not in dict(card.fields)["รายละเอียด"]


class TestPraise:
    async def test_praise_is_thanked_and_filed_as_praise_for_the_agency(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send(PRAISE)
        assert replies[0].text == text("th", "praise.thanks")
        assert all(reply.card is None for reply in replies)  # no form to check: thanks, PDPA
        filed = await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.kind is FeedbackKind.PRAISE and item.status is FeedbackStatus.ROUTED
        assert await agency_code(database, item.agency_id) == "bkk-district-office-1047"
        assert "ส่งคำชมถึง สำนักงานเขตบางนา" in all_text(filed)


class TestEmergency:
    async def test_danger_now_gives_the_numbers_first_then_files_as_urgent(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send(FIRE)
        first = replies[0].text
        assert first.startswith("⚠️") and "199" in first and "ดับเพลิง" in first
        # straight to the card under the notice: nobody in danger is asked to pick a category
        card = replies[-1].card
        assert card is not None and dict(card.fields)["ความเร่งด่วน"] == "ด่วน ⚠️"
        assert "ยืนยัน" in labels(replies)
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.urgency is Urgency.HIGH and item.kind is FeedbackKind.COMPLAINT
        # a fire with people inside goes to the disaster office (ปภ.), not the police
        assert await agency_code(database, item.agency_id) == "disaster-10"

    async def test_danger_in_english_is_not_held_up_by_a_category_list(self, citizen: Chat) -> None:
        replies = await citizen.send(
            "There is a big fire near the night market in Bang Na, people still inside!!"
        )
        assert replies[0].text.startswith("⚠️") and "199" in replies[0].text
        card = replies[-1].card
        assert card is not None and card.title == "Your report", all_text(replies)
        assert "Confirm" in labels(replies)

    async def test_a_live_wire_names_the_electricity_authority_of_the_area(
        self, citizen: Chat
    ) -> None:
        replies = await citizen.send("สายไฟขาดห้อยลงมาหน้าโรงเรียน อำเภอแม่ริม เชียงใหม่")
        assert "1129" in replies[0].text and "การไฟฟ้าส่วนภูมิภาค" in replies[0].text
        assert "1130" not in replies[0].text
