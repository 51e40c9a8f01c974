"""What a town names after itself is in it: its market, hospital, police station, station, its
provincial hall, the town itself (ตลาดโพธาราม, รพ.ท่าตูม, ศาลากลางตาก, ตัวเมืองพะเยา); a shop or a
road named after a town may be anywhere.

Messages here are team-written examples of what citizens type.
"""

from __future__ import annotations

import pytest

from nlp.places import PlaceFinder


@pytest.mark.parametrize(
    ("text", "province", "district"),
    [
        ("ท่อตันหลังตลาดโพธาราม น้ำล้นมาหน้าบ้าน", "ราชบุรี", "โพธาราม"),
        ("แผงลอยหน้าตลาดภูเขียวตั้งล้ำถนน", "ชัยภูมิ", "ภูเขียว"),
        ("คิวที่ โรงพยาบาลวารินชำราบ ยาวมากค่ะ", "อุบลราชธานี", "วารินชำราบ"),
        # a name with namesakes elsewhere, with its province named
        ("หมอที่ รพ.ท่าตูม ดีมาก สุรินทร์", "สุรินทร์", "ท่าตูม"),
        # a province's name there is its capital's town
        ("ห้องน้ำที่ตลาดศรีสะเกษสกปรกมาก", "ศรีสะเกษ", "เมืองศรีสะเกษ"),
        ("ไฟแดงหน้าศาลากลางตากเสียค่ะ", "ตาก", "เมืองตาก"),
        ("รถสองแถวจากตัวเมืองพะเยาไม่ค่อยมี", "พะเยา", "เมืองพะเยา"),
        ("น้ำท่วมในตัวเมืองเลย", "เลย", "เมืองเลย"),
    ],
)
def test_what_a_town_names_after_itself_is_in_it(
    finder: PlaceFinder, text: str, province: str, district: str
) -> None:
    place = finder.find(text)
    assert (place.province, place.district) == (province, district)


@pytest.mark.parametrize(
    "text",
    [
        "ไปตลาดเลยค่ะ ของหมดแล้ว",  # เลย is "right away" here, not Loei
        "ตากผ้าไว้หน้าบ้านโดนฝุ่นหมด",  # ตาก is "to dry"
        "ร้านข้าวมันไก่ตรงตลาดนัดหน้าหมู่บ้าน ทิ้งขยะเรี่ยราด",
    ],
)
def test_everyday_words_after_a_market_or_town_are_no_place(finder: PlaceFinder, text: str) -> None:
    assert finder.find(text).province is None


def test_a_road_named_after_two_towns_does_not_place_the_report(finder: PlaceFinder) -> None:
    """The road from Ban Phai to Ban Haet runs across districts: it says nothing alone."""
    assert finder.find("ถนนเส้นบ้านไผ่-บ้านแฮดเป็นหลุมเยอะมาก").district is None
