"""What the words around a place name say about it: the prefix word before it (อำเภอ, ต., เขต),
whether it is part of a road's or soi's, a crossing's or another landmark's name, whether the
sentence denies it, and whether it is where traffic comes from or goes to."""

from __future__ import annotations

import re

from nlp.gazetteer import MUEANG, Level

Prefix = tuple[str, Level, bool | None]

# Prefix words, longest first so "อำเภอ" wins over "อ.". Each says the level it introduces and
# whether it is Bangkok's word (True), the provinces' word (False) or either (None).
_PREFIXES: tuple[Prefix, ...] = (
    ("กิ่งอำเภอ", Level.DISTRICT, False),
    ("จังหวัด", Level.PROVINCE, None),
    ("อำเภอ", Level.DISTRICT, False),
    ("ตำบล", Level.SUBDISTRICT, False),
    ("แขวง", Level.SUBDISTRICT, True),
    ("เขต", Level.DISTRICT, True),
    ("จว.", Level.PROVINCE, None),
    ("อ.", Level.DISTRICT, False),
    ("ต.", Level.SUBDISTRICT, False),
    ("จ.", Level.PROVINCE, None),
)
_PREFIX_WORDS = tuple(word for word, _, _ in _PREFIXES)
_ABBREVIATED = frozenset({"อ.", "ต.", "จ.", "จว."})

# Words after which a name is part of a road's or soi's name.
_ROAD_WORDS = frozenset(
    {
        *("ถนน", "ถ.", "ซอย", "ซ.", "ตรอก", "แยก", "สี่แยก", "สามแยก", "ทางแยก", "วงเวียน"),
        *("สะพาน", "ทางด่วน", "ด่วน", "ทางพิเศษ", "เลียบ", "อุโมงค์", "ทางรถไฟ", "เส้น"),
    }
)
# Words after which a name is part of another landmark's name.
_OTHER_LANDMARK_WORDS = frozenset(
    {
        *("ตลาด", "ตลาดนัด", "วัด", "โรงเรียน", "ร.ร.", "รร.", "สถานี", "สถานีตำรวจ", "สน."),
        *("สน", "คลอง", "ด่าน", "หมู่บ้าน", "มหาวิทยาลัย", "ม.", "โรงพยาบาล", "รพ.", "ห้าง"),
        *("ท่าเรือ", "ท่าน้ำ", "ป้ายรถเมล์", "สวน", "สวนสาธารณะ", "อาคาร", "คอนโด", "บีทีเอส"),
        *("bts", "mrt", "เดอะมอลล์", "เซ็นทรัล", "บิ๊กซี", "โลตัส", "ประตู", "ค่าย"),
        *("ท่าอากาศยาน", "สนามบิน", "ท่ารถ", "อู่", "สวนสัตว์", "ศูนย์", "กรม", "กอง"),
        *("โครงการ", "กรุง", "ไปรษณีย์", "เคหะ", "แฟลต", "ชุมชน", "สถานีสูบน้ำ", "สามเหลี่ยม"),
        *("ประตูน้ำ", "ปตท.", "โรงแรม", "ธนาคาร", "บริษัท", "ร้าน"),
        *("ศาลากลาง", "ตัวเมือง", "โรงพัก", "สถานีรถไฟ", "สถานีขนส่ง", "บขส."),
    }
)
_CONTEXT_WORDS = tuple(_ROAD_WORDS | _OTHER_LANDMARK_WORDS)
# Of those, the words for what a town names after itself and keeps inside its own district: its
# market, its hospital (รพ.ท่าตูม is the district's hospital; a subdistrict's is รพ.สต.), its
# police station, its school, station, pier, airport, a village or community, a mall's branch,
# and the town itself or its provincial hall (ตลาดโพธาราม, โรงพยาบาลบ้านโป่ง, สภ.เชียงยืน, โลตัสภูเขียว,
# ตัวเมืองพะเยา, ศาลากลางตาก). A province's name there is its capital district's town. Not a shop, a hotel, a bank, a firm or a
# bus stop, which may carry a town's name anywhere (ร้านข้าวมันไก่หาดใหญ่ in Bangkok), nor a
# temple (a temple's name is often a place's name elsewhere).
_LOCAL_WORDS = (
    *("ตลาด", "ตลาดนัด", "โรงพยาบาล", "รพ.", "สถานีตำรวจ", "สภ.", "โรงเรียน", "ร.ร.", "รร."),
    *("สถานี", "ท่าเรือ", "ท่าน้ำ", "ท่าอากาศยาน", "สนามบิน", "หมู่บ้าน", "ชุมชน", "ไปรษณีย์"),
    *("ห้าง", "เซ็นทรัล", "บิ๊กซี", "โลตัส", "สวนสาธารณะ", "ศาลากลาง", "ตัวเมือง", "โรงพัก"),
    *("สถานีรถไฟ", "สถานีขนส่ง", "บขส."),
)
# Words after which a name is a roundabout's, canal's, bridge's or toll gate's (วงเวียนบางเขน,
# สามเหลี่ยมดินแดง, คลองภาษีเจริญ, ด่านบางขุนเทียน): where main roads and canals meet or run, which in
# Bangkok is where district borders run too, so such a name is no sign of the district it is
# named after. (A plain แยก is not among them: แยกบางนา, แยกบางแค, แยกประเวศ are the khet's own
# junctions, in it 5 times in 5 on the Traffy DEV tickets once traffic coming from one is read as
# such.)
_CROSSING_WORDS = ("วงเวียน", "สามเหลี่ยม", "คลอง", "สะพาน", "ด่าน")
# The context words that may stand before a landmark of each kind (รพ.ศิริราช, ห้างเซ็นทรัลเวิลด์):
# any other makes the landmark part of another place's name.
_OWN_WORDS: dict[str, tuple[str, ...]] = {
    "university": ("มหาวิทยาลัย", "ม."),
    "hospital": ("โรงพยาบาล", "รพ."),
    "airport": ("ท่าอากาศยาน", "สนามบิน"),
    "train_station": ("สถานี",),
    "bus_station": ("สถานี",),
    "mall": ("ห้าง",),
    "market": ("ตลาด", "ตลาดนัด"),
    "temple": ("วัด",),
    "park": ("สวน", "สวนสาธารณะ"),
    "venue": ("สวนสัตว์", "ศูนย์"),
    "government": ("อาคาร", "ศูนย์"),
    "street": ("ถนน", "ถ."),
    "port": ("ท่าเรือ", "ท่าน้ำ"),
}
_ROAD_WORDS_LONGEST_FIRST = tuple(sorted(_ROAD_WORDS, key=len, reverse=True))
# Words that deny the name next to them: "ไม่ใช่เขตบางนา" (not Bang Na) before it, "ซึ่งไม่ใช่" (which it
# is not) after it. (A bare ไม่ใช่ after a name is its predicate: "บางนาไม่ใช่ที่จอดรถ".)
_DENIAL_BEFORE = ("ไม่ใช่", "ไม่ได้อยู่", "ไม่ได้อยู่ที่")
_DENIAL_AFTER = ("ซึ่งไม่ใช่", "ที่ไม่ใช่")

# Words after which a name is where traffic comes from or goes to, not where the problem is
# (ขาออกมุ่งหน้าคลองเตย, รถที่มาจากสายไหม, ไปจนถึงคลองเตย): such a name only supports other
# evidence. (Plain ไป and จาก are left out: "ไฟดับจากบางแค" is about บางแค as often as not; so
# is ไปถึง: "รถไฟฟ้าจะต่อไปถึงพระประแดงไหม" is about พระประแดง.)
_DIRECTION_WORDS = (
    *("มุ่งหน้า", "ไปยัง", "สู่", "มาจาก", "ไปจนถึง", "จนถึง", "ยาวถึง", "ยาวไปถึง"),
    "ขึ้นจาก",  # ขึ้น(รถเมล์)จากดินแดงไปลงสุขสวัสดิ์: where a trip starts
)

_SOI_NUMBER = re.compile(r"\s?\d{1,3}(?:/\d{1,3})?(?!\d)")

_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_THAI = re.compile("[\u0e01-\u0e4e]")
# A name cut in the middle of a syllable or word: followed by a vowel/tone mark or ๆ, or preceded
# by a leading vowel (เ แ โ ใ ไ) that belongs to it.
_FOLLOWING_MARKS = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a")
_FOLLOWING_MARKS |= frozenset("\u0e45\u0e46\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e2f")
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")


def _on_boundary(text: str, start: int, end: int, form: str) -> bool:
    if end < len(text) and text[end] in _FOLLOWING_MARKS:
        return False
    if start > 0 and text[start - 1] in _LEADING_VOWELS:
        return False
    if form.isascii():  # Latin names: whole words only, not part of a handle or an address
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._@"):
            return False  # "preecha.nan", "somchai_korat"
        if end < len(text) and (text[end].isalnum() or text[end] in "_@"):
            return False
        if text[end : end + 1] == "." and text[end + 1 : end + 2].isalnum():
            return False  # "korat.com"; "in Pai." is a sentence's end
    return True


# What may follow a prefixed area name with no space: the next area's prefix, a polite particle.
_MAY_FOLLOW = (
    "อ.", "อำเภอ", "จ.", "จังหวัด", "ต.", "ตำบล", "เขต", "แขวง", "กทม",
    "ค่ะ", "คะ", "ค่า", "ครับ", "คับ", "ฮะ", "นะ", "จ้า", "จ้ะ", "จ้ะ", "เด้อ", "เจ้า",
)  # fmt: skip


def _runs_on(text: str, end: int) -> bool:
    """The Thai word goes on after `end` (ต.วัด|เกตุ), not into a prefix or a particle: a short
    area name found there is the start of a longer name the gazetteer does not know."""
    if end >= len(text) or not _THAI.match(text[end]):
        return False
    return not text.startswith(_MAY_FOLLOW, end)


def _stands_apart(text: str, start: int, end: int) -> bool:
    """No Thai letter or mark right before or right after (spaces, punctuation or the ends)."""
    before = start == 0 or not _THAI.match(text[start - 1])
    return before and (end == len(text) or not _THAI.match(text[end]))


def _gap_start(text: str, start: int) -> int:
    """Where the spaces/colons right before `start` begin ("เขต: บางนา", "อ. เมือง")."""
    i = start
    while i > 0 and start - i < 3 and text[i - 1] in " :：":
        i -= 1
    return i


def _prefix_before(text: str, start: int) -> Prefix | None:
    i = _gap_start(text, start)
    head = text[max(0, i - 10) : i]
    if not head.endswith(_PREFIX_WORDS):
        return None
    for prefix in _PREFIXES:
        word = prefix[0]
        if head.endswith(word):
            before = i - len(word) - 1
            if word in _ABBREVIATED and before >= 0 and _THAI_LETTER.match(text[before]):
                return None  # ผอ.โรงเรียน, พ.ต.: not อ. / ต.
            if (
                word in _ABBREVIATED
                and before >= 1
                and text[before] == "."
                and _THAI_LETTER.match(text[before - 1])
            ):
                return None  # a rank spelt in letters: ด.ต.ณรงค์, จ.ส.ต., ร.ต.อ.
            return prefix
    return None


def _prefix_start(text: str, start: int, word: str) -> int:
    return _gap_start(text, start) - len(word)


def _context_of(text: str, start: int, end: int, form: str) -> str | None:
    """Is the name part of a road's or soi's name ("road"), of another landmark's name ("local"
    for what a town names after itself and keeps inside it, `_LOCAL_WORDS`; else "landmark"),
    or does it stand for itself (None)?"""
    i = _gap_start(text, start)
    if i > 0 and text[i - 1] in "-–":  # บางนา-ตราด, ทวีวัฒนา-กาญจนาภิเษก: a road's name
        return "road"
    if end < len(text) and text[end] in "-–":  # เชียงใหม่-ลำปาง
        return "road"
    if form.startswith("ถนน"):  # แขวงถนนพญาไท: without แขวง a "ถนน…" name is the road
        return "road"
    head = text[max(0, i - 14) : i]
    if head.endswith(_CONTEXT_WORDS):
        if head.endswith(_ROAD_WORDS_LONGEST_FIRST):
            return "road"
        if head.endswith(_LOCAL_WORDS):
            return "local"
        return "landmark"
    if _SOI_NUMBER.match(text, end) is not None:  # ลาดพร้าว 71: a soi
        return "road"
    return None


def _denied(text: str, start: int, end: int) -> bool:
    i = _gap_start(text, start)
    if text[max(0, i - 8) : i].endswith(_DENIAL_BEFORE):
        return True
    return text[end : end + 14].lstrip(" ,").startswith(_DENIAL_AFTER)


def _at_crossing(text: str, start: int) -> bool:
    """Is the name a roundabout's, canal's, bridge's or toll gate's (วงเวียนบางเขน, คลองภาษีเจริญ)?"""
    i = _gap_start(text, start)
    head = text[max(0, i - 12) : i]
    return head.endswith(_CROSSING_WORDS) or head.rstrip("0123456789 ").endswith(_CROSSING_WORDS)


def _inside_other_name(text: str, start: int, kind: str) -> bool:
    """Is this landmark's name part of a road's or another place's name (ซอยวัดอู่ตะเภา,
    ตลาดนัดสุวรรณภูมิ)? A word of its own kind before it is not (ห้างเซ็นทรัลเวิลด์)."""
    i = _gap_start(text, start)
    if i > 0 and text[i - 1] in "-–":
        return True
    head = text[max(0, i - 14) : i]
    return head.endswith(_CONTEXT_WORDS) and not head.endswith(_OWN_WORDS.get(kind, ()))


def _direction_before(text: str, start: int) -> bool:
    """Is the name where traffic goes or comes from (มุ่งหน้าบางนา), also through a road's or
    junction's word (มาจากแยกดินแดง, มุ่งหน้าถนนรามอินทรา)?"""
    i = _gap_start(text, start)
    head = text[max(0, i - 20) : i]
    if head.endswith(_DIRECTION_WORDS):
        return True
    if not head.endswith(_ROAD_WORDS_LONGEST_FIRST):
        return False
    for word in _ROAD_WORDS_LONGEST_FIRST:
        if head.endswith(word):
            return head[: -len(word)].rstrip(" ").endswith(_DIRECTION_WORDS)
    return False


_TOWN_WORD_BEFORE = re.compile(r"(?:ศาลากลาง|ตัวเมือง)$")


def _after_town_word(text: str, start: int) -> bool:
    """Is the name right after the words for a provincial hall or a town (ศาลากลางตาก, ตัวเมืองเลย)?"""
    return _TOWN_WORD_BEFORE.search(text, 0, _gap_start(text, start)) is not None


def _town_start(text: str, start: int, form: str) -> int:
    """Where the name begins as a word: "ตัวเมืองพะเยา" (the town of Phayao) is cut ตัวเมือง|พะเยา,
    so the capital district's form inside it starts with ตัว."""
    if form.startswith(MUEANG) and text.endswith("ตัว", 0, start):
        return start - len("ตัว")
    return start


_ENGLISH_PREPOSITION = re.compile(r"(?:^|[^a-z])(?:in|at|near) $")


def _after_english_preposition(text: str, start: int, form: str) -> bool:
    """A short English name after "in", "at", "near" ("in pai"): a place, as a prefix word
    makes one in Thai."""
    return (
        form.isascii() and _ENGLISH_PREPOSITION.search(text, max(0, start - 6), start) is not None
    )
