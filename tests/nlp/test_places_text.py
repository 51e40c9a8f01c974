"""Places named in Thai text: prefixes, abbreviations, misspellings and ambiguous names.

Messages here are team-written examples of what citizens type.
"""

from __future__ import annotations

from sqlmodel import select

from nlp.analysis import PlaceMatch
from nlp.places import PlaceFinder
from storage.database import Database
from storage.models import District, Province, Subdistrict


def test_khwaeng_and_khet_with_prefixes(finder: PlaceFinder) -> None:
    place = finder.find("ไฟดับที่ซอยสุขุมวิท 71 แขวงพระโขนงเหนือ เขตวัฒนา")
    assert (place.province, place.district, place.subdistrict) == (
        "กรุงเทพมหานคร",
        "วัฒนา",
        "พระโขนงเหนือ",
    )
    assert (place.province_code, place.district_code, place.subdistrict_code) == (
        "10",
        "1039",
        "103903",
    )
    assert place.source == "text"
    assert place.evidence == "แขวงพระโขนงเหนือ, เขตวัฒนา"


def test_a_short_area_name_that_runs_on_into_a_longer_word_is_not_that_area(
    finder: PlaceFinder,
) -> None:
    # ต.วัด is a subdistrict in Pattani; ต.วัดเกตุ (officially วัดเกต) is in Chiang Mai
    place = finder.find("ไฟทางดับ ต.วัดเกตุ อ.เมือง จ.เชียงใหม่ค่ะ")
    assert (place.province, place.district, place.subdistrict) == (
        "เชียงใหม่",
        "เมืองเชียงใหม่",
        "วัดเกต",
    )
    assert finder.find("ไฟทางดับ ต.วัดเกตุ อ.เมืองค่ะ").province_code != "94"
    # ...but the short name itself, ended by a space, the next prefix or a particle, still counts
    for text in ("ถนนพัง ต.วัด อ.ยะรัง", "ถนนพัง ต.วัดอ.ยะรัง", "ถนนพังที่ ต.วัดค่ะ"):
        assert finder.find(text).subdistrict == "วัด", text


def test_a_road_named_after_a_district_is_not_that_district_by_itself(finder: PlaceFinder) -> None:
    # ถนนลาดพร้าว crosses five khet: the road's name alone says nothing about the khet
    assert finder.find("ซอยลาดพร้าว 71 น้ำท่วมสูง") == PlaceMatch()
    assert finder.find("ถนนลาดพร้าว มีหลุมใหญ่") == PlaceMatch()
    # ...but a khet named with its prefix decides, whatever road is named
    place = finder.find("ซอยลาดพร้าว 101 แยก 5 ถนนลาดพร้าว เขตวังทองหลาง กรุงเทพมหานคร")
    assert place.district == "วังทองหลาง"


def test_a_landmark_named_after_a_khet_counts_when_nothing_disagrees(finder: PlaceFinder) -> None:
    # ถนนดินแดง: a road, but one that lies in เขตดินแดง; with nothing else named we take the khet
    place = finder.find("ถนนดินแดงมีหลุม")
    assert place.district == "ดินแดง"
    assert place.subdistrict is None  # the khwaeng ดินแดง was not named: the road was
    # a khet named explicitly wins over a road named after another (see test_places_borders.py
    # for a landmark named after another: then the text lies across a border, and both are
    # offered)
    assert finder.find("ถนนดินแดงมีหลุม เขตห้วยขวาง").district == "ห้วยขวาง"


def test_amphoe_mueang_needs_its_province(finder: PlaceFinder) -> None:
    place = finder.find("ไฟถนนดับหลายจุด อ.เมือง จ.เชียงใหม่")
    assert (place.province, place.district, place.district_code) == (
        "เชียงใหม่",
        "เมืองเชียงใหม่",
        "5001",
    )
    assert place.evidence == "อ.เมือง, จ.เชียงใหม่"
    assert finder.find("ไฟดับ อ.เมือง").district is None
    assert finder.find("น้ำไม่ไหล อำเภอเมืองเชียงใหม่").district_code == "5001"


def test_subdistrict_shared_by_many_provinces(finder: PlaceFinder) -> None:
    # ตำบลหนองบัว exists in 28 districts: alone it decides nothing
    alone = finder.find("ถนนพัง ต.หนองบัว")
    assert alone.district is None and alone.subdistrict is None
    # its district and province make it one place
    place = finder.find("ถนนพัง ต.หนองบัว อ.เมือง จ.อุดรธานี")
    assert (place.province, place.district, place.subdistrict) == (
        "อุดรธานี",
        "เมืองอุดรธานี",
        "หนองบัว",
    )
    assert place.subdistrict_code is not None
    assert place.subdistrict_code.startswith("4101")


def test_same_district_name_in_two_provinces_is_decided_by_the_prefix_word(
    finder: PlaceFinder,
) -> None:
    assert finder.find("น้ำท่วมเขตจอมทอง").district_code == "1035"  # Bangkok's khet
    assert finder.find("น้ำท่วม อ.จอมทอง").district_code == "5002"  # Chiang Mai's amphoe
    assert finder.find("น้ำท่วมที่จอมทอง").district is None


def test_misspellings_and_abbreviations(finder: PlaceFinder) -> None:
    assert finder.find("น้ำท่วมเขตสาธร").district == "สาทร"
    assert finder.find("ทางเท้าพังแถวบางกระปิ").district == "บางกะปิ"
    assert finder.find("ไฟดับเขตราษฏร์บูรณะ").district == "ราษฎร์บูรณะ"
    assert finder.find("รถติดมาก กทม").province == "กรุงเทพมหานคร"
    assert finder.find("ขยะเต็ม ต. สุเทพ อ. เมืองเชียงใหม่").subdistrict == "สุเทพ"
    assert finder.find("เขต: จตุจักร #1555").district == "จตุจักร"


def test_everyday_words_are_not_places(finder: PlaceFinder) -> None:
    assert finder.find("รอมาสามวันแล้วไม่มีใครมาเลย") == PlaceMatch()
    assert finder.find("ผอ.โรงเรียนไม่สนใจ") == PlaceMatch()
    assert finder.find("สำนักงานเขตควรจัดเวรตลอด") == PlaceMatch()
    assert finder.find("รถคนงานโรงแรมดุสิตธานีจอดขวาง").district is None
    assert finder.find("ตึกสูงๆ สะพานสูงๆ น่ากลัว").district is None


def test_bare_province_name_and_one_that_is_also_a_word(finder: PlaceFinder) -> None:
    assert finder.find("ขอนแก่นน้ำท่วม").province_code == "40"
    assert finder.find("ทำไมไม่แก้สักทีเลย").province is None
    assert finder.find("น้ำท่วม จ.เลย").province_code == "42"


def test_empty_text(finder: PlaceFinder) -> None:
    assert finder.find("") == PlaceMatch()


async def test_names_and_codes_are_the_seeded_gazetteer(
    finder: PlaceFinder, database: Database
) -> None:
    place = finder.find("ไฟดับที่ซอยสุขุมวิท 71 แขวงพระโขนงเหนือ เขตวัฒนา")
    async with database.unit_of_work() as session:
        province = await session.get(Province, place.province_code)
        district = await session.get(District, place.district_code)
        subdistrict = await session.get(Subdistrict, place.subdistrict_code)
        assert province is not None and province.name_th == place.province
        assert district is not None and district.name_th == place.district
        assert subdistrict is not None and subdistrict.name_th == place.subdistrict
        names = set((await session.exec(select(District.name_th))).all())
    gazetteer = finder.gazetteer
    assert {d.name for d in gazetteer.districts.values()} == names


def test_a_province_named_rules_out_districts_elsewhere(finder: PlaceFinder) -> None:
    # ตำบลบางรัก exists in Trang and Bangkok, not in Chachoengsao: the province decides
    place = finder.find("ถนนพัง ต.บางรัก อ.เมือง จ.ฉะเชิงเทรา")
    assert (place.province, place.district, place.subdistrict) == (
        "ฉะเชิงเทรา",
        "เมืองฉะเชิงเทรา",
        None,
    )


def test_a_bare_khwaeng_name_needs_support(finder: PlaceFinder) -> None:
    # อ่อนนุช is a khwaeng of สวนหลวง and a long road whose sois run into ประเวศ and วัฒนา
    assert finder.find("น้ำท่วมซอยอ่อนนุช 72 กทม").district is None
    place = finder.find("น้ำท่วมซอยอ่อนนุช 17 แขวงอ่อนนุช เขตสวนหลวง")
    assert (place.district, place.subdistrict) == ("สวนหลวง", "อ่อนนุช")
    # ดอกไม้ is a khwaeng of ประเวศ, and a flower
    assert finder.find("มีคนขายดอกไม้บนทางเท้า กทม").district is None


def test_a_misspelling_inside_another_word_is_not_a_place(finder: PlaceFinder) -> None:
    # สาธร (for สาทร) is also how สาธารณะ gets misspelt
    assert finder.find("ไฟในสวนสาธรณะดับ").district is None


def test_bare_provincial_district_with_its_province_or_its_prefix(finder: PlaceFinder) -> None:
    assert finder.find("หาดใหญ่ สงขลา น้ำท่วมหนัก").district_code == "9011"
    assert finder.find("ไฟดับ อ.หาดใหญ่").district_code == "9011"
    # many amphoe names are everyday words (ท่าเรือ, สังคม, ปากท่อ): alone they say nothing
    # (names that decide alone: tests/nlp/test_places_bare_names.py)
    assert finder.find("ปากท่อระบายน้ำอุดตัน").district is None


def test_chat_typing_habits(finder: PlaceFinder) -> None:
    assert finder.find("น้ำท่วมบางนาาาาา").district == "บางนา"  # a vowel typed many times
    assert finder.find("ไฟดับเเขวงพระโขนงเหนือ").subdistrict == "พระโขนงเหนือ"  # แ typed as เเ
    assert finder.find("ถนนพัง\u200bเขต\u200bจตุจักร").district == "จตุจักร"  # zero-width spaces
    assert finder.find("ขยะเต็มซอย ๗๑ แขวงคลองตันเหนือ").district == "วัฒนา"  # Thai digits


def test_where_traffic_is_heading_is_not_where_the_problem_is(finder: PlaceFinder) -> None:
    assert finder.find("ถนนพระราม 4 ขาออกมุ่งหน้าคลองเตย มีหลุมใหญ่").district is None
    assert finder.find("รถที่มาจากสายไหมฝ่าไฟแดงทุกวัน").district is None
    assert finder.find("ถนนพระราม 4 ขาออกมุ่งหน้าคลองเตย หน้าร้าน เขตปทุมวัน").district == "ปทุมวัน"
