"""An unsure category is picked from the NLP's best three (or "อื่นๆ" for all) with one tap, and
every pick or correction the citizen makes is kept as a labelled example: redacted text only,
linked to the item once filed, held back until consent, and deleted by PDPA erasure."""

from __future__ import annotations

from sqlmodel import col, select

from storage.database import Database
from storage.models import FeedbackItem, FeedbackKind, LabelledExample
from tests.bot.conversations.conftest import Chat, all_text, file_report, labels

UNSURE = "หน้าปากซอยมีปัญหามาหลายวันแล้ว ช่วยดูให้หน่อยค่ะ เขตบางนา โทร 081-234-5678"


async def examples(database: Database) -> list[LabelledExample]:
    async with database.unit_of_work() as session:
        statement = select(LabelledExample).order_by(col(LabelledExample.id))
        return list((await session.exec(statement)).all())


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all())


class TestUnsureCategory:
    async def test_the_best_three_and_other_are_offered_with_one_tap(self, citizen: Chat) -> None:
        replies = await citizen.send(UNSURE)
        assert "เกี่ยวกับอะไร" in all_text(replies)
        assert labels(replies) == ["ทางเท้า", "ถนน", "แสงสว่าง", "อื่นๆ", "ยกเลิก"]
        assert all(reply.card is None for reply in replies)  # nothing proposed yet

    async def test_no_label_worth_a_guess_opens_every_category_at_once(self, citizen: Chat) -> None:
        replies = await citizen.send("Something at the market has been broken for weeks")
        shown = labels(replies[-1:])
        assert "electricity supply" not in shown[:1]  # no lone near-zero guess offered
        assert len(shown) >= 10 and "More categories" in shown

    async def test_other_opens_every_category(self, citizen: Chat) -> None:
        await citizen.send(UNSURE)
        every = await citizen.tap("อื่นๆ")
        assert "หมวดอื่น ๆ" in labels(every) and len(labels(every)) <= 13
        assert labels(every)[:3] == ["ทางเท้า", "ถนน", "แสงสว่าง"]  # the NLP's guesses first
        await citizen.tap("หมวดอื่น ๆ")
        card = (await citizen.tap("ความปลอดภัย"))[-1].card
        assert card is not None and dict(card.fields)["หมวดหมู่"] == "ความปลอดภัย"

    async def test_the_pick_is_filed_and_kept_as_a_labelled_example(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(UNSURE)
        card = (await citizen.tap("แสงสว่าง"))[-1].card
        assert card is not None and dict(card.fields)["หมวดหมู่"] == "แสงสว่าง"
        assert await examples(database) == []  # no consent yet: nothing kept
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        [example] = await examples(database)
        assert item.category == "แสงสว่าง"
        assert (example.field, example.chosen, example.proposed) == (
            "category",
            "แสงสว่าง",
            "ทางเท้า",
        )
        assert example.offered == ["ทางเท้า", "ถนน", "แสงสว่าง"]
        assert example.feedback_id == item.id and example.citizen_id == item.citizen_id
        assert example.source == "citizen"
        assert "5678" not in example.redacted_text and "ปากซอย" in example.redacted_text

    async def test_declining_consent_keeps_no_example(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(UNSURE)
        await citizen.tap("ถนน")
        await citizen.tap("ยืนยัน")
        await citizen.tap("ไม่ยอมรับ")
        assert await examples(database) == [] and await items(database) == []

    async def test_after_consent_a_pick_is_kept_at_once_and_linked_when_filed(
        self, citizen: Chat, database: Database
    ) -> None:
        await file_report(citizen)  # consent given with the first report
        await citizen.send(UNSURE)
        await citizen.tap("ถนน")
        [example] = await examples(database)
        assert example.chosen == "ถนน" and example.feedback_id is None
        await citizen.tap("ยืนยัน")
        second = (await items(database))[-1]
        [example] = await examples(database)
        assert example.feedback_id == second.id


class TestCorrectionsAreLabels:
    async def test_a_corrected_category_and_kind_are_both_kept(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send("ถนนหน้าบ้านเป็นหลุมใหญ่มาก เขตบางนา")
        await citizen.tap("แก้ไข")
        await citizen.tap("แก้หมวดหมู่")
        await citizen.tap("ทางเท้า")
        await citizen.tap("แก้ไข")
        kinds = await citizen.tap("แก้ประเภท")
        assert labels(kinds) == ["แจ้งปัญหา", "ข้อเสนอแนะ", "ความคิดเห็น", "สอบถาม", "คำชม", "ยกเลิก"]
        card = (await citizen.tap("ข้อเสนอแนะ"))[-1].card
        assert card is not None and dict(card.fields)["ประเภท"] == "ข้อเสนอแนะ"
        await citizen.tap("ยืนยัน")
        await citizen.tap("ยอมรับ")
        [item] = await items(database)
        assert item.kind is FeedbackKind.SUGGESTION and item.category == "ทางเท้า"
        found = [(e.field, e.chosen, e.proposed, e.feedback_id) for e in await examples(database)]
        assert found == [
            ("category", "ทางเท้า", "ถนน", item.id),
            ("kind", "suggestion", "complaint", item.id),
        ]


class TestErasure:
    async def test_erasure_deletes_the_citizens_examples(
        self, citizen: Chat, database: Database
    ) -> None:
        neighbour = Chat(citizen.engine, database, "U-neighbour", citizen.channel)
        for chat in (citizen, neighbour):
            await chat.send(UNSURE)
            await chat.tap("ถนน")
            await chat.tap("ยืนยัน")
            await chat.tap("ยอมรับ")
        assert len(await examples(database)) == 2

        await citizen.send("ข้อมูลของฉัน")
        await citizen.tap("ลบข้อมูลของฉัน")
        await citizen.tap("ยืนยันลบข้อมูล")

        [kept] = await examples(database)
        neighbours_item = (await items(database))[-1]
        assert kept.feedback_id == neighbours_item.id  # only the neighbour's example is left


class TestTypingInsteadOfTapping:
    async def test_more_detail_instead_of_a_tap_is_read_with_the_report(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(UNSURE)
        replies = await citizen.send("คือขยะกองเต็มเลยค่ะ ไม่มีใครมาเก็บ")
        # the detail names the topic, so the category no longer has to be picked
        assert "ความสะอาด" in all_text(replies)
        assert "ยืนยัน" in labels(replies)

    async def test_a_follow_up_instead_of_a_tap_is_answered(self, citizen: Chat) -> None:
        await citizen.send(UNSURE)
        replies = await citizen.send("เรื่องที่แจ้งไปถึงไหนแล้วคะ")
        assert "เรื่องนี้เกี่ยวกับอะไร" not in all_text(replies)
        assert "ไม่มีเรื่องที่กำลังดำเนินการ" in all_text(replies)


async def test_one_weak_guess_shows_every_category_at_once(citizen: Chat) -> None:
    """Not "เกษตร | อื่นๆ" for a motorbike taxi overcharging: the first page of every category."""
    picker = await citizen.send("วินมอไซค์ปากซอยสุขุมวิท 11 เรียกเกินราคา 100 บาท เขตวัฒนา")
    assert all_text(picker) == "เลือกหมวดหมู่ที่ตรงที่สุดค่ะ"
    assert labels(picker)[:3] == ["เกษตร", "ถนน", "ทางเท้า"]
    assert "หมวดอื่น ๆ" in labels(picker) and "อื่นๆ" not in labels(picker)
