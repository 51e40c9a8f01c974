"""Following up: my open items with their status, and one item's history by reference."""

from __future__ import annotations

from services import ticket_lookups, ticket_moves
from services.actors import Actor
from services.ticket_references import ALPHABET
from storage.database import Database
from storage.models import FeedbackStatus
from tests.bot.conversations.conftest import Chat, all_text, file_report, labels


async def test_follow_lists_my_open_items_with_their_status(citizen: Chat) -> None:
    first = await file_report(citizen)
    second = await file_report(citizen, "ขยะล้นถังหน้าตลาด เขตบางนา ส่งกลิ่นเหม็นมาหลายวัน")
    replies = await citizen.send("ติดตาม")
    text = all_text(replies)
    assert "2 เรื่อง" in text
    assert f"{first} · ถนน · ส่งถึงหน่วยงานแล้ว" in text
    assert f"{second} · ความสะอาด" in text
    assert {first, second} <= set(labels(replies))


async def test_a_mistyped_reference_is_said_not_found_and_my_items_follow(citizen: Chat) -> None:
    reference = await file_report(citizen)
    last = reference[-1]
    wrong = reference[:-1] + next(c for c in ALPHABET if c != last)  # its check fails

    replies = await citizen.send(f"ติดตาม {wrong.lower()} ค่ะ")

    assert replies[0].text == f"ไม่พบเลขเรื่อง {wrong} ค่ะ ตรวจสอบเลขอีกครั้งนะคะ"
    assert reference in all_text(replies[1:]) and reference in labels(replies)
    alone = await citizen.send(wrong)  # the reference alone, too
    assert alone[0].text.startswith(f"ไม่พบเลขเรื่อง {wrong}")


async def test_follow_with_nothing_open_says_so(citizen: Chat) -> None:
    assert "ไม่มีเรื่องที่กำลังดำเนินการ" in all_text(await citizen.send("ติดตาม"))


async def test_a_typed_reference_shows_the_history_with_the_officials_notes(
    citizen: Chat, database: Database
) -> None:
    reference = await file_report(citizen)
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        await ticket_moves.change_status(
            session, item.id, to=FeedbackStatus.ACCEPTED, actor=Actor.system(), note="ส่งช่างแล้ว"
        )
    typed = reference.lower().replace("-", " ")
    text = all_text(await citizen.send(typed))
    assert f"ความคืบหน้าเรื่อง {reference}" in text
    for status in ("รับเรื่องแล้ว", "ส่งถึงหน่วยงานแล้ว", "หน่วยงานรับเรื่องแล้ว", "ส่งช่างแล้ว"):
        assert status in text
    assert "2569" in text  # dates in the Buddhist era, Bangkok time


async def test_someone_else_sees_the_progress_but_not_the_notes(
    citizen: Chat, engine: object, database: Database
) -> None:
    reference = await file_report(citizen)
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        await ticket_moves.change_status(
            session, item.id, to=FeedbackStatus.ACCEPTED, actor=Actor.system(), note="ส่งช่างแล้ว"
        )
    neighbour = Chat(citizen.engine, database, "U-neighbour", citizen.channel)
    text = all_text(await neighbour.send(reference))
    assert "หน่วยงานรับเรื่องแล้ว" in text and "ส่งช่างแล้ว" not in text


async def test_an_unknown_reference_is_reported_not_found(citizen: Chat) -> None:
    assert "ไม่พบเลขเรื่อง" in all_text(await citizen.send(postback="ref:SG-2222-22"))
