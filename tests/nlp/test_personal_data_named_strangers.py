"""Names introduced in ways the rules missed until session 17: after ชื่อ with a word for a
stranger or a trade before it, given by oneself with a particle or เอง, a nickname in brackets
after a full name, inside a shop's name after its kinship word, after คุณนาย; and a foreign
phone number with its "+" and a truck's plate in English. What only looks alike is kept. All
example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("มีผู้หญิงชื่อแพรวมาเคาะประตูขอเงิน", ["แพรว"]),
        ("ชาวสวนชื่อบุญส่ง โดนช้างป่าทำร้าย", ["บุญส่ง"]),
        ("มีคนชื่อ ตั้ม โทรมาขู่", ["ตั้ม"]),
        ("ชื่อเล่นต้นครับ บ้านอยู่ซอย 5", ["ต้น"]),
        ("ข่อยซื่อ สมศรี เด้อ", ["สมศรี"]),
        ("นุ่นเองนะคะ ถนนหน้าบ้านพัง", ["นุ่น"]),
        ("นายวิชัย มั่นคง (เอก) ขับรถชนแล้วหนี", ["วิชัย", "เอก"]),
        ("ร้านส้มตำป้าจิ๋วหน้าตลาดตั้งโต๊ะบนทางเท้า", ["จิ๋ว"]),
        ("ติดต่อคุณนายมาลี เรื่องห้องเช่า", ["มาลี"]),
        ("โทรมาจากเบอร์ +95 9 123 456 789 บอกว่าลูกถูกจับ", ["+95 9 123 456 789"]),
        ("a truck, plate 70-1234, hit my car", ["70-1234"]),
    ],
)
def test_a_name_or_number_introduced_this_way_is_masked(text: str, names: list[str]) -> None:
    masked = redact(text).text
    for name in names:
        assert name not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("ใช้เวลา 2 อาทิตย์เองครับ", "อาทิตย์"),
        ("ทำเองค่ะ", "ทำเอง"),
        ("ลงชื่อค่ะ", "ลงชื่อ"),
        ("นายสมชาย ใจดี (เจ้าของ) ไม่มา", "(เจ้าของ)"),
        ("ติดต่อคุณนายมาลี เรื่องห้องเช่า", "เรื่องห้องเช่า"),
        ("งานซ่อมผิวทาง กม.12+500 ถึง กม.13+200", "12+500"),
        ("ร้านป้าขายดีมาก", "ร้านป้าขายดีมาก"),
        ("ร้านซ่อมมอเตอร์ไซค์ ชื่อร้าน ยิ่งเจริญ", "ชื่อร้าน"),
        ("ลูกจ้างชื่อเสียงไม่ดี", "ชื่อเสียง"),
        ("จ่าชื่อบุญมา เป็นเจ้าของบ่อนไก่", "เป็นเจ้าของบ่อนไก่"),
    ],
)
def test_what_only_looks_like_it_is_kept(text: str, kept: str) -> None:
    assert kept in redact(text).text
