"""Praise is thanked at once and passed on without a form: no category to pick and no card to
check; at most one light question (where, or whom, to credit) when the agency cannot be told."""

from __future__ import annotations

from sqlmodel import col, select

from bot.messages import InboundKind
from bot.texts import text
from storage.database import Database
from storage.models import Agency, FeedbackItem, FeedbackKind
from tests.bot.conversations.conftest import Chat, all_text, labels

SURE = "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะหน้าตลาดเขตบางนาให้รวดเร็วมาก ประทับใจค่ะ"
NO_PLACE = "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะหน้าตลาดให้รวดเร็วมาก ประทับใจค่ะ"
UNSURE_TOPIC = "ประทับใจพี่ๆ ที่มาช่วยดูตรงที่มีปัญหาให้ทันทีค่ะ เขตบางนา"
SHARED_NAME = "ประทับใจเจ้าหน้าที่ที่มาเก็บขยะให้เร็วมากค่ะ ตำบลท่าทราย"
BANG_NA_PIN = (13.6680, 100.6053)


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all())


async def agency_name(database: Database, item: FeedbackItem) -> str | None:
    async with database.unit_of_work() as session:
        agency = await session.get(Agency, item.agency_id) if item.agency_id else None
        return agency.name_th if agency else None


def no_form(replies: list) -> bool:  # type: ignore[type-arg]
    """Nothing to check or pick: no card to confirm, no category buttons."""
    shown = labels(replies)
    card = text("th", "praise.card_title")
    cards = [r.card.title for r in replies if r.card is not None]
    return card not in cards and "ยืนยัน" not in shown and "อื่นๆ" not in shown


async def test_praise_with_topic_and_place_known_is_thanked_then_filed_for_the_office(
    citizen: Chat, database: Database
) -> None:
    first = await citizen.send(SURE)

    assert first[0].text == text("th", "praise.thanks")
    assert no_form(first) and "PDPA" in all_text(first)  # the notice once, before any filing
    filed = await citizen.tap("ยอมรับ")
    assert "ส่งคำชมถึง สำนักงานเขตบางนา" in all_text(filed)

    again = await citizen.send(SURE)  # consent given: thanked and filed in one answer
    assert again[0].text == text("th", "praise.thanks")
    assert no_form(again) and "ส่งคำชมถึง สำนักงานเขตบางนา" in all_text(again)
    assert [item.kind for item in await items(database)] == [FeedbackKind.PRAISE] * 2


async def test_praise_with_no_place_asks_where_once_and_the_typed_district_credits_the_office(
    citizen: Chat, database: Database
) -> None:
    asked = await citizen.send(NO_PLACE)

    assert asked[0].text == text("th", "praise.thanks")  # thanks come first
    assert asked[1].text == text("th", "praise.ask_where")
    assert labels(asked) == ["แชร์ตำแหน่ง", "ข้าม"] and no_form(asked)
    await citizen.send("เขตบางนาค่ะ")
    filed = await citizen.tap("ยอมรับ")

    assert "ส่งคำชมถึง สำนักงานเขตบางนา" in all_text(filed)
    [item] = await items(database)
    assert item.kind is FeedbackKind.PRAISE and item.district_code == "1047"
    assert "เขตบางนาค่ะ" in item.original_text  # what they told about whom, for officials


async def test_skipping_the_question_still_passes_the_praise_on(
    citizen: Chat, database: Database
) -> None:
    await citizen.send(NO_PLACE)
    await citizen.tap("ข้าม")
    filed = await citizen.tap("ยอมรับ")

    [item] = await items(database)
    assert item.kind is FeedbackKind.PRAISE and item.agency_id is None
    assert item.reference in all_text(filed) and "ส่งต่อให้หน่วยงาน" in all_text(filed)


async def test_a_shared_location_answers_where(citizen: Chat, database: Database) -> None:
    await citizen.send(NO_PLACE)
    await citizen.send(kind=InboundKind.LOCATION, latitude=BANG_NA_PIN[0], longitude=BANG_NA_PIN[1])
    filed = await citizen.tap("ยอมรับ")

    assert "สำนักงานเขตบางนา" in all_text(filed)


async def test_an_unsure_topic_is_not_a_category_picker_and_no_office_is_guessed_from_it(
    citizen: Chat, database: Database
) -> None:
    asked = await citizen.send(UNSURE_TOPIC)

    assert asked[0].text == text("th", "praise.thanks")
    assert asked[1].text == text("th", "praise.ask_whom") and labels(asked) == ["ข้าม"]
    assert no_form(asked)
    await citizen.tap("ข้าม")
    await citizen.tap("ยอมรับ")
    [item] = await items(database)
    assert item.kind is FeedbackKind.PRAISE and item.category is None  # not the 0.31 guess
    assert item.district_code == "1047"


async def test_whom_to_credit_typed_makes_the_topic_sure(citizen: Chat, database: Database) -> None:
    await citizen.send(UNSURE_TOPIC)
    await citizen.send("ทีมเก็บขยะของเขตค่ะ")
    filed = await citizen.tap("ยอมรับ")

    [item] = await items(database)
    assert item.category == "ความสะอาด"
    assert "ส่งคำชมถึง สำนักงานเขตบางนา" in all_text(filed)


async def test_a_name_many_areas_share_asks_which_with_a_button_each(
    citizen: Chat, database: Database
) -> None:
    asked = await citizen.send(SHARED_NAME)

    assert asked[0].text == text("th", "praise.thanks")
    assert labels(asked) == [
        "อ.เมือง จ.นนทบุรี",
        "อ.เมือง จ.นครนายก",
        "อ.เมือง จ.สมุทรสาคร",
        "แชร์ตำแหน่ง",
        "ข้าม",
    ]
    await citizen.tap("อ.เมือง จ.นครนายก")
    await citizen.tap("ยอมรับ")
    [item] = await items(database)
    assert item.subdistrict_code == "260105"


async def test_a_bare_yes_to_the_question_passes_the_praise_on_as_it_is(
    citizen: Chat, database: Database
) -> None:
    await citizen.send(NO_PLACE)

    await citizen.send("ได้ค่ะ")
    await citizen.tap("ยอมรับ")

    [item] = await items(database)
    assert item.kind is FeedbackKind.PRAISE and item.original_text == NO_PLACE
