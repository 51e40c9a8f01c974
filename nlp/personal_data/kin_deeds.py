"""Nicknames that are everyday words, after a form of address, where what comes right after shows
a person was named: who the person is ("ลุงเปียกคนขายไอติม", "บักเสือลูกพ่อใหญ่ผาย", "ยายเขียน
บ้านท้ายซอย") or what befell them or what they did ("ยายเกลี้ยงล้มในห้องน้ำ", "ตาสีเลี้ยงวัว",
"ก๊ะเยาะขายข้าวยำ", "ผู้กองเก่งไม่รับแจ้งความ").

`kin_context` takes any word before an age, a house number or a son or daughter; the word here
must also look like a nickname: one token glued to the form of address (or up to three pieces of
a name the tokeniser does not know, "ยายบัว|เฮีย|นล้ม"), no verb ("ยายเลี้ยง
หลาน", "ลุงนั่งล้ม"), no word that describes a person ("ลุงแก่ล้ม", "ลุงเมาขับรถ", "น้องเล็ก
ไม่สบาย"), no trade, place or thing a form of address also goes with ("พี่ไปรษณีย์ขับรถ", "ป้า
แม่ค้าขายของ", "น้องหมาโดนรถชน"), and the form of address must start a word ("ตาสี" is no ตา in
"ยาสีฟัน"). The southern บัง and โต๊ะ (also "to block" and "a table") count only at the start of
the text or a line, and only before a word that says who the person is or a deed only a
person does.
"""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.cut import (
    _LONE_LETTER,
    _WORD_START,
    _Cut,
    _is_thai,
    _Span,
    _stray_letter_end,
)
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.known_names import _NOT_NAMES_AFTER_ROLE, _SLANG, _verb_like
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords
from nlp.personal_data.name_parts import builds_names
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _PARTICLES, _word_set
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS, _PRONOUNS, _starts_word
from nlp.personal_data.roles import COMPOUNDS_AFTER, _starts_a_place_name
from nlp.personal_data.word_classes import part_of_speech, ud_verbs

# Ranks, village heads and the Isan elders and rude บัก, which a nickname follows as it follows ลุง.
_RANKS = _word_set(
    """ผู้กอง ผู้หมวด สารวัตร จ่า ดาบ กำนัน ผู้ใหญ่บ้าน ผู้ใหญ่ พ่อหลวง ป้อหลวง แม่หลวง พ่อใหญ่ แม่ใหญ่
    อสม. เสี่ย เถ้าแก่ บัก โต๊ะครู โต๊ะอิหม่าม อิหม่าม หนาน อีหล่า พี่บ่าว หมวด"""
)
_AT_START_ONLY = _word_set("บัง โต๊ะ")
# A teacher or a doctor is followed by a subject or a field as often as by a name ("ครูพละ",
# "หมอฟัน"): only before a deed only a person does, and never a field (_DESCRIBES).
_TRADES = _word_set("ครู หมอ")
# แม่ and พ่อ also start places and trades (แม่สาย, แม่ค้า, พ่อค้า) and animals' mothers (แม่ไก่):
# only before a word that says who the person is or a deed only a person does.
_PARENTS = _word_set("แม่ พ่อ")
# ตา is also an eye ("ตาแดงโดนควัน"); a child's word is also a young animal's or a fruit's
# ("ลูกหมาโดนรถชน", "ลูกมะพร้าวหล่น"): since round 8, at a word's start only ("ลูกโอมปวดท้อง",
# "ลูกชายบอสอายุ 15"; not "ถนนลูกลัง").
_CHILDREN = _word_set("ลูก ลูกชาย ลูกสาว")
_WHEN_BEFORE = re.compile(r"(?:เมื่อวาน|คืนวาน|เมื่อคืน|เมื่อเช้า|ตอนนี้|วันนี้)$")
_PERSON_ONLY = _AT_START_ONLY | _PARENTS | _TRADES | _CHILDREN | {"ตา"}
_DONE_TO = KIN - _word_set("ตา น้า อา ย่า ปู่")
# คุณ before a form of address, as one token ("ขอบ|คุณหมอ|เบิร์ด"): the polite form of the same.
_POLITE = frozenset(f"คุณ{a}" for a in _word_set("หมอ ครู ลุง ป้า ยาย ตา น้า พี่ แม่ พ่อ"))
ADDRESS = KIN | _RANKS | _PERSON_ONLY | _POLITE

# Right after the nickname, who the person is: a trade told with คน, whose child, their spouse,
# where their house is.
_WHO = (
    r"คน(?:ขาย|เก็บ|เฝ้า|ส่ง|ดูแล|สวน|งาน|ขับ|ทำ|ตัด|ซ่อม|รับ)"
    r"|ลูก(?:บ้าน|พ่อ|แม่|ลุง|ป้า|ยาย|ตา|ผู้ใหญ่|กำนัน|สาว|ชาย)|หลาน(?:สาว|ชาย)?(?:ของ|ยาย|ตา)"
    r"|สามี|ภรรยา|เมีย|ผัว|บ้าน(?:ท้าย|ติด|ถัด|ตรงข้าม|หลัง|ริม|เลขที่)"
    r"|(?:ข้าง|ตรงข้าม)บ้าน|ท้ายซอย|ท้ายหมู่บ้าน|ที่(?:อยู่บ้าน|ขาย|เป็นเจ้าของ|ช่วย|ดูแล|รักษา)"
    r"|รปภ|ยาม(?!ค่ำ|เช้า|ดึก|วิกาล)|ภารโรง|แม่บ้าน|พนักงาน|เจ้าหน้าที่|จนท"
    r"|ร้าน|แผง(?:ผัก|ปลา|หมู|ผลไม้|ขาย|ลอย)|อู่(?:ซ่อม|รถ)|โรง(?:สี|กลึง|น้ำแข็ง)"
    r"|(?:อายุ ?)?[0-9๐-๙]{1,3} ?(?:ปี|ขวบ)(?!ที่แล้ว|ก่อน|แล้ว|มาแล้ว)"
    # since round 8: an age alone, a farmer or a fisher, by the canal, at a police station or
    # an office, of a people ("ลุงเหมชาวสวน", "ลุงหมานริมคลอง", "หมวดตุ่ยที่ สภ.", "เป็นคนลาว")
    r"|อายุ ?[0-9๐-๙]{1,3}|ชาว(?:สวน|นา|ไร่|ประมง)|ริม(?:คลอง|แม่น้ำ|ทางรถไฟ)"
    r"|ที่ ?(?:สภ|สน\.|สถานี|โรงพัก|รพ|โรงพยาบาล|คลินิก|อนามัย|อบต|เขต|เทศบาล)"
    # since t39: a neighbour, what the person is ("ลุงต้อยเพื่อนบ้านผม", "พี่หน่อยที่เป็นอสม.")
    r"|เพื่อนบ้าน|ที่เป็น(?:อสม|ผู้ใหญ่|กำนัน|ครู|หมอ|เจ้าของ|แม่ค้า|พ่อค้า|คนขับ|ช่าง|ประธาน|หัวหน้า)"
    r"|ฝรั่งที่|ชาวต่างชาติที่"
    # since round 12: the post again after a space ("คุณครูมุก ครูเวรเช้า", "หมอเก่ง หมอเวร
    # ดึก"), and a post taken up ("คุณบีมมาเป็นเจ้าหน้าที่ประชาสัมพันธ์")
    r"| (?:ครู|หมอ|พยาบาล)(?:เวร|ประจำ|ใหญ่|ที่|สอน|อนามัย)"
    r"|(?:มา)?เป็น(?:เจ้าหน้าที่|ครู|หมอ|พยาบาล|หัวหน้า|ผอ|ปลัด|นายก|ประธาน|ผู้ใหญ่บ้าน|กำนัน|อสม)"
    # since round 14: set apart by a space, the writer's own relative ("ก๊ะเยาะ แม่ผม", "ลุงพร
    # พ่อหนู"; not ตา, also an eye: "ตาผมเจ็บ")
    r"| (?:แม่|พ่อ|ยาย|ปู่|ย่า|ลุง|ป้า|น้า|อา|เมีย|ผัว|สามี|ภรรยา|(?:ลูก|หลาน|พี่|น้อง)(?:สาว|ชาย)?)"
    r"(?:ผม|หนู|ฉัน|ดิฉัน|กระผม|ข่อย|เรา)"
    r"|ชรบ|อปพร|อาสา(?:สมัคร|ชุมชน)|เจ้าของ(?:ร้าน|รีสอร์ท|บ้าน|หอ|อู่|ฟาร์ม|โรง|ที่|ตึก)|เป็นคน(?:ลาว|พม่า|เขมร|กัมพูชา|จีน|ญวน|มอญ)"
)
# Deeds only a person does or suffers.
_PERSON_DEEDS = (
    r"(?:หก|ลื่น)ล้ม|เป็นลม|หมดสติ|หายตัว|หาย(?:ออก|ไป)?จากบ้าน|ไม่สบาย|เสียชีวิต|บาดเจ็บ|เดินออก|เดินหาย|ขับรถ|ขี่รถ|ขี่มอ"
    r"|ไม่รับ(?:แจ้ง|เรื่อง|สาย|โทรศัพท์)|ไม่ยอม|(?:ยัง)?ไม่กลับ|ด่า|ตะโกน|ทำร้าย|ขโมย|บอกว่า|แจ้งว่า"
    r"|เล่าว่า|ถามว่า|พูดว่า|ฝากบอก|โทรมา|ป่วย|ปวด(?:ท้อง|หัว|ฟัน)|(?:แม่ง|มัน)?เอารถ|เกือบ(?:ตก|จม|โดน)|มา(?:พ่น|ช่วย|ซ่อม|ตรวจ|เยี่ยม|แจก)|ที่(?:ป่วย|เป็นโรค)|(?:นอน)?ติดเตียง|ชัก|หายใจไม่ออก|เจ็บหน้าอก|สอน"
    # since round 12, a failing memory ("พ่อเฒ่าเจิมความจำเลอะเลือน")
    r"|ความจำ(?:เลอะเลือน|เสื่อม|ไม่ดี)|สมองเสื่อม|อัลไซเมอร์|หลงลืม"
    r"|อยู่(?:บ้าน)?คนเดียว|ตก(?:จาก|ต้นไม้|บ่อ|คลอง)|ปล่อย(?:น้ำ|ควัน|หมา|วัว|ควาย|ไก่)"
    # since round 13: trapped in a house on fire, lying drunk ("ยายพิณยังอยู่ในบ้าน ออกไม่ได้")
    r"|(?:ยัง)?ติดอยู่ใน|ยังอยู่ใน(?:บ้าน|ห้อง)|นอนเมา|เมา(?:เหล้า|หลับ|ทุกวัน)"
    r"|หา(?:ปลา|ของป่า|หน่อไม้|เห็ด|กุ้ง|หอย)|ตกปลา|ทำนา|ทำสวน|ทำไร่|(?:กรีด|ตัด)ยาง"
    # since round 14 also with the Isan and northern บ่ for ไม่ ("ตาสีบ่ยอมล่ามหมา")
    r"|(?:ไม่|บ่)(?:ยอม|รับ|ให้|แจก|ซ่อม|เคย|สนใจ|ฟัง|จ่าย|คืน|ตอบ|เซ็น|ช่วย|ลงมา|มาทำงาน|อยู่เวร)"
    r"|โดน(?:รถ|งู|หมา|วัว|ควาย|ตี|ทำร้าย|ไล่|ต่อย|ตำรวจ|จับ|หลอก|โกง)|เลี้ยง(?:วัว|ควาย|หมู|ไก่|เป็ด|หลาน|แมว|หมา|สุนัข|นก|แพะ)"
    r"|ขาย(?:ข้าว|ขนม|ของ|ผัก|ผลไม้|ปลา|หมู|ไก่|ไข่|ส้มตำ|ก๋วยเตี๋ยว|ลอตเตอรี่|หวย|น้ำ|กาแฟ|ไอติม"
    r"|โรตี|ลูกชิ้น|ดอกไม้|พวงมาลัย|ผ้า|เสื้อ|รองเท้า|ยา|ปุ๋ย|ทุเรียน|มะม่วง|กล้วย|ปาท่องโก๋|โจ๊ก)"
)
# Deeds a thing may also undergo ("ต้นไม้ล้ม", "ของหาย"): only after a form of address that is
# nothing else.
_DEEDS = r"ล้ม(?!ลุก|ละลาย)|หาย(?:ไป|ออก|จาก)|จมน้ำ|ตกน้ำ|ตกต้นไม้|(?:โดน|ถูก)(?!ต้อง|ใจ|มาก|ๆ| ?กว่า)"
_WHO_NEXT = re.compile(rf" ?(?:{_WHO})")
# Since round 14: what harmed a person, told with the passive โดน/ถูก and the one who did it.
_HARMED = (
    r"(?:โดน|ถูก)(?:รถ|งู|หมา|สุนัข|วัว|ควาย|ช้าง|ตี|ทำร้าย|ต่อย|ตำรวจ|จับ|หลอก|โกง|ขโมย|ปล้น|ฉก"
    r"|มิจฉาชีพ|แก๊ง)"
)
_WHO_OR_HARMED_NEXT = re.compile(rf" ?(?:{_WHO}|{_HARMED})")
_PERSON_NEXT = re.compile(rf" ?(?:{_WHO}|{_PERSON_DEEDS})")
_ANY_NEXT = re.compile(rf" ?(?:{_WHO}|{_PERSON_DEEDS}|{_DEEDS})")

# Everyday words that say what a person is like, not who ("ลุงแก่ล้ม", "น้องเล็กไม่สบาย"), and
# trades, kin and animals a form of address goes with that the other lists lack ("แม่ไก่").
_DESCRIBES = _word_set(
    """แก่ เฒ่า หนุ่ม สาว อ้วน ผอม เตี้ย สูง เมา ใจดี ใจร้าย พิการ ตาบอด หูหนวก ป่วย ใหญ่ เล็ก กลาง
    โต นิด หน่อย คนโต คนเล็ก ข้างๆ เขา แก ท่าน เอง ทั้งหลาย ไปรษณีย์ แกร็บ สองแถว ซาเล้ง แท็กซี่
    ขนส่ง ประปา การไฟฟ้า เทศกิจ อบต ตชด ทหาร ตำรวจ ชาวบ้าน ชาวนา ชาวสวน เจ้าของ เพื่อนบ้าน
    ลื่น เซ วูบ ทวด เขย สะใภ้ บุญธรรม ไก่ เป็ด ห่าน วัว ควาย หมู แพะ แกะ ม้า ช้าง ลิง นก ปลา
    ฟัน พละ เวร ประจำ ประจำชั้น แนะแนว ศิลปะ ดนตรี คณิต อนุบาล ภาษา ไทย อังกฤษ จีน วิทย์ สังคม
    เกษตร ดู นวด ผี ยา ลำ ตำแย พื้นบ้าน สัตว์ กระดูก ผิวหนัง ประสาท อนามัย เด็ก ฝรั่ง ต่างชาติ
    ญี่ปุ่น เกาหลี พม่า ลาว เขมร แขก"""
)
_SHORTEST, _LONGEST = 2, 8
# Every form of address and every piece the tokeniser may cut one into (พ่อ|ใหญ่), for a first
# look at each token; and the shortest token a form of address and a nickname may share.
_ADDRESS_PIECES = frozenset(a[:i] for a in ADDRESS for i in range(2, len(a) + 1))
_GLUED_SHORTEST = 5
_MOST_PIECES = 3
# Words before a form of address that say whose child or spouse someone is ("ลูกพ่อใหญ่ผาย"),
# or that thank, praise or report the person ("ขอบคุณหมอเบิร์ดที่ช่วยแม่").
_WHOSE = _word_set("ลูก หลาน เมีย ผัว สามี ภรรยา ขอบคุณ ชม ขอชม ฝาก แจ้งเรื่อง เรื่อง")


def kin_deed_names(text: str) -> list[PersonalDataSpan]:
    """The spans of `kin_names_by_deeds` in `text`."""
    return [
        PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end)
        for start, end in kin_names_by_deeds(_Cut.of(text), _name_lists())
    ]


def kin_names_by_deeds(cut: _Cut, lists: _NameLists) -> list[_Span]:
    """Everyday-word nicknames glued to a form of address, before a word that says who the
    person is or what they did."""
    found = []
    tokens, text = cut.tokens, cut.text
    for first, (word, start, _) in enumerate(tokens[:-1]):
        k = first
        if word not in _ADDRESS_PIECES:
            if len(word) >= _GLUED_SHORTEST and word[:2] in _ADDRESS_PIECES:
                found += _glued_in_one_token(cut, first, lists)
            continue
        # A form of address the tokeniser cut in two (พ่อ|ใหญ่, ผู้|กอง) is read whole.
        if k + 2 < len(tokens) and word + tokens[k + 1][0] in ADDRESS:
            word, k = word + tokens[k + 1][0], k + 1
        elif word == _YOU:
            if _starts_word(cut, start) or start == 0:
                span = _name_after_you(cut, k + 1, lists)
                if span is not None:
                    found.append(span)
            continue
        elif word not in ADDRESS:
            continue
        at_start = start == 0 or not _is_thai(text[start - 1])
        if word in _AT_START_ONLY and not (start == 0 or text[start - 1] == "\n"):
            continue
        after_when = word in _CHILDREN and _WHEN_BEFORE.search(text, 0, start) is not None
        if word in _CHILDREN and not (at_start or after_when):
            continue  # "ถนนลูกลัง": a child's word glued to another word is part of a name
        if word in _PARENTS and _starts_a_place_name(text, start):
            continue
        thanked = word in _POLITE and text.endswith("ขอบ", 0, start)  # ขอบ|คุณหมอ
        before = tokens[first - 1][0]
        # since round 14 also right after what a person does to another ("หมากัดน้องข้าวปั้น
        # ลูกสาว…"), unless the word may be an eye or a syllable (ตา, น้า, อา, ย่า, ปู่)
        done_to = before in lists.verbs and word in _DONE_TO
        if not (
            at_start
            or thanked
            or after_when
            or done_to
            or before in _WHOSE
            or _starts_word(cut, start)
        ):
            continue
        span = _name_after(cut, word, k + 1, lists)
        if span is not None:
            found.append(span)
    return found


# Since round 12: คุณ alone (also "you") before a nickname and right after it who the person is
# ("คุณจอร์จฝรั่งที่เช่าบ้าน", "คุณบีมมาเป็นเจ้าหน้าที่"); the name one token, no verb.
_YOU = "คุณ"


def _name_after_you(cut: _Cut, j: int, lists: _NameLists) -> _Span | None:
    """The nickname glued to คุณ at token `j` when who the person is follows it at once."""
    tokens, text = cut.tokens, cut.text
    if j >= len(tokens):
        return None
    name, name_start, name_end = tokens[j]
    stray_end = _stray_letter_end(tokens, j)
    if stray_end != name_end and text[name_start:stray_end] not in lists.words:
        name, name_end = text[name_start:stray_end], stray_end  # "บี|ม": the nickname บีม
    if (
        name_start != tokens[j - 1][2]
        or not _nickname_like(name, lists)
        or _verb_like(name, lists)
        or name in ud_verbs()
        or not _WHO_NEXT.match(text, name_end)
    ):
        return None
    return name_start, name_end


def _name_after(cut: _Cut, address: str, j: int, lists: _NameLists) -> _Span | None:
    """The nickname glued on at token `j`, of one token or of up to three pieces the tokeniser
    cut a name it does not know into ("บัว|เฮีย|น"), when what comes right after it shows a
    person was named."""
    tokens, text = cut.tokens, cut.text
    name, name_start, _ = tokens[j]
    if name_start != tokens[j - 1][2]:
        return None
    stray_end = _stray_letter_end(tokens, j)
    rejoined = text[name_start:stray_end]
    if (
        stray_end != tokens[j][2]
        and rejoined not in lists.words
        and rejoined not in _SLANG
        and rejoined[-1] != rejoined[-2]
    ):
        name, j = text[name_start:stray_end], j + 1  # "ลุงหมา|น": the nickname หมาน
    follows = _follows(address, name, lists)
    if follows is None:
        return None
    # After a verb, or a name that is one, only the one token ("พ่อลืม|ลูก 3 ขวบ").
    most = 1 if follows is _WHO_NEXT or follows is _WHO_OR_HARMED_NEXT else _MOST_PIECES
    for size in range(1, most + 1):
        if j + size > len(tokens):
            return None
        end = tokens[j + size - 1][2]
        if size > 1:
            piece, piece_start, _ = tokens[j + size - 1]
            joined = text[name_start:end]
            if (
                piece_start != tokens[j + size - 2][2]
                or not _is_thai(piece)
                or piece in _AFTER_NAME
                or piece in _FUNCTION_WORDS
                or piece in lists.predicates
                or piece in ud_verbs()
                or piece.startswith(_NOT_NICKNAME_STARTS)
                or follows.match(text, piece_start)
                or joined in lists.words
                or len(joined) > _LONGEST
            ):
                return None
        if follows.match(text, end):
            return name_start, end
    return None


def _follows(address: str, name: str, lists: _NameLists) -> re.Pattern[str] | None:
    """What must come right after `name` after `address` for it to be a name, or None if it
    cannot be one."""
    if name in COMPOUNDS_AFTER.get(address, ()):
        return None
    if _names_a_victim(name, lists):
        return _WHO_OR_HARMED_NEXT
    if not _nickname_like(name, lists):
        return None
    listed = name in lists.nicknames or name in lists.first
    if _verb_like(name, lists):
        # a verb that is also a listed nickname ("ลุงชมรปภ."), only before who the person is
        return _WHO_NEXT if listed else None
    # A verb before a deed is one of two verbs in a row ("แม่ล้มหมดสติ", "ยายนอนติดเตียง").
    if name in ud_verbs() and not listed:
        return _WHO_NEXT
    if address in _HEADS:
        return _HEAD_NEXT
    return _PERSON_NEXT if address.removeprefix("คุณ") in _PERSON_ONLY else _ANY_NEXT


# Since round 14: a verb that is also a syllable many given names are built of (พัน, เพิ่ม,
# มั่น: `name_parts`), right before the passive โดน/ถูก and what harmed the person ("ตาพันโดน
# วัวขวิด", "ยายเพิ่มโดนหลอก"). A verb used as such comes before a passive only when it needs no
# object: a posture or a motion, waiting or enduring, studying or playing, a verb of feeling,
# dreaming or seeming, an auxiliary or พอ "as soon as" ("ลุงยืนโดนรถชน", "ยายรอโดนหลอก", "ลุงทน
# โดนด่า", "ยายกลัวโดนโกง", "ลุงฝันโดนงูกัด", "ยายเหมือนโดนหลอก", "พอโดนจับ"); those stay.
_BEFORE_A_PASSIVE = _word_set(
    """ยืน นั่ง นอน เดิน วิ่ง รอ พัก ลอย ว่าย ขี่ ขับ ข้าม ไป มา กลับ ออก เข้า ขึ้น ลง ตก หลง
    วน สวน ลัด รำ ทน ชิน กลัว ยอม ฝัน เหมือน พอ เกือบ เคย เพิ่ง อยาก ชอบ เกลียด เบื่อ เผลอ ดัน
    แอบ จะ ต้อง อาจ คง ยัง ก็ เลย มัก เริ่ม หา ตาม อยู่ เล่น เรียน ทำงาน เที่ยว ใส ไว"""
)


def _names_a_victim(name: str, lists: _NameLists) -> bool:
    """A verb, no auxiliary or verb that may stand before a passive, that builds names (the
    cheap tests first: most words after a form of address are no verb)."""
    return (
        _SHORTEST <= len(name) <= _LONGEST
        and name[:1] in _WORD_START
        and name not in _BEFORE_A_PASSIVE
        and name not in _NOT_NAMES_AFTER_ROLE
        and name not in _DESCRIBES
        and name not in _FUNCTION_WORDS
        and name not in _PARTICLES
        and name not in _PRONOUNS
        and name not in lists.nicknames
        and name not in lists.first
        and builds_names(name)
        and not part_of_speech().get(name, "").startswith("XV")
        and (name in ud_verbs() or _verb_like(name, lists))
    )


# Since round 14: a village's or a subdistrict's head and a nickname, then the village or the
# subdistrict they head ("กำนันหมาน ต.ปากน้ำ", "ผู้ใหญ่บ้านเปี๊ยก ม.4").
_HEADS = _word_set("กำนัน ผู้ใหญ่บ้าน ผู้ใหญ่ พ่อหลวง ป้อหลวง แม่หลวง")
_HEAD_OF = r"(?:ต\.|ตำบล|ม\.|หมู่(?:ที่)? ?[0-9๐-๙]|หมู่บ้าน)"
_HEAD_NEXT = re.compile(rf" ?(?:{_WHO}|{_PERSON_DEEDS}|{_DEEDS}|{_HEAD_OF})")


def _glued_in_one_token(cut: _Cut, k: int, lists: _NameLists) -> list[_Span]:
    """A nickname the tokeniser left glued to the form of address in token `k`, one it does not
    know ("ก๊ะเยาะห์|หกล้ม"), before a word that says who the person is or what they did."""
    text = cut.text
    token, start, end = cut.tokens[k]
    if token in lists.words or not _is_thai(token):
        return []
    if start > 0 and _is_thai(text[start - 1]) and not _starts_word(cut, start):
        return []
    for size in (4, 3, 2):
        address = token[:size]
        if address in ADDRESS and address not in _PERSON_ONLY:
            name = token[size:]
            follows = _follows(address, name, lists)
            if name not in lists.words and follows is not None and follows.match(text, end):
                return [(start + size, end)]
            break
    return []


def _nickname_like(word: str, lists: _NameLists) -> bool:
    """One Thai word that may be a nickname: two to eight letters, starting as a word starts,
    no verb, no function word, particle or pronoun, nothing that describes a person or names a
    kind of person, a trade or a thing."""
    return (
        _SHORTEST <= len(word) <= _LONGEST
        and _is_thai(word)
        and "ๆ" not in word
        and word[:1] in _WORD_START
        and word not in _DESCRIBES
        and word not in _PRONOUNS
        and word not in _FUNCTION_WORDS
        and word not in _PARTICLES
        and word not in _NOT_NAMES_AFTER_ROLE
        and word not in ADDRESS
        and not (word in _AFTER_NAME and word not in lists.nicknames)
        and not (word in _stopwords() and word not in lists.nicknames and word != "คำ")
        and not (word in lists.adjectives and word not in lists.nicknames)
        and not _names_a_kind(word, lists)
    )


def _names_a_kind(word: str, lists: _NameLists) -> bool:
    """A word for a kind of person, a trade or an animal ("ช่างไฟ", "หมาจร"): one of their
    first words alone, or one with a word after it; not a word of its own that merely starts
    with the same letters ("หมาด" is not หมา and ด)."""
    for start in _NOT_NICKNAME_STARTS:
        if word.startswith(start):
            rest = word[len(start) :]
            if _LONE_LETTER.fullmatch(rest):
                return False  # "หมาน": a syllable of its own, not หมา and a letter
            return not rest or rest in lists.words or word not in lists.words
    return False
