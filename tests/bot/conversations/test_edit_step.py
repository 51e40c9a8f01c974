"""The edit step changes the kind and the text as well as the category and the place; a new
text is analysed again."""

from __future__ import annotations

from sqlmodel import select

from storage.database import Database
from storage.models import FeedbackItem, FeedbackKind
from tests.bot.conversations.conftest import Chat, all_text, labels

POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก เขตบางนา"


async def the_item(database: Database) -> FeedbackItem:
    async with database.unit_of_work() as session:
        [item] = (await session.exec(select(FeedbackItem))).all()
        return item


async def test_a_new_text_replaces_the_old_and_is_analysed_again(
    citizen: Chat, database: Database
) -> None:
    await citizen.send(POTHOLE)
    await citizen.tap("แก้ไข")
    asked = await citizen.tap("แก้ข้อความ")
    assert "พิมพ์ข้อความใหม่" in all_text(asked) and labels(asked) == ["ยกเลิก"]
    card = (await citizen.send("ขยะล้นถังหน้าตลาด เขตวังทองหลาง ส่งกลิ่นเหม็นมาหลายวัน"))[-1].card
    assert card is not None
    fields = dict(card.fields)
    assert fields["หมวดหมู่"] == "ความสะอาด" and "วังทองหลาง" in fields["สถานที่"]
    assert "หลุม" not in fields["รายละเอียด"]
    await citizen.tap("ยืนยัน")
    await citizen.tap("ยอมรับ")
    item = await the_item(database)
    assert item.category == "ความสะอาด" and item.district_code == "1045"
    assert "หลุม" not in item.original_text


async def test_a_category_the_citizen_chose_survives_a_new_text(
    citizen: Chat, database: Database
) -> None:
    await citizen.send(POTHOLE)
    await citizen.tap("แก้ไข")
    await citizen.tap("แก้หมวดหมู่")
    await citizen.tap("ทางเท้า")
    await citizen.tap("แก้ไข")
    await citizen.tap("แก้ข้อความ")
    card = (await citizen.send("ขยะล้นถังหน้าตลาด เขตบางนา"))[-1].card
    assert card is not None and dict(card.fields)["หมวดหมู่"] == "ทางเท้า"


async def test_changing_the_kind_to_a_question_answers_where_to_ask(
    citizen: Chat, database: Database
) -> None:
    await citizen.send(POTHOLE)
    await citizen.tap("แก้ไข")
    await citizen.tap("แก้ประเภท")
    answer = await citizen.tap("สอบถาม")
    assert "สำนักงานเขตบางนา" in all_text(answer) and "1555" in all_text(answer)
    await citizen.tap("ส่งคำถามถึงหน่วยงาน")
    await citizen.tap("ยอมรับ")
    assert (await the_item(database)).kind is FeedbackKind.QUESTION
