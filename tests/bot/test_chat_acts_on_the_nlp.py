"""On LINE, end to end (signed webhooks in, the real Thai analyzer, replies read from the fake
LINE server): the chat acts on what the NLP reads. A question gets where to ask, a follow-up in
words gets the citizen's items, gibberish gets the menu, an unsure category is picked by the
citizen with one tap, an unsettled place is asked, praise is filed as praise, danger now gets
the numbers to call first."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import col, select

from bot.texts import text
from storage.database import Database
from storage.models import (
    Agency,
    ConversationState,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    LabelledExample,
    Urgency,
)
from tests.bot.citizens import POTHOLE, LineCitizen, joined, line_buttons, reference_in
from tests.fakes.line_api import FakeLineApi, SentMessage

MENU = ["แจ้งปัญหา", "ความเห็น/ข้อเสนอแนะ", "ติดตามเรื่อง", "วิธีใช้", "ข้อมูลของฉัน"]
WATER_QUESTION = "น้ำประปาไม่ไหลต้องแจ้งที่ไหนคะ บ้านอยู่อำเภอแม่ริม เชียงใหม่"
ID_CARD_QUESTION = "ต้องไปต่อบัตรประชาชนที่ไหนครับ"
UNSURE_TOPIC = "หน้าปากซอยมีปัญหามาหลายวันแล้ว ช่วยดูให้หน่อยค่ะ เขตบางนา"
MUEANG_ONLY = "ถนนหน้าโรงเรียนเป็นหลุมใหญ่มาก อำเภอเมือง"
BANG_NA_POWER = "ไฟฟ้าดับทั้งซอยตั้งแต่เมื่อคืน แถวเขตบางนา กรุงเทพ"
PRAISE = "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะหน้าตลาดเขตบางนาอย่างรวดเร็วครับ ประทับใจมาก"
FIRE = "ไฟไหม้บ้านไม้ในซอย มีคนติดอยู่ข้างใน เขตบางนา"
# A fall told as a question ("ต้องทำไงคะ"): an emergency all the same.
COLLAPSE_ASKED = "แม่ล้มในห้องน้ำ เรียกไม่ตอบเลยค่ะ ต้องทำไงคะ บ้านอยู่ หางดง เชียงใหม่"
# Worried, not an emergency now (a fever of two days): the answer opens with the numbers anyway.
WORRIED_QUESTION = "ลูกไข้ขึ้นสูงมาสองวันแล้ว กินยาก็ไม่ลด ต้องทำยังไงคะ"
KHON_KAEN_PIN = (16.4322, 102.8236)
CHIANG_MAI_PIN = (18.7883, 98.9853)


def labels(answer: list[SentMessage]) -> list[str]:
    return [action.get("label", "") for message in answer for action in line_buttons(message)]


def has_card(answer: list[SentMessage]) -> bool:
    return any(message.message.get("type") == "flex" for message in answer)


def card_text(answer: list[SentMessage]) -> str:
    return "\n".join(m.text for m in answer if m.message.get("type") == "flex")


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all())


async def agency_code(database: Database, item: FeedbackItem) -> str | None:
    async with database.unit_of_work() as session:
        agency = await session.get(Agency, item.agency_id)
        return agency.code if agency else None


async def flow_of(database: Database) -> str:
    async with database.unit_of_work() as session:
        return (await session.exec(select(ConversationState))).one().flow


async def until_card(citizen: LineCitizen, answer: list[SentMessage]) -> list[SentMessage]:
    """Answer what the chat asks before its card: an unsure category (the first offered)."""
    for _ in range(3):
        if "ยืนยัน" in labels(answer):
            return answer
        assert "อื่นๆ" in labels(answer), joined(answer)
        answer = await citizen.tap(labels(answer)[0], answer)
    return answer


async def confirm_and_consent(citizen: LineCitizen, answer: list[SentMessage]) -> str:
    filed = await citizen.tap("ยืนยัน", answer)
    if "PDPA" in joined(filed):
        filed = await citizen.tap("ยอมรับ", filed)
    return reference_in(filed)


def person(app: FastAPI, client: httpx.AsyncClient, api: FakeLineApi, name: str) -> LineCitizen:
    return LineCitizen(app, client, api, f"U-{name}")


class TestQuestion:
    async def test_a_question_gets_the_agency_and_its_hotline_and_can_be_sent(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "asks-water")
        answer = await citizen.say(WATER_QUESTION)
        said = joined(answer)
        assert "การประปาส่วนภูมิภาค จังหวัดเชียงใหม่" in said and "1662" in said
        assert "ส่งคำถามถึงหน่วยงาน" in labels(answer) and set(MENU) <= set(labels(answer))
        assert not has_card(answer) and await items(database) == []

        notice = await citizen.tap("ส่งคำถามถึงหน่วยงาน", answer)
        filed = await citizen.tap("ยอมรับ", notice)
        [item] = await items(database)
        assert item.reference in joined(filed)
        assert item.kind is FeedbackKind.QUESTION and await agency_code(database, item) == "pwa-50"

    async def test_a_plain_question_is_not_a_complaint_draft(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "asks-id-card")
        answer = await citizen.say(ID_CARD_QUESTION)
        for _ in range(4):  # what it is about, then where: until the answer
            assert text("th", "report.card_title") not in joined(answer)
            if "ส่งคำถามถึงหน่วยงาน" in labels(answer):
                break
            if "อื่นๆ" in labels(answer):
                answer = await citizen.tap(labels(answer)[0], answer)
            else:
                assert "แชร์ตำแหน่ง" in labels(answer), joined(answer)
                answer = await citizen.say("เขตบางรัก กรุงเทพ")
        assert "ส่งคำถามถึงหน่วยงาน" in labels(answer), joined(answer)
        assert any(number in joined(answer) for number in ("1555", "1567", "1111"))
        assert await items(database) == []


class TestFollowUp:
    async def test_asking_in_words_answers_with_my_items(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "follows")
        reference = await confirm_and_consent(citizen, await citizen.say(POTHOLE))
        answer = await citizen.say("เรื่องที่แจ้งไปถึงไหนแล้วคะ")
        assert reference in joined(answer) and reference in labels(answer)
        assert len(await items(database)) == 1  # not a new complaint

        history = await citizen.say(f"ติดตาม {reference}")
        assert f"ความคืบหน้าเรื่อง {reference}" in joined(history)
        assert len(await items(database)) == 1

    async def test_asking_when_it_will_be_fixed_right_after_a_report_is_about_that_report(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "asks-when")
        reference = await confirm_and_consent(citizen, await citizen.say(POTHOLE))
        answer = await citizen.say("แล้วจะมีคนมาซ่อมเมื่อไหร่คะ")
        assert reference in joined(answer) and reference in labels(answer)
        assert "แชร์ตำแหน่ง" not in labels(answer)  # not "which area are you asking about?"
        assert len(await items(database)) == 1

    async def test_asking_when_with_nothing_open_is_a_question_not_a_follow_up(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "asks-when-nothing")
        answer = await citizen.say("แล้วจะมีคนมาซ่อมเมื่อไหร่คะ")
        assert text("th", "follow.none") not in joined(answer)
        assert await items(database) == []

    async def test_with_nothing_reported_it_says_so_kindly(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "follows-nothing")
        answer = await citizen.say("เรื่องที่แจ้งไปถึงไหนแล้วคะ")
        assert answer[-1].text == text("th", "follow.none")
        assert labels(answer)[:5] == MENU and await items(database) == []


class TestNothingToFile:
    async def test_gibberish_gets_the_menu(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "mashes-keys")
        answer = await citizen.say("asdfghjkl")
        assert [m.text for m in answer] == [text("th", "unclear")]
        assert answer[-1].quick_reply_labels[:5] == MENU
        assert await flow_of(database) == "idle" and await items(database) == []

    @pytest.mark.parametrize(
        "trying",
        [
            "ทดสอบ",
            "ทดสอบระบบครับ",
            "test",
            "ลองส่งดูค่ะ",
            "ทดสอบๆ",
            "ทดสอบระบบคับ พิมพ์ได้ไหม",
            "สวัสดีเจ้า ลองทักมาเบิ่งเจ้า",  # Northern
            "ซำบายดีบ่ ลองใช้งานเบิ่งเฉยๆ",  # Isan
        ],
    )
    async def test_trying_the_chat_out_is_told_it_works(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        line_api: FakeLineApi,
        trying: str,
    ) -> None:
        citizen = person(app, client, line_api, "tries-it-out")
        answer = await citizen.say(trying)
        assert [m.text for m in answer] == [text("th", "test")]  # not "what do you mean?"
        assert answer[-1].quick_reply_labels[:5] == MENU
        assert await flow_of(database) == "idle" and await items(database) == []

    async def test_thai_typed_on_the_english_keyboard_is_read_as_thai(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "wrong-layout")
        answer = await citizen.say("l;ylfu8jt")  # สวัสดีค่ะ with the keyboard on English
        assert [m.text for m in answer] != [text("th", "unclear")], joined(answer)
        assert answer[-1].quick_reply_labels[:5] == MENU
        # "ไฟดับทั้งซอยค่ะ แถวเขตบางนา กรุงเทพ", the same way: a report, in Thai for the official
        answer = await citizen.say("wafy[myh':vp8jt c5;g-9[k'ok di6'gmr")
        await confirm_and_consent(citizen, await until_card(citizen, answer))
        (item,) = await items(database)
        assert item.category == "ไฟฟ้า" and "ไฟดับทั้งซอย" in item.original_text

    async def test_a_message_sent_by_mistake_is_forgiven(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "slips")
        answer = await citizen.say("กดผิดค่ะ ขอโทษค่ะ")
        assert [m.text for m in answer] == [text("th", "slip")]
        assert await items(database) == []

    async def test_a_greeting_gets_a_short_answer_and_the_menu_once(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "greets")
        answer = await citizen.say("สวัสดีครับ")
        assert [m.text for m in answer] == [text("th", "welcome")]
        assert answer[0].quick_reply_labels[:5] == MENU
        assert await flow_of(database) == "idle"


class TestUnsureCategory:
    async def test_the_citizen_picks_from_the_best_three_and_the_pick_is_kept(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "picks")
        asked = await citizen.say(UNSURE_TOPIC)
        assert not has_card(asked)
        offered = labels(asked)
        if "อื่นๆ" in offered:  # the NLP's best three, and "อื่นๆ" for every category
            assert "เกี่ยวกับอะไร" in joined(asked)
            assert offered[-2:] == ["อื่นๆ", "ยกเลิก"] and len(offered) == 5
            picked = offered[2]  # the last of the best three
        else:  # fewer guesses: every category's first page at once, the NLP's guesses first
            assert "เลือกหมวดหมู่ที่ตรงที่สุด" in joined(asked)
            assert offered[-2:] == ["หมวดอื่น ๆ", "ยกเลิก"] and len(offered) == 11
            picked = offered[1]  # not the NLP's best guess
        card = await citizen.tap(picked, asked)
        assert picked in card_text(card)
        await confirm_and_consent(citizen, card)

        [item] = await items(database)
        async with database.unit_of_work() as session:
            [example] = (await session.exec(select(LabelledExample))).all()
        assert item.category == picked
        assert (example.field, example.chosen, example.feedback_id) == ("category", picked, item.id)
        assert example.proposed == offered[0]


class TestUnsettledPlace:
    async def test_amphoe_mueang_alone_is_asked_not_guessed(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "mueang")
        asked = await citizen.say(MUEANG_ONLY)
        assert not has_card(asked) and "แชร์ตำแหน่ง" in labels(asked), joined(asked)
        assert await items(database) == []
        card = await until_card(citizen, await citizen.share_location(*KHON_KAEN_PIN))
        assert "ขอนแก่น" in card_text(card)
        await confirm_and_consent(citizen, card)
        [item] = await items(database)
        assert (item.province_code, item.district_code) == ("40", "4001")

    async def test_a_district_typed_after_naming_the_province_is_read_inside_it(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "names-province-first")
        asked = await citizen.say("ไฟถนนหน้าซอยบ้านดับมา 3 วันแล้ว มืดมาก เชียงใหม่ค่ะ")
        if "อื่นๆ" in labels(asked):  # an unsure category first
            asked = await citizen.tap(labels(asked)[0], asked)
        assert "แชร์ตำแหน่ง" in labels(asked), joined(asked)  # a province is not enough
        assert not has_card(asked)
        # ต.วัดเกตุ is วัดเกต in Chiang Mai, not ต.วัด (Pattani) followed by เกตุ
        answered = await until_card(citizen, await citizen.say("ต.วัดเกตุ อ.เมืองค่ะ"))
        await confirm_and_consent(citizen, answered)
        [item] = await items(database)
        assert (item.province_code, item.district_code) == ("50", "5001"), joined(answered)

    async def test_a_location_far_from_the_named_place_is_asked_about(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "pins-elsewhere")
        card = await until_card(citizen, await citizen.say(BANG_NA_POWER))
        assert "บางนา" in card_text(card)
        asked = await citizen.share_location(*CHIANG_MAI_PIN)
        assert not has_card(asked) and "เชียงใหม่" in joined(asked) and "บางนา" in joined(asked)
        bang_na = next(label for label in labels(asked) if "บางนา" in label)
        await confirm_and_consent(citizen, await citizen.tap(bang_na, asked))
        [item] = await items(database)
        assert (item.province_code, item.district_code) == ("10", "1047")
        assert item.latitude is None


class TestPraiseAndDanger:
    async def test_praise_is_thanked_and_queued_for_the_agency_as_praise(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "praises")
        answer = await citizen.say(PRAISE)
        assert answer[0].text == text("th", "praise.thanks") and not has_card(answer)
        filed = await citizen.tap("ยอมรับ", answer)
        assert "ส่งคำชมถึง สำนักงานเขตบางนา" in joined(filed)
        [item] = await items(database)
        assert item.kind is FeedbackKind.PRAISE and item.status is FeedbackStatus.ROUTED
        assert await agency_code(database, item) == "bkk-district-office-1047"

    async def test_praise_for_someone_unplaced_asks_once_where_then_credits_the_office(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "praises-volunteers")
        answer = await citizen.say("ขอบคุณพี่ๆ อสม. ที่มาช่วยเมื่อวานนะคะ")
        assert [m.text for m in answer] == [
            text("th", "praise.thanks"),
            text("th", "praise.ask_where"),
        ]
        assert labels(answer) == ["แชร์ตำแหน่ง", "ข้าม"]
        asked = await citizen.say("รพ.สต.บ้านแหวน อ.หางดง เชียงใหม่ค่ะ")
        filed = await citizen.tap("ยอมรับ", asked)
        [item] = await items(database)
        assert item.kind is FeedbackKind.PRAISE and item.subdistrict_code == "501507"  # ต.บ้านแหวน
        assert item.reference in joined(filed)

    @pytest.mark.parametrize(
        ("name", "message", "number"),
        [
            ("fire", FIRE, "199"),
            ("mother-fell", COLLAPSE_ASKED, "1669"),  # asked as a question: not an office's hotline
        ],
    )
    async def test_danger_now_gets_the_numbers_first_and_is_filed_as_urgent(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        line_api: FakeLineApi,
        name: str,
        message: str,
        number: str,
    ) -> None:
        citizen = person(app, client, line_api, name)
        answer = await citizen.say(message)
        assert answer[0].text.startswith("⚠️") and number in answer[0].text
        assert "ส่งคำถามถึงหน่วยงาน" not in labels(answer)
        await confirm_and_consent(citizen, await until_card(citizen, answer))
        [item] = await items(database)
        assert item.urgency is Urgency.HIGH

    async def test_a_worried_health_question_gets_the_numbers_first(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        answer = await person(app, client, line_api, "fever").say(WORRIED_QUESTION)
        assert answer[0].text == text("th", "question.if_emergency")
        assert "1669" not in joined(await person(app, client, line_api, "id").say(ID_CARD_QUESTION))

    async def test_a_threat_of_self_harm_gets_the_mental_health_hotline_too(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        worried = person(app, client, line_api, "worried-sister")
        answer = await worried.say(
            "น้องสาวส่งไลน์มาว่าไม่อยากอยู่แล้ว ฝากดูแลแม่ด้วย แล้วปิดเครื่องเลย อยู่หอแถวม.นเรศวร พิษณุโลก"
        )
        assert answer[0].text.startswith("⚠️")
        assert "1669" in answer[0].text and "1323" in answer[0].text
        assert "แยกอีกเรื่อง" not in joined(answer)  # not asked to file a second report now
        assert "1323" not in joined(await person(app, client, line_api, "fire").say(FIRE))

    async def test_danger_told_in_lao_gets_its_number_first_and_goes_on_in_english(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        answer = await person(app, client, line_api, "lao").say("ພໍ່ຕົກນ້ຳ ຢູ່ແມ່ນ້ຳຂອງ ຊ່ວຍແດ່")
        assert answer[0].text.startswith("⚠️") and "1669" in answer[0].text
        assert "pass this on as urgent" in answer[0].text
        assert "Thai and English only" not in joined(answer)

    async def test_a_tourists_fire_in_korean_gets_the_numbers_and_is_filed_as_urgent(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        tourist = person(app, client, line_api, "korean")
        answer = await tourist.say("호텔 3층에 불이 났어요. 연기가 많아요.")
        assert answer[0].text.startswith("⚠️") and "199" in answer[0].text
        assert "1155" in answer[0].text  # the Tourist Police take the call in English
        assert "call right away" in answer[0].text  # readable by a visitor, not in Thai only
        # the report goes on in English: where it is, the card, the PDPA question
        assert labels(answer) == ["Share location", "Cancel"]
        card = await tourist.share_location(7.8961, 98.2968)  # Patong, Phuket
        assert "urgent" in joined(card) and "Kathu, Phuket" in joined(card)
        filed = await tourist.tap("Accept", await tourist.tap("Confirm", card))
        [item] = await items(database)
        assert item.urgency is Urgency.HIGH and item.province_code == "83"  # Phuket
        assert item.original_text == "호텔 3층에 불이 났어요. 연기가 많아요."  # as written
        assert item.reference in joined(filed)
        # the offer of news about the area names it in English too
        assert "in Kathu, Phuket" in joined(filed) and "ภูเก็ต" not in joined(filed)

    async def test_english_is_answered_in_english(
        self, app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        citizen = person(app, client, line_api, "writes-english")
        answer: list[Any] = await citizen.say(
            "There is a big pothole in front of my house in Bang Na, Bangkok"
        )
        assert "ยืนยัน" not in labels(answer) and "Cancel" in labels(answer), joined(answer)
