"""LINE IDs after a LINE word, and @handles."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# Not "Line Man", the delivery app.
_LINE_WORD = r"(?:(?<!ออน)(?<!ฮอท)(?<!ฮอต)ไลน์|(?<![A-Za-z])line(?![A-Za-z])(?!\s*man\b))"
_ID_WORD = r"(?:ไอดี|(?<![A-Za-z])id(?![A-Za-z]))"
_HANDLE = r"(@?[A-Za-z0-9][A-Za-z0-9._\-]{1,29})(?![A-Za-z0-9._\-]*:/)"
_LINE_ID = re.compile(
    rf"(?:{_LINE_WORD}(?:\s*{_ID_WORD})?|ไอดี\s*ไลน์|(?<![A-Za-z])id\s*line)"
    rf"\s*(?:[:：=]+|คือ|ชื่อ)?\s*{_HANDLE}",
    re.I,
)
# Words between the LINE word and the handle: "ไลน์กำนันไว้ได้เลยครับ ID: kamnan99" (an "ID"
# with a colon), "ไลน์ไอดีคนที่ติดต่อลูกคือ boss_99" (ไลน์ไอดี … คือ).
_LINE_ID_LATER = re.compile(
    rf"{_LINE_WORD}(?:[^\n:：]{{0,40}}?{_ID_WORD}\s*[:：=]|\s*{_ID_WORD}[^\n:：]{{0,30}}?คือ)"
    rf"\s*{_HANDLE}",
    re.I,
)
# The ID word after the LINE word with neither a colon nor คือ: "ติดต่อทางไลน์ได้นะคะ ไอดี
# noknoi_2521". After the Thai ไอดี any handle; after "ID" only one with a digit, a dot or an
# underscore (not "ID card").
_LINE_ID_SPACED = re.compile(
    rf"{_LINE_WORD}[^\n:：]{{0,40}}?(?:ไอดี\s*{_HANDLE}"
    r"|(?<![A-Za-z])id\s+(?P<marked>(?=[A-Za-z0-9._\-]*[0-9._])[A-Za-z0-9][A-Za-z0-9._\-]{2,29})"
    r"(?![A-Za-z0-9._\-]))",
    re.I,
)
_LINE_ID_AFTER_WORDS = re.compile(
    rf"{_LINE_WORD}(?!แมน)\s*[ก-๙]{{1,20}}\s*[:：]?\s*"
    r"(?P<handle>(?=[a-z0-9._\-]*[0-9._\-])[a-z][a-z0-9._\-]{3,29})(?![A-Za-z0-9._\-])",
    re.I,
)
_AT_ID = re.compile(
    r"(?<![A-Za-z0-9._%+\-])@(?![0-9.,]+(?![A-Za-z_]))[A-Za-z0-9][A-Za-z0-9._\-]{2,29}"
)


def _line_ids(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in (*_LINE_ID.finditer(text), *_LINE_ID_LATER.finditer(text)):
        if not any(ch.isalpha() for ch in m.group(1)):
            continue  # all digits: a phone number (masked as one) or a time, not a handle
        start, end = m.span(1)
        end = start + len(m.group(1).rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, start, end))
    for m in _LINE_ID_SPACED.finditer(text):
        group = 1 if m.group(1) is not None else "marked"
        if not any(ch.isalpha() for ch in m.group(group)):
            continue
        start = m.start(group)
        found.append(
            PersonalDataSpan(
                PersonalDataKind.LINE_ID, start, start + len(m.group(group).rstrip("._-"))
            )
        )
    for m in _LINE_ID_AFTER_WORDS.finditer(text):
        start = m.start("handle")
        end = start + len(m.group("handle").rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, start, end))
    for m in _AT_ID.finditer(text):
        end = m.start() + len(m.group().rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, m.start(), end))
    return found
