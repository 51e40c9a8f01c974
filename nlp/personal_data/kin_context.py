"""Names after a kinship word that what follows gives away, even a name that is a common word.

Elsewhere a common word after ลุง or ยาย is a name only where a verb says a person acts
(`role_names`), since "ยายแก่", "ลุงเมา" and "ป้าขายของ" name no one. But some words after a name
leave no doubt that a person was named: an age ("ยายเขียนอายุ 80"), a house number ("ลุงเพิ่ม
บ้านเลขที่ 9/2"), whose child they are ("น้องข้าวปุ้นลูกสาวหนู"). And two people joined by กับ are
named alike ("ลุงเล็กกับลุงใหญ่", "พี่นุ้ยกับพี่หนิง"): when one of them is a name, so is the other.
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Cut, _is_thai, _Span
from nlp.personal_data.name_lists import _stopwords
from nlp.personal_data.name_words import (
    _AFTER_NAME,
    _FUNCTION_WORDS,
    _REGIONAL_KIN,
    _word_set,
    one_of,
)

# Kinship words a name is glued to (and the rude ไอ้ of "ไอ้เจมส์กับไอ้บอส").
KIN = _word_set("ลุง ป้า ยาย ตา น้า อา ปู่ ย่า พี่ น้อง เจ๊ เฮีย ป๋า อาม่า อากง ไอ้") | _REGIONAL_KIN
KIN_PATTERN = one_of(KIN)  # as a regex alternation, longest first

# What, right after a name, says a person was named: an age given in digits or words, a house
# number, a son or daughter, grandchild, or the driver of something.
_GIVES_AWAY = re.compile(
    r"อายุ ?(?:[0-9๐-๙]|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย)"
    r"|บ้านเลขที่|(?:ลูก|หลาน)(?:สาว|ชาย)|คนขับ"
    # since round 13, a neighbour's child ("น้องใหม่ลูกคนข้างบ้าน")
    r"|ลูก(?:คน)?ข้างบ้าน|ลูกเพื่อนบ้าน"
)
_WHEN = _word_set("ตอนนี้ เมื่อวาน เมื่อวานนี้ เมื่อคืน เมื่อเช้า วันนี้ คืนนี้ เมื่อกี้")
# How far after a kinship word such a give-away may start (a name of up to eight letters).
WINDOW = 10

# First words that say what kind of person, not who: "ยายแก่อายุ 80", "พี่สาวอายุ 30",
# "ลุงข้างบ้านอายุ", "ป้าคนขายอายุ".
_KIND_OF_PERSON = tuple(
    _word_set(
        """แก่ สาว ชาย หญิง หนุ่ม คน ข้าง แถว ตรง หน้า หลัง บ้าน ร้าน ที่ ซึ่ง ทั้ง ทุก อีก เขา เค้า
        ผม ฉัน หนู เรา มัน แก เธอ ดิฉัน ลูก หลาน เพื่อน ผู้ เจ้า นัก ช่าง พนักงาน หมา แมว"""
    )
)


def gives_away_after(text: str, at: int) -> bool:
    """Whether a give-away starts within a name's length of `at` (a kinship word's end)."""
    return _GIVES_AWAY.search(text, at, at + WINDOW + 8) is not None


def kin_names_given_away(cut: _Cut) -> list[_Span]:
    """Names between a kinship word of their own and a give-away ("ยาย[เขียน]อายุ 80")."""
    found = []
    text = cut.text
    for match in _GIVES_AWAY.finditer(text):
        j = cut.starts.get(match.start())
        if j is None:
            continue
        for size in (1, 2):
            k = j - size - 1
            if k < 0 or cut.tokens[k][0] not in KIN or not _starts_word(cut, k):
                continue
            span = _name_tokens(cut, k + 1, j)
            if span is not None:
                found.append(span)
                break
    return found


def kin_pairs(cut: _Cut, names: list[_Span]) -> list[_Span]:
    """The other name of a pair joined by กับ ("ลุงเล็กกับลุงใหญ่") when one is a name found."""
    found = []
    tokens = cut.tokens
    starts = {start for start, _ in names}
    ends = {end for _, end in names}
    for i, (token, start, _) in enumerate(tokens):
        if token != "กับ" or i < 2 or i + 2 >= len(tokens):
            continue
        # The left name: one or two tokens between a kinship word and กับ.
        left = None
        for size in (1, 2):
            k = i - size - 1
            if k >= 0 and tokens[k][0] in KIN and _starts_word(cut, k):
                left = _name_tokens(cut, k + 1, i)
                break
        if tokens[i + 1][0] not in KIN:
            continue
        right = _name_tokens(cut, i + 2, i + 3)  # one token: "ไอ้บอส|แก๊ง"
        if left is not None and right is not None:
            if left[1] == start and left[1] in ends and right[0] not in starts:
                found.append(right)
            elif right[0] in starts and left[0] not in starts:
                found.append(left)
    return found


def _name_tokens(cut: _Cut, first: int, stop: int) -> _Span | None:
    """Tokens first…stop-1 as a name: Thai, glued to what is before, two to eight letters, and
    not starting with a function word, pronoun or a word for a kind of person."""
    tokens = cut.tokens[first:stop]
    if not tokens:
        return None
    start, end = tokens[0][1], tokens[-1][2]
    word = tokens[0][0]
    if (
        not all(_is_thai(t) for t, _, _ in tokens)
        or not 2 <= end - start <= 8
        or word in _AFTER_NAME
        or word in _FUNCTION_WORDS
        or word.startswith(_KIND_OF_PERSON)
    ):
        return None
    return start, end


def _starts_word(cut: _Cut, k: int) -> bool:
    """The kinship word at token k starts a word: nothing Thai before it, or a word of its own
    that is no part of a longer one the tokeniser split ("ตา" in "ดูตา" is an eye)."""
    start = cut.tokens[k][1]
    if start == 0 or not _is_thai(cut.text[start - 1]):
        return True
    before = cut.tokens[k - 1][0]
    # since round 13 also after a word for when ("ตอนนี้ตาทองอายุ 82 ล้ม…")
    return before in _stopwords() or before in _AFTER_NAME or before in KIN or before in _WHEN
