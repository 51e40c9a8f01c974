"""Full names with no title: a given name and a family name the lists both know, written as
Thais write them, one space between ("คนที่แจ้งคือวีระ ใจเย็น ครับ", "ขอบคุณค่ะ มณีรัตน์ ศรีบุญ",
"ฝาก อนุชา ทองดี ด้วยนะ").

Both halves must be listed (a given name that is mostly a common word does not count), the family
name must be a whole word (the Thai letters up to the next space or sign), and the given name must
start a word: after a space or a sign, or after a word that a name follows (คือ, จาก, โดย, ฝาก,
บอก …). So the end of one word and the start of the next are not taken for a name ("ชัดเจน
กรุณา", "ถนนวัชรพล เสียงดัง", "พหลโยธิน วงเวียน"), nor a place's name.
"""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _is_thai
from nlp.personal_data.name_lists import _name_lists

# Words a full name may be glued to: "คือวีระ ใจเย็น", "ฝากบอกประภาพร แก้วใส".
_BEFORE_NAME = ("คือ", "จาก", "โดย", "ฝาก", "บอก", "ถึง", "กับ", "และ", "ของ", "เรียน", "ผม", "ดิฉัน")
_SHORTEST_GIVEN = 3
# A Thai word (no ๆ or ฯ) after a Thai letter and one space: the family name's place. The space
# comes first and the Thai letter is checked behind it, so `re` scans for spaces (a lookbehind
# first made it try every place of the text).
_WORD_AFTER_SPACE = re.compile(
    " (?<=[\u0e01-\u0e4e] )([\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]{2,})"
)


def full_names(text: str) -> list[PersonalDataSpan]:
    """Given and family names the lists know, one space apart, the given name starting a word."""
    lists = _name_lists()
    found = []
    for m in _WORD_AFTER_SPACE.finditer(text):
        family = m.group(1)
        if family not in lists.family:
            continue
        places = Gazetteer.load().forms
        space = m.start()
        start = _given_name_start(text, space, lists.first, lists.common)
        if start is None or family in places or text[start:space] in places:
            continue
        found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, m.end()))
    return found


def _given_name_start(
    text: str, end: int, first: frozenset[str], common: frozenset[str]
) -> int | None:
    """Where a listed given name ending at `end` starts, if it starts a word there."""
    run_start = end
    while run_start > 0 and _is_thai(text[run_start - 1]) and text[run_start - 1] not in "ๆฯ":
        run_start -= 1
    for start in range(run_start, end - _SHORTEST_GIVEN + 1):
        name = text[start:end]
        before = text[run_start:start]
        if name in first and name not in common and (not before or before.endswith(_BEFORE_NAME)):
            return start
    return None
