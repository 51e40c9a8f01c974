"""Words people misspell in chat, written the standard way before anything reads them.

A danger word typed wrong is a danger missed: "ไฟใหม้บ้าน" (ใ for ไ) read as nothing, and
"ปลั๊กช๊อต" (the wrong tone mark) matched no live-wire cue. Each form below is one real people
type, counted in the shared real data (Traffy Fondue tickets and Wisesight posts, 2026), and is
a word of no other meaning: none is a word of pythainlp's Thai dictionary or found inside one
(a test checks), so writing it the standard way wherever it stands cannot spoil a word that was
spelt right. A form that is also a word ("ท้วม", plump) is fixed only inside the phrase where it
cannot be that word ("น้ำท้วม").

| typed | standard | times in the shared data |
|---|---|---|
| ใหม้ | ไหม้ (burn) | 1 |
| ไหม่ | ใหม่ (new) | 7 |
| ช๊อต, ช้อต (and ช็อท, ช๊อท, ช้อท) | ช็อต (short circuit) | 4, 3 |
| น้ำท้วม | น้ำท่วม (flood) | 2 |
| เจ้บ | เจ็บ (hurt) | 1 |
| อุบัตติเหตุ | อุบัติเหตุ (accident) | 1 |
| อยุ่ | อยู่ (is, stays) | 94 |
| อนุญาติ | อนุญาต (permit) | 31 |
| สัญญาน | สัญญาณ (signal) | 24 |
| ปฎิ | ปฏิ (as in ปฏิบัติ) | 20 |
| สังเกตุ | สังเกต (notice) | 22 |
"""

from __future__ import annotations

import re

STANDARD_SPELLING = {
    "ใหม้": "ไหม้",
    "ไหม่": "ใหม่",
    "ช๊อต": "ช็อต",
    "ช้อต": "ช็อต",
    "ช็อท": "ช็อต",
    "ช๊อท": "ช็อต",
    "ช้อท": "ช็อต",
    "น้ำท้วม": "น้ำท่วม",
    "เจ้บ": "เจ็บ",
    "อุบัตติเหตุ": "อุบัติเหตุ",
    "อยุ่": "อยู่",
    "อนุญาติ": "อนุญาต",
    "สัญญาน": "สัญญาณ",
    "ปฎิ": "ปฏิ",
    "สังเกตุ": "สังเกต",
}
# Longest first, so a longer form is fixed whole.
_MISSPELT = re.compile("|".join(sorted(STANDARD_SPELLING, key=len, reverse=True)))
# Letters every form holds one of: most messages hold none of the forms, and a test for these
# few characters is cheaper than the search.
_TELLTALE = ("ใหม้", "ไหม่", "ช๊อ", "ช้อ", "ช็อท", "ท้วม", "เจ้บ", "ตติ", "อยุ่", "นุญาติ", "ญาน", "ฎ", "เกตุ")


def standard_spelling(text: str) -> str:
    """`text` with each form in `STANDARD_SPELLING` written the standard way."""
    if not any(telltale in text for telltale in _TELLTALE):
        return text
    return _MISSPELT.sub(lambda match: STANDARD_SPELLING[match.group(0)], text)
