"""Whose danger a cue names: an animal's, a thing's, or a person's.

"หมาโดนรถชน" is a dog hit by a car and "แมวตกบ่อ" a cat in a well, not a person hurt or
drowning (a dog that bites is a danger to people); a message that opens with an animal and names
no person is about the animal."""

from __future__ import annotations

import re

from nlp.analysis import Hazard
from nlp.hazard_cues import PEOPLE_NAMED

_ANIMALS = r"(?:หมา|แมว|สุนัข|วัว|ควาย|ไก่|เป็ด|หมู|แพะ|แกะ|ม้า|ลิง|ช้าง|นก|ปลา)"
# An animal right before an injury or a fall into water: "หมาโดนรถชน", "แมวตกบ่อ".
_ANIMAL_BEFORE = re.compile(_ANIMALS + r"(?:จร(?:จัด)?|น้อย|ตัว\S{0,6})?\s?(?:ที่)?\s?(?:โดน|ถูก)?$")
# A cue whose own words open with an animal: "ลูกแมวจรจัดติดอยู่ในกรง" is a kitten trapped.
_ANIMAL_SUBJECT = re.compile(r"^(?:ลูก|น้อง)?" + _ANIMALS)
# A message that opens with an animal and names no person: what the learnt head reads as an
# injury or a drowning there happened to the animal.
_ANIMAL_FIRST = re.compile(r"^(?:มี)?(?:ลูก|น้อง)?" + _ANIMALS + r"(?:ป่า|จร(?:จัด)?)?")
_ATTACK = re.compile(r"กัด|ขวิด|เหยียบ|ทำร้าย")
TO_PEOPLE = frozenset({Hazard.INJURED, Hazard.DROWNING, Hazard.TRAPPED, Hazard.MISSING_PERSON})
# Its owner ("ควายของชาวบ้านตกบ่อ"), and people asked to come and help ("ช่วยส่งคนมาหน่อย"),
# are no person in danger.
_NOT_IN_DANGER = re.compile(
    r"ของ(?:ชาวบ้าน|เพื่อนบ้าน|ลุง|ป้า|ยาย|ตา|พี่|น้า|ผม|ฉัน|เรา|หนู)\S{0,8}|"
    r"(?:ส่ง|หา|เรียก|ให้)คน(?:มา)?|คนมาช่วย|ชาวบ้านไม่กล้า\S{0,12}"
)


def about_an_animal(lowered: str) -> bool:
    """A message that opens with an animal and names no person in danger ("หมาโดนรถชนนอนอยู่
    กลางถนน", "ควายของชาวบ้านตกบ่อโคลน", "ลูกหมาตกท่อ ช่วยส่งคนมาหน่อย")."""
    animal = _ANIMAL_FIRST.match(lowered)
    if animal is None:
        return False
    rest = _NOT_IN_DANGER.sub(" ", lowered[animal.end() :])
    return PEOPLE_NAMED.search(rest) is None


def an_animals(words: str, before: str, hazard: Hazard) -> bool:
    """The danger a cue names befalls an animal: right after one ("หมาโดนรถชน", "ปลาหายใจไม่ออก")
    or in the cue's own words ("ลูกแมวติดอยู่"); an animal that bites or gores is a danger to
    people."""
    if hazard not in TO_PEOPLE or _ATTACK.search(words):
        return False
    return _ANIMAL_BEFORE.search(before) is not None or _ANIMAL_SUBJECT.match(words) is not None


# Money or things gone, not a person: "เงินหายจากบัญชี … ช่วยตามให้หน่อย" is a scam to trace, and
# the learnt head's "missing person" there reads หาย and ตาม without whose they are
_THINGS_LOST = re.compile(
    r"(?:เงิน|ของ|กระเป๋า|รถ|มอ(?:เตอร์)?ไซ(?:ค์|ด์)|จักรยาน|มือถือ|โทรศัพท์|บัตร|เอกสาร|พัสดุ|ทอง|สร้อย|"
    r"แหวน|กุญแจ|โฉนด)\S{0,10}(?:หาย|ถูกขโมย|โดนขโมย)|หายจากบัญชี|(?:โดน|ถูก)(?:หลอก|โกง|ดูด)|"
    r"แก๊งคอล|คอลเซ็นเตอร์"
)


def things_lost(lowered: str) -> bool:
    """Money or things gone or stolen ("เงินหายจากบัญชี", "รถมอไซค์หาย"), or a scam: what went
    missing is no person."""
    return _THINGS_LOST.search(lowered) is not None
