"""Names written alone: district names found once nationwide, province names and their short
forms, everyday words that happen to be place names, and roads named after places.

Messages here are team-written examples of what citizens type.
"""

from __future__ import annotations

import json

import pytest

from nlp.analysis import PlaceMatch
from nlp.gazetteer import COMMON_NAMES_FILE, Gazetteer, Level
from nlp.places import PlaceFinder


@pytest.mark.parametrize(
    ("text", "province", "district"),
    [
        ("ไฟดับทั้งหาดใหญ่ตั้งแต่เมื่อคืน", "สงขลา", "หาดใหญ่"),
        ("น้ำท่วมหาดใหญ่", "สงขลา", "หาดใหญ่"),
        ("ปากเกร็ด น้ำท่วมขัง", "นนทบุรี", "ปากเกร็ด"),
        ("บ้านอยู่บางบัวทองค่ะ ถนนเป็นหลุม", "นนทบุรี", "บางบัวทอง"),
        ("ศรีราชาน้ำประปาไม่ไหล", "ชลบุรี", "ศรีราชา"),
        ("เกาะสมุยขยะล้น", "สุราษฎร์ธานี", "เกาะสมุย"),
        ("ไฟดับ สมุย", "สุราษฎร์ธานี", "เกาะสมุย"),
        ("แม่ริม ถนนพัง", "เชียงใหม่", "แม่ริม"),
        ("หัวหินรถติดมาก", "ประจวบคีรีขันธ์", "หัวหิน"),
        ("ปากช่องฝุ่นเยอะ", "นครราชสีมา", "ปากช่อง"),
    ],
)
def test_a_district_name_found_once_nationwide_decides_alone(
    finder: PlaceFinder, text: str, province: str, district: str
) -> None:
    place = finder.find(text)
    assert (place.province, place.district) == (province, district)
    assert place.source == "text"
    assert place.settled


@pytest.mark.parametrize(
    "text",
    [
        "ปากท่อระบายน้ำอุดตัน",  # ปากท่อ, Ratchaburi: a pipe's mouth
        "พวกเขาเอาเปรียบสังคมมามากพอแล้ว",  # สังคม, Nong Khai: society
        "ขอชื่นชมเจ้าหน้าที่ทุกคน",  # ชื่นชม, Maha Sarakham: to admire
        "บางบ่อมีขอบ บางบ่อไม่มีขอบ",  # บางบ่อ, Samut Prakan: some wells
        "ท่าเรือพังมาหลายเดือนแล้ว",  # ท่าเรือ, Ayutthaya: a pier
        "วิภาวดี 64 ไฟดับ",  # วิภาวดี, Surat Thani: Bangkok's Vibhavadi road
        "น้ำท่วมเส้นศรีนครินทร์",  # ศรีนครินทร์, Phatthalung: a road
        "ขยะหายไปจากหน้าบ้าน",  # ยะหา, Yala, inside ขยะหาย
        "ซอยประชาราษฎร์บำเพ็ญ 20 น้ำท่วม",  # เพ็ญ, Udon Thani, inside บำเพ็ญ
        "ร้านขายมะพร้าวตั้งบนฟุตบาท",  # พร้าว, Chiang Mai, inside มะพร้าว
        "ขับรถไปตามเส้นลำลูกกา",  # a road's name
        "พบสุนัขพันธุ์บางแก้วหลุดจากบ้าน",  # บางแก้ว, Phatthalung: a dog breed
    ],
)
def test_district_names_that_are_words_or_other_things_do_not_decide_alone(
    finder: PlaceFinder, text: str
) -> None:
    assert finder.find(text).district is None


def test_a_common_word_district_still_counts_with_its_province_or_prefix(
    finder: PlaceFinder,
) -> None:
    assert finder.find("ปากท่อ ราชบุรี ถนนพัง").district == "ปากท่อ"
    assert finder.find("ไฟดับ อ.สังคม").district == "สังคม"


def test_every_common_name_is_a_district_outside_bangkok() -> None:
    gazetteer = Gazetteer.load()
    common = json.loads(COMMON_NAMES_FILE.read_text(encoding="utf-8"))
    names = {d.name for d in gazetteer.districts.values() if not d.in_bangkok}
    listed = [*common["words"], *common["names_elsewhere"]]
    assert len(listed) == len(set(listed))
    assert set(listed) <= names


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("น้ำท่วม ตาก", "ตาก"),
        ("ไฟดับ น่าน", "น่าน"),
        ("โคราช น้ำท่วมหนัก", "นครราชสีมา"),
        ("ไปอุดรพรุ่งนี้ ถนนพังหลายจุด", "อุดรธานี"),
        ("อุบล ไฟดับ", "อุบลราชธานี"),
        ("อยุธยาน้ำท่วม", "พระนครศรีอยุธยา"),
        ("สุราษฎร์ ฝนตกหนัก", "สุราษฎร์ธานี"),
        ("นครศรี น้ำป่า", "นครศรีธรรมราช"),
        ("ปราจีน ไฟดับ", "ปราจีนบุรี"),
        ("ฉะเชิงเทรา ขยะเยอะ", "ฉะเชิงเทรา"),
        ("แปดริ้ว ขยะเยอะ", "ฉะเชิงเทรา"),
        ("กาญจน์ ถนนพัง", "กาญจนบุรี"),
        ("สุพรรณ น้ำท่วม", "สุพรรณบุรี"),
        ("ประจวบ น้ำท่วม", "ประจวบคีรีขันธ์"),
        ("บุรีรัมย์ ฝุ่นเยอะ", "บุรีรัมย์"),
        ("กทม รถติด", "กรุงเทพมหานคร"),
        ("กรุงเทพ รถติด", "กรุงเทพมหานคร"),
        ("bkk traffic jam", "กรุงเทพมหานคร"),
    ],
)
def test_province_names_and_their_short_forms(
    finder: PlaceFinder, text: str, province: str
) -> None:
    place = finder.find(text)
    assert place.province == province
    assert place.district is None


def test_hua_hin_is_a_district_not_a_province(finder: PlaceFinder) -> None:
    place = finder.find("หัวหิน น้ำท่วม")
    assert (place.province, place.district) == ("ประจวบคีรีขันธ์", "หัวหิน")


def test_a_short_province_name_inside_another_word_is_not_a_province(
    finder: PlaceFinder,
) -> None:
    assert finder.find("ไม่มีที่ตากผ้า") == PlaceMatch()
    assert finder.find("ตากแดดทั้งวันกว่าจะได้คิว") == PlaceMatch()
    assert finder.find("เรือประมงรุกล้ำน่านน้ำ") == PlaceMatch()
    assert finder.find("ประจวบกับฝนตกหนัก") == PlaceMatch()
    assert finder.find("ขยะลามไปทั่วซอย") == PlaceMatch()  # ยะลา inside ขยะลาม
    assert finder.find("รถติดถนนบางนาตราด").province != "ตราด"  # the road's tail


def test_a_licence_plate_or_a_destination_is_not_the_province(finder: PlaceFinder) -> None:
    assert finder.find("รถทะเบียน กข 1234 ชลบุรี จอดขวางทางเข้า").province is None
    assert finder.find("ขาออกมุ่งหน้าชลบุรี รถติดมาก").province is None


@pytest.mark.parametrize(
    "text",
    [
        "ถนนเพชรบุรี ไฟดับทั้งเส้น",
        "ไฟดับ ถ.เพชรบุรี ตรงข้ามห้าง",
        "ถนนสุขุมวิท หลุมใหญ่มาก",
        "ถนนนครสวรรค์ ทางเท้าพัง",
        "ถ.เชียงใหม่-ลำปาง มีหลุม",
        "ซอยรามคำแหง 24 น้ำท่วม",
        "ถนนศรีอยุธยา เกาะกลางพัง",
        "ถนนพิษณุโลก ขยะเยอะ",
    ],
)
def test_a_road_named_after_a_place_is_not_that_place(finder: PlaceFinder, text: str) -> None:
    place = finder.find(text)
    assert place.province is None and place.district is None


def test_a_road_named_after_a_province_supports_nothing(finder: PlaceFinder) -> None:
    # อ.เมือง needs its province; a road named after one is not that province
    assert finder.find("ถ.เพชรบุรี อ.เมือง ไฟดับ").district is None
    assert finder.find("น้ำท่วม ถนนนครสวรรค์ อ.เมือง").district is None
    # ...while the province itself named settles it
    place = finder.find("ถ.เพชรบุรี อ.เมือง จ.เพชรบุรี ไฟดับ")
    assert (place.province, place.district) == ("เพชรบุรี", "เมืองเพชรบุรี")


def test_the_capital_district_of_ayutthaya_is_found_with_amphoe_mueang(
    finder: PlaceFinder,
) -> None:
    # Ayutthaya's capital district is named after the province, not เมือง…
    place = finder.find("ไฟดับ อ.เมือง จ.พระนครศรีอยุธยา")
    assert place.district_code == "1401"
    assert Level.DISTRICT in Gazetteer.load().forms["พระนครศรีอยุธยา"]


@pytest.mark.parametrize(
    ("text", "district"),
    [
        # the tokeniser, which knows few place names, glues a word onto them: ลงหัว|หิน
        ("รถไฟดีเลย์สองชั่วโมง ลงหัวหินไม่ทันนัด", "หัวหิน"),
        ("ขอชมเทศบาลเมืองกระบี่ ทางเดินริมแม่น้ำสะอาดมาก", "เมืองกระบี่"),
    ],
)
def test_a_district_name_glued_to_a_word_still_decides(
    finder: PlaceFinder, text: str, district: str
) -> None:
    assert finder.find(text).district == district


def test_a_short_landmark_abbreviation_inside_words_is_no_place(finder: PlaceFinder) -> None:
    # มข (Khon Kaen University) lies inside ริมขอบ
    assert finder.find("ป้ายหาเสียงตั้งริมขอบทางเท้า บังการมองเห็น").province is None


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("น้ำท่วมในเมืองโคราชหนักมาก", "เมืองนครราชสีมา"),
        ("ไฟทางบนสะพานในเมืองพิดโลกดับหมด", "เมืองพิษณุโลก"),
        ("ตัวเมืองสุพรรณ มีคนนอนหมดสติใต้สะพาน", "เมืองสุพรรณบุรี"),
        ("เมืองกาญ ถนนพัง", "เมืองกาญจนบุรี"),
    ],
)
def test_the_town_of_a_province_by_its_short_name_is_its_capital_district(
    finder: PlaceFinder, text: str, district: str
) -> None:
    assert finder.find(text).district == district


def test_a_province_by_its_short_name_alone_gives_no_district(finder: PlaceFinder) -> None:
    place = finder.find("ไปเที่ยวโคราชมา ถนนพังเยอะ")
    assert (place.province, place.district) == ("นครราชสีมา", None)


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("ขอบคุณเทศบาลนครขอนแก่นที่มาเก็บขยะเร็ว", "เมืองขอนแก่น"),
        ("ปากน้ำโพ ริมเขื่อน ขยะเยอะมาก", "เมืองนครสวรรค์"),
        ("รถติดหนักมากแถวมหาชัย", "เมืองสมุทรสาคร"),
    ],
)
def test_a_city_municipality_and_a_towns_own_name_give_the_capital_district(
    finder: PlaceFinder, text: str, district: str
) -> None:
    assert finder.find(text).district == district


def test_a_police_rank_spelt_in_letters_is_no_subdistrict(finder: PlaceFinder) -> None:
    # ด.ต. (a sergeant major) ends in ต., the subdistrict's prefix; ณรงค์ is also a subdistrict
    assert finder.find("โอนค่าปรับเข้าบัญชีของ ด.ต.ณรงค์ ตามที่เขาบอกที่ด่าน").province is None
    assert finder.find("ต.ณรงค์ อ.ศรีณรงค์ จ.สุรินทร์ ถนนพัง").subdistrict == "ณรงค์"
