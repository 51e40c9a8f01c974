"""Role and kinship words a name follows ("ผู้ใหญ่บ้านสมชาย", "ลุงแดง", "ผอ.สมใจ"), found
with an Aho-Corasick automaton, and which of them a name may follow here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _WORD_START
from nlp.personal_data.kin_context import KIN, gives_away_after
from nlp.personal_data.name_lists import _listed_at, _name_lists
from nlp.personal_data.name_words import _REGIONAL_KIN, _word_set

# Rude kinship words a listed nickname follows (the regions' ones are in name_words) ("ไอ้ปุ๊ก", "อีแต๋ว"; not any unknown word: "ไอ้…" is also an insult).
_RUDE_KIN = _word_set("ไอ้ อี บัก โก")

# Role and kinship words a name follows ("ผู้ใหญ่บ้านสมชาย", "ลุงแดง", "ผอ.สมใจ", "นายก
# อบต.ประเสริฐ"); คุณ may stand before them ("คุณป้าสมศรี"). Each with the letters that may not
# come right before and after it, where it is part of a common word: หน้า, ป้าย, ตาม, ย่าน,
# เสี่ยง, จ่าย, ขยาย, หมอน.
_ROLE_WORDS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        _word_set(
            """ผู้ช่วยผู้ใหญ่บ้าน ผู้ใหญ่บ้าน ผู้ใหญ่ นายก สท. ส.ท. สข. ส.ข. ผญบ. ผญ.บ. สารวัตรกำนัน กำนัน พ่อหลวง ป้อหลวง แม่หลวง
        นายกเทศมนตรี นายกเทศบาล ปลัดอำเภอ ปลัดเทศบาล ปลัด ผอ. ผู้อำนวยการ ประธานชุมชน ส.อบต.
        ดาบตำรวจ ดาบ สารวัตร ผู้กำกับ ผกก. ผู้กอง ผู้หมวด ครูใหญ่ ครู อาจารย์ นายช่าง ช่าง เจ้าหน้าที่ จนท. ลุง พี่
        น้อง เจ๊ เฮีย ป๋า อาม่า อากง ปู่ อสม. คุณแม่ คุณพ่อ พ่อใหญ่ แม่ใหญ่ สจ. ส.อบจ.
        หลวงพ่อ หลวงพี่ หลวงตา หลวงปู่ พระมหา พระครู พระอธิการ
        ร้อยเวร นายอำเภอ ผู้ว่า ผวจ. รองผู้ว่า รองนายก รองปลัด รองผู้กำกับ รองสารวัตร นายด่าน
        พยาบาล อิหม่าม โต๊ะอิหม่าม พลทหาร เจ้าสัว ผู้ช่วย"""
        ),
        ("", ""),
    ),
    # The kinship words of the regions: Chinese-Thai (อาแปะ, อาซิ้ม, ซ้อ, โก), northern (พ่ออุ๊ย,
    # แม่อุ๊ย, อ้าย), Isan (เอื้อย, บัก), the Malay-speaking south (ก๊ะ), and the rude ไอ้/อี.
    # The tokeniser must cut each as a word of its own (not โกง, ซ้อม, อีก). Not บัง and โต๊ะ
    # (southern for brother and grandparent): on Traffy บัง is "to block" ("ต้นไม้บังแสงไฟ")
    # and on Wisesight โต๊ะ a table.
    **dict.fromkeys(_REGIONAL_KIN | _RUDE_KIN - {"อี"}, ("", "")),
    "อี": ("", "ก"),  # not อีก cut อี|กบ
    **{
        f"{title}{space}{body}{dot}": ("", "")
        for title in ("นายก", "รองนายก", "ปลัด")
        for space in ("", " ")
        for body in ("อบต", "อบจ", "ทต", "ทม", "ทน")
        for dot in (".", "")  # typed without its dot: "นายกอบตประเสริฐ"
    },
    # a mother or father named ("แม่ปราณีที่ขายหมูปิ้ง"): only before a listed name, and only
    # where the tokeniser cut แม่/พ่อ as a word (not แม่น้ำ, แม่ค้า, แม่สาย, พ่อค้า)
    "แม่": ("", ""),
    "พ่อ": ("", ""),
    "หมอ": ("", "น"),
    "จ่า": ("", "ย"),
    "ป้า": ("", "ย"),
    "น้า": ("ห", ""),
    "ตา": ("เแโใไ", "มยร"),
    "ยาย": ("ข", ""),
    "ย่า": ("", "น"),
    "เสี่ย": ("", "ง"),
    # since round 14 the Chinese-Thai เถ้าแก่ (a shop's or a works' owner), as เสี่ย
    "เถ้าแก่": ("", ""),
    # the northern ปี้, not the end of a loanword or an idiom ("แฮปปี้", "ก๊อปปี้", "ป่นปี้")
    # nor ปี้ง (grilled, misspelt)
    "ปี้": ("ปบน", "ง"),
}
# Since round 14: words that make a role word a compound that names no one: เถ้าแก่น้อย (a young
# entrepreneur, and a snack's brand), เถ้าแก่เนี้ย (the owner's wife).
COMPOUNDS_AFTER: dict[str, tuple[str, ...]] = {"เถ้าแก่": ("น้อย", "เนี้ย")}
# Role words that a nickname no list knows may follow ("น้องมายด์", "หมอเบิร์ท"); not ตา, น้า,
# ย่า, ปู่ (see _role_names) nor official titles, which are followed by given names.
_NICKNAME_ROLES = (
    _word_set(
        "ลุง ป้า ยาย พี่ น้อง เจ๊ เฮีย ป๋า อาม่า อากง เสี่ย เถ้าแก่ ครู หมอ อาจารย์ พ่อหลวง ป้อหลวง แม่หลวง"
        " พยาบาล อิหม่าม พลทหาร"
    )
    | _REGIONAL_KIN
)
# Kinship words (and the northern village heads) a nickname of two common words may follow,
# glued on: "น้องข้าวหอม", "ยายสายบัว", "ลุงหนานแก้ว", "พ่อหลวงคำแสน" (see _compound_nickname).
# Not ครู, หมอ, อาจารย์: a subject or a field follows them ("ครูพละ", "หมอฟัน").
# The Isan พ่อใหญ่/แม่ใหญ่ are a village's elders.
_COMPOUND_NICKNAME_ROLES = (
    _word_set("ลุง ป้า ยาย ตา พี่ น้อง เจ๊ เฮีย ป๋า อาม่า อากง เสี่ย เถ้าแก่ พ่อหลวง ป้อหลวง แม่หลวง พ่อใหญ่ แม่ใหญ่")
    | _REGIONAL_KIN
)
# Kinship words and ranks glued to a given name that is mostly a common word ("ลุงสมบัติ",
# "จ่าสมบัติ", "ลุงเสริม"). Not official roles, nor หมอ, ครู, อาจารย์: on the Traffy and
# Wisesight texts those take a field or an institution ("เจ้าหน้าที่รัฐ", "ผู้อำนวยการพรรค",
# "หมอประสาท", "อาจารย์ปรัชญา", "ครูเอกชน").
_COMMON_NAME_ROLES = (
    _word_set("ลุง ป้า ยาย ตา น้า ย่า ปู่ พี่ น้อง เจ๊ เฮีย ป๋า อาม่า อากง เสี่ย เถ้าแก่ จ่า ดาบ อสม. พ่อใหญ่ แม่ใหญ่")
    | _REGIONAL_KIN
)


# Kinship words a shopkeeper's nickname follows before the shop ("เจ๊หน่อยร้านข้าวแกง",
# "น้าค่อมร้านซ่อมรถ"): any Thai word glued on may be the nickname when ร้าน comes right after.
_SHOP_KIN = _word_set("ลุง ป้า ยาย ตา น้า พี่ น้อง เจ๊ เฮีย ป๋า อาม่า อากง เสี่ย เถ้าแก่") | _REGIONAL_KIN
_SHOP_WINDOW = 12
# A mother or a father named, unless แม่/พ่อ starts a place's name ("อ.แม่แตง", "แม่ลาว").
_PARENTS = _word_set("แม่ พ่อ")


def _starts_a_place_name(text: str, at: int) -> bool:
    places = Gazetteer.load().forms
    return any(text[at : at + n] in places for n in range(4, 17))


@dataclass(frozen=True, slots=True)
class _Role:
    begin: int  # where คุณ starts, if it stands before the role word
    start: int
    end: int
    word: str


@cache
def _role_automaton() -> Any:
    automaton = ahocorasick.Automaton()
    for word in _ROLE_WORDS:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _roles(text: str) -> list[_Role]:
    """Every role word in `text`, the longest where several end or start together."""
    found: dict[int, _Role] = {}
    for last, word in _role_automaton().iter(text):
        end = last + 1
        start = end - len(word)
        not_before, not_after = _ROLE_WORDS[word]
        if (start > 0 and text[start - 1] in not_before) or (
            end < len(text) and text[end] in not_after
        ):
            continue
        if text.startswith(COMPOUNDS_AFTER.get(word, ()), end):
            continue
        if start in found and found[start].end >= end:
            continue
        begin = start - 3 if text[max(0, start - 3) : start] == "คุณ" else start
        found[start] = _Role(begin, start, end, word)
    return sorted(found.values(), key=lambda r: r.start)


def _role_candidates(text: str) -> list[_Role]:
    """Role words a name may follow: a listed name starts right after, or (after a kinship
    word) a Thai word is glued on. Tokenising costs most here, so only these texts pay for it."""
    lists = _name_lists()
    candidates = []
    for role in _roles(text):
        if role.word in _PARENTS and _starts_a_place_name(text, role.start):
            continue
        after = role.end + (1 if text[role.end : role.end + 1] == " " else 0)
        glued_word = after == role.end and text[after : after + 1] in _WORD_START
        common_ok = glued_word and role.word in _COMMON_NAME_ROLES
        listed = _listed_at(text, after, lists, common_ok=common_ok)
        before_a_shop = role.word in _SHOP_KIN and "ร้าน" in text[after : after + _SHOP_WINDOW]
        given_away = glued_word and role.word in KIN and gives_away_after(text, after)
        if (glued_word and (role.word in _NICKNAME_ROLES or before_a_shop)) or listed or given_away:
            candidates.append(role)
    return candidates
