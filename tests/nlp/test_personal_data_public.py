"""The stricter masking for what anyone may read (the public page, the boards' digests): given
names standing alone are masked too, and place names, roads and ordinary words are not."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact, redact_for_public


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # (a name opening the message before บอกว่า is masked for officials too since session
        # 17: tests/nlp/test_personal_data_opening_names.py)
        ("เมื่อวานเจอสมชายที่ตลาด ถนนหน้าบ้านพังมา 3 เดือน", "สมชาย"),
        ("ถนนพัง สมศรี แจ้งไว้แล้ว", "สมศรี"),
        ("ให้บุญมีมาดูหน่อย ไฟดับทั้งซอย", "บุญมี"),
        ("Ask John at the market, the drain is blocked", "John"),
    ],
)
def test_a_name_standing_alone_is_masked_for_the_public_only(text: str, name: str) -> None:
    assert name in redact(text).text  # officials keep what may be a word
    public = redact_for_public(text).text
    assert name not in public
    assert "[ชื่อ]" in public


@pytest.mark.parametrize(
    "text",
    [
        "ถนนวิภาวดีรถติดมาก",  # a road named after a person
        "ทางเท้าในปากเกร็ดแตกหลายจุด",  # a district
        "น้ำท่วมบางบัวทองทั้งหมู่บ้าน",  # a district whose name holds a given name
        "มาลัยขายดอกไม้ริมถนนกีดขวางทางเท้า",  # given names that are everyday words
        "ฝนตกหนักน้ำท่วมซอยสุขใจ เดือนนี้สามรอบแล้ว",
        "ไฟฟ้าดับทั้งหมู่บ้าน แจ้ง กฟภ.ชนแดนแล้ว",
    ],
)
def test_places_and_everyday_words_stay(text: str) -> None:
    assert redact_for_public(text).text == redact(text).text


def test_what_the_officials_masker_finds_is_masked_as_before() -> None:
    text = "นายสมชาย ใจดี โทร 081-234-5678 บอกว่าสมศรีเห็นด้วย"
    public = redact_for_public(text).text
    assert "081" not in public and "ใจดี" not in public and "สมศรี" not in public


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ลุงเปียกเมาแล้วขับชนเสาไฟ", "เปียก"),
        ("ก๊ะเยาะขายข้าวยำโดนไล่ทุกวัน", "เยาะ"),
        ("ข้างบ้านป้าสุนีย์มีรังต่อ", "สุนีย์"),
    ],
)
def test_a_word_glued_to_a_kinship_word_is_masked_for_the_public(text: str, name: str) -> None:
    assert name not in redact_for_public(text).text


@pytest.mark.parametrize(
    "text",
    [
        "ป้าขายของหน้าบ้านโดนไล่",
        "ยายแก่ล้มอยู่คนเดียว",
        "พี่ช่างไฟมาซ่อมแล้ว",
        "ทางเท้า ซ.อารีย์ แคบมาก",
        "จ่าเฉยล้มอยู่กลางแยก",
        "ส.ส.มุกดาหารไม่เคยลงพื้นที่",
    ],
)
def test_kinds_of_people_lanes_and_things_after_a_kinship_word_stay_for_the_public(
    text: str,
) -> None:
    assert redact_for_public(text).text == text
