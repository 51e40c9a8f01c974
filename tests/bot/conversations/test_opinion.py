"""Giving an opinion or a suggestion, to the agency or to the province's board."""

from __future__ import annotations

from sqlmodel import select

from storage.database import Database
from storage.models import Board, FeedbackItem, FeedbackKind
from tests.bot.conversations.conftest import Chat, all_text


async def test_a_suggestion_to_the_provinces_board(citizen: Chat, database: Database) -> None:
    await citizen.send("ความคิดเห็น/ข้อเสนอแนะ")
    asked = await citizen.tap("คณะที่ปรึกษาจังหวัด")
    assert "พิมพ์ความคิดเห็น" in all_text(asked)
    proposal = await citizen.send("เสนอให้จังหวัดเชียงใหม่เพิ่มรถเมล์สายสนามบินถึงตัวเมืองค่ะ")
    card = proposal[0].card
    assert card is not None
    fields = dict(card.fields)
    assert fields["ประเภท"] == "ข้อเสนอแนะ" and fields["ส่งถึง"] == "คณะกรรมการที่ปรึกษาฯ จังหวัด"
    await citizen.tap("ยืนยัน")
    filed = await citizen.tap("ยอมรับ")
    async with database.unit_of_work() as session:
        [item] = (await session.exec(select(FeedbackItem))).all()
        board = await session.get(Board, item.board_id)
    assert item.kind is FeedbackKind.SUGGESTION and item.province_code == "50"
    assert board is not None and board.name_th in all_text(filed)


async def test_an_opinion_to_the_agency_asks_for_the_province_when_missing(
    citizen: Chat, database: Database
) -> None:
    await citizen.tap_data("opinion")
    await citizen.tap("หน่วยงานที่รับผิดชอบ")
    asked = await citizen.send("อยากให้มีการประชาพิจารณ์ก่อนสร้างอาคารจอดรถแห่งใหม่")
    assert "ที่ไหน" in all_text(asked)
    await citizen.send("ขอนแก่น")
    await citizen.tap("ยืนยัน")
    await citizen.tap("ยอมรับ")
    async with database.unit_of_work() as session:
        [item] = (await session.exec(select(FeedbackItem))).all()
    assert item.kind is FeedbackKind.OPINION and item.province_code == "40"
