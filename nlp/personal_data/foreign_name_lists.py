"""Migrants' names listed after ชื่อ (since round 13): "คนงานพม่า 3 คน ชื่อ มะขิ่น, เอเอขิ่ง กับ
ซอวิน", "แรงงานกัมพูชาชื่อ สรีย์ มอม กับ โสเพีย จัน", "เพื่อนบ้านเป็นคนพม่าชื่อ มิมิ ลวิน".

Burmese, Khmer and Lao names are on no list and are cut by the tokeniser into syllables that
are often Thai words or stop words (มิ|มิ, เอ|เอ|ขิ่ง, จัน); the finders that read one name
after ชื่อ stop at the first, or do not take it. Here the clause before ชื่อ must speak of people
from abroad (พม่า, กัมพูชา, แรงงาน …); then each name of the list is one or two words parted by a
space, the first no dictionary word (or a listed name), a second a word no dictionary has or a
short word that is no verb, function word or particle ("จัน"); names are parted by a comma, กับ
or และ. The list may start with a name already found ("ชื่อ [found], เอเอขิ่ง กับ ซอวิน"). A
verb or a phrase ends it ("… กับ ซอวิน ค้างมา 2 เดือน").
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _is_thai, _Span
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords, listed_name
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _PARTICLES
from nlp.personal_data.word_classes import reads_as_words, ud_verbs
from nlp.tokenise import segment

_ABROAD = re.compile(
    r"พม่า|เมียนมา|กัมพูชา|เขมร|ลาว|ไทใหญ่|มอญ|เวียดนาม|ต่างด้าว|ต่างชาติ|แรงงาน|คนงาน|ลูกจ้าง"
)
_INTRO = re.compile(r"(?<![เแ])(?<!ราย)(?<!ป้าย)ชื่อ ?(?:(?:นางสาว|นาง|นาย|น\.ส\.) ?)?")
# since round 14 กับ/และ may be glued to the name after it ("ชื่อโสวัน กับสเรย")
_SEP = re.compile(r" ?, ?| (?:กับ|และ) ?")
_WORD = re.compile(r"[ก-ฮเ-ไ][ก-๙]{1,11}")
_BREAK = re.compile(r"\n|[.!?] ")
_WINDOW = 50
_SHORT_WORD = 4
_LONG_PIECE = 3
_SHORT_NAME = 6


def foreign_name_lists(text: str, names: list[_Span]) -> list[_Span]:
    """The names of a list after ชื่อ in a clause about people from abroad; `names` are the
    names already found (a list may start with one)."""
    if "ชื่อ" not in text or _ABROAD.search(text) is None:
        return []
    lists = _name_lists()
    ends: dict[int, int] = {}
    for start, end in names:
        ends[start] = max(end, ends.get(start, end))
    found: list[_Span] = []
    for m in _INTRO.finditer(text):
        clause = _BREAK.split(text[max(0, m.start() - _WINDOW) : m.start()])[-1]
        if _ABROAD.search(clause) is None:
            continue
        at = m.end()
        if at in ends:
            at = ends[at]
        else:
            first = _name_at(text, at, lists)
            if first is None:
                continue
            found.append(first)
            at = first[1]
        while (sep := _SEP.match(text, at)) is not None:
            item = _name_at(text, sep.end(), lists) or _between_names(text, sep.end(), lists)
            if item is None:
                break
            found.append(item)
            at = item[1]
    return found


def _between_names(text: str, at: int, lists: _NameLists) -> _Span | None:
    """Since round 14: a word in the middle of the list, between two commas, when a name
    follows the second: an item of a list is of its neighbours' kind, even one whose syllables
    are words ("ซอวิน, เอเอมิ้น, ทูนละ, นันดาร์": ทูน "to carry on the head")."""
    word = _whole_word(text, at)
    if word is None or _closed_word(word.group(), lists) or word.group() in lists.words:
        return None
    comma = re.compile(r" ?, ?").match(text, word.end())
    if comma is None or _name_at(text, comma.end(), lists) is None:
        return None
    return word.span()


def _name_at(text: str, at: int, lists: _NameLists) -> _Span | None:
    """One or two words from `at` that may be a migrant's name."""
    first = _whole_word(text, at)
    if first is None or not _may_be_name(first.group(), lists, second=False):
        return None
    end = first.end()
    if text[end : end + 1] == " ":
        second = _whole_word(text, end + 1)
        if second is not None and _may_be_name(second.group(), lists, second=True):
            end = second.end()
    return at, end


def _whole_word(text: str, at: int) -> re.Match[str] | None:
    m = _WORD.match(text, at)
    if m is None or (m.end() < len(text) and _is_thai(text[m.end()])):
        return None
    return m


def _may_be_name(word: str, lists: _NameLists, *, second: bool) -> bool:
    """A listed name, a word no dictionary has whose longer pieces are no verb or function
    word, or (a second word) a short word that is none of these."""
    if _closed_word(word, lists):
        return False
    if listed_name(word, lists):
        return True
    if word in lists.words:
        return second and len(word) <= _SHORT_WORD and word not in lists.predicates
    pieces = segment(word)
    # a short name's syllables may be common words (ซอ|วิน); a longer run of them is a phrase
    phrase = len(word) > _SHORT_NAME and reads_as_words(word, lists)
    return not phrase and not any(
        len(p) >= _LONG_PIECE and (_closed_word(p, lists) or p in lists.predicates) for p in pieces
    )


def _closed_word(word: str, lists: _NameLists) -> bool:
    return (
        word in _stopwords()
        or word in _AFTER_NAME
        or word in _FUNCTION_WORDS
        or word in _PARTICLES
        or word in ud_verbs()
    )
