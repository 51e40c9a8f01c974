"""After resolution: the citizen confirms the fix or reopens it, then rates it 1–5."""

from __future__ import annotations

from bot.notice_messages import render_notice
from bot.texts import text
from services import ticket_lookups, ticket_moves
from services.actors import Actor
from storage.database import Database
from storage.models import FeedbackItem, FeedbackStatus
from tests.bot.conversations.conftest import Chat, all_text, file_report, labels


async def resolve(database: Database, reference: str) -> list[str]:
    """An official resolves the item; the labels of the "is it fixed?" buttons the citizen gets."""
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        await ticket_moves.change_status(
            session, item.id, to=FeedbackStatus.ACCEPTED, actor=Actor.system()
        )
        await ticket_moves.change_status(
            session, item.id, to=FeedbackStatus.RESOLVED, actor=Actor.system(), note="ปะแล้ว"
        )
    asked = render_notice("resolution_check", {"reference": reference, "note": "ปะแล้ว"})
    return labels(asked)


async def a_neighbour_reports_it_too(citizen: Chat, database: Database) -> tuple[str, Chat, str]:
    """The citizen reports a problem and a neighbour the same one, which follows the first
    (filed as its duplicate, or merged by an official): (first reference, neighbour, theirs)."""
    reference = await file_report(citizen)
    neighbour = Chat(citizen.engine, database, "U-neighbour", citizen.channel)
    theirs = await file_report(neighbour)
    async with database.unit_of_work() as session:
        lead = await ticket_lookups.find_by_reference(session, reference)
        merged = await ticket_lookups.find_by_reference(session, theirs)
        assert lead is not None and merged is not None
        if merged.duplicate_of_id != lead.id:
            await ticket_moves.merge(
                session, merged.id or 0, into_id=lead.id or 0, actor=Actor.system()
            )
    return reference, neighbour, theirs


async def item(database: Database, reference: str) -> FeedbackItem:
    async with database.unit_of_work() as session:
        found = await ticket_lookups.find_by_reference(session, reference)
    assert found is not None
    return found


async def test_fixed_then_five_stars_and_a_comment(citizen: Chat, database: Database) -> None:
    reference = await file_report(citizen)
    assert await resolve(database, reference) == ["ยืนยันว่าแก้แล้ว", "ยังไม่แก้"]
    stars = await citizen.tap_data(f"fixed:{reference}")
    assert labels(stars) == ["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"]
    asked = await citizen.tap("5 ⭐")
    assert "ข้าม" in labels(asked)
    thanks = await citizen.send("ช่างมาเร็วมาก ขอบคุณค่ะ")
    assert "ขอบคุณสำหรับความคิดเห็น" in all_text(thanks)
    rated = await item(database, reference)
    assert (rated.rating, rated.rating_comment) == (5, "ช่างมาเร็วมาก ขอบคุณค่ะ")
    assert rated.citizen_confirmed_fix is True and rated.status is FeedbackStatus.CLOSED


async def test_a_rating_without_a_comment(citizen: Chat, database: Database) -> None:
    reference = await file_report(citizen)
    await resolve(database, reference)
    await citizen.tap_data(f"fixed:{reference}")
    await citizen.tap("3 ⭐")
    await citizen.tap("ข้าม")
    rated = await item(database, reference)
    assert (rated.rating, rated.rating_comment) == (3, None)


async def test_not_fixed_sends_it_back_to_the_agency(citizen: Chat, database: Database) -> None:
    reference = await file_report(citizen)
    await resolve(database, reference)
    replies = await citizen.tap_data(f"notfixed:{reference}")
    assert "กลับไปให้หน่วยงานแก้ไขอีกครั้ง" in all_text(replies)
    reopened = await item(database, reference)
    assert reopened.status is FeedbackStatus.ACCEPTED and reopened.reopen_count == 1


async def test_only_the_reporter_can_answer_and_only_when_resolved(
    citizen: Chat, database: Database
) -> None:
    reference = await file_report(citizen)
    early = await citizen.tap_data(f"fixed:{reference}")
    assert "ทำรายการนี้กับเรื่อง" in all_text(early)  # not resolved yet
    await resolve(database, reference)
    stranger = Chat(citizen.engine, database, "U-stranger", citizen.channel)
    refused = await stranger.tap_data(f"notfixed:{reference}")
    assert "ไม่ใช่เรื่องที่คุณแจ้ง" in all_text(refused)
    assert (await item(database, reference)).status is FeedbackStatus.RESOLVED


async def test_is_it_fixed_answered_in_words_reopens_it(citizen: Chat, database: Database) -> None:
    reference = await file_report(citizen)
    await resolve(database, reference)
    replies = await citizen.send("ยังไม่ได้แก้เลยค่ะ ยังเป็นหลุมเหมือนเดิม")
    assert all_text(replies) == text("th", "resolution.reopened", reference=reference)
    assert (await item(database, reference)).status is not FeedbackStatus.RESOLVED


async def test_is_it_fixed_answered_yes_in_words_asks_for_the_stars(
    citizen: Chat, database: Database
) -> None:
    reference = await file_report(citizen)
    await resolve(database, reference)
    stars = await citizen.send("แก้แล้วค่ะ ขอบคุณมากนะคะ")
    assert labels(stars) == ["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"]
    assert (await item(database, reference)).citizen_confirmed_fix is True


async def test_another_matter_after_the_question_is_a_new_report(
    citizen: Chat, database: Database
) -> None:
    reference = await file_report(citizen)  # a pothole
    await resolve(database, reference)
    replies = await citizen.send("ยังไม่มีใครมาเก็บขยะหน้าตลาดเลย เขตวังทองหลาง")
    card = replies[-1].card
    assert card is not None and dict(card.fields)["หมวดหมู่"] == "ความสะอาด"
    assert (await item(database, reference)).status is FeedbackStatus.RESOLVED


async def test_danger_typed_as_the_comment_gets_the_numbers_not_a_thank_you(
    citizen: Chat, database: Database
) -> None:
    reference = await file_report(citizen)
    await resolve(database, reference)
    await citizen.tap_data(f"fixed:{reference}")
    await citizen.tap("4 ⭐")
    fire = "ไฟไหม้บ้านไม้ในซอย มีคนติดอยู่ข้างใน เขตบางนา"
    replies = await citizen.send(fire)
    assert replies[0].text.startswith("⚠️") and "199" in replies[0].text
    card = replies[-1].card
    assert card is not None and dict(card.fields)["รายละเอียด"] == fire
    assert "ขอบคุณสำหรับความคิดเห็น" not in all_text(replies)
    assert (await item(database, reference)).rating_comment is None


async def test_a_neighbour_whose_report_was_merged_is_asked_too_and_can_send_it_back(
    citizen: Chat, database: Database
) -> None:
    from sqlmodel import col, select

    from storage.models import OutboundMessage

    reference, neighbour, theirs = await a_neighbour_reports_it_too(citizen, database)
    await resolve(database, reference)
    async with database.unit_of_work() as session:
        asked = (
            await session.exec(
                select(OutboundMessage)
                .where(col(OutboundMessage.kind) == "resolution_check")
                .order_by(col(OutboundMessage.id))
            )
        ).all()
    assert [m.payload["reference"] for m in asked] == [reference, theirs]
    replies = await neighbour.tap_data(f"notfixed:{theirs}")
    assert "กลับไปให้หน่วยงานแก้ไขอีกครั้ง" in all_text(replies)
    reopened = await item(database, reference)
    assert reopened.status is FeedbackStatus.ACCEPTED and reopened.reopen_count == 1


async def test_a_neighbour_who_confirms_the_fix_is_thanked_without_rating_anothers_ticket(
    citizen: Chat, database: Database
) -> None:
    reference, neighbour, theirs = await a_neighbour_reports_it_too(citizen, database)
    await resolve(database, reference)
    replies = await neighbour.tap_data(f"fixed:{theirs}")
    assert all_text(replies) == text("th", "resolution.thanks_fixed_shared")
    assert labels(replies) == []
    assert (await item(database, reference)).citizen_confirmed_fix is None
