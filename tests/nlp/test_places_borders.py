"""Places near a district border: when the text's evidence could lie on either side, the place
finder says less (the province, or the districts to choose from) rather than a wrong district.

Each test is a class of wrong district seen on the Traffy DEV tickets (the messages here are
team-written, not ticket texts): a landmark on a border, a roundabout, canal or bridge named after a
khet, a junction traffic comes from, a text naming places in two districts, a denied name, a utility's branch.
"""

from __future__ import annotations

import pytest

from nlp.analysis import PlaceMatch
from nlp.geo import DistrictLocator
from nlp.landmarks import Landmarks
from nlp.places import PlaceFinder

LUMPHINI_PARK = (13.7307, 100.5418)  # inside the park, เขตปทุมวัน
# A border landmark's districts must touch in the shipped (simplified) boundaries within this.
_TOUCHING_METRES = 500.0


def _choices(place: PlaceMatch) -> set[str | None]:
    return {option.district for option in place.candidates}


class TestALandmarkOnABorder:
    def test_offers_the_districts_either_side(self, finder: PlaceFinder) -> None:
        place = finder.find("เก้าอี้ในสวนลุมพัง")  # สวนลุมพินี: ปทุมวัน; บางรัก, สาทร across พระราม 4
        assert place.district is None
        assert place.province == "กรุงเทพมหานคร"
        assert _choices(place) == {"ปทุมวัน", "บางรัก", "สาทร"}
        place = finder.find("ทางเท้าหน้า รพ.วชิรพยาบาลพัง")
        assert place.district is None
        assert _choices(place) == {"ดุสิต", "พระนคร"}

    def test_is_settled_by_a_subdistrict_or_the_shared_location(self, finder: PlaceFinder) -> None:
        assert finder.find("สวนลุมพินี แขวงลุมพินี ไฟดับ").district == "ปทุมวัน"
        place = finder.find("เก้าอี้ในสวนลุมพัง", *LUMPHINI_PARK)
        assert (place.district, place.conflict) == ("ปทุมวัน", False)

    def test_a_road_or_a_turn_named_after_a_subdistrict_picks_no_side(
        self, finder: PlaceFinder
    ) -> None:
        place = finder.find("อยากให้ทำทางเท้าแบบ ถ.สีลม ตั้งแต่ประตูน้ำจนถึงสวนลุมพินี")
        assert place.district is None
        place = finder.find("ไฟเขียวพร้อมกันตอนเลี้ยวขวาเข้าสี่พระยา รถฝั่งหน้าวัดหัวลำโพงเกือบชน")
        assert place.district is None
        assert _choices(place) == {"บางรัก", "ปทุมวัน"}

    def test_the_districts_across_touch_the_landmarks_own(self) -> None:
        locator = DistrictLocator.load()
        across = [(lm, code) for lm in Landmarks.load().all for code in lm.across]
        assert len(across) >= 10
        for landmark, code in across:
            assert code != landmark.district_code, landmark.name
            gap = locator.gap_m(landmark.district_code, code)
            assert gap is not None and gap <= _TOUCHING_METRES, (landmark.name, code, gap)


class TestARoundaboutCanalOrBridgeNamedAfterAKhet:
    @pytest.mark.parametrize(
        "text",
        [
            "ขยะเต็มสะพานข้ามคลองฝั่งขาเข้าวงเวียนบางเขน",
            "น้ำรั่วจากท่อบนสะพานข้ามแยกสามเหลี่ยมดินแดง",
            "รถติดตั้งแต่ด่านบางขุนเทียน",
            "เลียบคลองภาษีเจริญฝั่งเหนือ มีรถจอดขวาง",
        ],
    )
    def test_gives_no_district(self, finder: PlaceFinder, text: str) -> None:
        place = finder.find(text)
        assert place.district is None
        assert place.province == "กรุงเทพมหานคร"

    def test_while_a_road_junction_or_market_named_after_it_still_does(
        self, finder: PlaceFinder
    ) -> None:
        assert finder.find("ถนนดินแดงมีหลุม").district == "ดินแดง"
        assert finder.find("ขยะเต็มที่ตลาดบางแค").district == "บางแค"
        assert finder.find("แยกประเวศรถจอดข้างทางเยอะมาก").district == "ประเวศ"
        assert finder.find("น้ำท่วมวงเวียนบางเขน เขตบางเขน").district == "บางเขน"

    def test_nor_does_a_junction_traffic_comes_from(self, finder: PlaceFinder) -> None:
        place = finder.find("ขับรถมาจากแยกดินแดง มุ่งหน้าห้าแยกลาดพร้าว โดนโบกให้ขึ้นทางด่วน")
        assert place.district != "ดินแดง"


class TestPlacesInTwoDistricts:
    def test_a_khet_named_beside_a_place_of_another_is_offered_with_it(
        self, finder: PlaceFinder
    ) -> None:
        place = finder.find("ไฟทางเดินดับ เขตภาษีเจริญติดบ้านพักคนชราบางแค")
        assert place.district is None
        assert _choices(place) == {"ภาษีเจริญ", "บางแค"}
        place = finder.find("ตลาดบางแค ขยะล้น เขตภาษีเจริญ")
        assert (place.district, _choices(place)) == (None, {"ภาษีเจริญ", "บางแค"})
        assert place.evidence == "บางแค, เขตภาษีเจริญ"  # both names, for the official to read
        place = finder.find("สะพานลอยจากสวนลุมพินีไปสวนเบญจกิติ มีคนมาตั้งโต๊ะ")
        assert place.district is None
        assert "คลองเตย" in _choices(place) and "ปทุมวัน" in _choices(place)

    def test_a_subdistrict_of_it_settles_the_khet(self, finder: PlaceFinder) -> None:
        assert finder.find("ไฟดับ แขวงพญาไท เขตพญาไท ใกล้ดินแดง").district == "พญาไท"

    def test_a_destination_or_a_comparison_disputes_nothing(self, finder: PlaceFinder) -> None:
        assert finder.find("ไฟถนนดับ แยกวัชรพลไปสายไหม เขต: บางเขน").district == "บางเขน"
        place = finder.find("อยากให้ อบต.แถวธารโตเปลี่ยนไฟถนนเป็นโซลาร์เซลล์แบบที่เบตงทำ")
        assert place.district == "ธารโต"


class TestANameTheTextDenies:
    def test_gives_no_district(self, finder: PlaceFinder) -> None:
        place = finder.find("แอปส่งเรื่องไปพื้นที่ราษฎร์บูรณะ ซึ่งไม่ใช่ จริงๆคือแถวอนุสาวรีย์")
        assert place.district is None
        assert finder.find("ไฟดับทั้งซอย ไม่ใช่เขตบางนานะคะ").district is None

    def test_but_a_place_that_is_not_a_parking_lot_is_still_that_place(
        self, finder: PlaceFinder
    ) -> None:
        assert finder.find("บางนาไม่ใช่ที่จอดรถ").district == "บางนา"


def test_where_a_bus_trip_starts_is_not_where_the_problem_is(finder: PlaceFinder) -> None:
    place = finder.find("ทุกเช้าขึ้นจากดินแดงไปลงสุขสวัสดิ์ ป้ายรถเมล์ไม่มีหลังคา")
    assert place.district is None


class TestAUtilityBranch:
    def test_a_bangkok_branch_serves_several_khet(self, finder: PlaceFinder) -> None:
        assert finder.find("ได้รับคำชี้แจงจาก กฟน.บางเขน ว่าซ่อมแล้ว").district is None
        assert finder.find("แจ้งการไฟฟ้านครหลวงเขตบางเขนแล้ว ไฟยังดับ").district is None

    def test_a_provincial_branch_is_one_amphoe(self, finder: PlaceFinder) -> None:
        assert finder.find("ไฟดับ กฟภ.อำเภอดอนตาลจะมาซ่อมเมื่อไหร่").district == "ดอนตาล"
