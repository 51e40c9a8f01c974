"""A nickname after a kinship word or a form of address, set between hearts, flowers, tildes or
quotes: "💕พี่แนน💕", "~น้องใบเตย~", "“ป้าจิ๋ม”", "🌸คุณหมอ ฝน🌸" (since round 8).

Praise is written so, and the marks cut the nickname off from what would show it is a person;
but a word for a person between two marks is a person's name just as a title makes it one. The
same mark (or a pair of quotes) must close the name right after it, and the word must be no
word for a kind of person, a field or a trade ("💕พี่สาว💕", "“น้องใหม่”", "~คุณหมอฟัน~" stay)."""

from __future__ import annotations

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.name_lists import _name_lists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _word_set, one_of
from nlp.personal_data.triggers import finditer, trigger

_ADDRESS = one_of(KIN | _word_set("ครู หมอ คุณหมอ คุณครู คุณ หมวด จ่า"))
# Marks that open and close: symbols and emoji (not letters, digits, spaces or brackets).
_MARK = r"[^\w\s\u0e00-\u0e7f()\[\]{}<>.,:;!?\-/#@]"  # not a hashtag's # nor a mention's @
_DECORATED = trigger(
    "decorated",
    rf"(?P<open>{_MARK}+) ?(?P<address>{_ADDRESS}) ?(?P<name>[ก-๙]{{2,8}}) ?(?P<close>{_MARK}+)",
)
_PRONOUNS = ("เค้า", "เขา", "มัน", "แก", "เธอ", "ท่าน")
_QUOTES = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_KINDS = tuple(
    _word_set("สาว ชาย หญิง ใหม่ เก่า คน ที่ ข้าง บ้าน ร้าน ฟัน ตา เด็ก ช่าง ทุก ทั้ง พวก เลี้ยง หมา แมว")
)


def decorated_names(text: str) -> list[_Span]:
    """Nicknames after a form of address between two like marks."""
    found: list[_Span] = []
    for m in finditer("decorated", text):
        opening, closing, name = m.group("open"), m.group("close"), m.group("name")
        if not _closes(opening, closing) or not _may_be_a_nickname(name):
            continue
        if m.group("address") + name in _name_lists().words:
            continue  # a word in quotes: "“อาจจะ”", "“ตามใจ”"
        found.append(m.span("name"))
    return found


def _closes(opening: str, closing: str) -> bool:
    """The closing marks mirror the opening ones: the same emoji or symbol, or a closing quote."""
    first, last = opening[-1], closing[0]
    return last == first or _QUOTES.get(first) == last or opening.strip() == closing.strip()


def _may_be_a_nickname(name: str) -> bool:
    lists = _name_lists()
    if name in _FUNCTION_WORDS or name in _AFTER_NAME or name in _stopwords():
        return False
    if name.startswith(_PRONOUNS):
        return False  # "น้องเค้าบอก": he said
    if name.startswith(_KINDS) and name not in lists.nicknames:
        return False
    return not (name in lists.predicates or name in lists.adjectives)
