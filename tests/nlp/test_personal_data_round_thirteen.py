"""Round thirteen of the personal-data masker, from the civic train half's leftovers (batch t43):
a writer opening with their name and a particle, sign-offs with no particle or after a hyphen,
the south's forms of address, kinship words glued into a dictionary word, migrants' names listed
after ชื่อ, a name read off a badge, a name glued to ผม, part of a plate; and for each class what
must stay. All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # a writer opening the message with their name and a polite particle
        ("สมรค่ะ อยู่หมู่บ้านสินทรัพย์ ท่อระบายน้ำตันทั้งซอย", ["สมร"]),
        ("ปุ้มค่ะ เบอร์ 0819876543 ขอสอบถามเรื่องเบี้ยผู้สูงอายุ", ["ปุ้ม"]),
        ("ก้อยนะคะ ร้านข้าวแกงหน้าตลาด ไฟฟ้าดับตั้งแต่เช้า", ["ก้อย"]),
        ("สุนันทาครับ เป็นครูโรงเรียนบ้านโคก หลังคาห้องเรียนรั่ว", ["สุนันทา"]),
        # a name signing off after the contact with no particle
        ("ท่อแตกหน้าบ้านน้ำไหลทั้งคืน โทร 0861234987 วันเพ็ญ", ["วันเพ็ญ"]),
        ("ขอคนมาตัดกิ่งไม้ ติดต่อ 0897654321 คุณนุช", ["นุช"]),
        ("ไฟถนนดับทั้งซอย ไลน์ไอดี abc_kk55 บังเดร์ ม.2 ต.ตะลุบัน", ["เดร์"]),
        # a sign-off on the last line after a hyphen
        ("ขยะไม่มีคนมาเก็บสองอาทิตย์แล้วค่ะ\n-สุภาพร 0812223344", ["สุภาพร"]),
        # a Latin nickname in brackets after a name
        ("นายสมศักดิ์ ใจงาม (Tony) ยังไม่คืนเงินมัดจำ", ["Tony"]),
        # the south's forms of address
        ("ฝากบอกว่าทางเข้าหมู่บ้านเป็นหลุม\nบังสะแลมัน 0865554433", ["สะแลมัน"]),
        ("ก๊ะแยเยาะ ร้านข้าวยำหน้าโรงเรียน บอกว่าน้ำประปาไม่ไหล", ["แยเยาะ"]),
        # a kinship word and a name the dictionary glued into another word
        ("ตาดำนอนเมาขวางทางเข้าซอยทุกคืน", ["ดำ"]),
        ("น้องใหม่ลูกเพื่อนบ้าน ขี่มอไซค์เสียงดังทุกคืน", ["ใหม่"]),
        # a name given away after a word for when
        ("เมื่อวานยายทองอายุ 85 หกล้มในครัว", ["ทอง"]),
        # a person trapped in a house on fire
        ("ไฟไหม้ลามมาแล้ว ยายบุญยังอยู่ในบ้าน ช่วยด้วย", ["บุญ"]),
        # migrants' names listed after ชื่อ
        ("แรงงานพม่าชื่อ นายหม่องซอ, ขิ่นขิ่น กับ ทุนทุน ยังไม่ได้ค่าแรง", ["ขิ่นขิ่น", "ทุนทุน"]),
        ("ลูกจ้างกัมพูชาชื่อ โสภา กับ ดารา เฮง โดนนายจ้างยึดบัตร", ["ดารา เฮง"]),
        ("เพื่อนบ้านเป็นคนลาวชื่อ คำแพง สีทอง ป่วยหนัก", ["คำแพง"]),
        # a name read off a badge or a sign
        ("พนักงานพูดจาไม่ดี ป้ายชื่อเขียนว่า วีระยุทธ", ["วีระยุทธ"]),
        ("The officer shouted at me, badge said Cpl. Somsak", ["Somsak"]),
        ("Pol. Lt. Wichai asked for money", ["Wichai"]),
        # a listed given name the tokeniser cut across after หมอ
        ("รอหมอกฤษณะทั้งวันไม่มาตรวจ", ["กฤษณะ"]),
        # a Malay name glued to ผม and a surname
        ("ผมอิบรอฮิม ดือราแม อยู่บ้านบาโงย ขอขอบคุณ อบต.", ["อิบรอฮิม", "ดือราแม"]),
    ],
)
def test_round_thirteen_names_are_masked(text: str, secrets: list[str]) -> None:
    masked = redact(text).text
    for secret in secrets:
        assert secret not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a gloss of the number, a place or a particle after it is no sign-off
        ("โทร 0812345678 ด่วน", "ด่วน"),
        ("ติดต่อ 0812345678 อ.เมือง", "อ.เมือง"),
        ("ไลน์ไอดี somchai99 ครับ", "ครับ"),
        ("โทร 0812345678 ตลอด", "ตลอด"),
        ("ขายมะม่วง 0812345678", "มะม่วง"),
    ],
)
def test_round_thirteen_words_after_a_contact_stay(text: str, kept: str) -> None:
    masked = redact(text).text
    assert kept in masked, masked


def test_round_thirteen_a_verb_like_name_set_apart_by_a_trade() -> None:
    shown = redact("ลุงมา คนขายไอติม โดนรถเฉี่ยวเมื่อเย็น").text
    assert shown == "ลุง[ชื่อ] คนขายไอติม โดนรถเฉี่ยวเมื่อเย็น"


def test_round_thirteen_part_of_a_plate_is_masked() -> None:
    masked = redact("รถเก๋งชนแล้วหนี ทะเบียนจำได้แค่ 2กท ช่วยดูกล้องให้หน่อย").text
    assert "2กท" not in masked, masked
    masked = redact("ป้ายทะเบียนลงท้าย 77 สีดำ ขับหนีไป").text
    assert "77" not in masked, masked


@pytest.mark.parametrize(
    "text",
    [
        # a topic, a greeting or an answer opening the message before a particle
        "ขยะค่ะ ซอย 5 ไม่มีใครมาเก็บเลย",
        "น้ำค่ะ อยู่ดีๆ ก็ไม่ไหล",
        "สวัสดีค่ะ ขอสอบถามเรื่องภาษีป้าย",
        "แอดมินคะ อยู่ไหมคะ",
        "ได้ค่ะ เบอร์นี้ใช้ได้",
        "นิดค่ะ อยู่ที่ว่าจะซ่อมเมื่อไร",
        "ขอบคุณครับ อยู่ในระหว่างดำเนินการ",
        # a gloss after a short number
        "สายด่วน โทร 1555 ตลอด",
        # a hyphen list, a bullet that is a problem
        "ปัญหาที่เจอ\n- ถนนพัง\n- ไฟดับ",
        "สรุปเรื่อง\n-ไฟดับ",
        # eyes and a freshman, not names
        "ลูกตาเหลือง ตัวเหลือง ต้องไปหาหมอไหม",
        "ตาแดงปวดหัวมาสามวันแล้ว",
        "น้องใหม่ๆ ยังไม่รู้ทาง",
        "ลุงมาแล้วค่ะ",
        "ลุงมาคนเดียว",
        # a badge that was lost, a rank word in a place
        "ป้ายชื่อหายไปตั้งแต่เมื่อวาน",
        "The General Hospital is far away",
        "ทะเบียนจำได้ว่า 2 คัน",
        # fog, not a doctor; a sentence with ผม
        "หมอกควันเยอะมากช่วงเช้า",
        "ผมร่วงหนัก มาก อยู่บ้านเฉยๆ",
        # a list after ชื่อ that is no migrants' list
        "คนงานพม่าชื่อดังในหมู่บ้าน ขายของเก่ง",
    ],
)
def test_round_thirteen_look_alikes_stay(text: str) -> None:
    assert redact(text).text == text
