"""A name that opens the message, told by who the person is right after it and one space:
"มะยูโซะ ลูกชายกำนัน ขับ…", "หม่องเต็ง แรงงานพม่าที่ร้าน…", "มะลิ ชาวม้ง บ้าน…".

The opening-nickname rule (`opening_names`) needs a listed nickname; migrant workers' and the
hill peoples' names (Burmese, Karen, Hmong, Malay) are on no list, so here the word after the
space carries the weight: only words that say who a person is and nothing else can be (a
worker from abroad, a hill people, a son of the headman, a former councillor). "ขยะ ชาวบ้าน
เดือดร้อน" and "น้ำท่วม ลูกชายผม…" stay: the opening must be no dictionary word, hold no verb,
or be a listed given name or nickname. No tokeniser is needed but for the candidates."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.name_lists import _name_lists, _NameLists
from nlp.personal_data.triggers import search, trigger
from nlp.tokenise import segment

_PEOPLES = (
    r"(?:ม้ง|กะเหรี่ยง|ปกาเกอะญอ|ลีซู|ลีซอ|อาข่า|ลาหู่|มูเซอ|เย้า|เมี่ยน|มอแกน|มลาบรี|ลัวะ|"
    r"ไทใหญ่|มอญ|พม่า|เมียนมา|กัมพูชา|เขมร|ลาว|เวียดนาม|มลายู)"
)
_ORIGIN = rf"(?:{_PEOPLES}|ต่างด้าว|ต่างชาติ)"
# Who the person is, after one space.
_WHO = re.compile(
    rf" (?:ลูก(?:ชาย|สาว)(?:กำนัน|ผู้ใหญ่|นายก|เจ้าของ|ของ|คน)|ชาว(?:บ้าน|เขา)?{_PEOPLES}|ชาวเขา"
    rf"|(?:แรงงาน|คนงาน|ลูกจ้าง|สาว|หนุ่ม){_ORIGIN}|ผู้ช่วย(?:ผู้ใหญ่บ้าน|กำนัน)|ผู้ใหญ่บ้าน|กำนัน"
    r"|อดีต(?:สมาชิก|กำนัน|ผู้ใหญ่บ้าน|นายก|ส\.? ?อบต|ส\.? ?ท\.|ครู)|ลูกจ้าง(?:ร้าน|โรงงาน|บริษัท)"
    # since round 8: an official of a local office ("เจ้าหน้าที่ อบต.…", "จนท.รพ.สต.…")
    r"|(?:เจ้าหน้าที่|จนท\.?) ?(?:อบต|อบจ|เทศบาล|เขต|รพ|สำนักงาน|ป่าไม้|อุทยาน))"
)
_WHO_WORD = trigger(
    "apposed_who", " (?:ลูก|ชาว|แรงงาน|คนงาน|สาว|หนุ่ม|ผู้ช่วย|ผู้ใหญ่บ้าน|กำนัน|อดีต|เจ้าหน้าที่|จนท)"
)
# The opening: the text or a line starts with 2 to 12 Thai letters (and a clan name: "อาเจ๊ะ
# แซ่ย่าง", or since round 8 a surname: "อาเยอ เมอแล"), then one space; thanks or praise may
# come first ("ขอบคุณสะมะแอ เจ้าหน้าที่ อบต.…").
_OPENING = re.compile(
    r"(?m)^[ \t]*(?:ขอบคุณ|ขอชม|ชื่นชม)?"
    r"(?P<name>(?P<first>[ก-ฮะ-ฺเ-ๅ็-ํ]{2,12})(?: แซ่[ก-๙]{2,8}| (?P<second>[ก-ฮะ-ฺเ-ๅ็-ํ]{2,10}))?)(?= )"
)
# A second person joined by กับ before who both are ("เฮง สัมนาง กับ สรีย์ มอม แรงงาน…" shape).
_AND_ANOTHER = re.compile(r" กับ (?P<other>[ก-๙]{2,12}(?: [ก-๙]{2,10})?)(?= )")


def apposed_names(text: str) -> list[_Span]:
    """Openings followed by a space and who the person is (`_WHO`)."""
    found: list[_Span] = []
    if not search("apposed_who", text):
        return found  # most messages: one scan for the words, none for the openings
    lists = _name_lists()
    for m in _OPENING.finditer(text):
        if not _could_be_a_name(m.group("first"), lists):
            continue
        ends = [m.end("name")]
        if m.group("second") is not None:
            if not _could_be_a_surname(m.group("second"), lists):
                ends = []
            ends.append(m.end("first"))
        for end in ends:
            other = _AND_ANOTHER.match(text, end)
            if _WHO.match(text, end):
                found.append((m.start("name"), end))
                break
            if (
                other is not None
                and _WHO.match(text, other.end())
                and _could_be_a_name(other.group("other").split()[0], lists)
            ):
                found += [(m.start("name"), end), other.span("other")]
                break
    return found


def _could_be_a_surname(word: str, lists: _NameLists) -> bool:
    """A listed surname, or a word the dictionary lacks that holds no verb."""
    return word in lists.family or (_could_be_a_name(word, lists) and word not in lists.words)


def _could_be_a_name(word: str, lists: _NameLists) -> bool:
    """A listed given name or nickname, or a word the dictionary lacks that holds no verb."""
    if word in lists.nicknames or word in lists.first:
        return True
    if word in lists.words:
        return False
    return not any(piece in lists.predicates for piece in segment(word))
