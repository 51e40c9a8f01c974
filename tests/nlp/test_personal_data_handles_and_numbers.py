"""Forms of personal data a citizen types that the finders had missed: a LINE ID after ไอดี with
no colon, a Latin-script name with the surname's initial, a truck's or a van's all-digit plate after the vehicle and before the province, a
mobile number whose leading 0 is typed as the letter O or spelt in Thai words with dashes, a house
number after บ.เลขที่ or เลขที่บ้าน. All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("ติดต่อกลับทางไลน์ได้นะคะ ไอดี malee_2530 เรื่องหมาจร", "[ไลน์ไอดี]", "malee_2530"),
        ("แอดไลน์มานะคะ ไอดี somsri ค่ะ", "[ไลน์ไอดี]", "somsri"),
        ("ทักไลน์มาได้เลย id nong.ploy99 ครับ", "[ไลน์ไอดี]", "nong.ploy99"),
        ("ติดต่อกลับ Somchai K. 0812345678 ครับ", "[ชื่อ]", "Somchai"),
        ("รถตู้ 12-3456 ขอนแก่น ขับปาดหน้า", "[ทะเบียนรถ]", "12-3456"),
        ("รถบรรทุกสีแดง 71-2222 ชลบุรี ทำถนนพัง", "[ทะเบียนรถ]", "71-2222"),
        ("โทร O81-234-5678 ค่ะ", "[เบอร์โทร]", "234-5678"),
        ("เบอร์ศูนย์แปดเก้า-หนึ่งสองสาม-สี่ห้าหกเจ็ด", "[เบอร์โทร]", "หนึ่งสองสาม"),
        ("บ.เลขที่ 12/3 หมู่ 5 น้ำท่วม", "[บ้านเลขที่]", "12/3"),
        ("เลขที่บ้าน 99/1 หมู่ 2", "[บ้านเลขที่]", "99/1"),
    ],
)
def test_the_form_is_masked(text: str, kept: str, gone: str) -> None:
    masked = redact(text).text
    assert kept in masked and gone not in masked


@pytest.mark.parametrize(
    "text",
    [
        "ไลน์ไม่ได้ใช้แล้ว ID card หายด้วย",  # "ID card", not a handle
        "ส่งของที่ Central W. ไม่ได้",  # a place, not a listed given name
        "รถตู้ 12-3456 คัน",  # no province after the number
        "รถติด 10-15 นาที",
        "รุ่น O2 ใหม่",  # not the nine digits of a mobile number
        "ราคา สามร้อย-สี่ร้อย บาท",
    ],
)
def test_what_only_looks_like_it_stays(text: str) -> None:
    assert redact(text).text == text
