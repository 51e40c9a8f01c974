"""Words that say a danger is over, denied or already cared for: the checks `nlp.urgency` makes,
per hazard, over the whole message before a danger found by a cue or by the learnt head counts
("ดับแล้ว", the fire is out; "เจอตัวแล้ว", the child is found; "ไม่มีใครเจ็บ", nobody was hurt;
"ไปฉีดยาแล้ว", the bite has been seen to)."""

from __future__ import annotations

import re

from nlp.analysis import Hazard

# An appeal after the event, for money or things to rebuild ("ขอความช่วยเหลือให้น้องที่บ้าน
# ไฟไหม้ … โอนเข้าบัญชี … ขอบคุณทุกน้ำใจ"): unless the message says it is still going on.
AFTERMATH_APPEAL = re.compile(r"ขอบคุณทุกน้ำใจ|(?:ร่วม|ขอรับ|รับ)บริจาค|ร่วมทำบุญ")
# Words anywhere that say a danger is over.
FLOOD_OVER = re.compile(
    r"น้ำ\S{0,6}ลด(?:ลง)?แล้ว|น้ำ(?:เริ่ม|ค่อยๆ|ก็)ลด(?!ไม่)|แห้งแล้ว|ນ້ຳ\S{0,6}(?:ລົດ|ຫຼຸດ)(?:ລົງ)?ແລ້ວ"
)
OVER: dict[Hazard, re.Pattern[str]] = {
    Hazard.FIRE: re.compile(
        r"(?<!ยังไม่)(?:ดับ|สงบ)(?:สนิท|หมด|เอง)?(?:ไป)?(?:ตั้งแต่\S{0,12})?\s?แล้ว|ควบคุม(?:เพลิง)?ได้แล้ว|ดับไฟได้แล้ว|"
        r"ไหม้\S{0,12}หมด(?:หลัง|ทั้งหลัง)\S{0,4}แล้ว"
    ),
    Hazard.MISSING_PERSON: re.compile(r"(?:เจอ|พบ)(?:ตัว)?แล้ว|กลับ(?:มา)?บ้านแล้ว|\bfound\b"),
    Hazard.FLOOD_RISING: FLOOD_OVER,
    Hazard.EVACUATION: FLOOD_OVER,
    Hazard.TRAPPED: re.compile(
        r"(?:ช่วย|พา|ออก)\S{0,10}ออกมา(?:ได้)?แล้ว|ออกมาได้แล้ว|เปิด(?:ได้|ออก)แล้ว|rescued"
    ),
    Hazard.VIOLENCE: re.compile(
        r"(?:ตำรวจ|ตร\.|เจ้าหน้าที่)\S{0,8}(?:เคลียร์|ระงับเหตุ|จับ\S{0,6}|ควบคุม\S{0,6})แล้ว|เลิก(?:ตี)?กัน(?:ไป)?แล้ว|เลิกไปแล้ว|แยกย้าย(?:กัน)?(?:ไป)?แล้ว"
    ),
    # the power cut off by the linesmen; nobody has been shocked ("ยังไม่มีใครโดนดูด")
    Hazard.LIVE_WIRE: re.compile(
        r"(?:มา)?ตัดไฟ(?:ให้)?(?:แล้ว|ออกแล้ว)|ไม่มีไฟ(?:ฟ้า)?(?:ใน\S{0,6})?แล้ว|ไม่มีใคร(?:โดน|ถูก)(?:ไฟ)?(?:ดูด|ช็อต|ช็อก)|"
        # sparks that went out by themselves and burnt nothing
        r"ดับเองแล้ว|ไม่มีอะไร(?:ไหม้|เสียหาย)"
    ),
    # earth that has stopped sliding ("ตอนนี้ดินหยุดไหลแล้ว"): what it left is an obstruction
    Hazard.COLLAPSE: re.compile(
        r"(?:ดิน|โคลน|หิน)\S{0,10}หยุด(?:ไหล|สไลด์|เลื่อน|ถล่ม|ทรุด)?(?:ลง)?(?:ไป)?\s?แล้ว"
    ),
    Hazard.GAS_LEAK: re.compile(
        r"ปิดวาล์ว(?:ได้)?แล้ว(?!\S{0,6}ยัง)|ไม่มีกลิ่นแล้ว|(?:ตอนนี้|กลิ่น\S{0,8})หาย(?:ไป)?แล้ว"
    ),
}
# A fire said to be out and then to have flared up again: "ตอนนั้นบอกว่าดับแล้ว แต่ตอนนี้มันปะทุขึ้นมาใหม่".
_REKINDLED = re.compile(
    r"(?:ปะทุ|ลุก|ไหม้|ติดไฟ)\S{0,10}(?:ใหม่|อีก(?:ครั้ง|รอบ))|กลับมา(?:ลุก|ไหม้|ปะทุ)|\bflared up again\b"
)


def said_over(hazard: Hazard, lowered: str) -> bool:
    """Whether the message says the danger is over (`OVER`), and not that it came back after."""
    over = OVER.get(hazard)
    found = over.search(lowered) if over is not None else None
    if found is None:
        return False
    return not (hazard is Hazard.FIRE and _REKINDLED.search(lowered, found.end()))


# A denial of injuries removes every injury cue.
_DENIED_INJURY = re.compile(
    r"ไม่มี(?:คน|ผู้)?(?:ได้รับ)?(?:บาด)?เจ็บ|ไม่มีใคร(?:บาด)?เจ็บ|ไม่มีผู้เสียชีวิต|ไม่มีคนตาย|ไม่(?:ได้)?(?:บาด)?เจ็บ|"
    # "it hit nobody", also in Isan and Northern: "ยังบ่ถูกไผ", "ไม่โดนใคร"
    r"(?:ไม่|บ่|ยังไม่|ยังบ่)(?:ได้)?(?:โดน|ถูก|ทับ|ใส่)(?:ใคร|ไผ|คน)|"
    r"\bno(?:body| one)? (?:was |is )?(?:injured|hurt)\b",
)
# Nothing and nobody under what fell or slid ("ไม่มีรถติดอยู่", "ไม่มีบ้านโดนทับ").
_NOTHING_UNDER = re.compile(r"(?:ไม่|บ่)มี(?:รถ|คน|ใคร|ไผ|บ้าน)\S{0,6}(?:ติด|โดน|ถูก|ทับ|อยู่ใต้|อยู่ข้างใต้)")
# A death told to ask about its paperwork ("พ่อเสียชีวิตแล้ว ต้องไปแจ้งยกเลิกเบี้ยผู้สูงอายุที่ไหน"):
# it is over, and what follows is an errand.
_DEATH_PAPERWORK = re.compile(
    r"(?:เสียชีวิต|ตาย|เสีย)(?:ไป)?(?:แล้ว|ตั้งแต่|เมื่อ)[^\n]{0,80}?"
    r"(?:ยกเลิก|ตัดสิทธิ|เบี้ย|มรณบัตร|ใบมรณ|แจ้งตาย|ทำศพ|ฌาปนกิจ|มรดก|โอนสิทธิ|บำนาญ|ประกันสังคม|"
    r"สวัสดิการ|เงินช่วยเหลือ|บัญชี|ทะเบียนบ้าน|จำหน่ายชื่อ|ย้ายชื่อ)"
)
# An injury already cared for: the person is in hospital or has seen a doctor, or it is slight.
_CARED_FOR = re.compile(
    r"(?:อยู่|เข้า|นอน)\s?(?:โรงพยาบาล|โรงบาล|รพ\.?)|(?:ไป|พา\S{0,10}ไป|ส่ง)\s?(?:หาหมอ|โรงพยาบาล|โรงบาล|รพ\.?|ฉีดยา)"
    r"\S{0,8}แล้ว|(?:ได้|หมอ|พยาบาล)\s?ฉีดยา\S{0,6}แล้ว|ใส่เฝือก|เข้าเฝือก|(?:ฉีด|ให้)(?:วัคซีน|เซรุ่ม)\S{0,6}แล้ว|(?:เจ็บ|แผล)เล็กน้อย"
)


def denied(hazard: Hazard, lowered: str, still: bool) -> bool:
    """A denial of injuries removes every injury cue, and a fall that hurt nobody ("ต้นไม้ล้ม
    ขวางถนน ไม่มีใครเจ็บ") or with nothing under it ("ไม่มีรถติดอยู่") is over unless the message
    says it is still going on; so is an injury already cared for ("ตอนนี้อยู่โรงพยาบาล",
    "ไปฉีดยาแล้ว", "เจ็บเล็กน้อย") and a death told to ask about its paperwork."""
    if hazard is Hazard.INJURED and (
        _CARED_FOR.search(lowered) or _DEATH_PAPERWORK.search(lowered)
    ):
        return True  # even if something else goes on ("…ฉีดวัคซีนแล้ว แต่หมายังวนอยู่")
    if hazard is Hazard.COLLAPSE and not still and _NOTHING_UNDER.search(lowered):
        return True
    if hazard is Hazard.INJURED or (hazard is Hazard.COLLAPSE and not still):
        return _DENIED_INJURY.search(lowered) is not None
    return False
