"""The classes the seventh round closed (training batch t26): a worker, a tradesman or a
vendor named after ชื่อ, a nurse's or an imam's nickname, a name opening the message before
who the person is, a nickname beside a phone number, a Latin nickname after พี่, and the
numbers that point at one person in a building's, a school's or a hospital's records. Each
with look-alikes that must stay. All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # a worker told by where they come from, a tradesman by the trade, a vendor by the goods
        ("แรงงานลาวชื่อคำหล้า ทำงานอู่ซ่อมรถ ถูกนายจ้างยึดบัตร", ["คำหล้า"]),
        ("คนงานเมียนมาชื่อจอซัน ตกนั่งร้านขาหัก", ["จอซัน"]),
        ("ช่างประปาชื่อวุฒิ มาต่อท่อแล้วรั่วเหมือนเดิม", ["วุฒิ"]),
        ("แม่ค้าไก่ทอดชื่อนงนุช ตั้งแผงขวางทางม้าลาย", ["นงนุช"]),
        # a nurse's, an imam's, a private's nickname
        ("พยาบาลจอย ตึกเด็ก ใจดีมากค่ะ", ["จอย"]),
        ("อิหม่ามอับดุลเลาะ ช่วยแจกถุงยังชีพ", ["อับดุลเลาะ"]),
        # opening the message before who the person is, after one space
        ("ยูโซ๊ะ ลูกชายผู้ใหญ่บ้าน ขับรถชนแผงกั้น", ["ยูโซ๊ะ"]),
        ("หน่อมือ ชาวลาหู่ บ้านห้วยน้ำริน ไม่มีบัตรไปหาหมอ", ["หน่อมือ"]),
        ("มินอู แรงงานพม่าที่ฟาร์มไก่ ถูกหักค่าแรง", ["มินอู"]),
        # a nickname beside a phone number
        ("ติดต่อกลับได้ค่ะ ดิฉันพี่อุ๊ 0891112233", ["อุ๊"]),
        ("สอบถามเพิ่ม โทร 0861234567 (กระปุก)", ["กระปุก"]),
        # a Latin nickname after พี่ (also after ขอบคุณ), a listed one in capitals, มิสเตอร์
        ("ขอบคุณพี่ Fern ที่ช่วยกรอกเอกสาร", ["Fern"]),
        ("พี่ PETER ร้านกาแฟ ตั้งโต๊ะบนทางเท้า", ["PETER"]),
        ("มิสเตอร์ Brown เปิดเพลงเสียงดัง", ["Brown"]),
        # rooms, students' and hospital numbers
        ("คอนโดริมน้ำ ห้อง 1507 เสียงดังทุกคืน", ["1507"]),
        ("หอพักหญิง ห้องพัก 208 น้ำไม่ไหลสามวัน", ["208"]),
        ("ลูกรหัสนักเรียน 56789 ยังไม่ได้ทุน", ["56789"]),
        ("หนูรหัส 6612345678 ยังไม่ได้เงินคืน", ["6612345678"]),
        ("แม่ผม HN 12-345678 รอคิวผ่าตัด", ["12-345678"]),
        ("เลข HN0099887 นัดวันนี้", ["0099887"]),
    ],
)
def test_round_seven_classes_are_masked(text: str, secrets: list[str]) -> None:
    masked = redact(text).text
    for secret in secrets:
        assert secret not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a shop or a road after a vendor's ชื่อ
        ("พ่อค้าผลไม้ชื่อร้านว่าสวนลุง ขายแพง", ["ร้าน"]),
        # a role word with a field or a time after it
        ("พยาบาลเวรดึก พูดจาไม่ดี", ["เวรดึก"]),
        ("ค่ารักษาพยาบาลแพงมาก", ["ค่ารักษาพยาบาลแพงมาก"]),
        ("อิหม่ามประจำมัสยิด ช่วยประสาน", ["ประจำมัสยิด"]),
        # an opening that is a thing or an event, before the same words
        ("ขยะ ชาวบ้านเดือดร้อนมาก", ["ขยะ"]),
        ("น้ำท่วม ลูกชายผมไปโรงเรียนไม่ได้", ["น้ำท่วม"]),
        ("ไฟไหม้ ชาวเขาไม่มีที่อยู่", ["ไฟไหม้"]),
        # a gloss of the number in brackets
        ("โทร 0812345678 (มือถือ)", ["มือถือ"]),
        ("โทร 021234567 (สำนักงาน)", ["สำนักงาน"]),
        # a company after พี่, capitals that are no name
        ("ขอบคุณพี่ Grab ที่มาส่ง", ["Grab"]),
        ("พี่ BTS ไม่จอดสถานีนี้", ["BTS"]),
        # a meeting room, the rent, a count of rooms, a small classroom number, a postcode
        ("ห้องประชุม 301 แอร์เสีย", ["301"]),
        ("ค่าห้อง 3500 บาท แพงไป", ["3500"]),
        ("ตึกนี้มี 120 ห้อง", ["120"]),
        ("ห้อง 120 ตร.ม. ราคาสูง", ["120"]),
        ("เด็กห้อง 3 ทะเลาะกัน", ["3"]),
        ("รหัสไปรษณีย์ 10400 ส่งของไม่ถึง", ["10400"]),
        ("รหัส 10400 ที่อยู่ผิด", ["10400"]),
    ],
)
def test_round_seven_look_alikes_stay(text: str, kept: list[str]) -> None:
    masked = redact(text).text
    for word in kept:
        assert word in masked, masked


def test_an_assistants_listed_nickname_is_masked_not_the_help() -> None:
    assert "เจี๊ยบ" not in redact("ขอบคุณผู้ช่วยเจี๊ยบ อบต.ท่าข้าม").text
    for kept in ("ผู้ช่วยเหลือผู้ประสบภัยมาช้า", "ผู้ช่วยแพทย์ไม่พอ"):
        assert redact(kept).text == kept


def test_a_nickname_ending_a_long_run_before_a_phone_is_masked() -> None:
    masked = redact("ซ่อมแล้วยังเสียเหมือนเดิมโทรหาพี่บุ๋ม0812345678ไม่รับสาย").text
    assert "บุ๋ม" not in masked, masked
