"""A listed nickname that opens the message, with no title or kinship word before it, is masked
for officials where a person's deed, who they are or their partner follows at once; the same
everyday word said of water, rain, pork or a chicken is kept. All example messages are
team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a deed only a person does
        ("ปุ้ยจอดรถขวางทางเข้าหมู่บ้านทุกวัน", ["ปุ้ย"]),
        ("เมื่อคืนแดงขับรถชนรั้ววัด", ["แดง"]),
        ("สมชายบอกว่าถนนหน้าบ้านพังมา 3 เดือน", ["สมชาย"]),
        # who the person is, their partner
        ("ฝ้ายลูกสาวกำนันได้เงินช่วยเหลือสองรอบ", ["ฝ้าย"]),
        ("ตอนนี้ส้มกับผัวทะเลาะกันเสียงดัง", ["ส้ม"]),
        # two joined by กับ
        ("ต้นกับเอกเมาแล้วขี่รถเสียงดัง", ["ต้น", "เอก"]),
        # in Latin letters: a listed name before a deed, any name before who the person is
        ("somsak ขับรถเร็วในซอย", ["somsak"]),
        ("Ploy เจ้าของหอไม่คืนเงินประกัน", ["Ploy"]),
    ],
)
def test_a_nickname_opening_the_message_before_a_persons_deed_is_masked(
    text: str, names: list[str]
) -> None:
    masked = redact(text).text
    for name in names:
        assert name not in masked, masked


@pytest.mark.parametrize(
    "text",
    [
        "น้ำเอ่อท่วมถนนทุกครั้งที่ฝนตก",
        "ฝนตกหนักน้ำท่วมซอย",
        "หมูร้านนี้แพงมาก",
        "ไก่ขันเสียงดังทุกเช้า",
        # a house or a shop after the word: water, pork or a glass may belong there
        "น้ำบ้านตรงข้ามไหลเข้าบ้านเรา",
        "มดลูกอักเสบ ต้องไปหาหมอที่ไหน",
        "มีขโมยงัดบ้านสามหลัง",
        # a company, not a person
        "Grab ขับรถเร็วมาก",
    ],
)
def test_the_same_everyday_words_said_of_things_are_kept(text: str) -> None:
    assert redact(text).text == text
