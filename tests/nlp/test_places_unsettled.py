"""Places that are not settled: a name with several readings and nothing deciding between them,
and text that disagrees with the shared location. Neither is ever filed into a guessed area.

Messages here are team-written examples of what citizens type.
"""

from __future__ import annotations

from nlp.analysis import PlaceMatch, PlaceOption
from nlp.places import MAX_CANDIDATES, PlaceFinder

GRAND_PALACE = (13.7500, 100.4913)  # เขตพระนคร, Bangkok
CHIANG_MAI_OLD_CITY = (18.7883, 98.9853)  # อำเภอเมืองเชียงใหม่
NEAR_THE_PALACE = (13.7446, 100.4933)  # Wat Pho, เขตพระนคร, a few hundred metres south


def _districts(place: PlaceMatch) -> set[tuple[str, str | None]]:
    return {(option.province, option.district) for option in place.candidates}


def test_amphoe_mueang_alone_is_not_guessed(finder: PlaceFinder) -> None:
    place = finder.find("ไฟถนนดับทั้งซอย อำเภอเมือง")
    assert place.province is None and place.district is None
    assert place.candidates == ()  # 76 capital districts: the conversation asks the province
    assert finder.find("ไฟดับทั้งเมือง") == PlaceMatch()  # เมือง alone is a word


def test_amphoe_mueang_with_its_province_is_settled(finder: PlaceFinder) -> None:
    for text in ("ไฟดับ อ.เมือง จ.น่าน", "ไฟดับ อ.เมือง น่าน", "อำเภอเมือง จังหวัดน่าน ไฟดับ"):
        place = finder.find(text)
        assert (place.province, place.district, place.district_code) == (
            "น่าน",
            "เมืองน่าน",
            "5501",
        ), text
        assert place.settled


def test_a_district_name_in_two_provinces_offers_both(finder: PlaceFinder) -> None:
    place = finder.find("น้ำท่วมที่จอมทอง")  # a Bangkok khet and a Chiang Mai amphoe
    assert place.province is None and place.district is None
    assert _districts(place) == {("กรุงเทพมหานคร", "จอมทอง"), ("เชียงใหม่", "จอมทอง")}
    assert not place.settled and not place.conflict
    assert place.source == "text" and place.evidence == "จอมทอง"
    option = next(o for o in place.candidates if o.province == "เชียงใหม่")
    assert option == PlaceOption("เชียงใหม่", "50", "จอมทอง", "5002")


def test_a_subdistrict_in_several_provinces_offers_each(finder: PlaceFinder) -> None:
    place = finder.find("ถนนพัง ต.ท่าศาลา")
    assert place.province is None and place.district is None
    assert len(place.candidates) == 5
    assert {o.subdistrict for o in place.candidates} == {"ท่าศาลา"}
    assert ("นครศรีธรรมราช", "ท่าศาลา") in _districts(place)
    assert ("เชียงใหม่", "เมืองเชียงใหม่") in _districts(place)
    # with its province named, one reading is left
    place = finder.find("ถนนพัง ต.ท่าศาลา จ.เชียงใหม่")
    assert (place.district, place.subdistrict) == ("เมืองเชียงใหม่", "ท่าศาลา")
    assert place.settled


def test_too_many_readings_offer_none(finder: PlaceFinder) -> None:
    place = finder.find("ถนนพัง ต.หนองบัว")  # 28 subdistricts
    assert (place.province, place.district, place.candidates) == (None, None, ())


def test_the_same_words_read_in_several_provinces_are_not_guessed(finder: PlaceFinder) -> None:
    # ต.หนองบัว lies in four capital districts: อ.เมือง does not say which
    place = finder.find("ถนนพัง ต.หนองบัว อ.เมือง")
    assert place.district is None
    assert 2 <= len(place.candidates) <= MAX_CANDIDATES
    assert ("อุดรธานี", "เมืองอุดรธานี") in _districts(place)
    place = finder.find("ถนนพัง ต.หนองบัว อ.เมือง จ.อุดรธานี")
    assert (place.province, place.district, place.subdistrict) == (
        "อุดรธานี",
        "เมืองอุดรธานี",
        "หนองบัว",
    )


def test_a_shared_district_name_in_one_province_names_the_province(
    finder: PlaceFinder,
) -> None:
    place = finder.find("ไฟดับ อ.เฉลิมพระเกียรติ จ.นครราชสีมา")
    assert (place.province, place.district) == ("นครราชสีมา", "เฉลิมพระเกียรติ")
    place = finder.find("ไฟดับ อ.เฉลิมพระเกียรติ")  # five provinces
    assert place.province is None and len(place.candidates) == 5


def test_the_point_settles_a_name_with_several_readings(finder: PlaceFinder) -> None:
    place = finder.find("น้ำท่วมที่จอมทอง", 18.40, 98.67)  # a point in อ.จอมทอง, Chiang Mai
    assert (place.province, place.district) == ("เชียงใหม่", "จอมทอง")
    assert place.source == "text+coordinates"
    assert place.settled


def test_text_naming_another_province_than_the_point_is_a_conflict(
    finder: PlaceFinder,
) -> None:
    place = finder.find("หาดใหญ่ น้ำท่วมหนักมาก", *GRAND_PALACE)
    # the point's place is returned, flagged, with both areas to choose from
    assert (place.province, place.district) == ("กรุงเทพมหานคร", "พระนคร")
    assert place.conflict and not place.settled
    text_option, point_option = place.candidates
    assert (text_option.province, text_option.district) == ("สงขลา", "หาดใหญ่")
    assert (point_option.province, point_option.district) == ("กรุงเทพมหานคร", "พระนคร")
    assert place.source == "coordinates"
    assert place.evidence == "13.75000,100.49130 (text: หาดใหญ่)"


def test_a_province_alone_in_the_text_can_conflict_with_the_point(finder: PlaceFinder) -> None:
    place = finder.find("น้ำท่วม เชียงใหม่", *GRAND_PALACE)
    assert place.conflict
    text_option, _ = place.candidates
    assert (text_option.province, text_option.district) == ("เชียงใหม่", None)
    agreeing = finder.find("น้ำท่วม เชียงใหม่", *CHIANG_MAI_OLD_CITY)
    assert agreeing.district == "เมืองเชียงใหม่" and agreeing.settled


def test_a_district_far_away_in_the_same_province_is_a_conflict(finder: PlaceFinder) -> None:
    place = finder.find("เคยแจ้งเขตบางนาแล้ว ตอนนี้ขยะล้นตรงนี้", *GRAND_PALACE)
    assert place.district == "พระนคร" and place.conflict
    assert {o.district for o in place.candidates} == {"บางนา", "พระนคร"}


def test_a_neighbouring_district_a_few_hundred_metres_away_is_no_conflict(
    finder: PlaceFinder,
) -> None:
    # the text names the khet next door; the point lies just across the line
    place = finder.find("ขยะล้น บางกอกใหญ่", *NEAR_THE_PALACE)
    assert place.district == "พระนคร"
    assert place.settled


def test_text_that_agrees_with_the_point_is_no_conflict(finder: PlaceFinder) -> None:
    place = finder.find("ทางเท้าพัง เขตพระนคร", *GRAND_PALACE)
    assert place.district == "พระนคร" and place.settled
    assert place.source == "text+coordinates"
