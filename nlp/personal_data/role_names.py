"""Names after role and kinship words ("ลุงแดง", "น้องข้าวหอม", "ผู้ใหญ่บ้านบุญเรือน").

How a name after a role word is told from a common word ("ลุงแดง" from "ลุงที่ขายของ"): the
role word must be a word of its own in the tokeniser's cut, and what follows must be a given name
(pythainlp's lists, or the team's list of nicknames they miss) that is not a word that ends a
name, or a word the Thai dictionary does not know at all (a nickname such as "มายด์"). A name
that is mostly a common word (สมบัติ, เสริม, มี) counts only glued to a kinship word or a rank
and before what ends a name ("ลุงสมบัติแจ้ง…", "ลุงมีที่บ้าน…", not "ลุงมีรถ"). A shop named
after someone keeps the shop and loses the person ("ร้านส้มตำป้า[ชื่อ]"); a lane keeps both."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Cut, _is_thai, _Span
from nlp.personal_data.known_names import (
    _apposition_after,
    _first_word,
    _known_name,
    _person_acts_after,
    _plain_word,
    _verb_like,
)
from nlp.personal_data.name_lists import _NameLists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _PARTICLES, _WHO_AFTER_NAME, _word_set
from nlp.personal_data.roles import (
    _COMMON_NAME_ROLES,
    _COMPOUND_NICKNAME_ROLES,
    _NICKNAME_ROLES,
    _SHOP_KIN,
    _Role,
)
from nlp.tokenise import segment

# Kinship words that also name things and pets (น้องหมา, น้องโซดา, พี่ท้องเสีย in ads and
# banter): a nickname of two words after them needs a word after it that says who the person is.
_THINGS_TOO = _word_set("น้อง พี่ เจ๊ เฮีย ป๋า เสี่ย เถ้าแก่")
# Kinship words the tokeniser may leave glued to a nickname it does not know ("เจ๊เกียว").
_GLUED_KIN = _word_set("ลุง ป้า ยาย พี่ น้อง เจ๊ เฮีย ป๋า")
_PRONOUNS = _word_set("ดิฉัน ผม ฉัน เรา หนู เขา เค้า มัน แก เธอ กู มึง")

# Lanes, markets and bridges named after someone: the name is a landmark officials need. Not
# shops: "ร้านส้มตำป้าแต๋ว" names the woman who runs it, and "ร้านส้มตำป้า[ชื่อ]" still
# tells officials where. Not after ประธาน/กรรมการ, where ชุมชน is part of a role. Since round 14
# also temples, many named after the elder who gave the land ("วัดยายร่ม", "วัดป้าโค").
_LANDMARK_WORDS = _word_set("ซอย ซ. ตลาด ตลาดนัด หมู่บ้าน ชุมชน สะพาน คลอง วัด")
_ROLE_BEFORE_LANDMARK = _word_set("ประธาน กรรมการ")

# What a word after a kinship word starts with when it names a kind of person, a job or a
# place, not a nickname: "พี่ช่างไฟ", "ลุงคนขับรถ", "น้องนักเรียน", "ป้าแม่บ้าน", "ลุงขี้เมา".
_NOT_NICKNAME_STARTS = tuple(
    _word_set(
        """ช่าง คน นัก พนักงาน เจ้า แม่ พ่อ ยาม รปภ ไรเดอร์ วิน ตำรวจ ทหาร พยาบาล หมอ ครู เด็ก
    ผู้ ชาว ลูก หลาน สาว หนุ่ม ชาย หญิง แก่ เพื่อน ข้าง แถว ตรง หน้า หลัง บ้าน ร้าน ขี้ ตา ลุง ป้า
    ยาย พี่ น้อง ที่ ซึ่ง ทั้ง ทุก อีก หมา แมว หัว แท็กซี่ จราจร หนึ่ง สอง สาม สี่ ห้า หก เจ็ด
    แปด เก้า สิบ ร้อย พัน หมื่น แสน ล้าน ตลาด สวน ไร่ วัด โรง ทีม แผง"""
    )
)

# Verbs before a kinship word glued to a name: "ตามหาตาจันทร์".
_SEEKING = _word_set("ตามหา หา เจอ")
_SHORT_KIN = frozenset({"ตา", "น้า", "ย่า", "ปู่"})

_DRAWN_OUT = re.compile(r"(.)\1\1")  # "ชูวววว": a letter typed three times


def _role_names(cut: _Cut, roles: list[_Role], lists: _NameLists) -> list[_Span]:
    """Names after role and kinship words, only where the tokeniser cut the role word as a
    word of its own, so that "ตาม", "ป้าย" and "พี่น้อง" are not read as ตา, ป้า and พี่."""
    found = []
    text = cut.text
    for role in roles:
        begin = role.begin if role.begin in cut.starts else role.start
        if begin in cut.starts and role.end not in cut.boundaries:
            across = _listed_name_across(cut, role, lists)
            found.append(across or _unknown_glued_nickname(cut, role, begin, lists))
            continue
        if begin not in cut.starts or role.end not in cut.boundaries:
            continue
        if _names_a_landmark(cut, begin):
            continue  # "ซอยป้าแดง", "ตลาดลุงพล": a landmark officials need
        glued = text[role.end : role.end + 1] != " "
        after = role.end + (0 if glued else 1)
        # ตา, น้า, ย่า, ปู่ are also syllables of borrowed words ("ไวตามิน", "ซานตา") and ตา an
        # eye ("แต่งตา โทนน้ำตาล"): only glued to the name and at the start of a word.
        short_kin = role.word in _SHORT_KIN
        if short_kin and not (glued and _starts_word(cut, begin)):
            continue
        if glued and role.word in _COMPOUND_NICKNAME_ROLES and after in cut.starts:
            # At the end or before a space, only after an elder's word that starts a word
            # ("ขอบคุณค่ะ จากยายคำใส", not "น้องโซดา น้องน้ำแข็ง", "มะลุงตุงนัง").
            elder = role.word not in _THINGS_TOO and _starts_word(cut, begin)
            found.append(_compound_nickname(cut, cut.starts[after], lists, elder=elder))
        if glued and role.word in _SHOP_KIN and after in cut.starts:
            found.append(_shopkeeper_nickname(cut, cut.starts[after], lists))
            if _SHOP_BEFORE.search(text, max(0, begin - _SHOP_BEFORE_WINDOW), begin):
                found.append(_named_shop_nickname(cut, cut.starts[after], lists))
        if after in cut.starts:
            # A word no list knows is a nickname only glued on ("น้องมายด์").
            unknown_ok = glued and role.word in _NICKNAME_ROLES
            found.append(
                _known_name(
                    cut,
                    cut.starts[after],
                    lists,
                    unknown_ok=unknown_ok,
                    common_ok=glued and role.word in _COMMON_NAME_ROLES,
                )
            )
    return [span for span in found if span is not None]


def _shopkeeper_nickname(cut: _Cut, j: int, lists: _NameLists) -> _Span | None:
    """A nickname between a kinship word and the shop the person keeps ("เจ๊หน่อยร้านข้าวแกง",
    "เฮียตี๋ร้านเจริญพาณิชย์"): one or two words, even common ones (หน่อย "a little"), right
    before ร้าน, that are no verb, adjective, pronoun or word for a kind of person ("ลุงเปิดร้าน",
    "ป้าข้างร้าน", "พี่ที่ร้าน")."""
    tokens = cut.tokens
    elder = j > 0 and tokens[j - 1][0] in _ELDERS
    for size in (1, 2):
        if j + size >= len(tokens) or not tokens[j + size][0].startswith("ร้าน"):
            continue
        words = [t for t, _, _ in tokens[j : j + size]]
        joined = "".join(words)
        if not all(
            len(w) >= 2
            and _is_thai(w)
            and w not in _PRONOUNS
            and w not in lists.adjectives
            and not _verb_like(w, lists)
            and (
                not w.startswith(_NOT_NICKNAME_STARTS)
                or _shop_nickname_too(w, joined, lists, elder)
            )
            for w in words
        ):
            return None
        start, end = tokens[j][1], tokens[j + size - 1][2]
        return (start, end) if 2 <= end - start <= 8 else None
    return None


# Since round 12: an elder's word before a shopkeeper's nickname that starts like a kind of
# person or an animal ("น้าแมวร้านขายของชำ", "พี่ลูกหว้าร้านข้าวแกง"): แมว and หมา alone, and ลูก
# starting a word no dictionary holds, are nicknames there (น้องหมาร้านข้างๆ is a dog).
_ELDERS = _word_set("ลุง ป้า ยาย ตา น้า พี่ เจ๊ เฮีย ป๋า อาม่า อากง เสี่ย")
_ANIMAL_NICKNAMES = _word_set("แมว หมา")


def _shop_nickname_too(word: str, joined: str, lists: _NameLists, elder: bool) -> bool:
    """Whether `word`, which starts like a kind of person or an animal, is still a nickname
    before a shop after an elder's word."""
    if not elder:
        return False
    if word in _ANIMAL_NICKNAMES:
        return True
    return word == "ลูก" and joined != word and joined not in lists.words


# A shop and its goods right before the kinship word, in one run of letters: the shop is named
# after the person ("ร้านก๋วยเตี๋ยวเจ๊ต้อยหน้าโรงพัก", "ร้านทองเฮียหงษ์ติดลำโพง", since session 17).
_SHOP_BEFORE = re.compile(r"ร้าน[ก-๙]{0,14}$")
_SHOP_BEFORE_WINDOW = 20


# Since round 12: what a shop's trading name ends with after its owner ("ร้านเฮียใหญ่การช่าง",
# "ร้านเจ๊เล็กพาณิชย์"): before it even an adjective is the owner's nickname.
_TRADE_SUFFIX = re.compile(
    r"การ(?:ช่าง|ยาง|ไฟฟ้า|ค้า|เกษตร|พิมพ์)|พาณิชย์|ยนต์|ค้าไม้|วัสดุ|เซอร์วิส|ออโต้|ซัพพลาย|ก่อสร้าง"
    r"|โภชนา|แอร์|มอเตอร์|อะไหล่|เฟอร์นิเจอร์"
)


def _named_shop_nickname(cut: _Cut, j: int, lists: _NameLists) -> _Span | None:
    """The nickname in a shop's name after its kinship word: one token of two to eight letters
    that is no verb, adjective, pronoun or word for a kind of person ("ร้านป้าขายดี", "ร้านข้าว
    แกงป้าอ้วน", "ร้านลุงข้างวัด" stay), nor a function word; any but a pronoun or a kind of
    person before a trading name's ending ("ร้านเฮียใหญ่การช่าง")."""
    word, start, end = cut.tokens[j]
    trade_name = _TRADE_SUFFIX.match(cut.text, end) is not None
    if (
        not 2 <= len(word) <= 8
        or not _is_thai(word)
        or word in _PRONOUNS
        or word.startswith(_NOT_NICKNAME_STARTS)
    ):
        return None
    if not trade_name and (
        word in lists.adjectives
        or word in _AFTER_NAME
        or word in _stopwords()
        or _verb_like(word, lists)
    ):
        return None
    return start, end


def _unknown_glued_nickname(cut: _Cut, role: _Role, begin: int, lists: _NameLists) -> _Span | None:
    """A nickname the tokeniser left glued to the kinship word in one piece ("เจ๊เกียว" is one
    token, a dictionary entry): the rest of that piece, when it is no word of its own."""
    _, _, token_end = cut.tokens[cut.starts[begin]]
    rest = cut.text[role.end : token_end]
    if (
        role.word not in _GLUED_KIN
        or all(piece in lists.words for piece in segment(rest))  # "ป้าแม่ค้า": words of its own
        or rest in lists.words
        or not _plain_word(rest)
        or rest.startswith(_NOT_NICKNAME_STARTS)
        or not 2 <= len(rest) <= 8
    ):
        return None
    return role.end, token_end


def _listed_name_across(cut: _Cut, role: _Role, lists: _NameLists) -> _Span | None:
    """Since round 13: a listed given name (no dictionary word) whose first letter the tokeniser
    glued to the role word, ending where a word ends ("หมอก|ฤษ|ดา" is หมอ and กฤษดา, not fog)."""
    text = cut.text
    for end in range(min(len(text), role.end + lists.longest), role.end + _ACROSS_SHORTEST - 1, -1):
        name = text[role.end : end]
        if (
            name in lists.first
            and name not in lists.common
            and name not in lists.words
            and (end == len(text) or end in cut.boundaries or not _is_thai(text[end]))
        ):
            return role.end, end
    return None


_ACROSS_SHORTEST = 4


def _compound_nickname(cut: _Cut, j: int, lists: _NameLists, *, elder: bool) -> _Span | None:
    """A nickname of two words glued to a kinship word, before what a person does ("น้องข้าวหอม
    หาย", "ยายสายบัวนอนติดเตียง", "ลุงหนานแก้วเป็นลม", "น้องปลายฟ้า หายไป"): two tokens, or one
    the dictionary knows as two words (ข้าวปั้น = ข้าว + ปั้น). Its first word is no verb,
    adjective or function word, nor the start of a word for a kind of person ("พี่ช่างไฟ",
    "น้องนักเรียน"); a word the dictionary knows alone (จุด, ทัก) is left to the name lists."""
    tokens = cut.tokens
    for size in (2, 1):
        words = [t for t, _, _ in tokens[j : j + size]]
        if len(words) < size or not all(_plain_word(w) for w in words):
            continue
        first = words[0] if size == 2 else _first_word(words[0], lists.words)
        if first is None or not _starts_a_nickname(first, words[0], lists):
            continue
        second = words[1] if size == 2 else words[0][len(first) :]
        end = tokens[j + size - 1][2]
        if not 3 <= end - tokens[j][1] <= 10:
            continue
        if _person_acts_after(cut, end, lists) and (
            size == 1 or _may_end_a_nickname(second, lists)
        ):
            return tokens[j][1], end
        # Before a word that says who the person is, or at the end, a nickname of one token
        # needs a plain second word too ("บ้านแม่ใหญ่น้ำท่วม" is a flood).
        at_end = elder and size == 2  # "บ้านแม่ใหญ่น้ำท่วม": one token is a word at the end
        if _may_end_a_nickname(second, lists) and _apposition_after(cut, end, at_end=at_end):
            return tokens[j][1], end
    return None


def _may_end_a_nickname(word: str, lists: _NameLists) -> bool:
    """The second word of a nickname of two: no function word, particle, verb, drawn-out letter
    or word that says who a person is ("ลุงตู่คนเดียว", "พี่ฝนนนน")."""
    # Isan names end with คำ as well as start with it (บัวคำ, ทองคำ, แสงคำ).
    return not (
        (word in _stopwords() and word != "คำ")
        or word in _PARTICLES
        or word.startswith(_WHO_AFTER_NAME)
        or word.startswith("คน")
        or _verb_like(word, lists)
        or _DRAWN_OUT.search(word)
    )


def _starts_a_nickname(word: str, token: str, lists: _NameLists) -> bool:
    """Whether `word`, the first word of `token`, may start a nickname: no function word, verb
    or adjective ("ป้าบอกว่า", "น้องเล็ก"), no word for a kind of person ("พนักงาน")."""
    # Isan and northern names start with คำ (คำแสน, คำปุน), which pythainlp lists as a stop word.
    return (
        (word not in _stopwords() or word == "คำ")
        and token not in _PRONOUNS
        and word not in lists.adjectives
        and not _verb_like(word, lists)
        and word not in _AFTER_NAME
        and not token.startswith(_NOT_NICKNAME_STARTS)
    )


def _names_a_landmark(cut: _Cut, begin: int) -> bool:
    """A lane's, market's or bridge's word up to two words before the role word, with no
    particle or word that ends a name between ("ซอยป้าแดง", not "หมู่บ้านหน่อยนะคะ เสี่ย…")."""
    j = cut.starts[begin]
    for k in range(j - 1, max(-1, j - 4), -1):
        word = cut.tokens[k][0]
        if word in _LANDMARK_WORDS:
            return k == 0 or cut.tokens[k - 1][0] not in _ROLE_BEFORE_LANDMARK
        if word.isspace() and k == j - 1:
            continue
        if not _is_thai(word) or word in _stopwords() or word in _AFTER_NAME:
            return False
    return False


def _starts_word(cut: _Cut, at: int) -> bool:
    """Nothing Thai right before `at`, or a function word ("ของตาบุญ", "กับยายจันทร์")."""
    if at == 0 or not _is_thai(cut.text[at - 1]):
        return True
    before = cut.tokens[cut.starts[at] - 1][0]
    return before in _stopwords() or before in _AFTER_NAME or before in _SEEKING
