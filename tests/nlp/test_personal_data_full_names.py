"""A full name with no title (a given and a family name the lists know, one space apart) is masked
where the given name starts a word; the end of one word and the start of the next, and places, are
kept. All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("คนที่แจ้งไปเมื่อวานคือประเสริฐ ใจเย็น ครับ", "ประเสริฐ ใจเย็น"),
        ("ขอบคุณมากค่ะ มณีรัตน์ ศรีบุญ", "มณีรัตน์ ศรีบุญ"),
        ("ฝาก อนุชา ทองดี ด้วยนะ", "อนุชา ทองดี"),
        ("เจ้าของรถคือ ประเสริฐ วงศ์ใหญ่ จอดขวางทุกวัน", "ประเสริฐ วงศ์ใหญ่"),
    ],
)
def test_a_full_name_without_a_title_is_masked(text: str, name: str) -> None:
    masked = redact(text).text
    assert name.split()[0] not in masked and name.split()[1] not in masked


@pytest.mark.parametrize(
    "text",
    [
        "ถนนวิภาวดี รังสิต รถติดมาก",
        "ป้ายบอกทางไม่ชัดเจน กรุณาช่วยแก้ไขด้วย",
        "ถนนวัชรพล เสียงดังมากทั้งคืน",
    ],
)
def test_words_and_places_that_look_like_a_full_name_stay(text: str) -> None:
    assert redact(text).text == text
