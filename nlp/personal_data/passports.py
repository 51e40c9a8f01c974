"""Passport numbers, after a word that says what the number is."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.numbers import _PHONE_WORDS

# Thai passports are two letters and seven digits (AA1234567); others one or two letters and six to
# eight digits (a space or hyphen may part them), digits alone, or letters and digits mixed (the
# German C01X00T47). Only after a word that says what the number is.
# also in Chinese (护照, "护照号码 EJ4827163": a tourist's, since t39)
_PASSPORT_WORD = r"(?:พาสปอร์ต|พาสปอต|หนังสือเดินทาง|passport|护照)"
_PASSPORT_NUMBER = (
    r"[A-Z]{1,2}[ \-]?\d{6,8}|\d{7,9}|(?=[A-Z0-9]{0,8}\d[A-Z0-9]{0,8}\d)[A-Z][A-Z0-9]{7,8}"
)
_PASSPORT = re.compile(
    rf"{_PASSPORT_WORD}(?: ?(?:no\.?|number|เลขที่|เลข|หมายเลข|เบอร์|#|号码|号))?(?: ?(?:is|คือ))?"
    rf" ?[:：]? ?(?P<number>{_PASSPORT_NUMBER})(?![A-Za-z0-9])"
    # A few Thai words may stand between (whose passport): "พาสปอร์ตภรรยาผมเลข AB1234567".
    # Then only the letter-and-digit shape, so a phone number or an amount is not taken for one.
    r"|(?:พาสปอร์ต|พาสปอต|หนังสือเดินทาง)(?P<whose>[ก-๙]{1,24}?) ?(?:เลข(?:ที่)?|หมายเลข)? ?[:：]? ?"
    r"(?P<lettered>[A-Z]{1,2}[ \-]?\d{6,8})(?![A-Za-z0-9])",
    re.I,
)
_PASSPORT_TRIGGER = re.compile("พาสปอ|หนังสือเดินทาง|[Pp]assport|PASSPORT|护照")


def _passports(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in _PASSPORT.finditer(text):
        group = "number" if m.group("number") else "lettered"
        if group == "lettered" and _PHONE_WORDS.search(m.group("whose")):
            continue
        found.append(PersonalDataSpan(PersonalDataKind.PASSPORT, m.start(group), m.end(group)))
    return found
