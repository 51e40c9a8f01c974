"""Places written in Latin script, as tourists and English-mixed chat write them: the
gazetteer's English names of provinces and districts, Koh for Ko, "X town" for the capital
district, landmarks' English names; and English words, handles and addresses that only look
like them.

Messages here are team-written examples of what citizens and visitors type.
"""

from __future__ import annotations

import pytest

from nlp.places import PlaceFinder


@pytest.mark.parametrize(
    ("text", "province", "district"),
    [
        ("Thank you Tourist Police in Hat Yai, they found my bag", "สงขลา", "หาดใหญ่"),
        ("ไฟดับทั้งซอยที่ Sriracha ตั้งแต่บ่ายสอง", "ชลบุรี", "ศรีราชา"),
        ("หาดที่ Koh Lanta ขยะเต็มหาด", "กระบี่", "เกาะลันตา"),
        (
            "Very loud music every night from the bar next to our guesthouse in Pai.",
            "แม่ฮ่องสอน",
            "ปาย",
        ),
        ("Flood water coming into our house in Trang town", "ตรัง", "เมืองตรัง"),
        ("Fire in the hills behind Mae Rim, smoke in the village", "เชียงใหม่", "แม่ริม"),
        ("แถว Nimman รถจอดซ้อนคันทุกคืน", "เชียงใหม่", "เมืองเชียงใหม่"),
        ("ท่อแตกหน้า Terminal 21 Korat ค่ะ", "นครราชสีมา", "เมืองนครราชสีมา"),
        ("taxi at Suvarnabhumi refused the meter", "สมุทรปราการ", "บางพลี"),
    ],
)
def test_an_english_place_name_gives_its_district(
    finder: PlaceFinder, text: str, province: str, district: str
) -> None:
    place = finder.find(text)
    assert (place.province, place.district) == (province, district)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("ฝุ่น PM2.5 ที่ Chiang Rai วันนี้ 250", "เชียงราย"),
        ("ชาวบ้านที่ Sukhothai อยากให้ซ่อมไฟถนน", "สุโขทัย"),
        ("แถวบ้านที่ Ubon น้ำขึ้นเร็วมาก", "อุบลราชธานี"),
        ("Beautiful clean beach in Krabi", "กระบี่"),
    ],
)
def test_an_english_province_name_gives_its_province(
    finder: PlaceFinder, text: str, province: str
) -> None:
    assert finder.find(text).province == province


@pytest.mark.parametrize(
    "text",
    [
        "Long time no see, the road is still broken",
        "I love this song",
        "pai nai ka",  # romanised ไปไหนคะ, "where are you going"
        "ส่งรูปทางไลน์ preecha.nan ได้เลยครับ",
        "ไลน์ผม: somchai_korat โทรได้",
        "ไฟดับหน้าโครงการ Dusit Central Park",
    ],
)
def test_english_words_handles_and_names_of_other_things_are_no_place(
    finder: PlaceFinder, text: str
) -> None:
    place = finder.find(text)
    assert (place.province, place.district) == (None, None)
