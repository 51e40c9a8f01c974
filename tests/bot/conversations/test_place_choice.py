"""A place the NLP cannot settle is asked, never guessed: a name several provinces share gets a
button per area, "อำเภอเมือง" with no province asks which province, and a shared location far
from the place the text names asks which one is right."""

from __future__ import annotations

from sqlmodel import col, select

from bot.messages import InboundKind
from bot.texts import text
from storage.database import Database
from storage.models import FeedbackItem
from tests.bot.conversations.conftest import Chat, all_text, labels

SHARED_NAME = "ถนนหน้าวัดเป็นหลุมใหญ่มาก ตำบลท่าทราย"  # in Nonthaburi, Nakhon Nayok, Samut Sakhon
MUEANG_ONLY = "ถนนหน้าโรงเรียนเป็นหลุมใหญ่มาก อำเภอเมือง"
BANG_NA = "ไฟดับทั้งซอยตั้งแต่เมื่อคืน แถวเขตบางนา กรุงเทพ"
KHON_KAEN_PIN = (16.4322, 102.8236)  # Mueang Khon Kaen
CHIANG_MAI_PIN = (18.7883, 98.9853)  # Mueang Chiang Mai, far from Bang Na


async def items(database: Database) -> list[FeedbackItem]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all())


async def file_it(citizen: Chat) -> None:
    await citizen.tap("ยืนยัน")
    await citizen.tap("ยอมรับ")


class TestSeveralAreas:
    async def test_each_area_is_a_button_and_the_tapped_one_is_filed(
        self, citizen: Chat, database: Database
    ) -> None:
        asked = await citizen.send(SHARED_NAME)
        assert "มีหลายแห่ง" in all_text(asked)
        assert labels(asked) == [
            "อ.เมือง จ.นนทบุรี",
            "อ.เมือง จ.นครนายก",
            "อ.เมือง จ.สมุทรสาคร",
            "แชร์ตำแหน่ง",
            "ยกเลิก",
        ]
        assert all(len(label) <= 20 for label in labels(asked))
        assert all(reply.card is None for reply in asked)  # nothing proposed in a guessed place
        card = (await citizen.tap(labels(asked)[1]))[-1].card
        assert card is not None and "นครนายก" in dict(card.fields)["สถานที่"]
        await file_it(citizen)
        [item] = await items(database)
        assert (item.province_code, item.subdistrict_code) == ("26", "260105")

    async def test_typing_the_province_answers_too(self, citizen: Chat, database: Database) -> None:
        await citizen.send(SHARED_NAME)
        card = (await citizen.send("ตำบลท่าทราย อำเภอเมืองสมุทรสาคร"))[-1].card
        assert card is not None and "สมุทรสาคร" in dict(card.fields)["สถานที่"]
        await file_it(citizen)
        [item] = await items(database)
        assert item.province_code == "74"


class TestMueangWithoutProvince:
    async def test_it_asks_which_province_and_files_nothing_meanwhile(
        self, citizen: Chat, database: Database
    ) -> None:
        asked = await citizen.send(MUEANG_ONLY)
        assert "อำเภอเมืองของจังหวัดไหน" in all_text(asked)
        assert labels(asked) == ["แชร์ตำแหน่ง", "ยกเลิก"]
        assert await items(database) == []
        card = (await citizen.send("ขอนแก่น"))[-1].card
        assert card is not None and dict(card.fields)["สถานที่"] == "อ.เมืองขอนแก่น จ.ขอนแก่น"
        await file_it(citizen)
        [item] = await items(database)
        assert (item.province_code, item.district_code) == ("40", "4001")

    async def test_a_shared_location_answers_it(self, citizen: Chat, database: Database) -> None:
        await citizen.send(MUEANG_ONLY)
        latitude, longitude = KHON_KAEN_PIN
        shown = await citizen.send(
            kind=InboundKind.LOCATION, latitude=latitude, longitude=longitude
        )
        card = shown[-1].card
        assert card is not None and "ขอนแก่น" in dict(card.fields)["สถานที่"]
        await file_it(citizen)
        [item] = await items(database)
        assert item.province_code == "40" and item.latitude == latitude


class TestLocationFarFromTheText:
    async def test_the_citizen_says_which_and_the_wrong_pin_is_dropped(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(BANG_NA)
        latitude, longitude = CHIANG_MAI_PIN
        asked = await citizen.send(
            kind=InboundKind.LOCATION, latitude=latitude, longitude=longitude
        )
        said = all_text(asked)
        assert "บางนา" in said and "เชียงใหม่" in said and "ตำแหน่งที่แชร์" in said
        assert labels(asked) == ["เขตบางนา กทม.", "อ.เมือง จ.เชียงใหม่", "แชร์ตำแหน่ง", "ยกเลิก"]
        card = (await citizen.tap(labels(asked)[0]))[-1].card
        assert card is not None and "บางนา" in dict(card.fields)["สถานที่"]
        await file_it(citizen)
        [item] = await items(database)
        assert (item.province_code, item.district_code) == ("10", "1047")
        assert item.latitude is None  # the pin was somewhere else

    async def test_choosing_the_pins_area_keeps_the_pin(
        self, citizen: Chat, database: Database
    ) -> None:
        await citizen.send(BANG_NA)
        latitude, longitude = CHIANG_MAI_PIN
        asked = await citizen.send(
            kind=InboundKind.LOCATION, latitude=latitude, longitude=longitude
        )
        await citizen.tap(labels(asked)[1])
        await file_it(citizen)
        [item] = await items(database)
        assert item.province_code == "50" and item.latitude == latitude

    async def test_a_pin_shared_first_is_checked_against_the_text(
        self, citizen: Chat, database: Database
    ) -> None:
        latitude, longitude = CHIANG_MAI_PIN
        await citizen.send(kind=InboundKind.LOCATION, latitude=latitude, longitude=longitude)
        asked = await citizen.send(BANG_NA)
        assert "ตำแหน่งที่แชร์" in all_text(asked)
        assert await items(database) == []


async def test_a_subdistrict_named_alone_asks_for_its_district_and_province(
    citizen: Chat,
) -> None:
    """ต.บ้านใหม่ is in too many districts to offer as buttons: the citizen named a place and
    is told why it is not enough, not asked "where?" as if they had said nothing."""
    asked = await citizen.send("ถนนเป็นหลุมเป็นบ่อ รถตกหลุมทุกวัน ต.บ้านใหม่")
    assert all_text(asked) == text("th", "report.ask_district_of_subdistrict")
    assert labels(asked) == ["แชร์ตำแหน่ง", "ยกเลิก"]
    card = (await citizen.send("อ.เมือง นครราชสีมา"))[-1].card
    # the subdistrict first named is kept, now that its district is known
    assert card is not None
    assert dict(card.fields)["สถานที่"] == "ต.บ้านใหม่ อ.เมืองนครราชสีมา จ.นครราชสีมา"
