"""A nickname after บ้าน, ของ or ร้าน and a kinship word: the person who owns the house, the shop
or the thing ("ไฟไหม้บ้านลุงหมาน", "หมาของป้าส้ม กัดเด็ก", "ร้านเจ๊แดง ปิดแล้ว"); since round 9,
and since t39 also after the regions' forms of address (บัง, เปาะ, พะตี …) and before a time
("ลิงบุกบ้านป้านวลทุกวัน").

What follows a kinship word after บ้าน or ของ is whose it is, so even an everyday word there is a
nickname (ส้ม an orange, หมาน cut by the tokeniser as หมา and a letter), where the word stands
alone: the text ends, or a space, a mark or a particle follows. Glued to what comes next it may
be part of what the house has or suffers ("บ้านป้าน้ำไม่ไหล", "บ้านลุงหลังคารั่ว"), so that stays,
and so do words that say which relative or which house ("บ้านพี่สาว", "ของน้องเอง", "บ้านยาย
เก่า", "บ้านลุงริมน้ำ", "บ้านยายโคราช": a place, a position, a time, a pronoun, a description)."""

from __future__ import annotations

from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _Cut, _Span
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.kin_deeds import _DESCRIBES, _names_a_kind, _nickname_like
from nlp.personal_data.name_lists import _name_lists, _NameLists
from nlp.personal_data.name_words import _FUNCTION_WORDS, _PARTICLES, _word_set, one_of
from nlp.personal_data.role_names import _PRONOUNS
from nlp.personal_data.triggers import finditer, trigger
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

# and since t39 the regions' forms of address ("เรือของบังหมาน", "บ้านพะตีดิโพ")
_KIN = one_of((KIN - {"ไอ้"}) | _word_set("บัง เปาะ พะตี พะตี่ โก ก๊ะ เจ๊ะ แม่ใหญ่ พ่อใหญ่ อาแบ"))
# A time right after the name still leaves it standing alone ("บ้านป้านวลทุกวัน").
# Since round 14 also แล้ว "already" closing the clause ("น้ำเข้าบ้านพ่อใหญ่คำพันแล้ว แก…",
# "ช้างกินอ้อยในไร่ลุงสมัยอีกแล้ว").
_TIME_AFTER = "ทุกวัน|ทุกคืน|ทุกเช้า|ทุกเย็น|เมื่อวาน|เมื่อคืน|เมื่อเช้า|ตั้งแต่|(?:อีก)?แล้ว(?![ก-๙])"
# Since round 12 also before what the house has or suffers told with มี or โดน ("ข้างบ้าน
# ป้าสุนีย์มีรังต่อ", "บ้านลุงแดงโดนขโมย"; water and power stay: "บ้านป้าน้ำไม่ไหล").
_HAS_AFTER = "(?:มี(?!ค่า|ชื่อ|ชีวิต|ปัญหา)|ไม่มี|โดน|ถูก(?!ต้อง|ใจ))(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
_OWNED = trigger(
    "kin_owned",
    # since round 14 also a farm or an orchard ("ไร่ลุงสมัย", "สวนป้าแดง"; not ชาวไร่, ชาวสวน)
    rf"(?<!หมู่)(?<!ชาว)(?<!ชุมชน)(?<!สิ่ง)(?<!ข้าว)(?<!เรื่อง)(?:บ้าน|ของ|ร้าน|ไร่|สวน)(?:ของ)?"
    rf"(?P<kin>{_KIN})(?P<name>[ก-๙]{{2,8}}?)"
    rf"(?=$|[^ก-๙]|{_TIME_AFTER}|(?P<has>{_HAS_AFTER})"
    rf"|(?:{one_of(_PARTICLES | _word_set('ค่ะ คะ ครับ นะ จ้า'))})(?:$|[^ก-๙]))",
)
# Which house or which relative, not who: a position, a time, a thing a house has.
_NOT_NAMES = _word_set(
    """ริม ท้าย ปลาย ฝั่ง ใกล้ ไกล ติด ถัด เยื้อง กลาง ใน นอก บน ล่าง เหนือ ใต้ ตะวันออก ตะวันตก
    ตอนนี้ วันนี้ เมื่อวาน ทุกวัน ตอน ช่วง น้ำ ไฟ ประปา หลังคา รั้ว ประตู ท่อ ถนน ห้องน้ำ ส้วม
    เลย ด้วย เอง กัน ทั้งหมด หมด ทุกคน สะใภ้ เขย"""
)
_NOT_STARTS = tuple(_NOT_NAMES)

# Since round 12: an animal of the owner's and what it does right after the name ("หมาบ้านลุงชม
# เห่าหอนทั้งคืน", "ไก่ของป้าศรีขันตั้งแต่ตีสี่"): the animal does it, so the word before is the
# owner's nickname even when it is also a verb, unless it is one that goes before another
# (ชอบ, ยัง, มัก) or tells how the animal moves (วิ่ง, นอน: "หมาบ้านลุงวิ่งไล่กัด").
_ANIMALS = "หมา|แมว|สุนัข|ไก่|วัว|ควาย|หมู|เป็ด|ห่าน|นก|แพะ|ม้า|ลิง"
_ANIMAL_OWNED = trigger(
    "animal_owned",
    rf"(?:{_ANIMALS})(?:ตัว[ก-๙]{{0,6}})?(?:บ้าน|ของ)(?:บ้าน)?(?P<kin>{_KIN})?(?P<name>[ก-๙]{{1,8}}?)"
    r"(?= ?(?:เห่า|หอน|กัด|ขัน|ไล่(?:กัด|ขวิด|จิก)|ขวิด|จิก|ร้อง|ส่งเสียง|ขี้|คุ้ย|บุก|หลุด))",
)
_BEFORE_ANOTHER_VERB = _word_set(
    """ชอบ ยัง มัก ก็ จะ เคย ไม่ คอย เริ่ม ต้อง ดัน แอบ ชักจะ วิ่ง เดิน นอน นั่ง ยืน ออก มา ไป
    กระโดด ไล่ หลุด หนี แก่ ดุ ตัวใหญ่ ตัวเล็ก"""
)


def kin_owner_names(text: str) -> list[_Span]:
    """Nicknames after บ้าน, ของ or ร้าน and a kinship word, standing alone."""
    if not ("บ้าน" in text or "ของ" in text or "ร้าน" in text or "ไร่" in text or "สวน" in text):
        return []
    lists = _name_lists()
    places = Gazetteer.load().forms
    found: list[_Span] = []
    cut: _Cut | None = None
    for m in finditer("kin_owned", text):
        name = m.group("name")
        if m.group("has") is not None:
            cut = cut or _Cut.of(text)  # "ของพี่จิม|มี่": มี must start a word of its own
            if m.end("name") not in cut.boundaries or m.start("has") not in cut.starts:
                continue
        if not _kin_starts(text[m.start("kin") : m.end("name")], m.group("kin")):
            continue  # "บ้านอายุ 70": อา is part of a word, not a kinship word
        first = segment(name)[0]  # "มี|หมา": a verb starts it
        if (
            name in places
            or name.startswith(_NOT_STARTS)  # "ริมน้ำ", "ตอนเย็น": one token
            or not (_nickname_like(name, lists) or name in lists.first)
            or not _may_start(first, lists)
        ):
            continue
        found.append(m.span("name"))
    for m in finditer("animal_owned", text):
        name = m.group("name")
        if m.group("kin") is None:
            # since round 14, with no kinship word a given name the lists hold that is no common
            # word nor a place ("สุนัขของบ้านกิตติกัดเด็ก"; a village's is no one's: บ้านหนองบัว)
            if name in lists.first and name not in lists.common and name not in places:
                found.append(m.span("name"))
            continue
        if (
            name in places
            or name in _BEFORE_ANOTHER_VERB
            or segment(name)[0] in _BEFORE_ANOTHER_VERB
            or name.startswith(_NOT_STARTS)
            or segment(text[m.start("kin") : m.end("name")])[0] != m.group("kin")
            or not _owned_name(name, lists)
        ):
            continue
        found.append(m.span("name"))
    return found


def _kin_starts(words: str, kin: str) -> bool:
    """Whether the tokeniser reads `kin` as the first word or words of `words` (พ่อ|ใหญ่|คำ|พัน;
    not อา|ยุ in "อายุ")."""
    joined = ""
    for piece in segment(words):
        joined += piece
        if len(joined) >= len(kin):
            return joined == kin
    return False


def _owned_name(name: str, lists: _NameLists) -> bool:
    """A word that may be an animal's owner's nickname: a nickname-like word, or (before what
    the animal does, where a verb cannot stand) a word the role rules keep for a verb (ชม, ชวน)
    that is no function word, pronoun, kinship word or word that describes a person."""
    if _nickname_like(name, lists):
        return True
    return (
        len(name) >= 2
        and name not in _FUNCTION_WORDS
        and name not in _PRONOUNS
        and name not in _DESCRIBES
        and name not in KIN
        and name not in _NOT_OWNERS
        and not _names_a_kind(name, lists)
    )


# Words after a kinship word that are still no owner's name before an animal's deed.
_NOT_OWNERS = _word_set("หมา แมว วิน ดี ที่ ทุก ทั้ง หลาย สุด ใหม่ เก่า แถว ทาง ถนน ซอย บ้าน ไฟ ลม ดิน")


def _may_start(word: str, lists: _NameLists) -> bool:
    return not (
        word in _FUNCTION_WORDS
        or word in ud_verbs()
        or word in lists.predicates
        or word in lists.adjectives
    )
