"""The landmark table (`nlp/data/places/landmarks.json`) and places found by a landmark's name.

Messages here are team-written examples of what citizens type.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from nlp.gazetteer import Gazetteer, Level
from nlp.landmarks import KINDS, LANDMARKS_FILE, Landmark, Landmarks
from nlp.place_mentions import clean
from nlp.places import PlaceFinder

# Landmark names that subdistricts elsewhere bear too, on purpose: written alone they mean the
# landmark (the island, the park, Bangkok's old quarter); with ต./ตำบล, the subdistricts.
_FORMS_ALSO_AREAS_ELSEWHERE = frozenset({"ตลาดน้อย", "เกาะหมาก", "เขาใหญ่", "เกาะเต่า", "หนองหาร"})


@pytest.fixture(scope="module")
def entries() -> list[dict[str, object]]:
    data = json.loads(LANDMARKS_FILE.read_text(encoding="utf-8"))
    return list(data["landmarks"])


def test_at_least_500_landmarks_each_in_a_district_of_the_gazetteer(
    entries: list[dict[str, object]],
) -> None:
    gazetteer = Gazetteer.load()
    assert len(entries) >= 500
    for entry in entries:
        district = gazetteer.districts.get(str(entry["district"]))
        assert district is not None, entry
        province = gazetteer.provinces[district.province_code]
        # the names written beside the code (for reviewers) are the code's district
        assert entry["where"] == f"{province.name}/{district.name}", entry
        assert entry["kind"] in KINDS, entry


def test_landmarks_cover_every_kind_and_every_region(entries: list[dict[str, object]]) -> None:
    kinds = Counter(str(entry["kind"]) for entry in entries)
    for kind in ("university", "hospital", "airport", "train_station", "bus_station", "mall"):
        assert kinds[kind] >= 3, kind
    for kind in ("market", "temple", "monument", "beach", "island", "national_park"):
        assert kinds[kind] >= 3, kind
    assert kinds["industrial_estate"] >= 3 and kinds["government"] >= 3
    provinces = {str(entry["district"])[:2] for entry in entries}
    assert len(provinces) == 77  # at least one landmark in every province


def test_no_written_form_names_two_landmarks_in_different_districts() -> None:
    # Landmarks.load() refuses such a table; check the shipped one loads, and each form once
    landmarks = Landmarks.load()
    assert len(landmarks) >= 500
    seen: dict[str, Landmark] = {}
    for landmark in landmarks.all:
        for form in landmark.written_forms():
            other = seen.setdefault(clean(form), landmark)
            assert other.district_code == landmark.district_code, (form, other, landmark)


def test_no_landmark_form_is_a_province_or_another_districts_area_name() -> None:
    gazetteer = Gazetteer.load()
    for landmark in Landmarks.load().all:
        for form in landmark.written_forms():
            levels = gazetteer.forms.get(clean(form), {})
            assert Level.PROVINCE not in levels, form
            for level, codes in levels.items():
                districts = {gazetteer.area(level, code).district_code or code for code in codes}
                if districts != {landmark.district_code}:
                    assert form in _FORMS_ALSO_AREAS_ELSEWHERE, (form, landmark.name)


def test_a_table_with_a_form_in_two_districts_is_refused() -> None:
    with pytest.raises(ValueError, match="different districts"):
        Landmarks(
            [
                Landmark("ตลาดหนึ่ง", "market", "1001", ("ตลาดกลาง",)),
                Landmark("ตลาดสอง", "market", "1002", ("ตลาดกลาง",)),
            ]
        )


@pytest.mark.parametrize(
    ("text", "district_code", "district"),
    [
        ("ไฟดับทั้งคณะที่ มช. ตั้งแต่เช้า", "5001", "เมืองเชียงใหม่"),
        ("น้ำท่วมหน้า มข. ถนนมิตรภาพ", "4001", "เมืองขอนแก่น"),
        ("ถนนใน ม.อ. เป็นหลุม", "9011", "หาดใหญ่"),
        ("รถติดมากแถวสนามบินสุวรรณภูมิ", "1103", "บางพลี"),
        ("แท็กซี่ไม่กดมิเตอร์ที่สนามบินดอนเมือง", "1036", "ดอนเมือง"),
        ("ห้องน้ำเซ็นทรัลเฟสติวัล เชียงใหม่ สกปรก", "5001", "เมืองเชียงใหม่"),
        ("ขยะล้นที่ตลาดวโรรส", "5001", "เมืองเชียงใหม่"),
        ("ทางขึ้นวัดพระธาตุดอยสุเทพ รถติด", "5001", "เมืองเชียงใหม่"),
        ("หาดป่าตองมีขยะเต็มชายหาด", "8302", "กะทู้"),
        ("รถบรรทุกวิ่งออกจากนิคมอุตสาหกรรมอมตะนคร ทำถนนพัง", "2001", "เมืองชลบุรี"),
        ("ที่จอดรถ รพ.ศิริราช ไม่พอ", "1020", "บางกอกน้อย"),
        ("ทางเท้าหน้าโรงพยาบาลรามาธิบดีพัง", "1037", "ราชเทวี"),
        ("ขนส่งหมอชิต ไฟดับ", "1030", "จตุจักร"),
        ("ห้างเซ็นทรัลเวิลด์ ทางเท้าแตก", "1007", "ปทุมวัน"),
        ("ย่าโม มีคนมาขายของเต็มลาน", "3001", "เมืองนครราชสีมา"),
    ],
)
def test_a_landmark_settles_its_district(
    finder: PlaceFinder, text: str, district_code: str, district: str
) -> None:
    place = finder.find(text)
    assert (place.district_code, place.district) == (district_code, district)
    assert place.source == "text"
    assert place.evidence is not None
    assert place.settled


def test_the_evidence_names_the_landmark(finder: PlaceFinder) -> None:
    assert finder.find("ไฟดับหน้า มช.").evidence == "มช. (มหาวิทยาลัยเชียงใหม่)"
    assert finder.find("ขยะล้นที่ตลาดวโรรส").evidence == "ตลาดวโรรส"


def test_a_district_named_with_its_prefix_wins_over_a_landmark(finder: PlaceFinder) -> None:
    assert finder.find("อ.สุวรรณภูมิ จ.ร้อยเอ็ด ถนนพัง").district_code == "4511"
    assert finder.find("ตรงข้ามเซ็นทรัลลาดพร้าว เขตจตุจักร").district == "จตุจักร"


def test_a_landmark_inside_another_name_or_as_a_destination_decides_nothing(
    finder: PlaceFinder,
) -> None:
    assert finder.find("น้ำท่วมซอยวัดอู่ตะเภา").district is None  # a soi named after a temple
    assert finder.find("ขาออกมุ่งหน้าสนามบินสุวรรณภูมิ รถติด").district is None
    assert finder.find("ภูเขาใหญ่มาก มองเห็นแต่ไกล").district is None  # not เขาใหญ่
    assert finder.find("มวลน้ำเยอะมาก").district is None


def test_a_landmark_in_another_province_than_the_one_named_decides_nothing(
    finder: PlaceFinder,
) -> None:
    place = finder.find("ตลาดวโรรส จ.ลำพูน")
    assert place.district is None
    assert place.province == "ลำพูน"
