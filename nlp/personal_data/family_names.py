"""A family named by its surname after ตระกูล ("บ้านตระกูลวงศ์ใหญ่ถมที่ปิดทางน้ำ", "ตระกูล
เตชะวาณิชย์ครอบครองชายหาด"; since session 17): the surname names the people as surely as a
given name does.

A listed family name, or a word up to the next space that the dictionary lacks, that the
tokeniser cuts as a word it does not know (into pieces it lacks or of two letters: เต|ชะ|วาณิชย์)
and that holds no word that ends a name or a function word (not "ตระกูลนี้", "ตระกูลของเขา",
"ตระกูลผู้ดีเก่า", a product line's "ตระกูลสีนู้ดกว่า 26 เฉด")."""

from __future__ import annotations

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.cut import _word_end
from nlp.personal_data.name_lists import _longest_listed, _name_lists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _NOT_NAMES
from nlp.tokenise import segment

_CLAN = "ตระกูล"
_SHORTEST, _LONGEST = 4, 18


def family_names(text: str) -> list[PersonalDataSpan]:
    """Surnames after ตระกูล."""
    lists = _name_lists()
    found = []
    at = text.find(_CLAN)
    while at >= 0:
        start = at + len(_CLAN)
        start += text[start : start + 1] == " "
        end = _longest_listed(text, start, lists.family, lists.longest)
        if end == start:
            word_end = _word_end(text, start)
            word = text[start:word_end]
            pieces = segment(word) if word else [""]
            first = pieces[0]
            # a word the tokeniser does not know comes out in pieces it lacks or of two letters
            unknown = any(p not in lists.words or len(p) <= 2 for p in pieces)
            if (
                _SHORTEST <= len(word) <= _LONGEST
                and word not in lists.words
                and unknown
                and first not in _NOT_NAMES
                and not any(p in _AFTER_NAME or p in _stopwords() for p in pieces)
            ):
                end = word_end
        if end > start:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end))
        at = text.find(_CLAN, start)
    return found
