"""Names right after a word for a relative or a partner (since round 12): a listed given name
glued on ("พี่สาววิไลวรรณโดนสามีทำร้าย", "ลูกชายอนุชาไม่กลับบ้าน"), and any nickname set off by
spaces between the relation and the child's age or school year ("น้องชายผม ต้อม อายุ 12 จมน้ำ",
"ลูกสาว ข้าวหอม 5 ขวบ หายไป").

พี่สาว, น้องชาย, ลูกสาว … are no role words (the role rules read พี่ and น้อง), so nothing read
the name after them. Glued on, only a given name the lists know that is not mostly a common word
counts, and the relation and the name must be words of the tokeniser's own ("ลูกสาวสมศรี" but
not "พี่สาวสวย", "ลูกชายคนโต"); set off by spaces, any one word that may be a nickname and is no
time ("ตอนนี้"), but only before an age or a class, which says a person was just named.
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Cut, _Span
from nlp.personal_data.kin_deeds import _nickname_like
from nlp.personal_data.name_lists import _longest_listed, _name_lists, listed_name
from nlp.personal_data.triggers import search, trigger

_RELATIONS = r"(?:พี่|น้อง|ลูก|หลาน)(?:สาว|ชาย)|ลูกเขย|ลูกสะใภ้|สามี|ภรรยา|แฟน|เพื่อนสนิท"
_WHOSE = r"(?:ของ)?(?:ผม|ฉัน|ดิฉัน|หนู|เรา|กระผม)?"
# Not แฟน glued on: "แฟนบอย", "แฟนบอล" are fans.
_GLUED = re.compile(rf"(?:{_RELATIONS})(?<!แฟน){_WHOSE}(?=[ก-๙])")
_SPACED = re.compile(
    rf"(?:{_RELATIONS}){_WHOSE} (?P<name>[ก-๙]{{2,10}}) "
    r"(?=อายุ|[0-9๐-๙]{1,2} ?(?:ขวบ|ปี)|(?:เรียน|อยู่)?(?:ชั้น|ป\.|ม\.|อนุบาล))"
)
# When, not who, between the relation and the age ("พี่ชายผม ตอนนี้ อายุ 40").
_NOT_NAMES = ("ตอน", "เมื่อ", "วัน", "ปี", "เดือน", "ตั้งแต่", "ปัจจุบัน", "ขณะ", "ทุก", "เพิ่ง", "อายุ")
_TRIGGER = trigger("relation", _RELATIONS)


def relation_names(text: str) -> list[_Span]:
    """Names after a word for a relative or a partner."""
    if search("relation", text) is None:
        return []
    lists = _name_lists()
    found: list[_Span] = []
    cut: _Cut | None = None
    for m in _GLUED.finditer(text):
        end = max(
            _longest_listed(text, m.end(), lists.first, lists.longest),
            _longest_listed(text, m.end(), lists.nicknames, lists.longest),
        )
        if end == m.end() or not listed_name(text[m.end() : end], lists):
            continue
        cut = cut or _Cut.of(text)
        if m.start() in cut.starts and m.end() in cut.starts and end in cut.boundaries:
            found.append((m.end(), end))
    for m in _SPACED.finditer(text):
        name = m.group("name")
        if _nickname_like(name, lists) and not name.startswith(_NOT_NAMES):
            found.append(m.span("name"))
    return found
