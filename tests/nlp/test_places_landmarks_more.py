"""The landmarks added in the second round (bus terminals, Bangkok rail stations, piers and ports,
industrial estates, lakes, waterfalls, temples): casual Thai and English messages naming one are
placed in its district, a station on a khet border offers the khet across, and the new forms that
are also everyday words do not fire inside ordinary text.

Messages here are team-written examples of what citizens type.
"""

from __future__ import annotations

from collections import Counter

import pytest

from nlp.landmarks import Landmarks
from nlp.places import PlaceFinder


def test_every_province_but_the_capital_region_has_a_bus_terminal() -> None:
    provinces = {lm.district_code[:2] for lm in Landmarks.load().all if lm.kind == "bus_station"}
    # Bangkok's terminals (หมอชิต, เอกมัย) are in; its three neighbours have none of their own
    assert len(provinces) >= 74


def test_the_new_kinds_are_there() -> None:
    kinds = Counter(lm.kind for lm in Landmarks.load().all)
    assert kinds["port"] >= 20
    assert kinds["train_station"] >= 60  # BTS, MRT, Airport Rail Link and provincial stations
    assert kinds["bus_station"] >= 70


@pytest.mark.parametrize(
    ("text", "district_code", "district"),
    [
        ("บขส.ศรีสะเกษ ห้องน้ำสกปรกมาก", "3301", "เมืองศรีสะเกษ"),
        ("ไฟทางเข้าขนส่งอุดรดับหมดเลยครับ", "4101", "เมืองอุดรธานี"),
        ("สถานีขนส่งผู้โดยสารจังหวัดน่าน ไม่มีที่นั่งรอ", "5501", "เมืองน่าน"),
        ("the pattaya bus terminal toilets are broken", "2004", "บางละมุง"),
        ("ทางเท้าหน้า BTS สยาม พังเป็นหลุม", "1007", "ปทุมวัน"),
        ("บันไดเลื่อน bts หมอชิต เสียอีกแล้ว", "1030", "จตุจักร"),
        ("lift at Ari BTS has been broken for a week", "1014", "พญาไท"),
        ("ใต้สถานีรถไฟฟ้าสะพานควายมีขยะกองใหญ่", "1014", "พญาไท"),
        ("ทางออก MRT สวนจตุจักร น้ำท่วมขัง", "1030", "จตุจักร"),
        ("รถติดหน้า mrt เตาปูน ทุกเย็น", "1029", "บางซื่อ"),
        ("ท่าเรือทับละมุ ไม่มีไฟส่องสว่าง", "8208", "ท้ายเหมือง"),
        ("รถบรรทุกตู้ออกจากท่าเรือแหลมฉบังทำถนนพัง", "2007", "ศรีราชา"),
        ("ท่าเรือท่าช้าง คนแน่นมาก ไม่มีคนคุม", "1001", "พระนคร"),
        ("นิคมอุตสาหกรรมลาดกระบัง ปล่อยน้ำเสียลงคลอง", "1011", "ลาดกระบัง"),
        ("ปลาตายเต็มบึงบอระเพ็ด", "6001", "เมืองนครสวรรค์"),
        ("แถวหนองหารมีคนลักลอบทิ้งขยะ", "4701", "เมืองสกลนคร"),
        ("น้ำตกเอราวัณ ขยะเยอะมาก", "7104", "ศรีสวัสดิ์"),
        ("Pai Canyon has no railings, someone will fall", "5803", "ปาย"),
        ("วัดพระนอนจักรสีห์ ที่จอดรถไม่พอ", "1701", "เมืองสิงห์บุรี"),
        ("รพ.ศูนย์ขอนแก่น คิวยาวมาก", "4001", "เมืองขอนแก่น"),
        ("สนามบินหาดใหญ่ แท็กซี่โก่งราคา", "9016", "คลองหอยโข่ง"),
    ],
)
def test_a_new_landmark_settles_its_district(
    finder: PlaceFinder, text: str, district_code: str, district: str
) -> None:
    place = finder.find(text)
    assert (place.district_code, place.district) == (district_code, district)
    assert place.evidence is not None


@pytest.mark.parametrize(
    ("text", "districts"),
    [
        ("ทางเท้าหน้า BTS อโศก แตกหลายแผ่น", {"วัฒนา", "คลองเตย"}),
        ("Thonglor BTS exit 3 smells of sewage", {"วัฒนา", "คลองเตย"}),
        ("MRT สีลม ทางออก 2 น้ำท่วม", {"บางรัก", "ปทุมวัน"}),
    ],
)
def test_a_station_on_a_khet_border_offers_both_khet(
    finder: PlaceFinder, text: str, districts: set[str]
) -> None:
    place = finder.find(text)
    assert place.district is None
    assert place.province == "กรุงเทพมหานคร"
    assert {option.district for option in place.candidates} == districts


@pytest.mark.parametrize(
    "text",
    [
        "ไม่มีรถขนส่งเลย ต้องเดินไปเอง",  # เลย is "at all", not the province
        "ขุดบ่อสร้างใหม่ข้างบ้าน น้ำเน่า",  # บ่อ (a pond) สร้าง (built), not บ่อสร้าง
        "ร้านขายรถฟอร์จูนเนอร์มือสองจอดขวางถนน",  # not ฟอร์จูนทาวน์
        "ท้องฟ้าจำลองในโรงเรียนหลังคารั่ว",  # any planetarium, not Bangkok's
        "ตลาดสันติสุขหน้าหมู่บ้านขยะล้น",  # many markets bear the name
    ],
)
def test_words_and_common_names_do_not_fire(finder: PlaceFinder, text: str) -> None:
    assert finder.find(text).district is None


def test_a_subdistrict_named_like_a_lake_is_still_that_subdistrict(finder: PlaceFinder) -> None:
    # หนองหาร written alone is the lake in Sakon Nakhon; ต.หนองหาร is in สันทราย, Chiang Mai
    place = finder.find("ต.หนองหาร อ.สันทราย ไฟดับ")
    assert place.district == "สันทราย"
