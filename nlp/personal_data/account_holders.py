"""The holder of a bank account: after a label ("ชื่อบัญชี สมหญิง ใจงาม"), a transfer word
or an account number."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Cut, _Span, _word_end
from nlp.personal_data.known_names import _known_name
from nlp.personal_data.name_lists import _listed_at, _name_lists, _NameLists, _stopwords
from nlp.personal_data.name_runs import _name_run
from nlp.personal_data.name_words import _STRONG_TITLES, _word_set

# Labels for the holder of a bank account: what follows is a name ("ชื่อบัญชี สมหญิง ใจงาม").
_ACCOUNT_HOLDER = re.compile(
    r"(?:ชื่อ ?(?:บัญชี|บช\.?)|(?:บัญชี|บช\.?) ?(?:ชื่อ|ในนาม)|ชื่อผู้รับ(?:โอน|เงิน)?|"
    r"ผู้รับ(?:โอน|เงิน)|เจ้าของบัญชี) ?[:：]? ?"
)
# Where money goes, without a label: a name the lists know may follow ("โอนเข้าบัญชี มาลี ทองดี").
_MONEY_TO = re.compile(r"(?:โอน(?:เงิน)?(?:เข้า|ให้|ไปให้|ไปที่)? ?(?:บัญชี)?|เข้าบัญชี) ?[:：]? ?")
_AFTER_ACCOUNT = re.compile(r" ?[:：(]? ?(?:ชื่อ)? ?")

_ORGANISATIONS = tuple(
    _word_set(
        """มูลนิธิ บริษัท บจก หจก ห้าง ร้าน วัด โรงเรียน โรงพยาบาล สมาคม กองทุน สหกรณ์ ชมรม พรรค
    สำนัก กรม กระทรวง เทศบาล องค์การ ธนาคาร สถาบัน ศูนย์ มหาวิทยาลัย วิทยาลัย ราชวิทยาลัย
    สภา คณะ กลุ่ม สมาพันธ์ สหภาพ"""
    )
)


def _names_an_account_holder(text: str) -> bool:
    """A label for an account holder, or a name the lists know after a transfer word."""
    if not ("บัญชี" in text or "บช" in text or "ผู้รับ" in text or "โอน" in text):
        return False
    lists = _name_lists()
    return _ACCOUNT_HOLDER.search(text) is not None or any(
        _listed_at(text, m.end(), lists) for m in _MONEY_TO.finditer(text) if m.end() > m.start()
    )


def _account_holders(cut: _Cut, after_accounts: list[int], lists: _NameLists) -> list[_Span]:
    """Account holders: after a label any name counts ("ชื่อบัญชี สมหญิง ใจงาม"); after a
    transfer or an account number, only one the lists know ("โอนเข้าบัญชี มาลี ทองดี")."""
    found = []
    text = cut.text
    for m in _ACCOUNT_HOLDER.finditer(text):
        j = cut.starts.get(m.end())
        if j is not None and not _title_or_not_a_person(cut, j, lists):
            found.append(_name_run(text, cut.tokens, j, lists, strong=True, labelled=True))
    ends = [m.end() for m in _MONEY_TO.finditer(text) if m.end() > m.start()]
    for end in after_accounts:
        holder = _AFTER_ACCOUNT.match(text, end)
        if holder is not None:
            ends.append(holder.end())
    for end in ends:
        if end in cut.starts:
            found.append(_known_name(cut, cut.starts[end], lists, unknown_ok=False))
    return [span for span in found if span is not None]


def _title_or_not_a_person(cut: _Cut, j: int, lists: _NameLists) -> bool:
    """After an account label: a title finds its own name ("ชื่อบัญชี นางสาวมาลี"), and
    "ทุกครั้ง", "มูลนิธิ…", "พรรค…" are not a person's name."""
    word, start, _ = cut.tokens[j]
    whole = cut.text[start : _word_end(cut.text, start)]
    return (
        word in _STRONG_TITLES
        or word in _stopwords()
        or whole.startswith(_ORGANISATIONS)
        or (whole in lists.words and whole not in lists.first and whole not in lists.family)
    )
