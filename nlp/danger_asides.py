"""A danger's words used in passing, not to report a danger: the checks `nlp.urgency` makes around
one cue before it counts.

* **A joke or an aside**: laughter right after the cue ("โดนไฟดูดกับแฟนใหม่ 555", "หูไฟลุก 555") or
  "ไม่เกี่ยวครับ" (that was beside the point) before the message turns to what it is about.
* **An alarm heard that turned out otherwise**: a cue someone heard, shouted or took a sound for,
  followed by "ที่แท้" or "ปรากฏว่า" ("ลูกตะโกนว่าไฟไหม้บ้าน … ที่แท้ในเกม"). Only a heard cue: a
  fire "that turned out to start from a short circuit" is still a fire.
* **Anger**: "ไฟลุก" after seeing, hearing or talking to someone ("คุยกับเจ้าหน้าที่แล้วไฟลุก",
  "เห็นบิลแล้วไฟลุก"), or after a word for anger ("ด่าจนหูไฟลุก").
* **An idiom**: "ไฟไหม้ฟาง", a straw fire, is zeal that burns out fast ("โครงการนี้ไฟไหม้ฟาง"),
  told with นี่/แบบ/เป็น before it or จริงๆ/อีกแล้ว after it; a fire in the straw of a field is not.
"""

from __future__ import annotations

import re

from nlp.analysis import Hazard

# Laughter (not a number: "บ้านเลขที่ 555", "ซอย 555") or "unrelated", soon after the cue.
_LAUGHTER_OR_ASIDE = re.compile(
    r"[^\n]{0,24}?(?:(?<![\d/])(?<!เลขที่ )(?<!ซอย )(?<!ซ\.)(?<!หมู่ )5{3,}\+?(?![\d/.\-])|(?:ฮ่า|ฮา)\s?ๆ|"
    r"\b(?:lol|lmao|haha+)\b|ไม่เกี่ยว(?:กัน)?\s?(?:ครับ|ค่ะ|คะ|คับ|นะ|จ้า))"
)
_ANGER = r"(?:(?:เห็น|ฟัง|อ่าน|คุย|ได้ยิน|เจอ|ดู)\S{0,30}แล้ว|โมโห|โกรธ|หัวร้อน|จน)\s?(?:หู|หัว)?"
_ANGER_BEFORE = re.compile(_ANGER + "$")
ANGER_IDIOM = re.compile(_ANGER + r"ไฟ\s?ลุก")
_HEARD_BEFORE = re.compile(r"(?:ได้ยิน|ตะโกน|ร้อง(?:ว่า|บอก)|เสียง|นึกว่า)\S{0,12}\s?$")
_TURNED_OUT = re.compile(r"[^\n]{0,60}?(?:ที่แท้|ปรากฏว่า|กลายเป็นว่า|\bturned out\b)")
# A condition after the cue, in languages that put "if" after the verb: Burmese ရင်, Korean
# 나면/되면 ("홍수가 나면", if a flood comes), Japanese たら/なら/の時.
_IF_AFTER = re.compile(r"[^\n]{0,6}?(?:ရင်|လျှင်|나면|되면|오면|있으면|たら|れば|なら|のとき|の時)")
# "ไฟลุก" of a shop: it sells like wildfire ("ร้านนี้ไฟลุกจริง คิวยาวตลอด").
_BUSY_AFTER = re.compile(r"[^\n]{0,30}?(?:คิวยาว|ขายดี|ลูกค้า(?:เยอะ|แน่น)|คนแน่น|คนเยอะ)")
_STRAW_FIRE = re.compile(
    r"(?:นี่|แบบ|เป็น|อย่าง|แค่|คือ|ก็)\s?ไฟไหม้ฟาง|ไฟไหม้ฟาง\s?(?:จริง|อีก|ทุกที|ตลอด|เหมือนเดิม|นะ|ซะ)"
)


def in_passing(text: str, match: re.Match[str], before: str, hazard: Hazard) -> bool:
    """Whether the cue `match` in `text` (lower case; `before` the words leading to it) is a
    joke, an aside, a heard alarm that turned out otherwise, anger, or the straw-fire idiom."""
    if _LAUGHTER_OR_ASIDE.match(text, match.end()):
        return True
    if _HEARD_BEFORE.search(before) and _TURNED_OUT.match(text, match.end()):
        return True
    if _IF_AFTER.match(text, match.end()):
        return True
    if hazard is Hazard.FIRE and match.group(0).strip().startswith("ไฟ"):
        if _ANGER_BEFORE.search(before) or _BUSY_AFTER.match(text, match.end()):
            return True
        around = text[max(0, match.start() - 6) : match.end() + 14]
        return _STRAW_FIRE.search(around) is not None
    return False
