"""A citizen naming themselves with nothing but a polite particle, or signing off: "ปุ้มค่ะ 🙏",
"สวัสดีครับ โอ๊ตนะครับ", "มะปรางเองค่ะ ขอแจ้ง…", "…ฝากด้วยนะคะ จากนุ่น" (since round 8).

`self_introductions` needs ผม, หนู or ชื่อ before the name. A message (or a line) that is only a
word and a particle names its writer when the word is a listed name ("ท่อพังครับ" is a report);
after a greeting, or before เอง at the start, also a noun that is a nickname (มะปราง, แตงโม), but
never a verb, an adjective, a function word or a word for a time or a thing asked about
("ด่วนค่ะ", "ได้ค่ะ", "พรุ่งนี้ค่ะ", "ขอบคุณค่ะ"). A sign-off is จาก and a listed name at the very
end, after a particle ("…นะคะ จากฝน"; "น้ำท่วมมาจากฝน" stays)."""

from __future__ import annotations

import re

from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _Span
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords, listed_name
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _word_set
from nlp.personal_data.word_classes import ud_verbs

_PARTICLE = r"(?:นะ)?(?:คะ|ค่ะ|ค่า|ครับ|คับ|จ้า|จ้ะ)"
_GREETING = r"สวัสดี(?:ค่ะ|คะ|ครับ|จ้า)?"
_TAIL = r"[^\w\nก-๙]*(?=\n|$)"  # emoji, marks and spaces to the line's end
_END = r"[^\wก-๙]*$"  # … to the text's end
_ONLY_A_NAME = re.compile(
    rf"[ \t]*(?P<greeting>{_GREETING}[ ,]*)?(?P<name>[ก-๙]{{2,10}}?) ?{_PARTICLE}{_TAIL}"
)
_AFTER_GREETING = re.compile(
    rf"[ \t]*{_GREETING}[ ,]+(?P<name>[ก-๙]{{2,10}}?) ?{_PARTICLE}(?= |{_TAIL})"
)
_ONESELF_FIRST = re.compile(rf"[ \t]*(?P<name>[ก-๙]{{2,10}}?)เอง ?{_PARTICLE}")
_SIGN_OFF = re.compile(rf"(?:{_PARTICLE}|ด้วย|\n) +จาก ?(?P<name>[ก-๙]{{2,10}}){_END}")
# Words for a time, an answer or thanks that a message may be alone with a particle.
_NOT_NAMES = _word_set(
    """สวัสดี ขอบคุณ ขอโทษ พรุ่งนี้ วันนี้ เมื่อวาน ตอนนี้ เดี๋ยวนี้ ตอนเช้า ตอนเย็น เช้า เย็น
    ด่วน ใช่ ไม่ใช่ ได้ ครับ ค่ะ โอเค รับทราบ เรียบร้อย ยัง แล้ว ทุกวัน ทุกคืน ที่นี่ ตรงนี้
    บ้าน ซอย ถนน ขยะ น้ำ ไฟ ท่อ รถ หมา แมว งู ลิง"""
)


def bare_introductions(text: str) -> list[_Span]:
    """Names alone with a particle, after a greeting, before เอง at the start, or signing off."""
    lists = _name_lists()
    found: list[_Span] = []
    for start in _line_starts(text):
        m = _ONLY_A_NAME.match(text, start)
        if m is not None and (
            _names_the_writer(m.group("name"), lists)
            or (m.group("greeting") and _noun_nickname(m.group("name"), lists))
        ):
            found.append(m.span("name"))
            continue
        m = _AFTER_GREETING.match(text, start)
        if m is None and start == 0:
            m = _ONESELF_FIRST.match(text)
        if m is not None and (
            _names_the_writer(m.group("name"), lists) or _noun_nickname(m.group("name"), lists)
        ):
            found.append(m.span("name"))
    sign_off = _SIGN_OFF.search(text) if "จาก" in text else None
    if sign_off is not None and listed_name(sign_off.group("name"), lists):
        found.append(sign_off.span("name"))
    return found


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _names_the_writer(word: str, lists: _NameLists) -> bool:
    """A listed name (a word the dictionary lacks may be a report: "ท่อพังครับ")."""
    return listed_name(word, lists) and not _excluded(word, lists)


def _noun_nickname(word: str, lists: _NameLists) -> bool:
    """A dictionary word that may be a nickname: no verb, adjective or function word."""
    return not _excluded(word, lists) and word in lists.words


def _excluded(word: str, lists: _NameLists) -> bool:
    return (
        word in Gazetteer.load().forms  # "ชุมพรค่ะ": where, in answer to a question
        or word in _NOT_NAMES
        or word in _FUNCTION_WORDS
        or word in _AFTER_NAME
        or word in _stopwords()
        or word in lists.predicates
        or word in lists.adjectives
        or word in ud_verbs()
    )
