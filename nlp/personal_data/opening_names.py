"""A nickname that opens the message with no title or kinship word before it, where what comes
right after shows a person was named ("ต้นเปิดเพลงดังทุกคืน", "นกลูกสาวผู้ใหญ่บ้านได้บัตรคนจน",
"ปลาเจ้าของหอเก็บค่าน้ำ", "เมื่อคืนไก่กับนกเมาแล้วขับรถ").

Chats name a neighbour this way, and Thai nicknames are everyday words (ต้น a tree, น้ำ water,
ไก่ a chicken), so the rule is narrow: the nickname must be listed, start the text or a line
(or follow a word for when: เมื่อวาน, ตอนนี้), and be followed at once by a deed only a person
does (plays music, parks, pours rubbish, sells liquor, says that …), a word that says who the
person is (ลูกสาว, เจ้าของ, เด็กฝึกงาน, เป็น อสม.) or their partner (กับผัว). Not what a thing
or an animal also does or has ("น้ำเอ่อ", "หมูร้านนี้แพง", "ไก่ขัน", "ฝนตก", "น้ำบ้านตรงข้าม
ไหลมา"): a shop or a house after the word stays, since water, pork or a glass may belong there.
No tokeniser is needed: the candidates are the listed words the text starts with.
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.latin_names import _NOT_LATIN_NAMES
from nlp.personal_data.name_lists import (
    _name_lists,
    _NameLists,
    _stopwords,
    unknown_word,
)
from nlp.personal_data.name_words import _word_set
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS
from nlp.personal_data.triggers import may_match, trigger
from nlp.personal_data.word_classes import frequency_bin, reads_as_words
from nlp.tokenise import segment

# A word for when, before the nickname: "เมื่อวานสมชายมาบอกว่า…", "ตอนนี้กุ้งกับผัวตีกัน".
_WHEN = r"(?:เมื่อ(?:วาน(?:นี้)?|คืน(?:นี้)?|เช้า(?:นี้)?|เย็น|กี้|ตอน(?:เช้า|เย็น|ดึก|กลางคืน))|ตอนนี้|วันนี้|คืนนี้) ?"
_OPENING = re.compile(rf"[ \t]*(?:{_WHEN})?")

# Who the person is: a child or in-law of someone, an owner, a workplace, a trainee, a role.
_WHO = (
    r"ลูก(?:สาว|ชาย|เขย|สะใภ้|บ้าน(?!ทั้ง|หลาย|หมู่|ใน|ที่)|ผู้ใหญ่|กำนัน|นายก|ป้า|ลุง|จ้าง|เจ้าของ)"
    r"|หลาน(?:สาว|ชาย)|เมีย|ผัว"
    r"|เจ้าของ(?:หอ|บ้าน|ร้าน|ตึก|ที่|อู่|โรง|ฟาร์ม|รถ)|ที่ทำงาน|เด็ก(?:ฝึกงาน|เสิร์ฟ|ปั๊ม)"
    r"|เป็น ?(?:อสม|ครู|หมอ|พยาบาล|เจ้าของ|ลูก|คนขับ|ผู้ใหญ่|กำนัน|ตำรวจ|ทหาร|จนท|เจ้าหน้าที่|พนักงาน)"
)
# Deeds only a person does; kept to those no thing, animal or weather does ("ฝนเท", "น้ำเมา").
_DEEDS = (
    r"เปิด(?:เพลง|ลำโพง|เครื่องเสียง)|จอด(?:รถ|ขวาง)|ขับ(?:รถ|มอ|กระบะ|เก๋ง|ซิ่ง|เร็ว)|ขี่(?:รถ|มอ)"
    r"|(?:เท|ทิ้ง)(?:ขยะ|น้ำมัน|น้ำเสีย|เศษ)|เอา(?:รถ|เสา|ของ|ขยะ|ถุงขยะ|ยา|เงิน|ไม้|ปั๊ม)"
    r"|ขาย(?:เหล้า|ยาบ้า|ยาเสพ|บุหรี่|หวย)|เก็บ(?:ค่า|เงิน)|(?:มา)?บอก(?:ว่า|ให้)|แจ้งว่า|พูดว่า"
    r"|ด่า|ตะโกน|ทำร้าย|ขโมย|ต่อย|ยิงปืน|เมาแล้ว|ปล่อยหมา|ได้บัตร|ถมที่|ต่อเติม|โทรมา|ตีกัน"
)
_PARTNER = r"กับ(?:ผัว|เมีย|สามี|แฟน|แม่|พ่อ)"
_PERSON_NEXT = re.compile(rf" ?(?:{_WHO})|(?:{_DEEDS}|{_PARTNER})")
# The same in Latin letters, one space before the Thai: "somchai ขับเก๋ง…", "Beam ลูกชาย…"; a
# name the lists lack only before who the person is (not "Grab ขับเร็ว", a company).
# Since round 12: a shop or a house in one word and right after it a deed only a person does
# ("แก้วร้านข้าวมันไก่ ทิ้งน้ำมันลงท่อ", "น้ำฝนบ้านตรงข้ามเอาปั๊มดูดน้ำ"): the glass or the
# water of a shop does not pour oil or pump; "น้ำบ้านตรงข้ามไหลมา" has no such deed, and in
# "หมูร้านนี้แพง เจ้าของด่า" someone else does it: both stay.
_KEEPER_NEXT = re.compile(rf"(?:ร้าน|บ้าน)[ก-๙]{{2,18}}? ?(?:{_DEEDS})")
_LATIN_OPENING = re.compile(r"[A-Za-z]{2,12}(?= )")
_LATIN_WHO_NEXT = re.compile(rf" (?:{_WHO})")
_LATIN_PERSON_NEXT = re.compile(rf" (?:{_WHO}|{_DEEDS}|{_PARTNER})")
_AND = "กับ"

_SHORTEST, _LONGEST = 2, 8


def opening_names(text: str) -> list[_Span]:
    """Listed nicknames that open the text or a line, before a person's deed or who they are
    (and a second one joined by กับ: "ไก่กับนกเมาแล้วขับรถ")."""
    if not text:
        return []
    lists = _name_lists()
    found: list[_Span] = []
    for m in _openings(text):
        latin = _LATIN_OPENING.match(text, m.end())
        if latin is not None:
            if _latin_opening(latin.group(), lists).match(text, latin.end()):
                found.append(latin.span())
            continue
        first = _nicknames_at(text, m.end(), lists)
        if not first:
            unknown = _unknown_before_who(text, m.end(), lists)
            if unknown is not None:
                found.append(unknown)
                continue
        for end in first:
            if _PERSON_NEXT.match(text, end) or _KEEPER_NEXT.match(text, end):
                found.append((m.end(), end))
                break
            if text.startswith(_AND, end):
                after = end + len(_AND)
                second = [
                    e for e in _nicknames_at(text, after, lists) if _PERSON_NEXT.match(text, e)
                ]
                if second:
                    found += [(m.end(), end), (after, second[0])]
                    break
    return found


def _unknown_before_who(text: str, at: int, lists: _NameLists) -> _Span | None:
    """Since round 12: a word no dictionary holds opening the text right before who the person
    is ("สมพอนลูกจ้างร้านข้าวต้ม", a Lao name; "หมอกเป็น อสม.": the dictionary's words only
    before a post no thing can hold)."""
    if not may_match("unknown_who_next", text) and not may_match("post_next", text):
        return None  # most texts: nothing that says who follows anywhere (one pass for both)
    window = text[at + _SHORTEST + 1 : at + _LONGEST + 16]
    if _UNKNOWN_WHO_NEXT.search(window) is None and _POST_NEXT.search(window) is None:
        return None  # most openings: nothing that says who follows
    for end in range(at + _SHORTEST + 1, min(len(text), at + _LONGEST + 2) + 1):
        if not "\u0e01" <= text[end - 1] <= "\u0e4c":
            return None
        word = text[at:end]
        if word.startswith(_ADDRESS_STARTS):
            return None  # "ป๋าเปี๊ยกเจ้าของหอ": the form of address is read elsewhere
        if _POST_NEXT.match(text, end) and _plain_noun(word, lists):
            return at, end
        if (
            _UNKNOWN_WHO_NEXT.match(text, end)
            and unknown_word(word, lists)
            and "ๆ" not in word
            and not word.startswith(_NOT_NICKNAME_STARTS)
            and not reads_as_words(word, lists)
        ):
            return at, end
    return None


def _plain_noun(word: str, lists: _NameLists) -> bool:
    """One dictionary word, not among the commonest, that is no verb, adjective or function
    word."""
    return (
        word in lists.words
        and frequency_bin().get(word) not in _COMMON_BINS
        and word not in lists.predicates
        and word not in lists.adjectives
        and word not in _stopwords()
        and len(segment(word)) == 1
    )


_ADDRESS_STARTS = tuple(KIN | _word_set("คุณ นาย นาง ไอ้ อี บัก"))
_COMMON_BINS = frozenset({"10k", "100k"})  # seen 10,000 times or more: บ้าน, ถนน's kind


# Who the person is, after a word no dictionary holds: a worker, a child, an owner; not a
# spouse or ลูกบ้าน, which a verb or a noise may take ("เปย์เมีย", "เสียงสุนัขลูกบ้าน").
_UNKNOWN_WHO_NEXT = trigger(
    "unknown_who_next",
    r"ลูกจ้าง|ลูก(?:สาว|ชาย|เขย|สะใภ้)|หลาน(?:สาว|ชาย)"
    r"|เจ้าของ(?:หอ|บ้าน|ร้าน|ตึก|อู่|โรง|ฟาร์ม)|เด็ก(?:ฝึกงาน|เสิร์ฟ|ปั๊ม)",
)
_POST_NEXT = trigger("post_next", r"เป็น ?(?:อสม|ผู้ใหญ่บ้าน|กำนัน|ผช\.?ผญบ|ประธานชุมชน|รปภ|ยาม)")


def _openings(text: str) -> list[re.Match[str]]:
    """Where the text and each line start, past a word for when; and since round 8 where the
    one who did it is told after คือ ("คนที่ทิ้งขยะคือต้นลูกบ้านหัวมุม": คนที่ before it)."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    starts += [
        m.end()
        for m in _TOLD_WHO.finditer(text)
        if "คนที่" in text[max(0, m.start() - _TOLD_WHO_WINDOW) : m.start()]
    ]
    return [m for start in starts if (m := _OPENING.match(text, start)) is not None]


# คือ after the person asked about: "คนที่…คือ…" ("คนเดิม เพิ่มเติมคือไข่ลูกเขย" is a dish).
_TOLD_WHO = re.compile(r"คือ ?")
_TOLD_WHO_WINDOW = 60


def _latin_opening(word: str, lists: _NameLists) -> re.Pattern[str]:
    """What must follow a Latin word that opens the text for it to be a name."""
    name = word.capitalize()
    if name in lists.latin or name in lists.asian:
        return _LATIN_PERSON_NEXT
    if word[0].isupper() and word[1:].islower() and name not in _NOT_LATIN_NAMES:
        return _LATIN_WHO_NEXT
    return _NEVER


_NEVER = re.compile(r"(?!)")


def _nicknames_at(text: str, at: int, lists: _NameLists) -> list[int]:
    """Where a listed nickname or given name (or two nicknames glued: "ปลาทอง") starting at
    `at` may end, the longest first."""
    longest = min(_LONGEST, len(text) - at)
    # where a listed nickname from `at` ends: a compound's first half must be one
    halves = [i for i in range(_SHORTEST, longest - 1) if text[at : at + i] in lists.nicknames]
    ends = []
    for n in range(longest, _SHORTEST - 1, -1):
        word = text[at : at + n]
        if word in lists.predicates:
            continue  # a verb that is also a name ("มีขโมยงัดบ้าน")
        if (
            word in lists.nicknames
            or (
                # a given name that is also a short word ("มีขโมย") is the word
                word in lists.first
                and word not in lists.common
                and (len(word) > 3 or word not in lists.words)
            )
            or (halves and _glued_nicknames(word, halves, lists))
        ):
            ends.append(at + n)
    return ends


def _glued_nicknames(word: str, halves: list[int], lists: _NameLists) -> bool:
    """Two listed nicknames glued ("ปลา|ทอง"), the first ending at one of `halves`."""
    return any(i <= len(word) - _SHORTEST and word[i:] in lists.nicknames for i in halves)
