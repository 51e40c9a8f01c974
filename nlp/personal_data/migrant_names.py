"""Migrants' names given away by their people or their papers (since round 14): "สมาชิกเก่า
โสภัณชาวกัมพูชาในกลุ่ม…", "บัตรชมพูของมินมินทุน เลข …".

A Khmer, Burmese or Lao name is on no list and the tokeniser cuts it into syllables (โส|ภัณ,
มิ|น|มิ|น|ทุน); `foreign_name_lists` reads such names after ชื่อ. Two more places say a name
stands there:
* right before ชาว and a people ("โสภัณชาวกัมพูชา"): the word before says who, and a word for a
  kind of person is a dictionary word ("แรงงานชาวกัมพูชา", "นักท่องเที่ยวชาวจีน" stay); the
  name is the syllables after the last dictionary word of three letters or more;
* right after a migrant's paper and ของ ("บัตรชมพูของมินมินทุน", "พาสปอร์ตของ…"): whose paper it
  is, a run of Thai letters up to a space or a mark; "ของลูกจ้าง", "ของแรงงานพม่า" stay.
Either must be a listed name or a word no dictionary has that is no phrase (`foreign_name_lists`).
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Cut, _Span
from nlp.personal_data.foreign_name_lists import _may_be_name
from nlp.personal_data.name_lists import _name_lists, listed_name
from nlp.personal_data.triggers import finditer, trigger

_PEOPLES = "กัมพูชา|เขมร|พม่า|เมียนมา|เมียนมาร์|ลาว|เวียดนาม|มอญ|ไทใหญ่|กะเหรี่ยง|ม้ง|อาข่า|ลาหู่|ลีซอ|โรฮิงญา"
# Looked for only in texts that hold ชาว (the paper words below are rare: a trigger).
_BEFORE_PEOPLE = re.compile(rf"(?<=[ก-๙])ชาว(?:{_PEOPLES})")
_PAPERS = (
    "บัตรชมพู|บัตรสีชมพู|พาสปอร์ต|หนังสือเดินทาง|ใบอนุญาตทำงาน|ใบอนุญาตทํางาน|วีซ่า|เวิร์คเพอร์มิต"
    "|บัตรแรงงาน|บัตรต่างด้าว"
)
_PAPER_OWNER = trigger(
    "paper_owner", rf"(?:{_PAPERS})(?:เลข[ก-๙]{{0,6}})? ?ของ ?(?P<name>[ก-๙]{{3,16}})(?![ก-๙])"
)
_LONG_WORD = 3
_LONGEST = 16


def migrant_names(text: str) -> list[_Span]:
    """Names before ชาว and a people, and after a migrant's paper and ของ."""
    found: list[_Span] = []
    if "ของ" not in text and "ชาว" not in text:
        return found
    lists = _name_lists()
    for m in finditer("paper_owner", text):
        name = m.group("name")
        if listed_name(name, lists) or _may_be_name(name, lists, second=False):
            found.append(m.span("name"))
    people = list(_BEFORE_PEOPLE.finditer(text)) if "ชาว" in text else []
    if people:
        cut = _Cut.of(text)
        for m in people:
            span = _name_before(cut, m.start())
            if span is not None:
                found.append(span)
    return found


def _name_before(cut: _Cut, at: int) -> _Span | None:
    """The syllables right before `at` back to the last dictionary word of three letters or more
    (or the start of the run of Thai letters), when they make a name."""
    j = cut.starts.get(at)
    if j is None:
        return None
    lists = _name_lists()
    k = j
    while k > 0:
        token, start, _ = cut.tokens[k - 1]
        if not re.fullmatch("[ก-๙]+", token) or (len(token) >= _LONG_WORD and token in lists.words):
            break
        k -= 1
    if k == j:
        return None
    start = cut.tokens[k][1]
    name = cut.text[start:at]
    if len(name) > _LONGEST:
        return None
    if listed_name(name, lists) or _may_be_name(name, lists, second=False):
        return start, at
    return None
