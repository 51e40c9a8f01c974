"""Work permit numbers: a migrant worker's permit (ใบอนุญาตทำงาน) is as telling as a passport,
so its number is masked, after a word that says what the number is ("ใบอนุญาตทำงานเลข
WP0157829", "ใบอนุญาตเลข 64-3571902", "เลขที่ใบอนุญาตทำงาน 2568-117-00482", "work permit no.
…"); the word stays, so the reader still knows what was there.

Only right after the permit's word and a word for its number: a permit for a building or a shop
("ใบอนุญาตก่อสร้างเลขที่ 12/2566"), a count ("ใบอนุญาตทำงาน 2 ปี") and an amount stay."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# Letters, then at least six digits with hyphens or spaces between groups; no slash (a document's
# number of the year) and no amount after it.
_PERMIT_NUMBER = r"(?=(?:[A-Z]{0,3}[ \-]?)(?:\d[ \-]?){6})[A-Z]{0,3}[ \-]?\d+(?:[\- ]\d+){0,3}"
_PERMIT = re.compile(
    r"(?:ใบอนุญาต(?:ทำงาน)?|(?<![A-Za-z])work ?permit)"
    r"(?: ?(?:เลขที่|เลข|หมายเลข|no\.?|number|#))? ?(?:คือ|is)? ?[:：]? ?"
    rf"(?P<number>{_PERMIT_NUMBER})(?![\d/A-Za-z]|[.,]\d| ?(?:บาท|฿|baht))",
    re.I,
)
TRIGGER = re.compile("ใบอนุญาต|permit", re.I)


def work_permits(text: str) -> list[PersonalDataSpan]:
    """The numbers (not the words before them) of work permits."""
    return [
        PersonalDataSpan(PersonalDataKind.RECORD_NUMBER, m.start("number"), m.end("number"))
        for m in _PERMIT.finditer(text)
    ]
