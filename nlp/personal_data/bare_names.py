"""Given and family names standing alone, with no title, role or kinship word before them
("สมชายบอกว่าถนนพัง"). Too eager for the officials' view, where a name that is also a word would
be lost, but right for what the whole world reads (the public page, the boards' digests): there a
masked word costs little and a leaked name is a breach.

Only names that are not ordinary words count: pythainlp's given and family names, less every word
of its dictionary and the given names that are mostly common words (ดอกไม้, เดือน, ฝน). The
tokeniser cuts an unknown name into syllables (สม|ชาย), so a name is looked for as a run of one to
four whole pieces; Latin-script given names count when capitalised."""

from __future__ import annotations

import re
from functools import cache

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.gazetteer import Gazetteer
from nlp.personal_data.name_lists import _name_lists
from nlp.tokenise import segment

_MAX_PIECES = 4
_MIN_CHARS = 3
_LATIN_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
# A name right after these is a place named after a person (ถนนวิภาวดี, ซอยสมชาย, วัดบุญมี).
_PLACE_WORDS = frozenset(
    [
        "ถนน",
        "ถ.",
        "ซอย",
        "ซ.",
        "แยก",
        "ตรอก",
        "วัด",
        "โรงเรียน",
        "รร.",
        "ร.ร.",
        "ตลาด",
        "หมู่บ้าน",
        "มบ.",
        "สะพาน",
        "คลอง",
        "อาคาร",
        "ตึก",
        "ค่าย",
        "สนาม",
        "สถานี",
        "ชุมชน",
        "โรงพยาบาล",
        "รพ.",
        "ห้าง",
        "ร้าน",
        "บริษัท",
        "มูลนิธิ",
        "อ.",
        "ต.",
        "จ.",
        "อำเภอ",
        "ตำบล",
        "จังหวัด",
        "เขต",
        "แขวง",
        "บ้าน",
        "หาด",
        "เกาะ",
        "ดอย",
        "เขื่อน",
        "อุทยาน",
        "กฟภ.",
        "สาย",
    ]
)


@cache
def _bare_names() -> frozenset[str]:
    """Given names that are neither words nor the names of places."""
    lists = _name_lists()
    places = Gazetteer.load().forms
    return frozenset(
        name
        for name in lists.first
        if len(name) >= _MIN_CHARS
        and name not in lists.words
        and name not in lists.common
        and name not in places
    )


def _in_a_place_name(pieces: list[str], i: int, end: int) -> bool:
    """The name is part of a longer place name (บาง|บัวทอง, ศรี|ประจันต์)."""
    places = Gazetteer.load().forms
    name = "".join(pieces[i:end])
    before = pieces[i - 1] if i > 0 else ""
    after = pieces[end] if end < len(pieces) else ""
    return f"{before}{name}" in places or f"{name}{after}" in places


def bare_names(text: str) -> list[PersonalDataSpan]:
    """Spans of listed names that stand alone in `text` (offsets into `text`)."""
    names = _bare_names()
    pieces = segment(text)
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    found: list[PersonalDataSpan] = []
    i = 0
    while i < len(pieces):
        end = _longest_name_from(pieces, i, names)
        if end > i and not _after_place_word(pieces, i) and not _in_a_place_name(pieces, i, end):
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, starts[i], starts[end]))
            i = end
        else:
            i += 1
    latin = _name_lists().latin
    found += [
        PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start(), m.end())
        for m in _LATIN_WORD.finditer(text)
        if m.group() in latin
    ]
    return found


def _longest_name_from(pieces: list[str], i: int, names: frozenset[str]) -> int:
    """The end (exclusive piece index) of the longest name starting at piece `i`, or `i`."""
    best = i
    joined = ""
    for j in range(i, min(i + _MAX_PIECES, len(pieces))):
        if pieces[j].isspace():
            break
        joined += pieces[j]
        if joined in names:
            best = j + 1
    return best


def _after_place_word(pieces: list[str], i: int) -> bool:
    previous = next((p.strip() for p in reversed(pieces[:i]) if p.strip()), "")
    return previous in _PLACE_WORDS or any(previous.endswith(w) for w in ("ถนน", "ซอย", "วัด"))
