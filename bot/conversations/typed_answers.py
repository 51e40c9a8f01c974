"""Words typed where a button was offered: "ใช่", "ถูกแล้ว", "ไม่ใช่ค่ะ", "เปลี่ยนที่". People
answer a yes/no card in words as often as they tap, and a reply like that is an answer, never
more detail about the problem. Only a whole message counts (after polite endings and a leading
"เอ้ย"), so "รถจอดผิดที่" is still a report's text; a change of mind may also give its reason
("เอ้ย ไม่เอาแล้วค่ะ เดี๋ยวมันก็ลด"), unless it goes on with "แต่" (but)."""

from __future__ import annotations

import re
from enum import StrEnum


class Typed(StrEnum):
    CANCEL = "cancel"  # "ไม่เอาแล้ว", "ไม่แจ้งแล้ว": the citizen changed their mind
    YES = "yes"
    NO = "no"
    PLACE = "place"  # change the place
    CATEGORY = "category"
    KIND = "kind"
    TEXT = "text"


_POLITE = r"(?:ค่ะ|คะ|ค่า|คับ|ครับ|ครัช|จ้า|จ้ะ|จ่ะ|นะ|น้า|ฮะ|เด้อ|เจ้า|เลย|แล้ว|เถอะ|เถอะค่ะ)"
_LEAD = r"(?:เอ้ย|เอ่อ|อ่า|อืม|อ๋อ|อ่อ|โอ้ย|ขอ|อยาก|ช่วย)"
_TAIL = r"(?:หน่อย|ด้วย|ที|ให้|ใหม่)"
_WORDS: dict[Typed, str] = {
    Typed.CANCEL: (
        r"ไม่เอาแล้ว|ไม่แจ้งแล้ว|ไม่ส่งแล้ว|ไม่ต้องแล้ว|ไม่ต้องส่ง|ไม่ต้องแจ้ง|เปลี่ยนใจ|ช่างมัน"
        r"|ไม่เป็นไร|ยกเลิกเถอะ|never ?mind|forget it|don't send"
    ),
    Typed.YES: (
        r"ใช่|ถูก|ถูกต้อง|ตามนี้|โอเค|โอเช|ok|okay|โอ|ได้|ตกลง|ยืนยัน|ส่ง|ส่งได้|ส่งไป"
        r"|อยาก|สนใจ|รับ|เอา|ดี|ดีเลย"
        r"|ยอม|ยินยอม|ยอมรับ|yes|yep|y|correct|right|send|accept|confirm|👍|🙆|✅"
    ),
    Typed.NO: (
        r"ไม่|ไม่ใช่|ไม่ถูก|ไม่ถูกต้อง|ผิด|ผิดนะ|ไม่ตรง|ไม่ยอม|ไม่ยอมรับ|ไม่ยินยอม|ไม่เอา|ไม่ตกลง"
        r"|ยังไม่ถูก|ไม่สนใจ|ไม่รับ|ไม่ดีกว่า|no|nope|n|no thanks|wrong|not right|decline|❌|👎"
    ),
    Typed.PLACE: (
        r"(?:เปลี่ยน|แก้)(?:สถาน)?ที่(?:อยู่)?|(?:สถาน)?ที่(?:อยู่)?ผิด|ผิดที่|สถานที่|ที่อยู่"
        r"|change (?:the )?place|wrong place|change (?:the )?location|wrong location"
    ),
    Typed.CATEGORY: (
        r"(?:เปลี่ยน|แก้)หมวด(?:หมู่)?|หมวด(?:หมู่)?ผิด|ผิดหมวด|หมวด(?:หมู่)?"
        r"|change (?:the )?category|wrong category"
    ),
    Typed.KIND: r"(?:เปลี่ยน|แก้)ประเภท|ประเภทผิด|ประเภท|change (?:the )?kind|wrong kind",
    Typed.TEXT: (r"(?:เปลี่ยน|แก้)ข้อความ|ข้อความ|พิมพ์ใหม่|เขียนใหม่|change (?:the )?text|rewrite"),
}
_SEPARATORS = r"[\sๆ,.!?~。]*"
_PATTERNS = {
    meaning: re.compile(
        rf"^{_SEPARATORS}(?:{_LEAD}\s*)?(?:(?:{words})\s*{_TAIL}?\s*(?:{_POLITE}\s*)*"
        rf"{_SEPARATORS})+$",
        re.IGNORECASE,
    )
    for meaning, words in _WORDS.items()
}
# A whole message of yes or no words is at most this long ("ใช่ค่ะ ถูกต้องแล้วค่ะ").
_LONGEST = 40
# A change of mind and its reason, in one message: "ไม่เอาแล้วค่ะ เดี๋ยวมันก็ลด". Not when the
# message goes on with more to report ("ไม่เป็นไร แต่ถนนตรงนี้ก็พังด้วย").
_CANCEL_WITH_REASON = re.compile(
    rf"^{_SEPARATORS}(?:{_LEAD}\s*)?(?:{_WORDS[Typed.CANCEL]})\s*(?:{_POLITE}\s*)*[\s,.!~]+\S",
    re.IGNORECASE,
)
_GOES_ON = re.compile(r"แต่|\bbut\b", re.IGNORECASE)
_LONGEST_REASON = 80


def read(message: str) -> Typed | None:
    """What a short typed answer means, or None when it is anything else. Changing one's mind
    wins over an edit word, and an edit word over yes/no ("ไม่ใช่ เปลี่ยนที่" is not a no)."""
    words = message.strip()
    if (
        len(words) <= _LONGEST_REASON
        and _CANCEL_WITH_REASON.match(words)
        and not _GOES_ON.search(words)
    ):
        return Typed.CANCEL
    if not words or len(words) > _LONGEST:
        return None
    order = (Typed.CANCEL, Typed.PLACE, Typed.CATEGORY, Typed.KIND, Typed.TEXT, Typed.NO, Typed.YES)
    for meaning in order:
        if _PATTERNS[meaning].match(words):
            return meaning
    return _mixed(words)


def _longest_first(alternatives: str) -> str:
    return "|".join(sorted(alternatives.split("|"), key=len, reverse=True))


def _mixed(words: str) -> Typed | None:
    """ "ไม่ใช่ค่ะ เปลี่ยนที่": a no followed by what to change."""
    no = re.match(
        rf"^(?:{_longest_first(_WORDS[Typed.NO])})\s*(?:{_POLITE}\s*)*{_SEPARATORS}", words, re.I
    )
    if no is None or no.end() == len(words):
        return None
    rest = read(words[no.end() :])
    return rest if rest in (Typed.PLACE, Typed.CATEGORY, Typed.KIND, Typed.TEXT) else None
