"""Word lists that several of the name finders share: titles, what ends a name, what follows one."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def one_of(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first (so "อาม่า" is tried before "อา")."""
    return "|".join(sorted(words, key=len, reverse=True))


# What follows a label (ชื่อเล่น, นามสกุล …) when it is not a name: which one, what of it
# ("นามสกุลเดิมของแม่", "ชื่อเล่นของลูก").
NOT_A_NAME_AFTER_LABEL = _word_set(
    "ของ อะไร เดิม ใหม่ ผิด ถูก ไม่ จริง จริงๆ เล่น ใน นี้ นั้น เป็น ว่า คือ ที่ ซ้ำ เต็ม ย่อ ตาม แบบ ก็"
)

# Kinship words of the regions a nickname follows: Chinese-Thai, northern, Isan, the south.
# Since round 14 the northern ปี้ (elder brother or sister) and อุ้ย as often spelt with ้
# ("แม่อุ้ยศรีนวล").
_REGIONAL_KIN = _word_set(
    """อาแปะ อาซิ้ม อาเจ็ก อาอึ้ม ซ้อ พ่ออุ๊ย ป้ออุ๊ย แม่อุ๊ย พ่ออุ้ย ป้ออุ้ย แม่อุ้ย ปี้ อ้าย เอื้อย
    ก๊ะ"""
)

# Titles that always introduce a name (as their own word); the weaker ones are in titled_names.
_STRONG_TITLES = frozenset(
    {"นาย", "นาง", "นางสาว", "น.ส.", "นส.", "ด.ช.", "ด.ญ.", "ดช.", "ดญ.", "เด็กชาย", "เด็กหญิง"}
)

# A word for a person right before ชื่อ (and one space: "มีคนชื่อ เอ๋"; a motorcycle is not one:
# "ร้านซ่อมมอเตอร์ไซค์ ชื่อร้าน …"): what follows is their name, even a common word
# ("ดิฉันชื่อกาญจนา", "ผู้ใช้ไฟชื่ออนุชา", "จนท.อบต.ชื่อสมบัติ"), not a shop's or a road's.
# Where a worker comes from, as a message names them ("แรงงานพม่า", "คนงานกัมพูชา").
_ORIGINS = (
    r"(?:พม่า|เมียนมา|ลาว|กัมพูชา|เขมร|ต่างด้าว|ต่างชาติ|ต่างประเทศ|ไทใหญ่|มอญ|เวียดนาม|จีน|"
    r"กะเหรี่ยง|ม้ง|อีสาน|ใต้|เหนือ)"
)
_PERSON_BEFORE_NAME = re.compile(
    r"(?:ผม|ดิฉัน|ฉัน|หนู|กระผม|ข้าพเจ้า|ลูก(?:ชาย|สาว)?|หลาน(?:ชาย|สาว)?|สามี|ภรรยา|เด็ก|คนหาย|"
    r"พ่อ|แม่|ลุง|ป้า|ยาย|ตา|ปู่|ย่า|(?:พี่|น้อง|(?<!ห)น้า)(?:ชาย|สาว)?|อา(?:ชาย|สาว)|ครู|หมอ|กำนัน|ผู้ใหญ่(?:บ้าน)?|"
    r"(?:นายก|ปลัด)(?:\s?(?:อบต|อบจ|ทต|ทม|ทน)\.?|เทศบาล|อำเภอ)?|ผอ\.|คนขับ(?:รถ)?|พนักงาน|แม่ค้า|พ่อค้า|ช่าง|ยาม|วิน|ไรเดอร์|"
    r"ผู้(?:ใช้(?:ไฟ|น้ำ|บริการ)?|แจ้ง|เสียหาย|ป่วย|ร้อง(?:เรียน)?|ปกครอง|สูญหาย|ตาย)|"
    r"เพื่อน(?:ร่วมห้อง|ร่วมงาน|บ้าน)?|เจ้าหน้าที่|จนท\.(?:[ก-ฮ]{2,4}\.)?|ตำรวจ|"
    # since session 17: anyone, a man or a woman, a youth, and the trades a message names a
    # stranger by ("มีคนชื่อ…", "หนุ่มร้านเหล้าชื่อ…", "ชาวประมงชื่อ…", "บุรุษไปรษณีย์ชื่อ…"),
    # and the Isan ข่อย (I)
    r"(?<![ก-๙])(?:มี)?คน|ผู้(?:ชาย|หญิง)|(?:ไอ้|อี)?(?:หนุ่ม|สาว)(?:ร้าน[ก-๙]{2,10})?|พยาบาล|"
    r"ชาว(?:ประมง|นา|สวน|ไร่|บ้าน|เขา|ต่างชาติ|พม่า|ลาว|กัมพูชา|เขมร)|(?:บุรุษ|พนักงาน)?ไปรษณีย์|"
    r"ลูกจ้าง(?:โรงงาน|ร้าน)?|นายจ้าง|วินมอ(?:เตอร์)?ไซค์|มอ(?:เตอร์)?ไซค์รับจ้าง|ข่อย|"
    # since round 7: a worker told by where they come from ("แรงงานพม่าชื่อ…", "คนงานกัมพูชา
    # ชื่อ…"), a tradesman by the trade ("พี่ช่างไฟชื่อ…") and a vendor by the goods
    # ("แม่ค้าส้มตำชื่อ…"): the person word comes first, so what is between cannot be a shop.
    r"(?:แรงงาน|คนงาน|ลูกจ้าง|คน|หนุ่ม|สาว|เด็ก)(?:ชาว)?" + _ORIGINS + r"|"
    r"ช่าง(?:ไฟ(?:ฟ้า)?|ประปา|แอร์|ไม้|ปูน|สี|เชื่อม|ซ่อม[ก-๙]{2,8}|ตัดผม|ตัดหญ้า)|"
    r"(?:แม่ค้า|พ่อค้า)(?!ร้าน)[ก-๙]{2,10}) ?$"
)

# Words that end a name written without a space after it ("นายสมชายแจ้งว่า…").
_AFTER_NAME = _word_set(
    """แจ้ง ร้องเรียน อยู่ บ้าน เป็น ได้ ขอ ซึ่ง ที่ และ กับ โทร เบอร์ ครับ ค่ะ คะ นะ อายุ มา ไป
    ว่า จาก ได้รับ เจ้าของ ผู้ ร้าน หมู่ ซอย ถนน เลขที่ ตำแหน่ง เจ้าหน้าที่ พบ เห็น ทำ ถูก โดน ให้ จะ
    ก็ ไม่ ยัง แล้ว เมื่อ วันที่ บอก พูด เดิน ขับ ขี่ ถาม ช่วย มี ต้องการ อยาก ขอให้ ฝาก ติดต่อ
    ร้อง เรียน นะคะ นะครับ จ้า จ้ะ ด้วย หน่อย เลย ก่อน หลัง ใน บน ข้าง หน้า ซึ่งเป็น ทาง แขวง เขต
    ตำบล อำเภอ จังหวัด ชุมชน หมู่บ้าน ใช้ ซื้อ ขาย กิน เอา ชอบ งง รัก เกลียด สวย น่ารัก เก่ง
    เรียก เก็บ จอด ตั้ง วาง ทิ้ง เปิด ปิด ส่ง รับ ด่า ตะคอก ข่มขู่ ทำร้าย ยึด ขโมย ละเลย เพิกเฉย
    ปล่อย สั่ง ขู่ ตี ชน เมา ทะเลาะ โกง หลอก ยืม ขาย ซื้อ จ่าย เอาเงิน ไม่ยอม กำลัง เคย ชอบ
    คือ นี้ นั้น นี่ จริง ที่อยู่ ของ เต็ม โดย เพราะ แต่ หรือ ทั้ง เขา เรา มัน ผม ฉัน หนู เค้า ตัว คน"""
)
_NOT_NAMES = _word_set(
    """ที่ ชอบ ควร คอย คง คม ชม ชวน ทน ทวน ดม ดา ดอน ธง ชาย หญิง ดี มา ไป ทอง แดง ขาว ดำ
    เขียว ฟ้า น้ำ ไฟ ลม ดิน ทาง ถนน ซอย บ้าน ป้า ลุง ยาย ตา แม่ พ่อ พี่ น้อง หมอ ครู ตำรวจ"""
)

# What may follow a given name that is also a common word (สมบัติ "wealth", เสริม "add") for it
# to be a name after a role word, besides the words that end a name and action verbs: "ลุงสมบัติ
# แจ้ง…", "ลุงเสริมข้างบ้าน", "จ่าสมบัติจากสถานี…". A word that ends names (มี "have") is one only at
# the end of the phrase or before ที่ and a place ("ลุงมีที่บ้านโนนสูง", not "ลุงมีรถ").
_NAME_FOLLOWERS = _word_set(
    """ข้างๆ ด่า ริม เอง ตะโกน หาย หายตัว หายไป ล้ม หกล้ม เป็นลม นอน ป่วย ตก จมน้ำ หลง หลงทาง
    ติด เจ็บ บาดเจ็บ ตาย เสียชีวิต ร้องไห้ กลับ กลับบ้าน ออก ออกจาก ช็อก ชัก หมดสติ"""
)

# Words right after a name that say who the person is: "น้องข้าวปุ้นลูกสาวหนู", "พี่ชาเขียว
# คนขับรถขยะ", "พี่น้ำหวานเจ้าหน้าที่ประปา".
_WHO_AFTER_NAME = tuple(
    _word_set("ลูก หลาน คนขับ คนเก็บ คนเฝ้า เจ้าหน้าที่ จนท อายุ ร้าน บ้าน ที่ กับ สามี ภรรยา เมีย")
)

_PARTICLES = _word_set("อะ อ่ะ ขา จ้ะ จ๊ะ ค่า หรอ เหรอ ป่ะ ปะ ล่ะ มั้ย บ่ เด้อ เน้อ เจ้า")

# pythainlp's stop words hold common given names (เขียน, เพิ่ม, ใหญ่): these are the function
# words, particles and pronouns that a kinship word may be followed by instead of a name.
_FUNCTION_WORDS = _word_set(
    """ก็ จะ ได้ ไป มา ว่า นี้ นั้น นี่ โน่น เอง ทั้ง ยัง ไม่ เคย คง ต้อง ควร อาจ กับ และ หรือ แต่
    ของ ที่ ซึ่ง ใน บน ให้ แล้ว เลย ด้วย อยู่ คือ เป็น มี เถอะ ป่าว ปะ จ๋า บ้าง คุณ พวก พวกเรา รอ"""
)
