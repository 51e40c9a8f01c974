"""Names in a list of neighbours, each after a kinship word and parted by commas: "ลุงหนู, ป้านวล,
น้าเขียว กับอีกหลายบ้าน…" (since round 10).

A kinship word before a common word is usually no name ("ลุงแก่", "ป้าขายของ"), and หนู is also
the speaker ("ช่วยหนูด้วย"); but a list of people each told by a kinship word and one word, parted
by commas, lists who they are. Each word of the list is a name unless it says what kind of
person, what they are like or which one ("ลุงแก่, ป้าข้างบ้าน", "พี่ชาย, น้องสาว" stay), and the
list must hold two such names at least."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_context import KIN_PATTERN
from nlp.personal_data.kin_deeds import _DESCRIBES
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _PARTICLES
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS, _PRONOUNS
from nlp.tokenise import segment

_ITEM = rf"(?:{KIN_PATTERN})[ก-๙]{{2,8}}"
_LIST = re.compile(rf"(?<![ก-๙]){_ITEM}(?: ?, ?{_ITEM})+(?![ก-๙])")
_ONE = re.compile(rf"(?P<kin>{KIN_PATTERN})(?P<name>[ก-๙]{{2,8}})")
_FEWEST = 2
_ALSO_NICKNAMES = frozenset({"หนู"})  # a pronoun that is a common nickname too


def kin_lists(text: str) -> list[_Span]:
    """The names of a comma-parted list of kinship words and names."""
    if "," not in text:
        return []
    found: list[_Span] = []
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
    return found


_PART = re.compile(r"[^, ]+")


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
