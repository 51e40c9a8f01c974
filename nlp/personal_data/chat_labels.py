"""Names that chat layout gives away (since batch 14 of the civic corpus):

* the speakers of a chain forwarded from a LINE group, a kinship or role word and a name before
  a colon at the start of a line or after the time ("18:03 พี่หนุ่ม: ได้ครับ", "ลุงเสถียร: …");
* a given name in brackets right after a phone number ("0815567320 (วีระ)").

Both only where the layout says "this is a person": a word before a colon elsewhere is a field
("หมายเหตุ: …"), a word in brackets elsewhere a gloss ("(บ้าน)", "(มือถือ)")."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _is_thai
from nlp.personal_data.name_lists import _NameLists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _NOT_NAMES
from nlp.tokenise import segment

_Span = tuple[int, int]

# A kinship or role word, then the name, then a colon: at a line's start, or after a time.
_SPEAKER = re.compile(
    r"(?:^|\n|\d{1,2}[:.]\d{2}\s?(?:น\.)?\s?)(?:\[[^\]\n]{0,20}\]\s?)?"
    r"(?:คุณ)?(?:พี่|น้อง|ป้า|ลุง|น้า|ยาย|ตา|เจ๊|เฮีย|ครู|หมอ|อา|ผู้ใหญ่|กำนัน|ผญบ\.|อสม\.)"
    r"(?P<name>[ก-๛]{2,16})\s?(?:\d{1,2}[:.]\d{2}\s?)?[:：]"
)
# A bracketed given name right after a phone number (the digits end right before it).
_AFTER_PHONE = re.compile(r"\s?[(（](?P<name>[ก-๛]{2,16})[)）]")


def _one_name(word: str, lists: _NameLists) -> bool:
    """One or two tokens of Thai, none a word that ends or is not a name."""
    tokens = [t for t in segment(word) if t.strip()]
    if not tokens or len(tokens) > 2 or not all(_is_thai(t) for t in tokens):
        return False
    stop = _stopwords()
    return not any(t in _AFTER_NAME or t in _NOT_NAMES or t in stop for t in tokens)


def speaker_names(text: str, lists: _NameLists) -> list[_Span]:
    """The names of a forwarded chat's speakers (offsets of the name only)."""
    if ":" not in text and "：" not in text:
        return []
    return [m.span("name") for m in _SPEAKER.finditer(text) if _one_name(m.group("name"), lists)]


def names_after_phones(text: str, phone_ends: list[int], lists: _NameLists) -> list[_Span]:
    """A listed given name or nickname in brackets right after a phone number."""
    found = []
    for end in phone_ends:
        m = _AFTER_PHONE.match(text, end)
        if m is None:
            continue
        name = m.group("name")
        if name in lists.first or name in lists.nicknames:
            found.append(m.span("name"))
    return found
