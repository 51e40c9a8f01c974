"""A person named as the owner of a house, a shop or a thing, or as someone's kin: "หน้าบ้าน
วิภาวรรณ", "ร้านของสุรเชษฐ์", "พัสดุของกาญจนา", "แม่ของนุ่นป่วย" (since round 8).

A village, a school or a shop is also บ้าน or ร้าน + a name ("บ้านหนองบัว", "หมู่บ้านสมบูรณ์",
"ร้านเจริญชัย"), so after บ้าน, ร้านของ and ของ only a given name from the lists counts that is
no dictionary word or surname (กล้วย, จุฬา, เจริญชัย, พร้อมพันธุ์ stay), no place the gazetteer
knows, and no road before its number ("ของจรัญ 65"). A nickname, being an everyday
word (นิด "a little", ต้น "a tree"), is one only after a kinship word and ของ ("แม่ของนิด",
"ลูกของต้น") or before who the person is ("บ้านโอ๊ตลูกผู้ใหญ่"). The name must end where a word
that ends a name, a space or the text does."""

from __future__ import annotations

import re

from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _Span
from nlp.personal_data.name_lists import _name_lists, _NameLists
from nlp.personal_data.name_words import _AFTER_NAME, _NAME_FOLLOWERS
from nlp.personal_data.opening_names import _WHO

_OWNER = re.compile(
    r"(?P<kin>(?<![ก-๙])(?:แม่|พ่อ|ลูก|เมีย|ผัว|สามี|ภรรยา|หลาน|ตา|ยาย|ปู่|ย่า)ของ)"
    r"|(?<!หมู่)(?<!ชาว)(?<!ชุมชน)บ้าน(?:ของ)?|ร้านของ|(?<!สิ่ง)(?<!ข้าว)(?<!เรื่อง)ของ"
)
_SHORTEST_GIVEN = 4
_NUMBER_NEXT = re.compile(r" ?[0-9๐-๙]")
_FOLLOWERS = tuple(_AFTER_NAME | _NAME_FOLLOWERS)
# Who the person is, right after a nickname after บ้าน or ของ ("งานบ้านต้นลูกกำนัน").
_WHO_NEXT = re.compile(rf" ?(?:{_WHO})")


def possessed_names(text: str) -> list[_Span]:
    """Given names after บ้าน, ร้าน or ของ, and nicknames after a kinship word and ของ."""
    if "บ้าน" not in text and "ร้าน" not in text and "ของ" not in text:
        return []
    lists = _name_lists()
    found: list[_Span] = []
    for m in _OWNER.finditer(text):
        end = _name_end(text, m.end(), lists, nickname_ok=m.group("kin") is not None)
        if end is not None:
            found.append((m.end(), end))
    return found


def _name_end(text: str, at: int, lists: _NameLists, *, nickname_ok: bool) -> int | None:
    """Where the longest name from `at` ends, if one does that a boundary follows."""
    for end in range(min(len(text), at + lists.longest), at + 1, -1):
        word = text[at:end]
        given = (
            len(word) >= _SHORTEST_GIVEN
            and word in lists.first
            and word not in lists.words  # กล้วย, จุฬา: a word or an institution
            and word not in lists.family  # เจริญชัย, พร้อมพันธุ์: a shop's or a school's name
        )
        nickname = word in lists.nicknames
        if given and _ends_here(text, end) and not _is_place(text, at, end):
            if not any(text[at : end + k] in lists.words for k in range(1, 4)):
                return end  # not the start of a longer word ("ของอภิสิทธิชน")
            return None
        if nickname and ((nickname_ok and _ends_here(text, end)) or _WHO_NEXT.match(text, end)):
            return end
    return None


def _ends_here(text: str, end: int) -> bool:
    if _NUMBER_NEXT.match(text, end):
        return False  # a road or a soi: "ของจรัญ 65"
    if end == len(text) or not "\u0e01" <= text[end] <= "\u0e4e":
        return True
    return text.startswith(_FOLLOWERS, end)


def _is_place(text: str, start: int, end: int) -> bool:
    places = Gazetteer.load().forms
    return text[start:end] in places or any(
        text[start : start + n] in places for n in range(end - start + 1, end - start + 8)
    )
