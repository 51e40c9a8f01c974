"""A citizen who tapped อาสา (volunteer) or รับข่าว (news) and is asked which area, then types a
problem instead, changed their mind: danger now gets the numbers to call and the report, a
problem plainly told gets its report. An area typed there is still the area."""

from __future__ import annotations

from bot.texts import text
from tests.bot.conversations.conftest import Chat, all_text, labels

FIRE = "ไฟไหม้บ้านไม้ในซอย มีคนติดอยู่ข้างใน เขตบางนา"
POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถล้มทุกวัน เขตบางนา"


async def test_danger_typed_where_the_volunteer_area_was_asked(citizen: Chat) -> None:
    asked = await citizen.send("อาสา")
    assert all_text(asked) == text("th", "vol.ask_area")
    replies = await citizen.send(FIRE)
    assert replies[0].text.startswith("⚠️") and "199" in replies[0].text
    card = replies[-1].card
    assert card is not None and dict(card.fields)["รายละเอียด"] == FIRE
    assert labels(replies) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]


async def test_a_problem_typed_where_the_news_area_was_asked(citizen: Chat) -> None:
    asked = await citizen.send("รับข่าว")
    assert all_text(asked) == text("th", "news.ask_area")
    replies = await citizen.send(POTHOLE)
    card = replies[-1].card
    assert card is not None and dict(card.fields)["หมวดหมู่"] == "ถนน"


async def test_an_area_typed_there_is_still_the_area(citizen: Chat) -> None:
    await citizen.send("อาสา")
    replies = await citizen.send("อำเภอแม่ริม เชียงใหม่")
    assert all(reply.card is None for reply in replies)
    assert "ยืนยัน" not in labels(replies)
    assert "แม่ริม" in all_text(replies)
