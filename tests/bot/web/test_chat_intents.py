"""The web chat acts on what the NLP reads, like LINE: a question gets where to ask with a
button to send it, gibberish gets the menu, danger now gets the numbers to call first."""

from __future__ import annotations

import httpx
from sqlmodel import select

from storage.database import Database
from storage.models import FeedbackItem, FeedbackKind
from tests.bot.web.test_chat_api import button, say, texts


async def _items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem))).all())


def _labels(answer: dict[str, object]) -> list[str]:
    messages = answer["messages"]
    assert isinstance(messages, list)
    return [b["label"] for m in messages for b in m["buttons"]]


async def test_a_question_gets_the_agency_and_a_button_to_send_it(
    browser_client: httpx.AsyncClient, database: Database
) -> None:
    answer = await say(browser_client, text="น้ำไม่ไหลต้องแจ้งที่ไหนคะ บ้านอยู่อำเภอแม่ริม เชียงใหม่")
    assert "การประปาส่วนภูมิภาค จังหวัดเชียงใหม่" in texts(answer) and "1662" in texts(answer)
    assert "แจ้งปัญหา" in _labels(answer)
    assert await _items(database) == []
    notice = await say(browser_client, postback=button(answer, "ส่งคำถามถึงหน่วยงาน"))
    await say(browser_client, postback=button(notice, "ยอมรับ"))
    [item] = await _items(database)
    assert item.kind is FeedbackKind.QUESTION


async def test_gibberish_gets_the_menu_not_a_draft(
    browser_client: httpx.AsyncClient, database: Database
) -> None:
    answer = await say(browser_client, text="asdfghjkl")
    assert "ไม่แน่ใจว่าหมายถึงอะไร" in texts(answer) and "แจ้งปัญหา" in _labels(answer)
    assert "ยืนยัน" not in _labels(answer)


async def test_danger_now_says_whom_to_call_before_the_report(
    browser_client: httpx.AsyncClient,
) -> None:
    answer = await say(browser_client, text="ไฟไหม้บ้านไม้ในซอย มีคนติดอยู่ข้างใน เขตบางนา")
    first = answer["messages"][0]["text"]
    assert first.startswith("⚠️") and "199" in first
