"""A name after a form of address of the regions, glued on or after one space, where what
follows shows a person was named (since round 10): Isan แม่ใหญ่/พ่อใหญ่ (a village's elders), บัก
and ไอ้บ่าว (a boy, a young man), อีนาง/อีหล่า (a girl); the south's บัง (elder brother), โก
(elder brother, Chinese-Thai), เจ๊ะ, ก๊ะ (elder sister), เปาะ (father), มะ (mother), อาแบ (elder
brother, Malay); the Chinese-Thai อาม่า and อากง; the hill villages' heads พ่อหลวง/แม่หลวง.

"แม่ใหญ่คำพัน ป่วยติดเตียง", "ขอบคุณบังดิง อาสาชุมชน", "อาแบ ฟาตีมะห์ 70 ปี", "ไอ้บ่าวเดียว
ลูกโกหนุ้ย", "อาม่าง้อที่เป็นโรคหัวใจ", "ลูกพ่อใหญ่ผายขับรถ", "(โกเถียร)".

The names these forms go with are everyday words (เดียว "only", ง้อ "to make up", ดิง) or words
no dictionary has (ฟาตีมะห์), so the name counts only where the form starts a word (the text or a
line starts, a space, a mark or a function word is before it, or a word that thanks the person
or says whose child they are) and right after the name comes who the person is (an age, a
volunteer, a son, a house, ที่เป็น …) or a deed only a person does (`kin_deeds`' lists), or the
form and the name stand in brackets after a name. A verb as the name needs who the person is
after it ("แม่ใหญ่นอนป่วย" stays); after ลูก the parent's name needs only to be no verb the
corpus tags as one ("ลูกพ่อใหญ่ไปทำงาน" stays). Words that say what a person is like, which one,
or a kind of person stay ("พ่อใหญ่แก่ๆ", "บักคนนั้น"); so do บัง "to block" and มะ starting
fruits: the tokeniser must cut them as a word of their own, and what follows must show a person.
"""

from __future__ import annotations

import re

from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _Cut, _is_thai, _Span
from nlp.personal_data.kin_deeds import _DESCRIBES, _PERSON_DEEDS, _WHO
from nlp.personal_data.known_names import _NUMBER_WORDS
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords, unknown_word
from nlp.personal_data.name_words import (
    _AFTER_NAME,
    _FUNCTION_WORDS,
    _PARTICLES,
    _word_set,
    one_of,
)
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS, _PRONOUNS
from nlp.personal_data.triggers import search, trigger
from nlp.personal_data.word_classes import reads_as_words, ud_verbs
from nlp.tokenise import segment

# since t39 also the Karen พะตี (uncle, with or without its tone mark): "พะตีดิโพป่วย" (not the
# Malay แบ, which starts แบรนด์ and English nicknames too often)
_FORMS = _word_set(
    """แม่ใหญ่ พ่อใหญ่ บัก ไอ้บ่าว อีนาง อีหล่า บัง โก เจ๊ะ ก๊ะ เปาะ มะ อาแบ อาม่า อากง
    พ่อหลวง แม่หลวง ป้อหลวง พะตี พะตี่ พ่อเฒ่า แม่เฒ่า"""
)
# Since round 12: the Malay แบ (elder brother) only in a shop's name, after ร้าน and its goods
# ("ร้านน้ำชาแบมะ"), where แบรนด์ and English nicknames do not come.
_SHOP_FORMS = _word_set("แบ")
_SHOP_BEFORE = re.compile(r"ร้าน[ก-๙]{0,14}$")
# Since round 12: a house, a vehicle or a thing the person owns before the form ("หน้าบ้าน
# เปาะยูโซะเป็นหลุม", "รถของพะตีแฮเลาะกับครอบครัว"): a name the dictionary lacks is the owner's
# whatever follows.
_OWNER_BEFORE = re.compile(r"(?<!หมู่)(?:บ้าน|ของ|ร้าน|สวน|ไร่|นา|เรือ|รถ)$")
# Forms that are also the start of everyday words (บังคับ, โกง, มะม่วง, เปาะเปี๊ยะ): the tokeniser
# must end them as a word of their own. บัก is the Isan boy's form even cut with its name
# (บักหำ), and every word it starts is one.
_SHORT_FORMS = _word_set("บัง โก มะ เปาะ เจ๊ะ ก๊ะ")
# Since round 13: ก๊ะ starts no Thai word, so the tokeniser may glue it to the name it goes with
# ("ก๊ะรอ|กี|เยาะ ร้านน้ำชา…"); what follows must still show a person.
_GLUED_FORMS = _word_set("ก๊ะ")
_FORMS_ALT = one_of(_FORMS | _SHOP_FORMS)
_FORM = trigger("regional_form", _FORMS_ALT)
# Words before the form that thank the person or say whose child or spouse they are.
_BEFORE_FORM = _word_set("ขอบคุณ ชม ขอชม ชื่นชม ลูก หลาน เมีย ผัว สามี ภรรยา จน เรื่อง ฝาก")
_CHILD_OF = _word_set("ลูก หลาน เมีย ผัว")
# Who the person is, right after the name: kin_deeds' list, and a child of another form, a
# volunteer, ที่เป็น (a disease, a post), a village head's village.
_WHO_NEXT = re.compile(rf" ?(?:{_WHO}|ลูก(?:{_FORMS_ALT})|อาสา|ที่เป็น)")
_PERSON_NEXT = re.compile(rf" ?(?:{_WHO}|ลูก(?:{_FORMS_ALT})|อาสา|ที่เป็น|{_PERSON_DEEDS})")
_HEADS = _word_set("พ่อหลวง แม่หลวง ป้อหลวง")
_VILLAGE_NEXT = re.compile(r" (?:บ้าน|หมู่(?:ที่)? ?[0-9๐-๙])")
_SHORTEST, _LONGEST = 2, 10


def regional_address_names(text: str) -> list[_Span]:
    """Names after a form of address of the regions, where what follows shows a person."""
    if search("regional_form", text) is None:
        return []
    cut = _Cut.of(text)
    lists = _name_lists()
    found: list[_Span] = []
    for m in _FORM.finditer(text):
        start, end = m.span()
        form = m.group()
        shop = _SHOP_BEFORE.search(text, max(0, start - 20), start) is not None
        if form in _SHOP_FORMS and not (shop and start in cut.starts and end in cut.boundaries):
            continue
        owner = _OWNER_BEFORE.search(text, max(0, start - 6), start) is not None
        starts = _starts_a_word(cut, start)
        glued_ok = form in _GLUED_FORMS and _is_thai(text[end : end + 1])
        cut_off = form in _SHORT_FORMS and end not in cut.boundaries and not glued_ok
        if not (starts or owner or shop) or cut_off:
            continue
        at = end + 1 if text[end : end + 1] == " " else end
        if owner or shop:
            owned = _owner_name(text, at, lists, shop=shop)
            if owned is not None:
                found.append(owned)
                continue
            if not starts:
                continue  # "บ้านบังแดด": a sunshade, not a brother
        if glued_ok and end not in cut.boundaries:
            glued = _glued_name(text, end, lists)
            if glued is not None:
                found.append(glued)
                continue
        bracketed = text[start - 1 : start] in "(（" and start > 0
        child_of = _word_before(cut, start) in _CHILD_OF
        span = _name_at(text, at, form, lists, bracketed=bracketed, child_of=child_of)
        if span is not None:
            found.append(span)
    return found


def _name_at(
    text: str, at: int, form: str, lists: _NameLists, *, bracketed: bool, child_of: bool
) -> _Span | None:
    """The shortest name from `at` that what follows shows to be one, or None."""
    for end in range(at + _SHORTEST, min(len(text), at + _LONGEST) + 1):
        if not _is_thai(text[end - 1]) or text[end - 1] in "ๆฯ":
            break
        name = text[at:end]
        if name in _NUMBER_WORDS and name in lists.nicknames and _WHO_NEXT.match(text, end):
            return at, end  # since round 14: "ไอ้บ่าวหนึ่งลูกป้าเขียว", no count (no classifier)
        if not _may_be_a_name(name, lists):
            continue
        # A verb or a stop word as the name needs who the person is after it.
        weak = _verb_first(name, lists) or name in _stopwords()
        if bracketed and text[end : end + 1] in ")）":
            return at, end
        if _WHO_NEXT.match(text, end) or (not weak and _PERSON_NEXT.match(text, end)):
            return at, end
        if form in _HEADS and not weak and _VILLAGE_NEXT.match(text, end):
            return at, end
        ends = (
            end == len(text)
            or not _is_thai(text[end])
            or _verb_follows(text, end, lists)
            or _PERSON_NEXT.match(text, end) is not None
        )
        if child_of and ends and segment(name)[0] not in lists.predicates:
            return at, end  # "ลูกพ่อใหญ่ผาย|ขับรถ": the parent, named
    if form in _HEADS:
        return _head_name(text, at, lists)
    return None


def _owner_name(text: str, at: int, lists: _NameLists, *, shop: bool) -> _Span | None:
    """After an owner's word and a form of address: a name of one Thai run (up to a function
    word, a verb or a space) that the dictionary lacks ("ยู|โซะ", "แฮ|เลาะ"); in a shop's name
    also a short word that may be a name, at the end of the run ("ร้านน้ำชาแบมะ")."""
    pieces = segment(text[at : at + _LONGEST + 6])
    end = at
    for piece in pieces:
        if not _is_thai(piece) or (end > at and _ends_a_name(piece, lists)) or piece == "กับ":
            break
        end += len(piece)
        if end - at > _LONGEST:
            return None
    name = text[at:end]
    if len(name) < _SHORTEST or not _may_be_a_name(name, lists) or reads_as_words(name, lists):
        return None
    if name not in lists.words and not _verb_first(name, lists):
        return at, end
    if shop and (end == len(text) or not _is_thai(text[end])) and name not in ud_verbs():
        return at, end
    return None


# A hill village head's name and clan name, each a word of its own ("พ่อหลวงจะแฮ จะทอ บ้าน…").
_TWO_WORDS = re.compile(r"(?P<first>[ก-๙]{2,8}) (?P<second>[ก-๙]{2,8})(?=[ ,.]|$)")


def _head_name(text: str, at: int, lists: _NameLists) -> _Span | None:
    """After a village head: a hill people's given and clan name that no dictionary has, then
    the village, a mark or the end, or what the head did."""
    m = _TWO_WORDS.match(text, at)
    if m is None or not (_hill_name(m["first"], lists) and _hill_name(m["second"], lists)):
        return None
    end = m.end()
    if end == len(text) or _VILLAGE_NEXT.match(text, end) or _PERSON_NEXT.match(text, end):
        return at, end
    if not _is_thai(text[end]) and text[end] != " ":
        return at, end
    return None


def _verb_follows(text: str, end: int, lists: _NameLists) -> bool:
    """A verb starts right after the name ("ลูกพ่อใหญ่ผาย|ขับรถ")."""
    first = segment(text[end : end + 12])[0]
    return len(first) >= 2 and (first in lists.predicates or first in ud_verbs())


def _verb_first(name: str, lists: _NameLists) -> bool:
    first = segment(name)[0]
    return first in lists.predicates or first in ud_verbs()


def _may_be_a_name(name: str, lists: _NameLists) -> bool:
    """A word that may be a name: no function word, pronoun, particle or word for a kind of
    person first, nothing that describes a person, no place; if every piece is a dictionary
    word, no verb after the first piece (a phrase), but for the Isan names that start with คำ."""
    pieces = segment(name)
    first = pieces[0]
    if (
        len(first) < 2
        or first in _FUNCTION_WORDS
        or first in _PRONOUNS
        or first in _PARTICLES
        or (first in _AFTER_NAME and name not in lists.nicknames)
        or (first in _stopwords() and first != "คำ" and len(pieces) > 1)
        or first.startswith(_NOT_NICKNAME_STARTS)
        or name in _DESCRIBES
        or first in _DESCRIBES
        or (name in lists.adjectives and name not in lists.nicknames)
        or name in Gazetteer.load().forms
    ):
        return False
    if first != "คำ" and any(len(p) >= _LONG_PIECE and _ends_a_name(p, lists) for p in pieces[1:]):
        return False  # "มะ|กี้ได้ยิน": a phrase goes on
    if all(p in lists.words for p in pieces) and first != "คำ":
        return not any(p in lists.predicates or p in _FUNCTION_WORDS for p in pieces[1:])
    return True


# Pieces this long after a name's first are words of their own; shorter ones may be syllables of a
# Malay name that spell a Thai verb (ฟา|ตี|มะห์).
_LONG_PIECE = 3


def _ends_a_name(piece: str, lists: _NameLists) -> bool:
    return (
        piece in lists.predicates
        or piece in ud_verbs()
        or piece in _AFTER_NAME
        or piece in _FUNCTION_WORDS
    )


def _hill_name(name: str, lists: _NameLists) -> bool:
    """A Lahu, Akha, Karen or Hmong name after a village head: no dictionary word, and past its
    first syllable (จะ|แฮ, อา|หมี่: จะ and อา start many) no verb or function word."""
    pieces = segment(name)
    return (
        name not in lists.words
        and len(name) >= 3
        and not any(p in lists.predicates or p in _FUNCTION_WORDS for p in pieces[1:])
        and name not in Gazetteer.load().forms
    )


def _word_before(cut: _Cut, start: int) -> str:
    j = cut.starts.get(start)
    return cut.tokens[j - 1][0] if j else ""


def _starts_a_word(cut: _Cut, start: int) -> bool:
    """The form starts the text, follows no Thai letter, or follows a word of its own that is
    a function word or thanks the person or says whose child they are."""
    if start == 0 or not _is_thai(cut.text[start - 1]):
        return True
    if start not in cut.starts:
        return False
    before = _word_before(cut, start)
    return before in _BEFORE_FORM or before in _FUNCTION_WORDS or before in _stopwords()


_THAI_RUN = re.compile(r"[ก-ฮะ-ฺเ-ๅ็-ํ]{2,10}")


def _glued_name(text: str, at: int, lists: _NameLists) -> _Span | None:
    """Since round 13: the Malay name the tokeniser glued to ก๊ะ, the whole run up to a space
    or a mark, when no dictionary has it (its syllables may spell Thai verbs: รอ|กี|เยาะ) and who
    the person is or what they did follows."""
    m = _THAI_RUN.match(text, at)
    if m is None or (m.end() < len(text) and _is_thai(text[m.end()])):
        return None
    name = m.group()
    if not unknown_word(name, lists, verbs_ok=True) or reads_as_words(name, lists):
        return None
    return m.span() if _PERSON_NEXT.match(text, m.end()) else None
