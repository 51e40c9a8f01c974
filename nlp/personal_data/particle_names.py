"""Names that sit where a particle might (since round 10): หน่อย, the politeness particle of a
request ("ช่วยดูหน่อยครับ") and a common nickname; and a name told with ชื่อ right before a
polite particle, with no word for a person before it ("…ติดต่อกลับค่ะ ชื่อแก้วตาค่ะ").

หน่อย is a nickname where what surrounds it cannot be a request:
* glued to a form of address, before who the person is ("หมอหน่อยที่ รพ.…", "ป้าหน่อยคนขาย…"),
  unless a verb stands before the form ("ช่วยพี่หน่อยที่…", "ดูน้องหน่อย": the particle);
* after ชื่อ (and perhaps a form of address) in a clause that has told of a person, before a
  deed ("แม่ค้าชื่อป้าหน่อยตั้งร้าน…", "เจ๊ที่ขายลูกชิ้นชื่อหน่อย เอาน้ำมันเก่า…"), unless ชื่อ
  is asked for or acted on ("ขอชื่อหน่อย", "บอกชื่อหน่อยครับ", "เช็คชื่อหน่อย") or a particle or a
  question follows ("ชื่อหน่อยได้ไหม").

A name before a particle must be a listed given name, nickname or surname, or a word no
dictionary has ("ชื่อจริงค่ะ", "ชื่ออะไรครับ", "ชื่อเล่นค่ะ" stay), and not a pet's or a thing's.
"""

from __future__ import annotations

import re

from nlp.personal_data.called_names import _PERSON, _PET, _THING_BEFORE
from nlp.personal_data.cut import _Cut, _is_thai, _Span
from nlp.personal_data.kin_context import KIN_PATTERN
from nlp.personal_data.kin_deeds import _WHO_NEXT, ADDRESS
from nlp.personal_data.name_lists import _name_lists, _stopwords, listed_name, unknown_word
from nlp.personal_data.name_words import _PARTICLES, _word_set
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

_NICKNAME = "หน่อย"
# What, right before ชื่อ, asks for the name or acts on it: then หน่อย is the request's.
_ASKED = r"(?<!ขอ)(?<!บอก)(?<!แจ้ง)(?<!ถาม)(?<!ใส่)(?<!กรอก)(?<!เขียน)(?<!เช็ค)(?<!เช็ก)(?<!ตรวจ)(?<!ส่ง)(?<!ให้)(?<!จด)(?<!รู้)(?<!ดู)(?<!แก้)(?<!ลง)(?<!ตั้ง)(?<!เปลี่ยน)(?<!ระบุ)(?<![เแ])(?<!ราย)(?<!ป้าย)"
_CALLED_NICKNAME = re.compile(rf"{_ASKED}ชื่อ ?(?:{KIN_PATTERN})?(?P<name>{_NICKNAME})")
_CALLED_BEFORE_PARTICLE = re.compile(
    rf"{_ASKED}ชื่อ ?(?P<name>[ก-๙]{{2,12}}?) ?(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ)(?![ก-๙])"
)
# After หน่อย: a particle, a question or a "can" ends a request ("ชื่อหน่อยได้ไหม").
_REQUEST_ENDS = _word_set("ได้ ไหม มั้ย นะ ครับ ค่ะ คะ คับ จ้า จ้ะ ด้วย เถอะ สิ ซิ ที ก่อน")
# Since round 14 also before how to reach the person ("เจ้าของชื่อเจ๊หน่อย ไลน์ …"): a request
# asks for the contact too ("ขอชื่อหน่อย เบอร์ด้วย"), which _ASKED leaves out.
_CONTACT = _word_set("ไลน์ เบอร์ โทร ติดต่อ เฟส เฟซ ไอดี")
_WINDOW = 40
_BREAK = re.compile(r"\n|[.!?] ")


def particle_names(text: str) -> list[_Span]:
    """หน่อย as a nickname, and a name after ชื่อ before a polite particle."""
    found: list[_Span] = []
    if "ชื่อ" in text:
        found += _called_before_particle(text)
    if _NICKNAME in text:
        found += _addressed_nickname(text) + _called_nickname(text)
    return found


def _clause_before(text: str, at: int) -> str:
    return _BREAK.split(text[max(0, at - _WINDOW) : at])[-1]


def _called_nickname(text: str) -> list[_Span]:
    """หน่อย after ชื่อ in a clause that has told of a person, before a deed."""
    lists = _name_lists()
    found = []
    for m in _CALLED_NICKNAME.finditer(text):
        clause = _clause_before(text, m.start())
        if not _PERSON.search(clause) or _PET.search(clause):
            continue
        end = m.end()
        at = end + 1 if text[end : end + 1] == " " else end
        following = segment(text[at : at + 12])[0] if at < len(text) else ""
        if following in _REQUEST_ENDS or not _is_thai(following):
            continue
        if following in lists.predicates or following in ud_verbs() or following in _CONTACT:
            found.append(m.span("name"))
    return found


def _addressed_nickname(text: str) -> list[_Span]:
    """หน่อย glued to a form of address, before who the person is, with no verb before the form."""
    cut = _Cut.of(text)
    lists = _name_lists()
    found = []
    for j, (token, start, end) in enumerate(cut.tokens[1:], start=1):
        form = cut.tokens[j - 1][0]
        if token != _NICKNAME or form not in ADDRESS or not _WHO_NEXT.match(text, end):
            continue
        form_start = cut.tokens[j - 1][1]
        if form_start > 0 and _is_thai(text[form_start - 1]):
            before = cut.tokens[j - 2][0] if j >= 2 else ""
            if before in lists.predicates or before in ud_verbs() or before not in _stopwords():
                continue  # "ช่วยพี่หน่อยที่…": a request
        found.append((start, end))
    return found


def _called_before_particle(text: str) -> list[_Span]:
    """A listed name or a word no dictionary has, after ชื่อ and before a polite particle."""
    lists = _name_lists()
    found = []
    for m in _CALLED_BEFORE_PARTICLE.finditer(text):
        name = m.group("name")
        clause = _clause_before(text, m.start())
        if _THING_BEFORE.search(clause) or _PET.search(clause) or name in _stopwords():
            continue
        if listed_name(name, lists) or name in lists.family or _unknown_name(name):
            found.append(m.span("name"))
    return found


def _unknown_name(name: str) -> bool:
    """A word no dictionary has that is no phrase: not a word and a particle ("แบรนด์|อะ",
    "เมล|หรอ"), and not only dictionary words glued."""
    lists = _name_lists()
    pieces = segment(name)
    return (
        unknown_word(name, lists)
        and not any(p in _PARTICLES for p in pieces)
        and not all(p in lists.words for p in pieces)
    )
