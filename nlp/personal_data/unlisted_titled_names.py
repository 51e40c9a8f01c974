"""A name no list holds after นาย, นาง or นางสาว, read from the text rather than the tokeniser's
cut: Malay-Muslim and hill peoples' names ("นายมะยาเต็ง ดอเลาะ", "นางสาวซูไวบ๊ะ ยูโซ๊ะ",
"นายหม่อโพ ป่วยหนัก"); since round 8.

The tokeniser often cuts such a name through the title (นา|ยมะ|ยา…), so `titled_names`, which
reads whole tokens, never sees the title. Here the title must start a word or follow a word
(ครอบครัวนาย…), the name must be a word the dictionary lacks, holding no function word, and then
either a surname follows after one space (listed, or also a word the dictionary lacks) or one
space and a deed only a person does or suffers. "นายจ้างไม่จ่าย", "นายกอบต.", "นางฟ้า" and
"นางพยาบาลเวรดึก", "นายแพทย์…" stay: what follows the title there is a phrase or a word."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_deeds import _PERSON_NEXT
from nlp.personal_data.name_lists import _name_lists, unknown_word
from nlp.personal_data.name_runs import _AT_A_DESK

_TITLED = re.compile(
    r"(?:นางสาว|นาง|นาย)(?!ก|จ้าง|ช่าง|ทุน|หน้า|อำเภอ|ด่าน|ท่า|สิบ|ร้อย|พล|ฟ้า|งาม|แบบ|พยาบาล|แพทย์|ทหาร|ตำรวจ)"
    r"(?P<name>[ก-ฮะ-ฺเ-ๅ็-ํ]{2,14})(?=[ ]|$)"
)
# Since round 12: a Hmong, Mien or Chinese clan's surname (แซ่ลี, แซ่ย่าง, แซ่ว่าง) after the
# name says it is one, even when a syllable of the name is a Thai function word ("นายจะแฮ
# แซ่ลี", "นางหมี่ แซ่ท่อ"); not แซ่ซ้อง (to acclaim).
_CLAN = re.compile(r"แซ่(?!ซ้อง)[ก-ฮ]")
_CLAN_NAME = re.compile(r"[ก-ฮะ-ฺเ-ๅ็-ํ]{2,10}")


def _is_clan_name(name: str) -> bool:
    """A given name before a clan's surname: Thai letters, no long dictionary phrase."""
    return _CLAN_NAME.fullmatch(name) is not None


_SURNAME = re.compile(r" (?P<family>[ก-ฮะ-ฺเ-ๅ็-ํ]{3,16})(?=[ .,]|$)")


def unlisted_titled_names(text: str) -> list[_Span]:
    """Unlisted names after a title, with a surname or before a person's deed."""
    if "นาย" not in text and "นาง" not in text:
        return []
    lists = _name_lists()
    found: list[_Span] = []
    for m in _TITLED.finditer(text):
        name = m.group("name")
        surname = _SURNAME.match(text, m.end())
        if surname is not None and surname.group("family").startswith(_AT_A_DESK):
            surname = None  # "นางสมศรี ช่องบริการ 4": where she sits, not her surname
        if (
            surname is not None
            and _CLAN.match(surname.group("family"))
            and name not in lists.words
            and _is_clan_name(name)
        ):
            found.append((m.start("name"), surname.end("family")))
            continue
        if not unknown_word(name, lists, verbs_ok=True):
            continue
        if surname is not None and (
            surname.group("family") in lists.family
            or unknown_word(surname.group("family"), lists, verbs_ok=True)
        ):
            found.append((m.start("name"), surname.end("family")))
        elif _PERSON_NEXT.match(text, m.end()) and unknown_word(name, lists):
            found.append(m.span("name"))
    return found
