"""A phone number wrapped over lines (since round 14): "ติดต่อกลับ\\n087 550\\n2614 ครับ".

`numbers` reads a number's groups joined by a space, a dash or a dot on one line; a line break
between them is where a list's items or an address's parts end, so it does not join them there.
A phone number typed on a phone's narrow screen, or pasted, breaks over lines all the same. Here
the groups may be parted by line breaks too, but only right after a word that asks to be called
back (โทร, เบอร์, ติดต่อ …, within a line or two), and only when together they are a whole mobile
(06/08/09 and eight digits) or landline number (02–07 and seven digits) and go no further.
"""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# Digit groups of up to four digits parted by spaces, dashes or line breaks, one break at least.
_WRAPPED = re.compile(
    r"(?<![\d\-])\d{2,4}(?:[ \-]{1,2}\d{2,4})*(?:[ \t]*\n[ \t]*\d{2,4}(?:[ \-]{1,2}\d{2,4})*)+(?![\d\-])"
)
_CONTACT_BEFORE = re.compile(r"(?:โทร|เบอร์|ติดต่อ|📞|☎|[Tt]el|[Pp]hone)[^\d]{0,30}$")
_MOBILE = re.compile(r"0[689]\d{8}")
_LANDLINE = re.compile(r"0[2-7]\d{7}")
_CONTEXT = 40


def wrapped_phones(text: str) -> list[PersonalDataSpan]:
    """Phone numbers whose digit groups are parted by line breaks, after a contact word
    (`text` with ASCII digits, as `redaction` maps them)."""
    found = []
    for m in _WRAPPED.finditer(text):
        digits = "".join(ch for ch in m.group() if ch.isdigit())
        if not (_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits)):
            continue
        if _CONTACT_BEFORE.search(text, max(0, m.start() - _CONTEXT), m.start()) is None:
            continue
        found.append(PersonalDataSpan(PersonalDataKind.PHONE, m.start(), m.end()))
    return found
