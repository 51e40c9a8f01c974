"""Names a citizen gives of themselves or of the people around them in ways the finders had
missed: a nickname that is also a word after ผม before a polite particle, and in English after a
form of address or a relation, introducing oneself and signing off. All example messages are
team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ผมต้นนะครับ เบอร์ 0812345678 ไฟทางดับ", "ต้น"),
        ("คนที่ทำร้ายชื่อไอ้ต้อ อยู่ท้ายซอย", "ต้อ"),  # ชื่อ, then the rude ไอ้
        ("นายกอบตประเสริฐไม่ทำอะไรเลย", "ประเสริฐ"),  # a title typed without its dot
        ("Aunt Mali fell down in the bathroom", "Mali"),
        ("uncle Boon collapsed near the market", "Boon"),
        ("my neighbour Anan plays loud music every night", "Anan"),
        ("a boy named Ton is missing near the canal", "Ton"),
        ("This is Ploy, the road in front of my house is flooded", "Ploy"),
        ("I'm Malee from soi 5, the street light is broken", "Malee"),
        ("The drain is blocked again. Regards, Anan", "Anan"),
        ("The gate is locked, contact Noi at 0812345678", "Noi"),
    ],
)
def test_the_name_is_masked(text: str, name: str) -> None:
    masked = redact(text).text
    assert name not in masked and "[ชื่อ]" in masked


@pytest.mark.parametrize(
    "text",
    [
        "ผมขาวครับ",  # ผม is also hair
        "ผมร่วงค่ะ",
        "หนูกลัวค่ะ",
        "Grandma needs help, my wife is sick",  # a relation without a name
        "I am Thai and I live in Bangkok",
        "This is Sukhumvit Road",
        "Thanks, Bangkok Metropolitan Administration",
        "Call 1669 now, he is not breathing",
    ],
)
def test_no_name_stays(text: str) -> None:
    assert redact(text).text == text


def test_a_title_after_a_relation_stays_and_the_name_goes() -> None:
    assert redact("Missing: my father, Mr. Somchai").text == "Missing: my father, Mr. [ชื่อ]"
