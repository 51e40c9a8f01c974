"""A citizen giving their own name in Thai script ("ผมสมบัติ โทร …", "ผมต้นนะครับ", "หนูแพรวค่ะ")."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.name_lists import _name_lists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME
from nlp.personal_data.word_classes import ud_verbs

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


def _self_introductions(text: str) -> list[PersonalDataSpan]:
    lists = _name_lists()
    found = []
    for m in _SELF_INTRODUCTION.finditer(text):
        name = m.group("name")
        listed = name in lists.first or (name in lists.nicknames and name not in lists.words)
        if m.group("pronoun") == "หนู":  # also a mouse: only a name the lists know as one
            listed = listed and name not in lists.words
        elif not listed and name in lists.nicknames:
            listed = _PARTICLE_OR_CONTACT.match(text, m.end()) is not None and not (
                name in lists.predicates or name in lists.adjectives or name in ud_verbs()
            )
        common = name in lists.common and not _CONTACT_AFTER.match(text, m.end())
        if listed and not common and name not in _stopwords() and name not in _AFTER_NAME:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), m.end()))
    return found
