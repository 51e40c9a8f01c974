"""Names in a list of neighbours, each after a kinship word and parted by commas: "ลุงหนู, ป้านวล,
น้าเขียว กับอีกหลายบ้าน…" (since round 10).

A kinship word before a common word is usually no name ("ลุงแก่", "ป้าขายของ"), and หนู is also
the speaker ("ช่วยหนูด้วย"); but a list of people each told by a kinship word and one word, parted
by commas, lists who they are. Each word of the list is a name unless it says what kind of
person, what they are like or which one ("ลุงแก่, ป้าข้างบ้าน", "พี่ชาย, น้องสาว" stay), and the
list must hold two such names at least.

Since t39, also a row parted by single spaces ("ยายมี ยายมา สองพี่น้อง…", "แม่ใหญ่คำ พ่อใหญ่สี",
"ป้าเล็ก ลุงใหญ่ ยายหอม", "อีจ๋า อีแก้ว แม่ค้า…"), where the Isan elders' words and the rude อี
count too: there a word that could also end a name or describe ("มา", "ใหญ่", "เล็ก") is a name
when another of the row is one by the rule above, since people are not listed by a row of
adjectives; a row of such words alone ("ป้าแก่ ลุงแก่", "ตาแดง ตาบวม") names no one."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_context import KIN_PATTERN
from nlp.personal_data.kin_deeds import _DESCRIBES
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _PARTICLES, _word_set
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS, _PRONOUNS, _THINGS_TOO
from nlp.personal_data.triggers import finditer, trigger
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

_ITEM = rf"(?:{KIN_PATTERN})[ก-๙]{{2,8}}"
_LIST = re.compile(rf"(?<![ก-๙]){_ITEM}(?: ?, ?{_ITEM})+(?![ก-๙])")
_ONE = re.compile(rf"(?P<kin>{KIN_PATTERN})(?P<name>[ก-๙]{{2,8}})")
_ROW_ADDRESS = rf"(?:{KIN_PATTERN}|แม่ใหญ่|พ่อใหญ่|แม่เฒ่า|พ่อเฒ่า|อี(?!ก|เมล|สาน|ยู))"
_ROW_ITEM = rf"{_ROW_ADDRESS}[ก-๙]{{2,8}}"
_ROW = trigger("kin_row", rf"(?<![^\s(\"“]){_ROW_ITEM}(?: {_ROW_ITEM})+(?![ก-๙])")
# Words that carry a sentence on, never a nickname: "ป้าเล็กน้อย ลุงก็…" is no row.
_GRAMMAR = _word_set("ก็ ไม่ จะ ได้ แล้ว ยัง ที่ ว่า และ กับ หรือ ซึ่ง คือ เป็น อยู่ ไป ให้ ต้อง ควร เคย ก็ได้ นี้ นั้น")
_NOT_ALONE_IN_ROWS = _THINGS_TOO | {"ตา"}
_ONE_IN_ROW = re.compile(rf"(?P<kin>{_ROW_ADDRESS})(?P<name>[ก-๙]{{2,8}})")
_FEWEST = 2
_ALSO_NICKNAMES = frozenset({"หนู"})  # a pronoun that is a common nickname too


def kin_lists(text: str) -> list[_Span]:
    """The names of a comma-parted list of kinship words and names."""
    found: list[_Span] = []
    if "," not in text:
        return _rows(text) if " " in text else []
    for m in _LIST.finditer(text):
        names: list[_Span] = []
        for part in _PART.finditer(text, m.start(), m.end()):
            one = _ONE.fullmatch(part.group())
            if one is None or not _may_be_a_name(one.group("name")):
                break
            names.append((part.start() + one.start("name"), part.end()))
        else:
            if len(names) >= _FEWEST:
                found += names
    return found + _rows(text)


def _rows(text: str) -> list[_Span]:
    """The names of a row of kinship words and names parted by single spaces: every word one
    piece or a name, and one at least a listed given name or nickname (เล็ก too: "ป้าเล็ก
    ลุงใหญ่ ยายหอม") or a name by `_may_be_a_name` that is no verb. A row of ตา alone is eyes ("ตาแดง ตาบวม"), of น้อง or พี่ alone may be things or pets
    ("น้องโซดา น้องน้ำแข็ง")."""
    found: list[_Span] = []
    lists = _name_lists()
    for m in finditer("kin_row", text):
        names: list[_Span] = []
        sure = 0
        kin: set[str] = set()
        for part in _PART.finditer(text, m.start(), m.end()):
            one = _ONE_IN_ROW.fullmatch(part.group())
            if one is None:
                break
            word = one.group("name")
            kin.add(one.group("kin"))
            if not _kin_cut_off(part.group(), len(one.group("kin"))):
                break  # "อาทิตย์", "ตามถนน": a word, not a kinship word and a name
            if (
                word in lists.nicknames
                or word in lists.first
                or (_may_be_a_name(word) and word not in ud_verbs())
            ):
                sure += 1
            elif len(segment(word)) != 1 or word in _PARTICLES or word in _GRAMMAR:
                break
            names.append((part.start() + one.start("name"), part.end()))
        else:
            if sure and len(names) >= _FEWEST and not kin <= _NOT_ALONE_IN_ROWS:
                found += names
    return found


_PART = re.compile(r"[^, ]+")


def _kin_cut_off(item: str, kin_length: int) -> bool:
    """Whether the tokeniser cuts `item` where its kinship word ends."""
    at = 0
    for piece in segment(item):
        at += len(piece)
        if at >= kin_length:
            return at == kin_length
    return False


def _may_be_a_name(word: str) -> bool:
    """No function word, particle or word that ends a name; nothing that says what kind of
    person, what they are like or which one; not a phrase that goes on after a verb."""
    lists = _name_lists()
    pieces = segment(word)
    first = pieces[0]
    return not (
        first in _FUNCTION_WORDS
        or first in _PARTICLES
        # a pronoun is a name here: "ลุงหนู," is no one speaking
        or (first in _AFTER_NAME and word not in lists.nicknames and first not in _PRONOUNS)
        # ... when it is also a nickname (หนู), not "ลุงมัน, ป้ามัน" or "พี่เขา, น้องเขา"
        or (first in _PRONOUNS and word not in lists.nicknames and word not in _ALSO_NICKNAMES)
        or word in _DESCRIBES
        or first in _DESCRIBES
        or word.startswith(_NOT_NICKNAME_STARTS)
        or (word in lists.adjectives and word not in lists.nicknames)
        or any(p in lists.predicates for p in pieces)
    )
