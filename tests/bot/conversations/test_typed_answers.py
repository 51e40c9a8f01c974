"""A citizen answers the card and the pickers in words, as people do: "ใช่ค่ะ" confirms,
"ไม่ใช่ค่ะ" asks what to change, "เปลี่ยนที่" changes the place, and a message that only names
another place is the new place. None of these words ever join the report's text."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.conversations.typed_answers import Typed, read
from bot.texts import text
from storage.database import Database
from storage.models import FeedbackItem
from tests.bot.conversations.conftest import Chat, all_text, file_report, labels

STREET_LIGHT = "ไฟดับทั้งซอยวัดอุโมงค์ อ.เมือง จ.เชียงใหม่ มืดมาก"
EDIT_CHOICES = ["แก้หมวดหมู่", "แก้สถานที่", "แก้ประเภท", "แก้ข้อความ", "ยกเลิก"]


async def filed(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem))).all())


def card_fields(chat: Chat) -> dict[str, str]:
    card = chat.replies[-1].card
    assert card is not None, all_text(chat.replies)
    return dict(card.fields)


@pytest.mark.parametrize(
    ("words", "meaning"),
    [
        ("ใช่ค่ะ", Typed.YES),
        ("ถูกต้องแล้วค่ะ", Typed.YES),
        ("โอเค ส่งได้เลยครับ", Typed.YES),
        ("ใช่ๆ", Typed.YES),
        ("ไม่ใช่ค่ะ", Typed.NO),
        ("เอ้ย ไม่ใช่", Typed.NO),
        ("ขอเปลี่ยนที่หน่อยค่ะ", Typed.PLACE),
        ("ไม่ใช่ค่ะ เปลี่ยนที่", Typed.PLACE),
        ("หมวดผิด", Typed.CATEGORY),
        ("ไม่เอาแล้วค่ะ", Typed.CANCEL),
        ("เอ้ย ไม่เอาแล้วค่ะ เดี๋ยวมันก็ลด", Typed.CANCEL),
        ("ไม่เป็นไรค่ะ แต่ถนนตรงนี้ก็พังด้วยนะ", None),
        ("ไม่เอาแล้วแบบนี้ ขยะกองเต็มหน้าบ้านทุกวัน ใครจะทนไหว ช่วยมาเก็บด้วยค่ะ", None),
        ("รถจอดผิดที่", None),
        ("ไม่มีใครมาเก็บขยะเลย", None),
    ],
)
def test_whole_short_answers_are_read_and_nothing_else(words: str, meaning: Typed | None) -> None:
    assert read(words) is meaning


class TestTheCardAnsweredInWords:
    @pytest.mark.parametrize("yes", ["ใช่", "ถูกแล้ว", "ใช่ค่ะ ส่งเลย"])
    async def test_a_typed_yes_confirms_and_the_text_stays_as_written(
        self, citizen: Chat, database: Database, yes: str
    ) -> None:
        await citizen.send(STREET_LIGHT)
        notice = await citizen.send(yes)
        assert "PDPA" in all_text(notice) and labels(notice) == ["ยอมรับ", "ไม่ยอมรับ"]
        await citizen.send("โอเคค่ะ")
        [item] = await filed(database)
        assert item.original_text == STREET_LIGHT

    async def test_a_typed_no_asks_what_to_change(self, citizen: Chat) -> None:
        await citizen.send(STREET_LIGHT)
        asked = await citizen.send("ไม่ใช่ค่ะ")
        assert all_text(asked) == text("th", "report.edit_what")
        assert labels(asked) == EDIT_CHOICES

    async def test_change_the_place_in_words(self, citizen: Chat, database: Database) -> None:
        await citizen.send(STREET_LIGHT)
        asked = await citizen.send("เปลี่ยนที่ค่ะ")
        assert all_text(asked) == text("th", "report.ask_place")
        await citizen.send("อ.สารภี จ.เชียงใหม่")
        fields = card_fields(citizen)
        assert fields["สถานที่"] == "อ.สารภี จ.เชียงใหม่"
        assert fields["รายละเอียด"] == STREET_LIGHT

    async def test_naming_another_place_corrects_the_place(self, citizen: Chat) -> None:
        await citizen.send(STREET_LIGHT)
        assert card_fields(citizen)["สถานที่"] == "อ.เมืองเชียงใหม่ จ.เชียงใหม่"
        await citizen.send("เอ้ย ไม่ใช่ค่ะ จริงๆอยู่อำเภอหางดง")
        fields = card_fields(citizen)
        assert fields["สถานที่"] == "อ.หางดง จ.เชียงใหม่"
        assert fields["รายละเอียด"] == STREET_LIGHT  # the correction is not part of the report

    async def test_more_about_the_problem_still_joins_the_report(self, citizen: Chat) -> None:
        await citizen.send(STREET_LIGHT)
        await citizen.send("มีขยะกองอยู่ใต้เสาไฟด้วย")
        assert card_fields(citizen)["รายละเอียด"] == f"{STREET_LIGHT}\nมีขยะกองอยู่ใต้เสาไฟด้วย"

    async def test_a_short_reply_that_is_not_an_answer_shows_the_card_again(
        self, citizen: Chat
    ) -> None:
        await citizen.send(STREET_LIGHT)
        await citizen.send("อ้อ")
        assert card_fields(citizen)["รายละเอียด"] == STREET_LIGHT


async def test_no_to_the_best_three_shows_every_category(citizen: Chat) -> None:
    picker = await citizen.send("ตรงนี้มีปัญหามานานแล้ว เขตบางนา")
    assert labels(picker) == ["ทางเท้า", "ถนน", "แสงสว่าง", "อื่นๆ", "ยกเลิก"]
    every = await citizen.send("ไม่ใช่ค่ะ")
    assert all_text(every) == text("th", "report.choose_category")
    assert "ความสะอาด" in labels(every) and "หมวดอื่น ๆ" in labels(every)


async def test_a_yes_where_a_place_is_wanted_asks_for_the_place_again(citizen: Chat) -> None:
    await citizen.send("ไฟดับทั้งซอย มืดมาก")
    again = await citizen.send("ใช่ค่ะ")
    assert all_text(again) == text("th", "report.ask_place")


@pytest.mark.parametrize(
    "changed_mind",
    ["ไม่เอาแล้วค่ะ", "เปลี่ยนใจค่ะ ไม่ต้องส่ง", "เอ้ย ไม่เอาแล้วค่ะ เดี๋ยวมันก็ลด"],
)
async def test_changing_ones_mind_in_words_cancels_and_files_nothing(
    citizen: Chat, database: Database, changed_mind: str
) -> None:
    await citizen.send(STREET_LIGHT)
    replies = await citizen.send(changed_mind)
    assert replies[0].text == text("th", "cancelled")
    assert labels(replies)[0] == "แจ้งปัญหา"
    await citizen.send("ใช่")  # the card is gone: a yes now is no confirmation
    assert await filed(database) == []


async def test_danger_typed_where_the_place_is_asked_gets_the_numbers_first(
    citizen: Chat,
) -> None:
    await citizen.send("สายไฟห้อยต่ำมากหน้าบ้าน รถสูงเกี่ยวบ่อย")
    assert all_text(citizen.replies) == text("th", "report.ask_place")
    replies = await citizen.send("ตอนนี้ไฟไหม้แล้วค่ะ ช่วยด้วย")
    assert replies[0].text.startswith("⚠️") and "199" in replies[0].text
    assert all_text(replies[1:]) == text("th", "report.ask_place")  # and still: where?


class TestTheNewsOfferAnsweredInWords:
    """After a first report Siang asks "อยากรับข่าว…ไหมคะ"; people answer it in words."""

    async def test_a_yes_picks_the_topics_for_the_reports_area(self, citizen: Chat) -> None:
        await file_report(citizen, STREET_LIGHT)
        assert "อยากรับข่าว" in all_text(citizen.replies)
        topics = await citizen.send("ได้ค่ะ")
        assert all_text(topics).startswith("อยากรับข่าวเรื่องไหนในอ.เมืองเชียงใหม่")
        assert labels(topics)[0] == "ทุกเรื่อง"

    async def test_a_no_is_taken_kindly(self, citizen: Chat) -> None:
        await file_report(citizen, STREET_LIGHT)
        replies = await citizen.send("ไม่เป็นไรค่ะ")
        assert replies[0].text == text("th", "news.not_now")

    async def test_anything_else_is_a_new_message(self, citizen: Chat) -> None:
        await file_report(citizen, STREET_LIGHT)
        replies = await citizen.send("ขยะกองเต็มหน้าตลาดวโรรส อ.เมือง จ.เชียงใหม่ ส่งกลิ่นเหม็น")
        card = replies[-1].card
        assert card is not None and dict(card.fields)["หมวดหมู่"] == "ความสะอาด"


@pytest.mark.parametrize(
    ("words", "key"), [("ไม่เป็นไรค่ะ", "nothing_to_cancel"), ("โอเคค่ะ ได้เลยค่ะ", "fallback")]
)
async def test_an_answer_to_nothing_open_is_not_a_report(
    citizen: Chat, database: Database, words: str, key: str
) -> None:
    replies = await citizen.send(words)
    assert replies[0].text == text("th", key) and labels(replies)[0] == "แจ้งปัญหา"
    assert all(reply.card is None for reply in replies)


async def test_a_province_named_alone_is_heard_and_only_the_district_is_asked(
    citizen: Chat,
) -> None:
    asked = await citizen.send("หลุมใหญ่กลางถนนค่ะ ถนนมิตรภาพ โคราช")
    assert all_text(asked) == text("th", "report.ask_district", place="จ.นครราชสีมา")
    assert labels(asked) == ["แชร์ตำแหน่ง", "ยกเลิก"]
    await citizen.send("อำเภอเมืองค่ะ")
    assert card_fields(citizen)["สถานที่"] == "อ.เมืองนครราชสีมา จ.นครราชสีมา"
