"""Places from a shared location (LINE/Telegram coordinates), alone and with text."""

from __future__ import annotations

import numpy as np

from nlp.geo.locator import BOUNDARIES_FILE, DistrictLocator, Located
from nlp.places import PlaceFinder

GRAND_PALACE = (13.7500, 100.4913)  # เขตพระนคร
CHIANG_MAI_OLD_CITY = (18.7883, 98.9853)  # อำเภอเมืองเชียงใหม่
PHUKET_TOWN = (7.8804, 98.3923)  # อำเภอเมืองภูเก็ต
TOKYO = (35.6895, 139.6917)


def test_a_point_gives_its_district_and_province(finder: PlaceFinder) -> None:
    place = finder.find("ไฟดับ", *GRAND_PALACE)
    assert (place.province, place.district, place.district_code) == (
        "กรุงเทพมหานคร",
        "พระนคร",
        "1001",
    )
    assert place.source == "coordinates"
    assert place.evidence == "13.75000,100.49130"
    assert finder.find("", *CHIANG_MAI_OLD_CITY).district_code == "5001"
    assert finder.find("", *PHUKET_TOWN).district == "เมืองภูเก็ต"


def test_text_that_agrees_with_the_point_adds_the_subdistrict(finder: PlaceFinder) -> None:
    place = finder.find("ทางเท้าพัง แขวงพระบรมมหาราชวัง เขตพระนคร", *GRAND_PALACE)
    assert (place.district, place.subdistrict, place.subdistrict_code) == (
        "พระนคร",
        "พระบรมมหาราชวัง",
        "100101",
    )
    assert place.source == "text+coordinates"
    assert place.evidence == "แขวงพระบรมมหาราชวัง, เขตพระนคร; 13.75000,100.49130"


def test_the_point_wins_over_a_far_away_district_in_the_text(finder: PlaceFinder) -> None:
    # the citizen mentions a district across town; the problem is where they stand
    place = finder.find("เคยแจ้งเขตบางนาแล้ว ตอนนี้ขยะล้นตรงนี้", *GRAND_PALACE)
    assert place.district == "พระนคร"
    assert place.source == "coordinates"


def test_a_point_outside_thailand_leaves_the_text_to_decide(finder: PlaceFinder) -> None:
    place = finder.find("น้ำท่วมเขตบางนา", *TOKYO)
    assert place.district == "บางนา"
    assert place.source == "text"
    assert finder.find("", *TOKYO).district is None


def test_not_a_number_is_not_a_place(finder: PlaceFinder) -> None:
    assert finder.find("", float("nan"), 100.5).district is None


def test_every_district_of_the_gazetteer_has_a_boundary(finder: PlaceFinder) -> None:
    with np.load(BOUNDARIES_FILE) as data:
        codes = {f"{code:04d}" for code in data["ring_codes"].tolist()}
    assert codes == set(finder.gazetteer.districts)


def test_a_district_s_outline_holds_its_own_points() -> None:
    locator = DistrictLocator.load()
    rings = locator.outline("5001")
    assert rings and not any(hole for _, hole in rings)
    (xs, ys), _ = rings[0]
    assert min(xs) < 98.98 < max(xs) and min(ys) < 18.79 < max(ys)
    assert locator.locate(18.79, 98.98) == Located("5001", 0.0)
    assert locator.outline("9999") == []
