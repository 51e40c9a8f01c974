"""Phone numbers and licence plates typed by voice: digits written as words
("ศูนย์แปดหนึ่ง สี่ห้าหก เจ็ดแปดเก้าศูนย์", in English "oh-eight-one two-three-four …") and
plate letters by their names ("ทะเบียนกอไก่ขอไข่หนึ่งสองสามสี่", "ทะเบียนข้างรถ สิบเอ็ด สามแปดเจ็ดหก")."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.name_words import _word_set

_DIGIT_VALUES = {
    "ศูนย์": "0",
    "หนึ่ง": "1",
    "สอง": "2",
    "สาม": "3",
    "สี่": "4",
    "ห้า": "5",
    "หก": "6",
    "เจ็ด": "7",
    "แปด": "8",
    "เก้า": "9",
}
# A digit word that starts a longer word is not a digit: ห้าง, เก้าอี้, สี่แยก, สามล้อ, สองแถว, หกล้ม.
_DIGIT = r"(?:ศูนย์|หนึ่ง|สอง(?!แถว)|สาม(?!ล้อ)|สี่(?!แยก)|ห้า(?!ง)|หก(?!ล้ม)|เจ็ด|แปด|เก้า(?!อี้)|\d)"
# "ศูนย์แปดหนึ่ง-สองสามสี่-…", the dash said as a word ("ศูนย์แปดหนึ่ง ขีด สองเจ็ดสี่"), and
# digits and words mixed ("081 เจ็ดสองสี่ 5690")
_DIGIT_RUN = re.compile(rf"{_DIGIT}(?:(?: ?[\-.,] ?| ?ขีด ?| )?{_DIGIT})*")
_DIGIT_WORD = re.compile(r"ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า")
_ONE_DIGIT = re.compile(_DIGIT)

# The names of the Thai letters (กอ ไก่, ขอ ไข่ … ฮอ นกฮูก) as a voice typist writes them; the
# letter before อ is whatever the typist heard ("ขอขวด" for ฃ).
_LETTER_WORDS = _word_set(
    "ไก่ ไข่ ขวด ควาย คน ระฆัง งู จาน ฉิ่ง ช้าง โซ่ เฌอ หญิง ชฎา ปฏัก ฐาน มณโฑ ผู้เฒ่า เณร เด็ก "
    "เต่า ถุง ทหาร ธง หนู ใบไม้ ปลา ผึ้ง ฝา พาน ฟัน สำเภา ม้า ยักษ์ เรือ ลิง แหวน ศาลา ฤๅษี ฤาษี "
    "เสือ หีบ จุฬา อ่าง นกฮูก"
)
_LETTER = rf"[ก-ฮ]อ ?(?:{'|'.join(sorted(_LETTER_WORDS, key=len, reverse=True))})"
# A car plate: a digit, one or two letters by name, two to four digits ("สามกอไก่ห้าห้าหกเจ็ด";
# not one, so that "ขอไข่สองแผง" near a truck asks for eggs).
_SPOKEN_PLATE = re.compile(rf"(?:{_DIGIT} ?)?(?:{_LETTER} ?){{1,2}}{_DIGIT}(?: ?{_DIGIT}){{1,3}}")
# A truck's or bus's plate right after ทะเบียน: a number of one or two digits, then four.
_TENS = r"(?:(?:ยี่|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?สิบ(?:เอ็ด|" + _DIGIT + r")?|" + _DIGIT + r"{1,2})"
_SPOKEN_NUMERIC_PLATE = re.compile(rf"{_TENS}(?: ?- ?| ){_DIGIT}(?: ?{_DIGIT}){{3}}")
# What tells a plate is near: the plate word, or a vehicle, up to 60 letters before.
_PLATE_CONTEXT = re.compile(r"ทะเบียน|ป้ายรถ|เลขรถ|รถ|มอ(?:เตอร์)?ไซ|จยย|plate", re.I)
_PLATE_WINDOW = 60

# English digit words joined by spaces or hyphens, from "oh" or "zero": a phone spelt out.
_EN_DIGIT_VALUES = {
    **dict.fromkeys(("oh", "o", "zero"), "0"),
    **dict(zip(("one", "two", "three", "four", "five"), "12345", strict=True)),
    **dict(zip(("six", "seven", "eight", "nine"), "6789", strict=True)),
}
_EN_DIGIT = r"(?:" + "|".join(sorted(_EN_DIGIT_VALUES, key=len, reverse=True)) + r")"
# (commas between the groups too: "zero eight nine, four four two, one one seven eight")
_EN_DIGIT_RUN = re.compile(rf"\b(?:oh|zero)(?:(?:, ?|[ \-]{{1,3}}){_EN_DIGIT}\b){{8,12}}", re.I)

# What says a number or a plate may be spoken (`may_be_spoken`): the Thai words are read without
# IGNORECASE, which makes scanning Thai slow, the English ones only where there are Latin letters.
_SPOKEN_THAI = re.compile(
    rf"ศูนย์|ทะเบียน|{_LETTER}"
    # a phone begun in digits and carried on in words: "081 เจ็ดสองสี่ 5690"
    r"|(?<!\d)0[\d \-]{0,6}(?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)"
)
_SPOKEN_ENGLISH = re.compile(r"\b(?:oh|zero)\b", re.I)


def may_be_spoken(text: str, *, has_latin: bool) -> bool:
    """Whether `text` may hold a spoken number or plate (`has_latin`: it has a letter A–Z or
    a–z; no other letter matches "oh" or "zero" ignoring case)."""
    return _SPOKEN_THAI.search(text) is not None or (
        has_latin and _SPOKEN_ENGLISH.search(text) is not None
    )


def _spoken_numbers(text: str) -> list[PersonalDataSpan]:
    """Phones spelt in digit words, and plates spelt by letter names or near ทะเบียน."""
    return _spoken_phones(text) + _english_phones(text) + _spoken_plates(text)


def _english_phones(text: str) -> list[PersonalDataSpan]:
    """A phone spelt in English digit words ("oh-eight-one two-three-four five-six-seven-eight")."""
    found = []
    for run in _EN_DIGIT_RUN.finditer(text):
        words = re.split(r"[ \-,]+", run.group())
        number = "".join(_EN_DIGIT_VALUES[w.lower()] for w in words)
        if _is_phone(number):
            found.append(PersonalDataSpan(PersonalDataKind.PHONE, run.start(), run.end()))
    return found


def _spoken_phones(text: str) -> list[PersonalDataSpan]:
    """A run of digit words (single spaces, dashes, dots, commas or ขีด between allowed; digits
    mixed in) from ศูนย์ or 0 that spells a mobile (0 + 6/8/9 + 8 digits) or a landline (0 +
    2–7 + 7 digits) and goes no further. Digits alone are left to `numbers`."""
    found = []
    for run in _DIGIT_RUN.finditer(text):
        if _DIGIT_WORD.search(run.group()) is None or (
            "ศูนย์" not in run.group() and "0" not in run.group()
        ):
            continue
        digits = [(m.start(), m.end(), _value(m.group())) for m in _ONE_DIGIT.finditer(run.group())]
        for i, (start, _, value) in enumerate(digits):
            if value != "0":
                continue
            number = "".join(d for _, _, d in digits[i:])
            if _is_phone(number):
                end = digits[-1][1]
                found.append(
                    PersonalDataSpan(PersonalDataKind.PHONE, run.start() + start, run.start() + end)
                )
                break
    return found


def _is_phone(number: str) -> bool:
    if len(number) == 10:
        return number[1] in "689"
    return len(number) == 9 and number[1] in "234567"


def _value(word: str) -> str:
    return _DIGIT_VALUES.get(word, word)


def _spoken_plates(text: str) -> list[PersonalDataSpan]:
    found = []
    for pattern in (_SPOKEN_PLATE, _SPOKEN_NUMERIC_PLATE):
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - _PLATE_WINDOW) : m.start()]
            if pattern is _SPOKEN_NUMERIC_PLATE and "ทะเบียน" not in before:
                continue  # "สิบเอ็ด สามแปด…" alone could be any count
            if _PLATE_CONTEXT.search(before) and not _more_digits_after(text, m.end()):
                found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, m.start(), m.end()))
    return found


def _more_digits_after(text: str, end: int) -> bool:
    """A fifth digit right after the match: not a plate (a phone, an account)."""
    return _ONE_DIGIT.match(text, end) is not None or (
        text[end : end + 1] == " " and _ONE_DIGIT.match(text, end + 1) is not None
    )
