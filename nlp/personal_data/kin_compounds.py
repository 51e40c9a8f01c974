"""Kinship words and the names the dictionary has glued to them, or set apart from them only by
what follows (since round 13).

* A form of address and a name the dictionary keeps as one word for something else: ตาเหลือง
  (jaundiced eyes), ตาแดง, ตาดำ, น้องใหม่ (a freshman), พี่ใหญ่. The tokeniser reads the word,
  so the finders that read a kinship word and a name after it never see one. It is a name where
  it starts a word and right after it comes what only a person is or does, never a symptom: a
  child of the neighbours, an age, a trade told with คน, lying drunk, selling or raising
  something ("ตาเหลืองนอนเมาอยู่ข้างทาง", "น้องใหม่ลูกคนข้างบ้าน"; "ตาเหลือง ตัวเหลือง",
  "ตาแดงปวดหัว" stay).
* A kinship word and a short word that is also a verb (มา, ดี), then a space and the person's
  trade told with คน ("ลุงมา คนเฝ้าประตูน้ำ บอกว่า…"): the trade set off by a space says who the
  word before it was ("ลุงมาแล้ว", "ลุงมาคนเดียว" stay).
"""

from __future__ import annotations

import re
from functools import cache

from nlp.personal_data.cut import _Cut, _is_thai, _Span
from nlp.personal_data.kin_context import KIN, KIN_PATTERN
from nlp.personal_data.kin_lists import _GRAMMAR
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords
from nlp.personal_data.name_words import one_of
from nlp.personal_data.role_names import _PRONOUNS

_PERSON_ONLY_NEXT = re.compile(
    r" ?(?:ลูก(?:คน)?(?:ข้างบ้าน|บ้านข้างๆ|เพื่อนบ้าน|ผู้ใหญ่|กำนัน)|อายุ ?[0-9๐-๙]{1,3}"
    r"|คน(?:ขาย|เฝ้า|ดูแล|ขับ|เก็บ|ส่ง|ซ่อม|ตัด)|นอนเมา|เมา(?:เหล้า|หลับ|ทุกวัน)"
    r"|(?:ข้างบ้าน|บ้านตรงข้าม)(?:ผม|หนู|เรา|ฉัน)? ?(?:เลี้ยง|ขาย|เปิด|จอด|ทิ้ง|เผา)"
    r"|เลี้ยง(?:ไก่|วัว|ควาย|หมู|เป็ด|หมา|แพะ)|ขาย(?:ของ|ข้าว|ผัก|ปลา|หมู|ไก่|ล็อตเตอรี่|หวย))"
)
_TRADE_APART = re.compile(r" (?:คน(?:ขาย|เฝ้า|ดูแล|ขับ|เก็บ|ส่ง|ซ่อม|ตัด|สวน)|ภารโรง|ยาม|รปภ)")
_KIN_AND_WORD = re.compile(rf"(?<![ก-๙])(?:{KIN_PATTERN})(?P<name>[ก-๙]{{2,4}})(?= )")
_WORD_SHORTEST = 2


def kin_compounds(text: str) -> list[_Span]:
    """Names glued into a dictionary word with a kinship word, and names set apart by a trade."""
    found = [m.span("name") for m in _KIN_AND_WORD.finditer(text) if _trade_after(text, m)]
    if _compound_pattern().search(text) is not None:  # most texts hold none: no cut
        found += _compounds(_Cut.of(text), _name_lists())
    return found


# อา starts too many words of its own (อายุ, อาราม, อากร) to be read as a kinship word here.
_NOT_COMPOUND_KIN = frozenset({"อา"})
_COMPOUND_NAME_LONGEST = 6  # the dictionary's compounds hold short names: เหลือง, ใหม่, ทิพย์


@cache
def _compound_pattern() -> re.Pattern[str]:
    """Every dictionary word made of a kinship word and a listed name, as one alternation."""
    lists = _name_lists()
    words = {
        kin + name
        for name in lists.first | lists.nicknames
        for kin in KIN - _NOT_COMPOUND_KIN
        if _WORD_SHORTEST <= len(name) <= _COMPOUND_NAME_LONGEST and kin + name in lists.words
    }
    return re.compile(one_of(frozenset(words)) if words else r"(?!)")


def _trade_after(text: str, m: re.Match[str]) -> bool:
    """A trade told with คน after one space, the name a single word of the tokeniser's."""
    name = m.group("name")
    return (
        _TRADE_APART.match(text, m.end()) is not None
        and name not in _GRAMMAR
        and name not in _PRONOUNS
        and not name.startswith(("คน", "ที่", "ก็", "ข้าง"))
    )


def _compounds(cut: _Cut, lists: _NameLists) -> list[_Span]:
    found = []
    text = cut.text
    for j, (token, start, end) in enumerate(cut.tokens):
        if token not in lists.words or not _kin_and_name(token, lists):
            continue
        starts_word = start == 0 or not _is_thai(text[start - 1])
        before = cut.tokens[j - 1][0] if j else ""
        if not (starts_word or before in _stopwords() or before in _WHEN):
            continue
        if _PERSON_ONLY_NEXT.match(text, end):
            kin = next(k for k in sorted(KIN, key=len, reverse=True) if token.startswith(k))
            found.append((start + len(kin), end))
    return found


_WHEN = frozenset({"ตอนนี้", "เมื่อวาน", "เมื่อคืน", "เมื่อเช้า", "วันนี้"})


def _kin_and_name(token: str, lists: _NameLists) -> bool:
    """A dictionary word made of a kinship word and a listed name (ตา|เหลือง, น้อง|ใหม่)."""
    for kin in KIN:
        rest = token[len(kin) :]
        if (
            token.startswith(kin)
            and len(rest) >= _WORD_SHORTEST
            and (rest in lists.first or rest in lists.nicknames)
        ):
            return True
    return False
