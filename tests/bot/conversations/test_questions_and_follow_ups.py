"""A question the same kind of office answers in every province (a pension, the welfare card)
is answered at once, and the area the citizen gives next names the office; only a question
whose office depends on the area asks where first. A "follow-up" that describes a problem the
citizen never reported here becomes that report, not "you have no reports"."""

from __future__ import annotations

from sqlmodel import select

from bot.messages import InboundKind
from bot.texts import text
from storage.database import Database
from storage.models import ConversationState, FeedbackItem
from tests.bot.conversations.conftest import Chat, all_text, file_report, labels

PENSION = "เบี้ยยังชีพผู้สูงอายุต้องไปยื่นที่ไหนคะ"
SOCIAL_OFFICE = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"
# Told in words as a follow-up ("…ถึงไหนแล้ว"), but never reported through Siang.
REPORTED_ELSEWHERE = "ถนนในหมู่บ้านเป็นหลุมเป็นบ่อ แจ้ง อบต. ไปหลายรอบแล้วไม่รู้ถึงไหนแล้ว เขตบางนา"


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem))).all())


async def step_of(database: Database) -> str | None:
    async with database.unit_of_work() as session:
        return (await session.exec(select(ConversationState))).one().step


class TestAQuestionAnsweredEverywhereAlike:
    async def test_is_answered_at_once_without_asking_the_area(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send(PENSION)
        assert all_text(replies) == text(
            "th", "question.answer_kind", kind=SOCIAL_OFFICE, hotline="1300"
        )
        assert labels(replies)[:3] == ["ส่งคำถามถึงหน่วยงาน", "แชร์ตำแหน่ง", "แจ้งปัญหา"]
        assert await items(database) == []

    async def test_the_area_typed_next_names_the_office(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(PENSION)
        named = await citizen.send("อยู่อำเภอแม่ริม เชียงใหม่ค่ะ")
        assert all_text(named) == text(
            "th", "question.answer", agency=f"{SOCIAL_OFFICE}เชียงใหม่", hotline="1300"
        )
        assert "แชร์ตำแหน่ง" not in labels(named)
        filed = await citizen.tap("ส่งคำถามถึงหน่วยงาน")
        assert "PDPA" in all_text(filed)

    async def test_a_shared_location_next_names_the_office(self, citizen: Chat) -> None:
        await citizen.send(PENSION)
        named = await citizen.send(kind=InboundKind.LOCATION, latitude=18.79, longitude=98.98)
        assert f"{SOCIAL_OFFICE}เชียงใหม่" in all_text(named)

    async def test_a_new_matter_next_is_a_new_message(self, citizen: Chat) -> None:
        await citizen.send(PENSION)
        replies = await citizen.send("ถนนหน้าบ้านเป็นหลุมใหญ่มาก เขตบางนา")
        card = replies[-1].card
        assert card is not None and dict(card.fields)["รายละเอียด"].startswith("ถนนหน้าบ้าน")

    async def test_a_question_whose_office_depends_on_the_area_asks_it_first(
        self, citizen: Chat, database: Database
    ) -> None:
        asked = await citizen.send("น้ำไม่ไหลต้องแจ้งที่ไหนคะ")  # PWA, or the MWA in Bangkok
        assert all_text(asked) == text("th", "question.ask_place")
        assert await step_of(database) == "place"

    async def test_after_skipping_the_area_the_area_typed_next_names_the_office(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send("น้ำไม่ไหลต้องแจ้งที่ไหนคะ")
        general = await citizen.tap("ข้าม")
        assert "แชร์ตำแหน่ง" in labels(general)  # "tell me your area and I can name the office"
        named = await citizen.send("อำเภอแม่ริม จังหวัดเชียงใหม่")
        assert all_text(named) == text(
            "th", "question.answer", agency="การประปาส่วนภูมิภาค จังหวัดเชียงใหม่", hotline="1662"
        )
        assert await items(database) == []

    async def test_an_unsure_topic_names_no_office_on_a_guess(
        self, citizen: Chat, database: Database
    ) -> None:
        """Read as welfare at 0.11, a question must not be sent to the social development
        office on that guess: the area is asked, as for any question it cannot place."""
        asked = await citizen.send("ต้องไปยื่นเรื่องที่ไหนคะ ใบขับขี่")
        assert all_text(asked) == text("th", "question.ask_place")
        general = await citizen.tap("ข้าม")
        assert SOCIAL_OFFICE not in all_text(general) and "1567" in all_text(general)

    async def test_a_driving_licence_question_names_the_transport_office(
        self, citizen: Chat, database: Database
    ) -> None:
        """Whatever the topic reads as (welfare at 0.11 here), renewing a licence is the land
        transport office's (a routing keyword), with its hotline."""
        answered = await citizen.send("ต่อใบขับขี่ต้องไปที่ไหนคะ")
        assert "สำนักงานขนส่งจังหวัด" in all_text(answered) and "1584" in all_text(answered)
        assert SOCIAL_OFFICE not in all_text(answered)

    async def test_a_gold_card_question_names_the_nhso_wherever_the_citizen_lives(
        self, citizen: Chat, database: Database
    ) -> None:
        """Moving one's gold-card hospital is the NHSO's, one office for the whole country, with
        its 1330 line, not the province's public health office and the disease-control line."""
        answered = await citizen.send("ย้ายสิทธิ์บัตรทองต้องไปยื่นที่ไหนคะ")
        said = all_text(answered)
        assert "สปสช." in said and "1330" in said
        assert "สาธารณสุขจังหวัด" not in said and "1422" not in said
        assert "แชร์ตำแหน่ง" not in labels(answered)  # no area is needed to name it
        assert await items(database) == []

    async def test_a_social_security_question_names_the_social_security_office(
        self, citizen: Chat, database: Database
    ) -> None:
        """An insured worker's unemployment benefit is the Social Security Office's, with its
        1506 line, not the welfare office's (social development, 1300)."""
        answered = await citizen.send("ตกงานมาเดือนนึงแล้ว ขอเงินชดเชยว่างงานประกันสังคมต้องทำยังไงคะ")
        said = all_text(answered)
        assert "สำนักงานประกันสังคม" in said and "1506" in said
        assert SOCIAL_OFFICE not in said and "1300" not in said
        assert await items(database) == []


class TestAGrievanceAskedAsAQuestion:
    GRIEVANCE = "น้ำไม่ไหลมาสามวันแล้ว ทำยังไงดีคะ อำเภอแม่ริม เชียงใหม่"

    async def test_the_answer_offers_to_file_it_as_a_complaint(self, citizen: Chat) -> None:
        replies = await citizen.send(self.GRIEVANCE)
        assert all_text(replies).endswith(text("th", "question.or_complain"))
        assert labels(replies)[:2] == ["ส่งคำถามถึงหน่วยงาน", "ร้องเรียนเรื่องนี้"]

    async def test_one_tap_makes_it_a_complaint_card(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(self.GRIEVANCE)
        card = (await citizen.tap("ร้องเรียนเรื่องนี้"))[-1].card
        assert card is not None
        fields = dict(card.fields)
        assert fields["ประเภท"] == "แจ้งปัญหา" and fields["หมวดหมู่"] == "ประปา"
        assert fields["สถานที่"] == "อ.แม่ริม จ.เชียงใหม่"
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.kind.value == "complaint"

    async def test_a_plain_question_has_no_complaint_button(self, citizen: Chat) -> None:
        replies = await citizen.send(PENSION)
        assert "ร้องเรียนเรื่องนี้" not in labels(replies)


class TestAFollowUpThatTellsANewProblem:
    async def test_becomes_a_report_with_a_word_on_why(
        self, citizen: Chat, database: Database
    ) -> None:
        replies = await citizen.send(REPORTED_ELSEWHERE)
        assert replies[0].text == text("th", "follow.as_new", category="ถนน")
        card = replies[-1].card
        assert card is not None and dict(card.fields)["รายละเอียด"] == REPORTED_ELSEWHERE
        assert labels(replies) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]

    async def test_after_tapping_report_it_is_the_report(self, citizen: Chat) -> None:
        await citizen.tap_data("report")
        replies = await citizen.send(REPORTED_ELSEWHERE)
        assert replies[-1].card is not None and "ยืนยัน" in labels(replies)

    async def test_with_a_report_on_that_topic_it_is_a_follow_up(
        self, citizen: Chat, database: Database
    ) -> None:
        reference = await file_report(citizen)  # a pothole
        replies = await citizen.send(REPORTED_ELSEWHERE)
        assert reference in all_text(replies) and all(r.card is None for r in replies)
        assert len(await items(database)) == 1

    async def test_a_follow_up_naming_no_topic_lists_the_reports(self, citizen: Chat) -> None:
        replies = await citizen.send("เรื่องที่แจ้งไปเมื่อวานถึงไหนแล้วคะ")
        assert all_text(replies) == text("th", "follow.none")
