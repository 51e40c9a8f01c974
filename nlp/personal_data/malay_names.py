"""Malay women's names of the far south after a form of address (since round 14): "ครูซารีฟะห์
ตาดีกา…", "ก๊ะรอฮีมะห์ขายข้าวยำ", "ขอบคุณพยาบาลนูรียะห์".

Arabic and Malay names written in Thai end in ะห์ or ะฮ์ (the Arabic feminine -ah: ฟาตีมะห์,
นูรียะห์, ซารีฟะห์), a spelling Thai words have only in a few borrowed words (เคราะห์ "fate" and
the words made of it, ชีอะห์, ฮิจเราะห์, the dictionary holds them all). The tokeniser cuts such
a name it does not know into syllables (ซา|รี|ฟะห์), so the finders that read one word after a
form of address miss it. Here the whole run of Thai letters up to that ending, right after a
form of address or a title, is a name when neither it nor any of its endings of four letters or
more is a dictionary word ("ครูวิเคราะห์ข้อสอบ" stays).
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.name_words import _word_set, one_of

# Forms of address and titles a woman's name follows (the south's ก๊ะ, เจ๊ะ, มะ among them).
_FORMS = _word_set(
    """ครู คุณครู หมอ คุณหมอ พยาบาล อาจารย์ ก๊ะ เจ๊ะ มะ คุณ นาง นางสาว น.ส. ป้า น้า พี่ น้อง
    ยาย แม่ ลูกสาว หลานสาว ด.ญ. เด็กหญิง ชื่อ"""
)
_ENDINGS = ("ะห์", "ะฮ์")
# Looked for only in texts that hold the ending (the forms are in most texts).
_MALAY_NAME = re.compile(
    rf"(?:{one_of(_FORMS)}) ?(?P<name>[ก-ฮเแโใไ][ก-๙]{{1,14}}?(?:{'|'.join(_ENDINGS)}))"
)
_SHORTEST_WORD_ENDING = 4


def malay_names(text: str) -> list[_Span]:
    """Names ending in ะห์/ะฮ์ after a form of address, which no dictionary word ends."""
    if "ะห์" not in text and "ะฮ์" not in text:
        return []
    words = _name_lists().words
    found = []
    for m in _MALAY_NAME.finditer(text):
        name = m.group("name")
        if any(name[i:] in words for i in range(len(name) - _SHORTEST_WORD_ENDING + 1)):
            continue  # "วิเคราะห์", "สงเคราะห์": a word, or one glued to a word's start
        found.append(m.span("name"))
    return found
