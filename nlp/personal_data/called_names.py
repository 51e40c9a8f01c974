"""A person described first and then called by name with ชื่อ: "ลูกจ้างโรงสีชื่อสุไลมานขับรถ…",
"ยามหมู่บ้านชื่อต่าย ด่า…", "ช่างที่มาซ่อมแอร์ชื่อบอล เรียกเงิน…", "ชาวต่างชาติชื่อ Peter
Brown กับ…", "คนที่ชื่อ "แหวว" ขับ…" (since round 8).

The ชื่อ rule of `titled_names` needs the person's word right before ชื่อ; a message often puts a
workplace or a deed between them. Here any word for a person earlier in the same clause will do
(up to `_WINDOW` letters back, no line break), unless a road, a page, a place or an animal
stands right before ชื่อ ("ซอยชื่อ…", "แมวชื่อส้มโอ") or ชื่อ is part of another word (เชื่อ,
รายชื่อ, ลงชื่อ, ป้ายชื่อ, ตั้งชื่อ). The name is a listed one, a word the dictionary lacks (a
migrant's, a Malay name), a short noun before a space and a verb, any word in quotes, or Latin
words in capitals; and it must end where a
space, a verb or a word that ends a name does."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords, listed_name
from nlp.personal_data.name_words import (
    _AFTER_NAME,
    _FUNCTION_WORDS,
    _NAME_FOLLOWERS,
    _PARTICLES,
    _STRONG_TITLES,
)
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

_CALLED = re.compile(
    r"(?<![เแ])(?<!สมกับ)(?<!ราย)(?<!ลง)(?<!ป้าย)(?<!ตั้ง)(?<!ใส่)(?<!เปลี่ยน)(?<!ระบุ)ชื่อ(?!เสียง|ดัง|ว่า|ร้าน|ถนน|ซอย)"
    r" ?(?P<quote>[\"'“‘]?)"
)
_WINDOW = 40
# A word for a person somewhere before ชื่อ in the clause.
_PERSON = re.compile(
    r"คน|ลูก(?:จ้าง|น้อง|เรือ|ค้า|บ้าน|ชาย|สาว)|รปภ|ยาม|แฟน|ฝรั่ง|ต่างชาติ|ช่าง|แม่ค้า|พ่อค้า|เจ๊|เฮีย"
    r"|พี่|น้อง|ป้า|ลุง|เด็ก|ผู้(?:ชาย|หญิง|รับเหมา)|พนักงาน|เจ้าหน้าที่|จนท|สามี|ภรรยา|เมีย|ผัว"
    r"|เพื่อน|หนุ่ม|สาว|ไรเดอร์|วิน|พยาบาล|หมอ|ครู|ตำรวจ|ทหาร|นักเรียน|นักศึกษา|แรงงาน|เจ้าของ"
    r"|[0-9๐-๙]{3}"  # a phone number before it: "ไลน์ 08… ชื่อจอย"
)
# What right before ชื่อ names a thing or an animal, not a person.
_THING_BEFORE = re.compile(
    r"(?:ซอย|ถนน|วัด|โรงเรียน|หมู่บ้าน|ตลาด|เพจ|กลุ่ม|บริษัท|แอป|เว็บ|โครงการ|คอนโด|(?<!เ)หมา|แมว"
    r"|สุนัข|นก|ม้า|วัว|ควาย|ปลา|ไก่|ยา|(?<!ลูก)เรือ|รถ|ร้าน|โรงแรม|ไลน์|(?P<social>เฟส|เฟซบุ๊ก|ไอจี|IG|FB))"
    r" ?$"
)
# A pet anywhere in the clause: the name is the animal's.
_PET = re.compile(r"(?<!เ)หมา|แมว|สุนัข|กระต่าย|เต่า|ม้า|วัว|ควาย|นกแก้ว")
_BREAK = re.compile(r"\n|[.!?] ")  # not the dot of an abbreviation: "รปภ.ห้างชื่อ…"
_LATIN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?![A-Za-z])")
_QUOTED = re.compile(r"[ก-๙]{2,12}(?=[\"'”’])")
_LETTERS = re.compile(r"[ก-๙]+")
_SHORT_WORD = 6
_LONG_PIECE = 4
_TITLES_AND_KIN = tuple(KIN | _STRONG_TITLES)


def called_names(text: str) -> list[_Span]:
    """Names after ชื่อ in a clause that has told of a person."""
    if "ชื่อ" not in text:
        return []
    found: list[_Span] = []
    for m in _CALLED.finditer(text):
        before = text[max(0, m.start() - _WINDOW) : m.start()]
        clause = _BREAK.split(before)[-1]
        thing = _THING_BEFORE.search(clause)
        if not _PERSON.search(clause) or (thing is not None and not thing.group("social")):
            continue
        if _PET.search(clause):
            continue  # "แมวของป้าชื่อ…": the pet is named
        if thing is not None:  # a person's account: "เฟสชื่อ Somchai Jaidee"
            latin = _LATIN.match(text, m.end())
            if latin is not None and " " in latin.group():
                found.append(latin.span())
            continue
        span = _name_after(text, m.end(), quoted=bool(m.group("quote")))
        if span is not None:
            found.append(span)
    return found


def _name_after(text: str, at: int, *, quoted: bool) -> _Span | None:
    lists = _name_lists()
    latin = _LATIN.match(text, at)
    if latin is not None:
        return latin.span()
    if quoted:
        word = _QUOTED.match(text, at)
        if word is not None and word.group() not in _FUNCTION_WORDS:
            return word.span()
        return None
    run = _LETTERS.match(text, at)
    if run is None or run.group().startswith(_TITLES_AND_KIN):
        return None  # "ชื่อน้องมีนา", "ชื่อนายสมชาย": the title's finders read these
    end = _listed_end(text, at, run.end(), lists)
    if end is None:
        end = _unknown_end(text, at, run.end(), lists)
    if end is None and _word_before_a_deed(text, at, run.end(), lists):
        end = run.end()
    return None if end is None else (at, end)


def _word_before_a_deed(text: str, at: int, run_end: int, lists: _NameLists) -> bool:
    """An everyday word as a nickname ("ชื่อต้อ ตัดต้นไม้…"): a short noun, then one space and a
    verb."""
    word = text[at:run_end]
    if not 2 <= len(word) <= _SHORT_WORD or word not in lists.words:
        return False
    if word in _stopwords() or word in _AFTER_NAME or word in _FUNCTION_WORDS:
        return False
    if word in lists.predicates or word in lists.adjectives or word in ud_verbs():
        return False
    after = _LETTERS.match(text, run_end + 1) if text[run_end : run_end + 1] == " " else None
    if after is None:
        return False
    first = segment(after.group())[0]
    return first in lists.predicates or first in ud_verbs()


def _listed_end(text: str, at: int, run_end: int, lists: _NameLists) -> int | None:
    """The longest listed name from `at` that a boundary follows."""
    for end in range(min(run_end, at + lists.longest), at + 1, -1):
        word = text[at:end]
        if (
            listed_name(word, lists)
            and word not in _stopwords()
            and _boundary(text, end, run_end, lists)
        ):
            return end
    return None


def _unknown_end(text: str, at: int, run_end: int, lists: _NameLists) -> int | None:
    """A word the dictionary lacks, cut before the first verb or word that ends a name."""
    end = at
    for piece in segment(text[at:run_end]):
        if end - at >= 2 and _ends_a_name(piece, lists):
            break
        end += len(piece)
    word = text[at:end]
    if len(word) < 3 or word in lists.words or "ๆ" in word:
        return None
    pieces = segment(word)
    if any(p in _stopwords() or p in _AFTER_NAME or p in _PARTICLES for p in pieces if len(p) >= 2):
        return None
    if any(len(p) >= _LONG_PIECE and p in lists.words for p in pieces):
        return None  # words glued together ("ซักประวัติ", "รายการไทย"), not a name
    return end


def _boundary(text: str, end: int, run_end: int, lists: _NameLists) -> bool:
    if end == run_end:
        return True
    following = segment(text[end:run_end])
    return bool(following) and _ends_a_name(following[0], lists)


def _ends_a_name(piece: str, lists: _NameLists) -> bool:
    return (
        piece in _AFTER_NAME
        or piece in _NAME_FOLLOWERS
        or piece in lists.predicates
        or piece in ud_verbs()
    )
