"""A name that is really the start of the problem: "บ้านป้าน้ำไม่ไหล" is auntie's house where the
water does not run, "ร้านป้าไฟไหม้" auntie's shop on fire, "บ้านป้าน้อยน้ำไม่ไหล" auntie Noi's
house without water. Water and power are common nicknames (น้ำ, ไฟ) and the finders after a
kinship word take them; where the word and what follows are a problem with the water or the
power, the name stops before it, or is no name at all. Masking the problem would hide from
everyone but the agency what the report is about."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

_PROBLEM = re.compile(
    r"(?:น้ำ(?:ประปา)?|ไฟ(?:ฟ้า)?)\s?(?:ก็|ยัง)?(?:(?:ไม่|บ่)?\s?"
    r"(?:ไหล|ท่วม|ดับ|ไหม้|รั่ว|ขัง|เน่า|ตก|ลุก|ช็อต|แรง|อ่อน|ขุ่น|เหม็น|แตก)"
    # since round 12: none at all ("บ้านป้าน้ำไม่มี", "ไฟไม่เข้า"; not "ป้าน้ำไม่มีเงิน")
    r"|(?:ไม่|บ่)\s?(?:มีใช้|พอใช้|เข้า|มี(?=$|[^ก-๙]|เลย|มา|ตั้งแต่|หลาย|[0-9๐-๙])))"
)


def without_problem_words(text: str, found: list[PersonalDataSpan]) -> list[PersonalDataSpan]:
    """`found` with each name cut short where a problem with the water or the power starts in
    it (and dropped when it starts there)."""
    kept = []
    for span in found:
        if span.kind is PersonalDataKind.PERSON_NAME and ("น้ำ" in text or "ไฟ" in text):
            for at in range(span.start, span.end):
                if text[at] in "นไ" and _PROBLEM.match(text, at):
                    span = PersonalDataSpan(span.kind, span.start, at)
                    break
            if span.end <= span.start:
                continue
        kept.append(span)
    return kept
