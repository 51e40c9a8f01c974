"""What happened to a thing, with nobody in danger: the checks `nlp.urgency` makes before a
collapse, a fall into water or a crash counts as an emergency.

A drain cover, rubbish or a cable that fell or sank, a tree or a landslide lying across a road
with nothing under it, a bridge's railing broken, a pole a truck knocked crooked: each is a
repair for the agency that looks after it, not a danger to life now (3.8 % of Traffy's everyday
tickets were rated high, mostly so; docs/nlp.md).
"""

from __future__ import annotations

import re

from nlp.analysis import Hazard
from nlp.hazard_cues import PEOPLE_NAMED

# People or vehicles under or around what fell.
BENEATH = re.compile(
    r"(?:ทับ|ใส่|โดน)\S{0,6}(?:คน|รถ|ร้าน|บ้าน)|ข้างล่าง|ข้างใต้|ใต้ป้าย|คนเดิน|มีคน|ติดอยู่|"
    r"รถวิ่ง|รถจอด|รถติด|\b(?:people|cars?|someone)\b"
)
# Small things that fall, sink or give way ("ฝาท่อระบายน้ำหักจะตกลงในบ่อพัก", "ขยะ…ตกลงไปในท่อ",
# "สายสื่อสารร่วงลงมา", "ฝาท่อทรุดลงไปครึ่งท่อ"): a repair, unless a person is named before it or
# it came down on someone or something.
_SMALL_THING_BEFORE = re.compile(
    r"(?:ฝา|ตะแกรง|ขยะ|เศษ|ใบไม้|กิ่งไม้|สาย|เคเบิ้ล|เคเบิล|ถุง|ฟุตบาท|ฟุตปาธ|ทางเท้า|กระเบื้อง|ราง)(?:\S{0,40}|\S{0,28}\s\S{0,12})\s?$"
)
_FALLING_CUE = re.compile(r"^(?:ตก|จม|พัง|ทรุด|ยุบ|หัก|ร่วง|หล่น)")
# A crash that damaged a thing ("เสาไฟฟ้าชำรุด…เนื่องจากรถบรรทุกชน", "กระจกโค้งบุบ…โดนชน") names
# no one hurt.
_CRASH = re.compile(r"ชน")
_THING_DAMAGED = re.compile(r"ชำรุด|บุบ|เสียหาย|ซ่อม|เปลี่ยนใหม่|ติดใหม่|พัง")
# A tree, a pole or a landslide across a road with nothing under it and not still moving is an
# obstruction ("ต้นไม้ล้มขวางถนนทั้งสองเลน", "ดินสไลด์ปิดถนนครึ่งเลน"), as is a tree or a
# billboard leaning over nothing ("เสาไฟหน้าบ้านเอียงจะล้มแล้ว"); with cars, homes or people under
# it, or the earth still sliding, it is a collapse.
_BLOCKING = re.compile(r"ขวาง(?:ทาง|ถนน|เลน|แยก)?|ปิด(?:ทาง|ถนน|ครึ่ง|เลน|การจราจร)")
_UNDER_IT = re.compile(
    r"(?:ทับ|ใส่|โดน)\S{0,8}(?:คน|รถ|มอ|ร้าน|บ้าน)|ข้างล่าง|ข้างใต้|ใต้(?:ต้น|ป้าย|ซาก|กอง)?|"
    r"ติดอยู่|คนใน|ออกมาไม่ได้|\b(?:people|cars?|someone)\b"
)
_STILL_MOVING = re.compile(r"เรื่อยๆ|ยัง\S{0,4}(?:ไหล|ตก|ทรุด|ร่วง|ถล่ม|สไลด์)|กำลัง")
_LEANING = re.compile(r"^(?:เอน|เอียง|โยก|จะล้ม)")
_SOMEONE_HURT = re.compile(
    r"เจ็บ|เลือด|ตาย|สลบ|หมดสติ|ไม่ขยับ|ไม่รู้สึกตัว|นอน|หัก|\b(?:hurt|injured|bleeding)\b"
)


def a_repair(text: str, match: re.Match[str], before: str, hazard: Hazard, still: bool) -> bool:
    """What happened to a thing, with nobody in danger: a small thing fallen or sunk, an
    obstruction, a bridge's railing broken with nobody on it now, a crash that damaged a pole."""
    if _small_thing_fell(text, match, before, hazard):
        return True
    if hazard is Hazard.COLLAPSE:
        return _an_obstruction(text, match) or (before.endswith("ราว") and not still)
    return (
        hazard is Hazard.INJURED
        and _CRASH.search(match.group(0)) is not None
        and _THING_DAMAGED.search(text) is not None
        and _SOMEONE_HURT.search(text) is None
    )


def _small_thing_fell(text: str, match: re.Match[str], before: str, hazard: Hazard) -> bool:
    """A drain cover, rubbish or a cable that fell, sank or gave way, with no person named just
    before it and nothing under it."""
    if hazard not in (Hazard.DROWNING, Hazard.COLLAPSE) or not _FALLING_CUE.match(match.group(0)):
        return False
    if not _SMALL_THING_BEFORE.search(before) or PEOPLE_NAMED.search(before[-40:]):
        return False
    return not BENEATH.search(text[match.end() : match.end() + 30])


def _an_obstruction(text: str, match: re.Match[str]) -> bool:
    """A fall across the way or a lean with nothing under it; a tree fallen on wires is the
    wires' matter (the live-wire cues decide)."""
    if text.startswith("สาย", match.end()) or text.startswith(" สาย", match.end()):
        return True
    if _UNDER_IT.search(text) or _STILL_MOVING.search(text):
        return False
    return _BLOCKING.search(text) is not None or _LEANING.match(match.group(0)) is not None
