"""A citizen giving their own name in Thai script ("ผมสมบัติ โทร …", "ผมต้นนะครับ", "หนูแพรวค่ะ",
and since session 17 "ชื่อเล่นปลาค่ะ", "เจี๊ยบเองนะคะ", the Isan "ข่อยซื่อ บุญมี สีดา เด้อ"; since
t39 a name and surname no list holds before who or where: "ผม อาเซอ เชอมือ ชาวอาข่า")."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.gazetteer import Gazetteer
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.name_lists import _name_lists, _stopwords, listed_name, unknown_word
from nlp.personal_data.name_parts import builds_names
from nlp.personal_data.name_words import _AFTER_NAME
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

# A citizen giving their own name: "ผมสมบัติ โทร …", "ดิฉันมาลีค่ะ". Only a given name the lists
# know, and only before a phone word, a polite particle, a number or the end: ผม is also hair
# ("ผมขาวครับ"). A name that is mostly a common word only before a phone word ("ผมสมัคร1เมก"
# subscribed).
_INTRODUCTION_END = r"(?= ?(?:โทร|เบอร์|ติดต่อ|ครับ|ค่ะ|คะ|นะ|\d)|[ .,!)]*$)"
_CONTACT_AFTER = re.compile(r" ?(?:โทร|เบอร์|ติดต่อ)")
_SELF_INTRODUCTION = re.compile(
    rf"(?<![ก-๙])(?P<pronoun>ผม|ดิฉัน|กระผม|หนู) ?(?P<name>[ก-ฮเแโใไ][ก-๙]{{1,15}}?)"
    rf"{_INTRODUCTION_END}"
)
# A nickname that is also a word ("ผมต้นนะครับ", "หนูแพรวค่ะ") only before a polite particle or a
# phone word, and never a word that says what hair or a child is like or does ("ผมขาวครับ",
# "ผมร่วงค่ะ", "หนูกลัวค่ะ").
_PARTICLE_OR_CONTACT = re.compile(r" ?(?:นะ)?(?:ครับ|ค่ะ|คะ|คับ|จ้า)| ?(?:โทร|เบอร์|ติดต่อ)")


# "ชื่อ…ค่ะ" (ชื่อ at a word's start, a listed name, a polite particle or a phone word after),
# "ชื่อเล่น…", the Isan ข่อยซื่อ/เฮาซื่อ; and a nickname with เอง and a particle: "เจี๊ยบเองนะคะ".
_PARTICLE = r"(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ|เด้อ|เน้อ|เจ้า)"
_NAMED = re.compile(
    r"(?:(?<![ก-๙])ชื่อ(?P<nick>เล่น)?|(?:ข่อย|เฮา)ซื่อ) ?(?P<name>[ก-ฮเแโใไ][ก-๙]{1,15}?)"
    rf"(?P<family> [ก-ฮเแโใไ][ก-๙]{{1,20}}?)?(?= ?(?:{_PARTICLE}|โทร|เบอร์))"
)
_ONESELF = re.compile(rf"(?<![ก-๙])(?P<name>[ก-ฮเแโใไ][ก-๙]{{1,10}}?)เอง ?(?={_PARTICLE})")


def _named_selves(text: str) -> list[PersonalDataSpan]:
    """Names given with ชื่อ and a particle, or with เอง: listed, and no verb or adjective
    unless called a nickname ("ชื่อเล่นปลาค่ะ"); with a surname only if the lists know it."""
    lists = _name_lists()
    found = []
    for pattern in (_NAMED, _ONESELF):
        for m in pattern.finditer(text):
            name = m.group("name")
            nick = pattern is _NAMED and m.group("nick") is not None
            listed = (name in lists.first and name not in lists.common) or name in lists.nicknames
            if pattern is _NAMED and not listed:  # two nicknames glued: "ชื่อแก้วตาค่ะ"
                listed = any(
                    name[:i] in lists.nicknames and name[i:] in lists.nicknames
                    for i in range(2, len(name) - 1)
                )
            word_like = name in lists.predicates or name in lists.adjectives or name in ud_verbs()
            if not listed or (word_like and not nick) or name in _stopwords():
                continue
            if pattern is _ONESELF and name in lists.words and name not in lists.nicknames:
                continue  # "2 อาทิตย์เองครับ": a word (a week) that is also a given name
            end = m.end("name")
            family = m.group("family") if pattern is _NAMED else None
            if family is not None and family.strip() in lists.family:
                end = m.end("family")
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), end))
    return found


# A full name after ผม or ดิฉัน before a particle (since round 8: "ดิฉันวนิดา แสงทองค่ะ"): both
# halves listed, so "ผมยาว มากครับ" stays.
_FULL_NAME_INTRODUCTION = re.compile(
    r"(?<![ก-๙])(?:ผม|ดิฉัน|กระผม) ?(?P<name>[ก-ฮเแโใไ][ก-๙]{1,15}) "
    r"(?P<family>[ก-ฮเแโใไ][ก-๙]{1,20}?) ?(?:นะ)?(?:ครับ|ค่ะ|คะ)"
)


# A name and a surname no list holds, parted by spaces after ผม or ดิฉัน, before who or where the
# person is (since t39: a hill people's names, "ผม อาเซอ เชอมือ ชาวอาข่า บ้าน…").
_UNLISTED_FULL_NAME = re.compile(
    r"(?<![ก-๙])(?:ผม|ดิฉัน|กระผม) (?P<name>[ก-ฮเแโใไ][ก-๙]{1,15}) "
    r"(?P<family>[ก-ฮเแโใไ][ก-๙]{1,20}) (?=ชาว|คน(?:ลาว|พม่า|ไทใหญ่|กะเหรี่ยง|ม้ง|เขมร)|บ้าน|อยู่|อายุ)"
)


# Since round 14: a listed nickname that is also an adjective or a verb (ดำ "black", ขาว), when
# the message opens with it and after the particle comes the writer's trade ("ผมดำครับ คนขับ
# กระบะส่งผัก"): hair is black, it drives nothing ("ผมขาวครับ เป็นคนแก่แล้ว" stays).
_TRADE_AFTER = re.compile(
    r" ?(?:นะ)?(?:ครับ|ค่ะ|คะ|คับ|จ้า)[ ,]*(?:คน(?:ขับ|ขาย|เก็บ|ส่ง|สวน|งาน)|แม่ค้า|พ่อค้า"
    r"|เจ้าของ|ลูกจ้าง|พนักงาน|อสม|ชาวบ้าน|ลูกบ้าน|ช่าง|ไรเดอร์|วินมอ)"
)


def _self_introductions(text: str) -> list[PersonalDataSpan]:
    lists = _name_lists()
    found = [
        PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), m.end("family"))
        for m in _FULL_NAME_INTRODUCTION.finditer(text)
        if m.group("name") in lists.first
        and m.group("name") not in lists.common
        and m.group("family") in lists.family
    ]
    found += [
        PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), m.end("family"))
        for m in _UNLISTED_FULL_NAME.finditer(text)
        if unknown_word(m.group("name"), lists, verbs_ok=True)
        and unknown_word(m.group("family"), lists, verbs_ok=True)
    ]
    for m in _SELF_INTRODUCTION.finditer(text):
        name = m.group("name")
        listed = name in lists.first or (name in lists.nicknames and name not in lists.words)
        if m.group("pronoun") == "หนู":  # also a mouse: only a name the lists know as one
            listed = listed and name not in lists.words
        elif not listed and name in lists.nicknames:
            listed = _PARTICLE_OR_CONTACT.match(text, m.end()) is not None and not (
                name in lists.predicates or name in lists.adjectives or name in ud_verbs()
            )
        if not listed and name in lists.nicknames and m.start() == len(text) - len(text.lstrip()):
            listed = _TRADE_AFTER.match(text, m.end()) is not None
        common = name in lists.common and not _CONTACT_AFTER.match(text, m.end())
        if listed and not common and name not in _stopwords() and name not in _AFTER_NAME:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), m.end()))
    return found


# Since round 13: a writer opening the message with their own name and a polite particle, then
# who or where they are ("พรค่ะ อยู่ ซ.…", "กรรณิการ์ค่ะ เบอร์ …", "ต่ายนะคะ ร้านซักรีด…",
# "ฟ้าค่ะ ครูที่ศูนย์…"). A topic opens messages the same way ("ขยะค่ะ ซอย 5 …", "น้ำค่ะ ไม่ไหล",
# "แอดมินคะ …"), so the word must be a listed name or a syllable given names are built of
# (`name_parts`), no verb, adjective or function word, and right after it the writer must say
# where they live, how to reach them or what they do: a lane or a village alone is where a topic
# is, and counts only after a listed name.
_OPENING_SELF = re.compile(
    r"[ \t]*(?:สวัสดี(?:ค่ะ|คะ|ครับ|คับ|จ้า)?[ ,]*)?(?P<name>[ก-ฮเแโใไ][ก-๙]{1,11}?) ?"
    r"(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ)[ ,.!]+"
)
_SELF_NEXT = re.compile(
    r"อยู่(?!ดี|แล้ว|ๆ| ?ๆ)|บ้านอยู่|บ้านเลขที่|เบอร์|โทร|ติดต่อ|ร้าน|ครู|อายุ ?[0-9๐-๙]|ลูกบ้าน|ชาวบ้าน"
    r"|เป็น ?(?:ครู|อสม|แม่ค้า|คน|ชาว|ลูก|เจ้าของ|พนักงาน|นักเรียน|นักศึกษา|ผู้)|เจ้าของ|แม่ค้า|พ่อค้า"
    r"|ทำงาน|นักเรียน|นักศึกษา|พนักงาน|อสม|จาก(?:ร้าน|บ้าน|หมู่|ซอย|ชุมชน|ม\.)"
    r"|ขอ(?:แจ้ง|สอบถาม|ร้องเรียน|ฝาก)|สอบถาม|แจ้ง(?:เรื่อง|ว่า)"
)
_PLACE_NEXT = re.compile(r"ม\.|หมู่|ซ\.|ซอย|ชุมชน|หมู่บ้าน|ต\.|ตำบล")


def opening_selves(text: str) -> list[tuple[int, int]]:
    """The writer's name opening the message before a polite particle (offsets of the name)."""
    m = _OPENING_SELF.match(text)
    if m is None:
        return []
    lists = _name_lists()
    name = m.group("name")
    listed = listed_name(name, lists) or name in lists.first
    if (
        name in lists.predicates
        or name in lists.adjectives
        or name in ud_verbs()
        or name in _stopwords()
        or name in _AFTER_NAME
        or name in KIN
        or name in Gazetteer.load().forms
        or not (listed or builds_names(name))
        or (not listed and len(segment(name)) != 1)
    ):
        return []
    if _SELF_NEXT.match(text, m.end()) or (listed and _PLACE_NEXT.match(text, m.end())):
        return [m.span("name")]
    return []


# Since round 13: a Malay name glued to ผม or ดิฉัน and a surname, before where the person lives
# ("ผมอับดุลเราะห์มาน ยูโซ๊ะ อยู่สุไหงโก-ลก"): the given name no dictionary word and no verb or
# adjective in it ("ผมร่วงหนัก มาก อยู่", "ผมขาวโพลน ทั้งหัว" stay).
_GLUED_FULL_NAME = re.compile(
    r"(?<![ก-๙])(?:ผม|ดิฉัน|กระผม)(?P<name>[ก-ฮเแโใไ][ก-๙]{4,15}) "
    r"(?P<family>[ก-ฮเแโใไ][ก-๙]{2,20}) (?=ชาว|คน(?:ลาว|พม่า|ไทใหญ่|กะเหรี่ยง|ม้ง|เขมร)|บ้าน|อยู่|อายุ)"
)


def glued_full_names(text: str) -> list[tuple[int, int]]:
    """A given name no list holds glued to ผม/ดิฉัน, and a surname, before who or where."""
    lists = _name_lists()
    return [
        (m.start("name"), m.end("family"))
        for m in _GLUED_FULL_NAME.finditer(text)
        if unknown_word(m.group("name"), lists)
        and not any(p in lists.adjectives for p in segment(m.group("name")))
        and unknown_word(m.group("family"), lists, verbs_ok=True)
    ]
