"""A name after a kinship word is masked where what follows gives a person away (an age, a house
number, whose child they are, a pair joined by กับ), even a name that is a common word; kinds of
people are kept. All example messages are team-written."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ยายเขียนอายุ 82 อยู่บ้านคนเดียว หลังคาพัง", "เขียน"),
        ("ตาสีอายุเจ็ดสิบกว่าแล้ว เดินไม่ไหว", "สี"),
        ("ลุงเพิ่มบ้านเลขที่ 14 ม.2 ยังไม่ได้เบี้ยคนพิการ", "เพิ่ม"),
        ("ป้ามาลัยบ้านเลขที่ 7/1 โดนตัดไฟ", "มาลัย"),
        ("น้องข้าวตังลูกสาวป้าข้างบ้านไม่กลับบ้าน", "ข้าวตัง"),
        ("น้องจินนี่หลานสาวผมโดนหลอกโอนเงิน", "จินนี่"),
        # Isan names end with คำ as they start with it.
        ("ป้าทองคำเดินตกท่อหน้าตลาด", "ทองคำ"),
    ],
)
def test_a_name_given_away_by_what_follows_is_masked(text: str, name: str) -> None:
    assert name not in redact(text).text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ลุงเล็กกับลุงใหญ่ทะเลาะกันถือมีดอยู่หน้าบ้าน", ("เล็ก", "ใหญ่")),
        ("พี่นุ้ยกับพี่หนิงที่อำเภอช่วยเร็วมาก", ("นุ้ย", "หนิง")),
        ("พี่ต้นกล้ากับน้องต้นข้าวพายเรือส่งข้าว", ("ต้นกล้า", "ต้นข้าว")),
    ],
)
def test_both_people_of_a_pair_joined_by_kab_are_masked(text: str, names: tuple[str, ...]) -> None:
    redacted = redact(text).text
    assert [n for n in names if n in redacted] == []


@pytest.mark.parametrize(
    "text",
    [
        "ยายแก่อายุ 80 อยู่คนเดียว",
        "พี่สาวอายุ 30 ตกงาน",
        "ลุงข้างบ้านอายุ 70 ป่วยติดเตียง",
        "น้องคนเล็กอายุ 5 ขวบ",
        "ลุงแกอายุ 70 แล้ว",
        "ป้าก็อายุ 60 แล้วยังต้องทำงาน",
        "พี่ชายกับน้องสาวช่วยกันขนของ",
        "ป้าขายของกับลุงขับรถ",
        "ยายกับตาอายุ 80 กว่าแล้ว",
    ],
)
def test_kinds_of_people_and_ages_without_a_name_are_kept(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ป้อหลวงอินแก้ว บ้านแม่ริม บอกว่าถนนขาด", ("อินแก้ว",)),  # the northern village head
        ("ไอ้ต้อมกับไอ้บอสไถเงินเด็กหน้าโรงเรียน", ("ต้อม", "บอส")),
    ],
)
def test_a_northern_village_heads_and_a_rude_pairs_names_are_masked(
    text: str, names: tuple[str, ...]
) -> None:
    redacted = redact(text).text
    assert [n for n in names if n in redacted] == []
    assert "ไถเงินเด็ก" in redact("ไอ้ต้อมกับไอ้บอสไถเงินเด็ก").text or "บ้านแม่ริม" in redacted
