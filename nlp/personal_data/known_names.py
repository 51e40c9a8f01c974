"""A given name the lists know (or, after a kinship word, a nickname no list has) at a token,
with its surname: after role words and transfer words."""

from __future__ import annotations

from nlp.personal_data.cut import (
    _WORD_START,
    _Cut,
    _is_thai,
    _next_word,
    _Span,
    _stray_letter_end,
    _word_end,
)
from nlp.personal_data.name_lists import _NameLists, _stopwords
from nlp.personal_data.name_words import (
    _AFTER_NAME,
    _NAME_FOLLOWERS,
    _STRONG_TITLES,
    _WHO_AFTER_NAME,
    _word_set,
)
from nlp.tokenise import segment
from nlp.word_set import WordSet

# Words after a role word that are not names, though a name list or the tokeniser may say so:
# the role words themselves ("ตายาย"), whom a role word also names ("พี่วินมอไซค์" is a motorbike
# taxi rider, "น้องหมา" a dog), and common words that are also given names.
_NOT_NAMES_AFTER_ROLE = _word_set(
    """ลุง ป้า น้า อา ตา ยาย ปู่ ย่า พี่ น้อง เจ๊ เฮีย แม่ พ่อ ลูก หลาน เมีย ผัว สามี ภรรยา
    ครู หมอ จ่า ดาบ กำนัน ผู้ใหญ่ ผู้ใหญ่บ้าน ปลัด นายก ตำรวจ ทหาร ท่าน แก เธอ เขา เค้า
    วิน หมา แมว ชาย หญิง สาว ดี มา ไป ที่ ชอบ ควร คอย คง ชม ชวน ทน ไฟ ลม ดิน ทาง ถนน ซอย บ้าน
    ธง ใหญ่ ประจำ เวร สอน ทุก ทั้ง หลาย สุด ใหม่ เก่า แก่ แถว"""
)

# Words after a name that say a person does something (for a nickname made of common words).
_PERSON_ACTS = _word_set(
    """แจ้ง ร้องเรียน อยู่ เป็น ได้ ขอ โทร อายุ มา ไป บอก พูด เดิน ขับ ขี่ ถาม ช่วย ไม่ ยัง ถูก โดน
    ให้ ต้องการ อยาก ฝาก ติดต่อ ใช้ ซื้อ ขาย กิน เรียก เก็บ จอด ตั้ง วาง ทิ้ง เปิด ปิด ส่ง รับ ด่า
    ทำร้าย ขโมย ปล่อย ขู่ ตี ชน เมา โกง หลอก กำลัง เคย"""
)

_PLACE_AFTER_AT = _word_set("บ้าน หมู่ ต. ตำบล อ. อำเภอ ซอย ซ. ชุมชน หมู่บ้าน")

# A number of people, not a name: "พี่หนึ่งคน", "น้องสองคน".
_CLASSIFIERS = _word_set("คน ท่าน ราย ตัว คัน ครั้ง วัน ปี เดือน")
_NUMBER_WORDS = _word_set("หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ")


def _plain_word(word: str) -> bool:
    """A Thai word that may be part of a nickname: not one that ends a name or that a kinship
    word often names ("แมว", "วิน")."""
    return (
        len(word) >= 2
        and word[:1] in _WORD_START
        and _is_thai(word)
        and word not in _AFTER_NAME
        and word not in _NOT_NAMES_AFTER_ROLE
        and word not in _NAME_FOLLOWERS
    )


def _first_word(token: str, words: WordSet) -> str | None:
    """The first of two dictionary words a token is made of (ข้าวปั้น → ข้าว), or None."""
    for cut_at in range(len(token) - 2, 1, -1):
        if token[:cut_at] in words and token[cut_at:] in words:
            return token[:cut_at]
    return None


def _verb_like(word: str, lists: _NameLists) -> bool:
    """A verb, or a word that starts with one ("ออกมา", "สาดน้ำ")."""
    first = _first_word(word, lists.words)
    return word in lists.predicates or (first is not None and first in lists.predicates)


def _person_acts_after(cut: _Cut, end: int, lists: _NameLists) -> bool:
    """What follows `end` (after at most one space) is something a person does: "หาย", "เป็นลม",
    "ไม่กลับบ้าน", "ขับรถชน" (not "นี้", "ของ", "ข้าง": a thing or a place)."""
    at = end + 1 if cut.text[end : end + 1] == " " else end
    j = cut.starts.get(at)
    if j is None:
        return False
    word = cut.tokens[j][0]
    return word in _PERSON_ACTS or word in _NAME_FOLLOWERS or word in lists.verbs


def _known_name(
    cut: _Cut, j: int, lists: _NameLists, *, unknown_ok: bool, common_ok: bool = False
) -> _Span | None:
    """A given name at token `j` after a role word or a transfer, and its surname, or None.

    The name must be one the lists know (even if it is also a word: แดง, จันทร์, ประเสริฐ) and
    not a word that ends a name; or, with `unknown_ok`, a word the dictionary does not know.
    With `common_ok` (after a role word), a name that is mostly a common word (สมบัติ, เสริม,
    มี) counts where what follows ends a name (see _ends_a_name).
    """
    text = cut.text
    token, start, token_end = cut.tokens[j]
    if token[:1] not in _WORD_START or not _is_thai(token):
        return None
    if token in _STRONG_TITLES:
        return None  # "โอนเข้าบัญชี นางสาวมาลี": the title finds the name
    end = start
    # Not a name cut out of a word the tokeniser read whole and the dictionary knows: "ป้า|
    # เล็กน้อย" is "a little" (since t39), not ป้าเล็ก and น้อย.
    whole_word = token in lists.words and token not in lists.first and token not in lists.nicknames
    for candidate in range(min(len(text), start + lists.longest), start, -1):
        name = text[start:candidate]
        inside_word = whole_word and candidate < token_end
        if (name in lists.first or name in lists.nicknames) and (
            candidate in cut.boundaries
            or (not inside_word and _recut(cut, candidate, lists.words))
            or (not inside_word and _verb_after_recut(cut, start, candidate, lists))
        ):
            end = candidate
            break
    if end > start:
        name = text[start:end]
        if name in _NOT_NAMES_AFTER_ROLE:
            return None
        ends_names = name in _AFTER_NAME  # a verb or particle as well as a name: มี, เก่ง
        if (name in lists.common or ends_names) and not (
            common_ok and _ends_a_name(cut, end, lists, strict=ends_names)
        ):
            return None
        # Short names ("แพ", "ดี") and stop words only from the team's list of nicknames.
        short = len(name) <= 2 or name in _stopwords()
        if short and name not in lists.nicknames:
            return None
        end = _second_part(cut, end, lists)
    elif unknown_ok and _could_be_nickname(cut, j, lists):
        end = token_end  # a nickname no list has ("น้องมายด์")
    elif unknown_ok and _could_be_nickname(cut, j, lists, stray=True):
        end = _stray_letter_end(cut.tokens, j)  # "หมอมิ|น": the tokeniser cut off its last letter
    else:
        return None
    following = _next_word(cut.tokens, end)
    if text[end : end + 1].isdigit() or (
        following in _CLASSIFIERS and (following != "คน" or text[start:end] in _NUMBER_WORDS)
    ):
        return None  # "ลุงก้าน4" is a lane, "พี่หนึ่งคน" a count (not "ลุงบุญธรรมคนเฝ้าสะพาน")
    return start, _surname_end(text, end, lists)


def _second_part(cut: _Cut, end: int, lists: _NameLists) -> int:
    """Where a name ends that the lists know only in part: a listed name the tokeniser cut off
    from the rest of a longer one ("บุญ|เรือน", "ประภา|พรรณ", "ฝน|ทิพย์", "ปาล์ม|มี่") takes the
    next token glued on, when that is a plain word (no verb, adjective, function word or word for
    a kind of person) and what follows it ends a name ("ผู้ใหญ่บ้านบุญเรือนไม่ยอม…")."""
    j = cut.starts.get(end)
    if j is None:
        return end
    token, _, token_end = cut.tokens[j]
    if (
        token not in lists.endings
        or not _plain_word(token)
        or token in _stopwords()
        or token in lists.adjectives
        or _verb_like(token, lists)
    ):
        return end
    j = cut.starts.get(token_end)
    ends = j is not None and cut.tokens[j][0] in _AFTER_NAME
    if ends or _apposition_after(cut, token_end, at_end=True):
        return token_end
    return token_end if _person_acts_after(cut, token_end, lists) else end


def _apposition_after(cut: _Cut, end: int, *, at_end: bool) -> bool:
    """What follows a name at `end` says it was one: a word that says who the person is
    (ลูกสาว, หลาน, คนขับ, ที่, กับ: "น้องข้าวปุ้นลูกสาว…", "พี่ส้มโอที่ อบต.") or, with `at_end`,
    the end of the text, a space or punctuation ("… จากยายคำใส")."""
    text = cut.text
    if end == len(text) or not _is_thai(text[end]):
        return at_end
    j = cut.starts.get(end)
    return j is not None and cut.tokens[j][0].startswith(_WHO_AFTER_NAME)


def _ends_a_name(cut: _Cut, end: int, lists: _NameLists, *, strict: bool) -> bool:
    """Whether a name that is also a common word may end at `end`: the text ends, or punctuation
    follows; or (not `strict`) a space, a word that ends a name or an action verb follows; or
    ที่ and a place ("ลุงมีที่บ้านโนนสูง")."""
    text = cut.text
    if end == len(text) or not (_is_thai(text[end]) or text[end].isspace() or text[end].isdigit()):
        return True
    j = cut.starts.get(end)
    if j is None:
        return False
    word = cut.tokens[j][0]
    if word == "ที่" and _next_word(cut.tokens, cut.tokens[j][2]) in _PLACE_AFTER_AT:
        return True
    if strict:
        return False
    return word.isspace() or word in _AFTER_NAME or word in _NAME_FOLLOWERS or word in lists.verbs


# Pronouns and swear words spelt as chats spell them, which the tokeniser cuts into a word and a
# letter as it cuts a nickname: "พี่แม่|ง ขับ…" (damn), "น้องช้า|น" (my, ฉัน).
_SLANG = _word_set("แม่ง แมร่ง ช้าน เค้าา ตัวเอง")


def _could_be_nickname(cut: _Cut, j: int, lists: _NameLists, *, stray: bool = False) -> bool:
    """A word the dictionary does not know, followed by the end, a space or a word that ends a
    name ("น้องมายด์โดนรถชน"), and not by more of a misspelt word ("น้องเปนแมวจร"). With `stray`,
    the token and a lone letter the tokeniser cut off it ("หมอมิ|น|จาก")."""
    tokens = cut.tokens
    token = tokens[j][0]
    if stray:
        end = _stray_letter_end(tokens, j)
        if end == tokens[j][2] or cut.text[end - 1] == cut.text[end - 2]:
            return False  # no letter cut off, or one drawn out ("น้องงง")
        token, j = cut.text[tokens[j][1] : end], j + 1
        if token in _SLANG:
            return False
    if not 3 <= len(token) <= 6 or token in lists.words or token in _stopwords():
        return False  # "ป้าวว" is a drawn-out particle, "ลุงแกก็ขึ้น" words the tokeniser missed
    if not ("ก" <= token[-1] <= "ฮ" or token[-1] in "ะาำิีึืุู่้๊๋์็"):
        return False
    following = tokens[j + 1][0] if j + 1 < len(tokens) else ""
    return not _is_thai(following) or following in _AFTER_NAME


def _recut(cut: _Cut, at: int, words: WordSet) -> bool:
    """Whether the token that `at` falls inside could be cut there, its rest being a word: the
    tokeniser cut "จ่าสมหมายเรียก" as สม|หมายเรียก, the name สมหมาย leaves เรียก. At least four
    letters of the token must go to the name (ธนา|คาร is ธนาคาร, not a name)."""
    for _, start, end in cut.tokens:
        if start < at < end:
            return at - start >= 4 and cut.text[at:end] in words
    return False


def _verb_after_recut(cut: _Cut, start: int, at: int, lists: _NameLists) -> bool:
    """Whether a listed name of four letters or more (not mostly a common word) that the tokeniser
    cut across ends at `at`, where the name and the token it ends in make no word and the rest, read
    again, starts with a word of its own: "ผู้ใหญ่สมา|นท|วงเงิน" is สมาน and ทวง|เงิน (since round
    10); "ธนา|คาร" is ธนาคาร, a word."""
    name = cut.text[start:at]
    if len(name) < _RECUT_SHORTEST or name in lists.common or name in _stopwords():
        return False
    inside = [e for _, s, e in cut.tokens if s < at < e]
    if not inside or cut.text[start : inside[0]] in lists.words:
        return False
    following = segment(cut.text[at : at + 12])
    first = following[0] if following else ""
    return len(first) >= _RECUT_SHORTEST - 1 and first in lists.words and _is_thai(first)


_RECUT_SHORTEST = 4


def _surname_end(text: str, end: int, lists: _NameLists) -> int:
    """Where a known surname after the given name ending at `end` ends (or `end`). Only after a
    space: glued on, a family name is more often the next words ("พี่เนยดีมาก")."""
    if text[end : end + 1] == " ":
        word_end = _word_end(text, end + 1)
        if text[end + 1 : word_end] in lists.family:
            return word_end
    return end
