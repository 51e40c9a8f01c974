"""The run of tokens that makes a name (and its surname) after a title, a rank or a label."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _is_thai, _Tokens, _word_end
from nlp.personal_data.name_lists import _longest_listed, _NameLists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _NAME_FOLLOWERS, _NOT_NAMES, _STRONG_TITLES
from nlp.tokenise import segment

_MAX_NAME_TOKENS = 4
_LONGEST_SURNAME = 22  # characters; a longer run after a name is a sentence, not a surname

# Words no surname starts with, which the tokeniser may glue to what follows ("เป็นเจ้าของ",
# "เรื่องห้องเช่า").
_NEVER_SURNAME_STARTS: tuple[str, ...] = ("เป็น", "ไม่", "ถูก", "โดน", "กำลัง", "เคย", "เรื่อง")
# Since round 12, also where an official sits or what a message closes with: "พญ.กมลชนก
# ห้องตรวจ 5", "นายวีระพงษ์ โต๊ะที่ 3", "… ขอบคุณมากครับ" are no surnames, even where a listed
# family name starts the same way.
_AT_A_DESK = ("ห้อง", "โต๊ะ", "ช่อง", "เคาน์เตอร์", "แผนก", "ชั้น", "ตึก", "อาคาร", "ขอบคุณ")
_NEVER_SURNAME_STARTS += _AT_A_DESK

# and quotes around a nickname ("เพื่อนชื่อ 'ใหม่'", since session 17)
_BETWEEN = frozenset({"", ":", "-", "/", "นามสกุล", "สกุล", "ว่า", "คือ", "'", '"', "‘", "“"})


# A phone number or a contact word near a listed name after a weak title ("ติดต่อกลับคุณณัฐวุฒิ
# 02-941-2280"): the name is a contact person's even when the dictionary also holds it.
_CONTACT = re.compile(r"ติดต่อ|โทร|เบอร์|\d{2,3}[- ]?\d{3,4}[- ]?\d{3,4}")


def _word_not_name(text: str, start: int, end: int, lists: _NameLists) -> bool:
    """A listed given name after a weak title (คุณ, ชื่อ) that the dictionary also holds is a
    word ("คุณแบน", "คุณเลขา"), unless it is a common word only as a name would be, near a
    phone number or a contact word (since batch 14)."""
    word = text[start:end]
    if word not in lists.words:
        return False
    if word in lists.common:
        return True
    return _CONTACT.search(text, max(0, start - 30), min(len(text), end + 30)) is None


def _name_run(
    text: str,
    tokens: _Tokens,
    j: int,
    lists: _NameLists,
    *,
    strong: bool,
    needs_surname: bool = False,
    introduced: bool = False,
    after_kin: bool = False,
    labelled: bool = False,
) -> tuple[int, int] | None:
    """The span of the name (and surname) that starts at token `j` or just after, or None.
    `introduced`: ชื่อ after a person or before a kinship word says a name follows, so its first
    word may be one that usually ends a name ("ชื่อน้องเก่ง"). `after_kin`: a nickname follows
    (ชื่อน้อง…), with a surname only if the lists know it. `labelled`: after an account label,
    any name, even one whose first word is common ("ชื่อบัญชี ทองเพียร สุขใจ")."""
    first, family, longest = lists.first, lists.family, lists.longest
    while j < len(tokens) and tokens[j][0].strip() in _BETWEEN:
        j += 1
    if j >= len(tokens) or not _is_thai(tokens[j][0]):
        return None
    if tokens[j][0] in _STRONG_TITLES:
        return None  # "ชื่อนายสมชาย": the title itself introduces the name
    boundaries = {end for _, _, end in tokens}
    start = tokens[j][1]
    end = _longest_listed(text, start, first, longest)
    if introduced:  # "แม่ชื่อบัวเรียน": after ชื่อ, a nickname from the team's list is a name too
        end = max(end, _longest_listed(text, start, lists.nicknames, longest))
    if end not in boundaries or (
        not strong
        and (
            end - start < 3
            or (
                _word_not_name(text, start, end, lists)
                and not _surname_follows(text, start, end, lists)
            )
        )
    ):
        end = start
    listed_first = end > start
    if end == start:
        if not strong or tokens[j][0] in _stopwords():
            return None
        common_start = tokens[j][0] in _AFTER_NAME or tokens[j][0] in _NOT_NAMES
        if common_start and not (introduced or labelled):
            return None
        # A name the lists do not know: its words, up to a word that ends a name.
        k = j
        while (
            k < len(tokens)
            and k - j < _MAX_NAME_TOKENS
            and _is_thai(tokens[k][0])
            and (k == j or tokens[k][0] not in _AFTER_NAME)
        ):
            end = tokens[k][2]
            k += 1
    # The surname: glued on and in the family-name list, or the next word after one space.
    glued = _longest_listed(text, end, family, longest)
    if glued > end and glued in boundaries:
        return start, glued
    if end < len(text) and text[end] == " ":
        after = end + 1
        word_end = _word_end(text, after)
        listed = _longest_listed(text, after, family, longest) > after
        if text.startswith(_AT_A_DESK, after):
            listed = False
        surname_like = (
            word_end > after
            and word_end - after <= _LONGEST_SURNAME
            and (word_end == len(text) or text[word_end] not in "ๆฯ")
            and not _abbreviation(text, after, word_end)
        )
        # After ชื่อ and a kinship word a nickname comes, seldom a surname ("ชื่อน้องต้นข้าว หาย…").
        guessed_ok = (strong or listed_first) and not after_kin
        if surname_like and (
            listed
            or (
                guessed_ok
                and not _starts_with_common(tokens, after, word_end)
                and not (introduced and _reads_as_words(text[after:word_end], lists))
            )
        ):
            return start, word_end
    if needs_surname and not listed_first:
        return None
    return start, end


# Since round 14: a short word and a dot after a name is where the person works, no surname
# ("ร.ต.อ.หญิงปาริชาติ สภ.แม่สาย", "นพ.วิชัย รพ.ลำพูน", "ปลัดสมศักดิ์ อบต.นาดี").
_ABBREVIATION_LONGEST = 4


def _abbreviation(text: str, start: int, end: int) -> bool:
    return end - start <= _ABBREVIATION_LONGEST and text[end : end + 1] == "."


def _reads_as_words(word: str, lists: _NameLists) -> bool:
    """After ชื่อ a nickname often stands alone and the sentence goes on after a space ("ชื่อจอย
    ห้องฉุกเฉิน", "ชื่อเต้ โยนพัสดุ"): a surname no list knows that the tokeniser cuts into
    dictionary words, one of them of four letters or more, is read as those words ("สาแม",
    cut สา|แม, stays a surname)."""
    pieces = segment(word)
    return len(pieces) > 1 and all(p in lists.words for p in pieces) and max(map(len, pieces)) >= 4


def _surname_follows(text: str, start: int, end: int, lists: _NameLists) -> bool:
    """After a given name that is also a word ("คุณประเสริฐ วงศ์ดี"), whether a surname follows
    after one space: a family name the lists know or a word the dictionary does not. Not after a
    name that is mostly a common word ("คุณสมบัติ ผู้สมัคร")."""
    if text[start:end] in lists.common or text[end : end + 1] != " ":
        return False
    word = text[end + 1 : _word_end(text, end + 1)]
    return word in lists.family or (len(word) >= 4 and word not in lists.words)


def _starts_with_common(tokens: _Tokens, at: int, word_end: int) -> bool:
    """Whether the word from `at` to `word_end` starts with a word that ends a name; a common
    word that starts many surnames (ทอง, แก้ว, ขาว: "ทองมา") only if it is the whole word."""
    for token, start, end in tokens:
        if start == at:
            return (
                token in _AFTER_NAME
                or token in _NAME_FOLLOWERS
                or (token in _NOT_NAMES and end == word_end)
                or token in _stopwords()
                or token.startswith(_NEVER_SURNAME_STARTS)
                or len(token) <= 1
            )
    return True
