"""Reporting a problem: the NLP proposes, the citizen confirms or corrects, the ticket is filed."""

from __future__ import annotations

from sqlmodel import col, select

from bot.conversations.engine import ConversationEngine
from bot.messages import InboundKind, Outgoing, StoredMedia
from bot.texts import text
from storage.database import Database
from storage.models import Agency, Channel, Citizen, ConsentState, FeedbackItem, FeedbackMedia
from tests.bot.conversations.conftest import Chat, all_text, labels

POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง"


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all())


async def citizen_row(database: Database, user_id: str) -> Citizen:
    async with database.unit_of_work() as session:
        statement = select(Citizen).where(col(Citizen.channel_user_id) == user_id)
        found = (await session.exec(statement)).first()
        assert found is not None
        return found


class TestMenuAndHelp:
    async def test_menu_word_shows_the_menu_buttons(self, citizen: Chat) -> None:
        replies = await citizen.send("เมนู")
        assert labels(replies)[:5] == [
            "แจ้งปัญหา",
            "ความเห็น/ข้อเสนอแนะ",
            "ติดตามเรื่อง",
            "วิธีใช้",
            "ข้อมูลของฉัน",
        ]

    async def test_help_explains_every_flow_in_thai(self, citizen: Chat) -> None:
        text = all_text(await citizen.send("วิธีใช้"))
        for words in ("แจ้งปัญหา", "ติดตาม", "ยกเลิก", "ข้อมูลของฉัน", "ค่ะ"):
            assert words in text

    async def test_greeting_gets_a_welcome_not_a_report(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send("สวัสดีค่ะ")
        assert "ยินดีต้อนรับ" in all_text(replies)
        assert "แจ้งปัญหา" in labels(replies)
        assert await items(database) == []

    async def test_english_platform_hint_answers_in_english(self, citizen: Chat) -> None:
        replies = await citizen.send("menu", language="en")
        assert labels(replies)[0] == "Report a problem"


class TestReportInEnglish:
    async def test_the_receipt_names_the_agency_in_english(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE, language="en")
        await citizen.tap("Confirm")
        filed = await citizen.tap("Accept")
        [item] = await items(database)
        async with database.unit_of_work() as session:
            agency = await session.get(Agency, item.agency_id)
        assert agency is not None and agency.name_en
        assert agency.name_en in all_text(filed)
        assert agency.name_th not in all_text(filed)


class TestReportWithConfirm:
    async def test_proposal_then_confirm_files_a_routed_ticket(
        self, citizen: Chat, database: Database
    ) -> None:
        proposal = await citizen.send(POTHOLE)
        card = proposal[0].card
        assert card is not None
        fields = dict(card.fields)
        assert fields["หมวดหมู่"] == "ถนน"
        assert "วังทองหลาง" in fields["สถานที่"]
        assert labels(proposal) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]

        notice = await citizen.tap("ยืนยัน")
        assert "PDPA" in all_text(notice)
        filed = await citizen.tap("ยอมรับ")

        [item] = await items(database)
        assert item.reference in all_text(filed)
        assert item.category == "ถนน"
        assert item.district_code == "1045"
        assert item.status.value == "routed"
        async with database.unit_of_work() as session:
            agency = await session.get(Agency, item.agency_id)
        assert agency is not None and agency.name_th in all_text(filed)
        who = await citizen_row(database, "U-somchai")
        assert item.citizen_id == who.id
        assert who.consent_state is ConsentState.ACCEPTED and who.consent_at is not None

    async def test_the_second_report_does_not_ask_for_consent_again(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        await citizen.send("ขยะล้นถังหน้าตลาด เขตบางนา ส่งกลิ่นเหม็นมาหลายวัน")
        filed = await citizen.tap("ยืนยัน")
        assert "PDPA" not in all_text(filed)
        assert len(await items(database)) == 2

    async def test_declining_consent_files_nothing(self, citizen: Chat, database: Database) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")
        replies = await citizen.tap("ไม่ยอมรับ")
        assert "ไม่ได้ส่งเรื่อง" in all_text(replies)
        assert await items(database) == []
        assert (await citizen_row(database, "U-somchai")).consent_state is ConsentState.DECLINED

    async def test_typing_ok_at_the_pdpa_question_accepts_and_files(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")
        filed = await citizen.send("ตกลงค่ะ")
        [item] = await items(database)
        assert item.reference in all_text(filed)

    async def test_other_text_at_the_pdpa_question_gets_a_short_reminder_not_the_notice(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        notice = await citizen.tap("ยืนยัน")
        reminder = await citizen.send("asdfjkl;")
        assert "ยังไม่ได้ส่ง" in all_text(reminder)
        assert len(all_text(reminder)) < len(all_text(notice)) / 2
        assert labels(reminder) == ["ยอมรับ", "ไม่ยอมรับ", "ยกเลิก"]
        assert await items(database) == []
        await citizen.tap("ยอมรับ")
        assert len(await items(database)) == 1

    async def test_danger_typed_at_the_pdpa_question_gets_the_numbers_to_call_first(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")
        replies = await citizen.send("ไฟไหม้บ้านข้างๆ มีคนติดอยู่ข้างใน ช่วยด้วย!!")
        assert "199" in replies[0].text
        assert "ยังไม่ได้ส่ง" in replies[-1].text
        assert await items(database) == []

    async def test_danger_typed_at_the_pdpa_question_is_kept_and_taken_up_after_it(
        self, citizen: Chat, database: Database
    ) -> None:
        """Nothing typed in an emergency is dropped: once the question is answered, the first
        report is filed and the urgent message becomes a report of its own."""
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")
        kept = await citizen.send("ไฟไหม้บ้านข้างๆ มีคนติดอยู่ข้างใน ช่วยด้วย!! ซอยวัดสุทธิ เขตบางกะปิ")
        assert "เรื่องด่วน" in kept[-1].text
        after = await citizen.tap("ยอมรับ")
        [pothole] = await items(database)
        assert pothole.reference in all_text(after)
        assert "ไฟไหม้บ้านข้างๆ" in all_text(after)  # its card, to confirm
        assert "199" not in all_text(after)  # the numbers were given when it came
        await citizen.tap("ยืนยัน")
        fire = [item for item in await items(database) if item.id != pothole.id]
        assert [item.original_text for item in fire] == [
            "ไฟไหม้บ้านข้างๆ มีคนติดอยู่ข้างใน ช่วยด้วย!! ซอยวัดสุทธิ เขตบางกะปิ"
        ]
        assert fire[0].urgency.value == "high"

    async def test_declining_drops_the_kept_urgent_message_too(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("ยืนยัน")
        await citizen.send("น้ำทะลักเข้าบ้านแล้ว ยายยังอยู่ชั้นล่าง เขตบางกะปิ")
        declined = await citizen.tap("ไม่ยอมรับ")
        assert "ไม่ได้ส่งเรื่อง" in all_text(declined)
        assert await items(database) == []

    async def test_typing_the_button_label_works_like_tapping(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.send("ยืนยัน")
        await citizen.send("ยอมรับ")
        assert len(await items(database)) == 1

    async def test_photo_then_text_files_the_photo_with_the_ticket(
        self, citizen: Chat, database: Database
    ) -> None:
        photo = StoredMedia("image/jpeg", "line/ab/abc.jpg", 1234, "a" * 64)
        asked = await citizen.send(kind=InboundKind.IMAGE, media=photo)
        assert "ได้รับรูปแล้ว" in all_text(asked)
        proposal = await citizen.send(POTHOLE)
        assert proposal[0].card is not None and ("รูปถ่าย", "1") in proposal[0].card.fields
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        async with database.unit_of_work() as session:
            media = (await session.exec(select(FeedbackMedia))).all()
        assert [m.storage_key for m in media] == ["line/ab/abc.jpg"]

    async def test_a_photo_after_the_location_is_filed_with_the_ticket(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(kind=InboundKind.LOCATION, latitude=13.7804123, longitude=100.6084567)
        photo = StoredMedia("image/jpeg", "line/ab/abc.jpg", 1234, "a" * 64)
        assert "ได้รับรูปแล้ว" in all_text(await citizen.send(kind=InboundKind.IMAGE, media=photo))
        proposal = await citizen.send(POTHOLE)
        assert proposal[0].card is not None and ("รูปถ่าย", "1") in proposal[0].card.fields
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        async with database.unit_of_work() as session:
            media = (await session.exec(select(FeedbackMedia))).all()
        assert [m.storage_key for m in media] == ["line/ab/abc.jpg"]


class TestCorrection:
    async def test_the_citizen_corrects_the_category_from_a_short_list(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        choices = await citizen.tap("แก้ไข")
        assert labels(choices) == ["แก้หมวดหมู่", "แก้สถานที่", "แก้ประเภท", "แก้ข้อความ", "ยกเลิก"]
        picker = await citizen.tap("แก้หมวดหมู่")
        assert labels(picker)[0] == "ถนน"  # the NLP's guess first
        assert "หมวดอื่น ๆ" in labels(picker)
        more = await citizen.tap("หมวดอื่น ๆ")
        picked = await citizen.send(postback=_category_data(picker + more, "ทางเท้า"))
        assert picked[0].card is not None and dict(picked[0].card.fields)["หมวดหมู่"] == "ทางเท้า"
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.category == "ทางเท้า"

    async def test_the_citizen_corrects_the_place_by_typing_it(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(POTHOLE)
        await citizen.tap("แก้ไข")
        asked = await citizen.tap("แก้สถานที่")
        assert "แชร์ตำแหน่ง" in labels(asked)
        shown = await citizen.send("เขตบางนา")
        assert shown[0].card is not None and "บางนา" in dict(shown[0].card.fields)["สถานที่"]
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.district_code == "1047"


def _category_data(replies: list[Outgoing], label: str) -> str:
    for reply in replies:
        for button in reply.buttons:
            if button.label == label:
                return str(button.data)
    raise AssertionError(f"no category button {label}")


class TestMissingPlace:
    async def test_a_report_without_a_place_asks_for_one_and_accepts_a_typed_district(
        self, citizen: Chat, database: Database
    ) -> None:
        asked = await citizen.send("ถนนเป็นหลุมลึกมาก อันตรายกับรถจักรยานยนต์ตอนกลางคืน")
        assert "ที่ไหน" in all_text(asked)  # before the card: the card shows the whole report
        assert all(reply.card is None for reply in asked)
        nowhere = await citizen.send("แถวบ้านป้าแดง")
        assert "หาสถานที่นี้ไม่เจอ" in all_text(nowhere)
        proposal = await citizen.send("อำเภอเมืองเชียงใหม่")
        assert proposal[0].card is not None
        assert "เมืองเชียงใหม่" in dict(proposal[0].card.fields)["สถานที่"]
        notice = await citizen.tap("ยืนยัน")
        assert "PDPA" in all_text(notice)
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert (item.province_code, item.district_code) == ("50", "5001")
        assert item.location_text == "อำเภอเมืองเชียงใหม่"

    async def test_a_shared_location_answers_the_place_question(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send("ถนนเป็นหลุมลึกมาก อันตรายกับรถจักรยานยนต์ตอนกลางคืน")
        await citizen.send(kind=InboundKind.LOCATION, latitude=13.7563, longitude=100.5018)
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.district_code == "1001"
        assert item.latitude == 13.7563


async def test_two_engines_share_nothing_but_the_database(
    engine: ConversationEngine, database: Database
) -> None:
    """A web citizen and a LINE citizen with the same id are different people."""
    line = Chat(engine, database, "same-id", Channel.LINE)
    web = Chat(engine, database, "same-id", Channel.WEB)
    await line.send(POTHOLE)
    replies = await web.send("ยืนยัน")
    assert "ยืนยัน" not in labels(replies)  # the web citizen has nothing to confirm
    assert "ยังไม่เข้าใจ" in all_text(replies)


async def test_two_problems_in_one_message_are_named_and_the_other_can_follow(
    citizen: Chat,
) -> None:
    replies = await citizen.send("ถนนหน้าบ้านเป็นหลุมใหญ่ แล้วก็มีขยะกองเต็มหน้าบ้านด้วยค่ะ เขตบางนา")

    proposal = replies[-1]
    assert proposal.card is not None and dict(proposal.card.fields)["หมวดหมู่"] == "ถนน"
    assert proposal.text.startswith(text("th", "report.proposal"))
    assert "ในข้อความมีเรื่องความสะอาดด้วยค่ะ" in proposal.text
    assert "เรื่องนี้จะส่งในหมวดถนน" in proposal.text
