"""How soon someone must act: high for danger to life or property now, low for non-complaints.

High means something is happening now that can hurt people or property: live wires down or
sparking, a fire, flooding that is rising, an accident with people hurt, a structure that has
collapsed or is falling, a gas leak, someone trapped or drowning. Explicit rules, not a model:
there is no labelled urgency data, the cost of a miss is high, and officials must be able to see
why a message was marked urgent (``urgency_evidence`` returns the words that decided it).

A danger word inside a hypothetical ("กลัวไฟไหม้", "ถ้าน้ำท่วม", "เสี่ยงเกิดอุบัติเหตุ") or a
denial ("ไม่มีคนเจ็บ") does not count, nor a recurring risk ("อุบัติเหตุบ่อย") that is not
happening now. Praise, suggestions, questions and opinions are low; other complaints normal.
"""

from __future__ import annotations

import re

from nlp.analysis import Intent, Urgency
from nlp.normalise import normalise
from nlp.text_model import TextInput

_DANGER_NOW = re.compile(
    "|".join(
        (
            # live wires and electrical danger
            r"สายไฟ(?:ฟ้า)?(?:แรงสูง)?\s?(?:ขาด|หล่น|ตกลง|ตกพื้น|ลงมา|ห้อยลง(?:มา)?(?:ถึง|ติด|จรด)\s?พื้น|พาด(?:พื้น|ถนน|บนรถ|อยู่บน)|ช็อต|ชอต|ลุก|ไหม้|มีประกายไฟ|มีไฟแลบ|ระเบิด)",
            r"ไฟ(?:ฟ้า)?\s?(?:ช็อต|ชอต|ดูด|รั่วลง|แลบ)",
            r"ประกายไฟ",
            r"หม้อแปลง(?:ไฟฟ้า)?\s?(?:ระเบิด|ไฟไหม้|ไหม้|มีควัน|ลุก)",
            r"เสาไฟ(?:ฟ้า)?\s?(?:ล้ม|หัก|โค่น|จะล้ม|เอียงจะล้ม)",
            # fire, gas and explosions
            r"ไฟไหม้|เพลิงไหม้|ไฟลุก|ลุกไหม้|ไฟกำลังไหม้|ไหม้บ้าน|ควันไฟ",
            r"(?:แก๊ส|ก๊าซ)\s?รั่ว|ระเบิด",
            # accidents and people hurt
            r"รถ(?:\S{0,12})?ชน|ชนกัน|ถูกชน|โดนชน|คว่ำ|อุบัติเหตุ(?!\s?(?:บ่อย|ประจำ|ซ้ำ|หลายครั้ง))",
            r"(?:มี)?(?:คน|ผู้)(?:บาด)?เจ็บ|บาดเจ็บ|เสียชีวิต|ตายคาที่|หมดสติ|เลือดออก",
            r"จมน้ำ|ตกน้ำ|ติดอยู่(?:ใน|บน)|ออกมาไม่ได้|ช่วยด้วย|ขอความช่วยเหลือด่วน",
            # flooding that is rising now
            r"น้ำ(?:ท่วม)?\s?(?:ขึ้น|เพิ่ม|สูงขึ้น)\s?(?:เรื่อยๆ|เร็ว|ไม่หยุด|อย่างรวดเร็ว)",
            r"ระดับน้ำ(?:ใน\S{0,10})?\s?(?:เพิ่ม|สูง)ขึ้น",
            r"(?:น้ำ)?ท่วม(?:สูง)?\s?(?:ถึง|มิด)\s?(?:เอว|อก|หน้าอก|คอ|หลังคา|หัว)",
            r"น้ำทะลัก|น้ำล้นเข้า|(?:เขื่อน|คันกั้นน้ำ|ทำนบ|พนัง\S{0,6})\s?(?:แตก|พัง|ขาด)",
            # structures collapsing or falling
            r"ถล่ม|พังลงมา|หล่นลงมา|ร่วงลงมา|ล้มทับ|ล้มขวาง|หักโค่น|โค่นล้ม|ล้มลงมา|กำลังจะล้ม|จะถล่ม",
            r"(?:ถนน|สะพาน|ดิน|ตลิ่ง)\s?(?:ยุบ|ทรุด)\s?(?:ตัว)?\s?(?:เป็นหลุม)?\s?(?:ใหญ่|ลึก|ลงไป|กะทันหัน)",
        )
    )
)
# Words before a danger word that make it a fear or a possibility rather than a fact.
_HYPOTHETICAL = re.compile(
    r"(?:ถ้า|หาก|กลัว|เกรง|อาจ|เสี่ยง|ป้องกัน|ระวัง|เผื่อ|ก่อนที่จะ|ก่อนจะ|ไม่อยากให้|ไม่มี|ไม่ได้|ยังไม่|โอกาส)\S{0,14}$"
)
_DENIED = re.compile(r"ไม่มี(?:คน|ผู้)?(?:ได้รับ)?บาดเจ็บ|ไม่มีใครเจ็บ|ไม่มีคนเจ็บ|ไม่มีผู้เสียชีวิต")
_NOT_URGENT_INTENTS = {Intent.PRAISE, Intent.SUGGESTION, Intent.QUESTION, Intent.OPINION}


def urgency_evidence(text: str | TextInput) -> list[str]:
    """The words that show danger now (empty when there are none)."""
    text = _DENIED.sub(" ", text.text if isinstance(text, TextInput) else normalise(text))
    found: list[str] = []
    for match in _DANGER_NOW.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if not _HYPOTHETICAL.search(before):
            found.append(match.group(0))
    return found


def detect_urgency(
    text: str | TextInput, category: str | None = None, intent: Intent | None = None
) -> Urgency:
    """High for danger now; low for praise, suggestions, questions and opinions; else normal.

    ``category`` is accepted for callers that have it; the decision rests on the words, because
    every category can be urgent (a fallen tree, a bridge that gave way, a flooded home).
    A ``TextInput`` (already normalised) is not normalised again.
    """
    if urgency_evidence(text):
        return Urgency.HIGH
    if intent in _NOT_URGENT_INTENTS:
        return Urgency.LOW
    return Urgency.NORMAL
