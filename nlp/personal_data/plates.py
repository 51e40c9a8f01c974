"""Licence plates: next to ทะเบียน, a vehicle word, a vehicle's action or a province name, or
in the digit-first form 1กข 1234; also glued to ทะเบียน ("ทะเบียนผบ4417"), a motorcycle's with
the province between letters and number ("1กษ ชลบุรี 482") and a bus's or truck's digits after
its yellow or green plate ("ป้ายเหลือง10-4827", "รถบรรทุกพ่วง 71-5530")."""

from __future__ import annotations

import re
from functools import cache

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# Thai month abbreviations written without dots look like plate letters ("12 ตค 67"): with a day
# number before them or a year after them they are a date, otherwise ("กค 1234") a plate.
_MONTHS = frozenset({"มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"})
_YEAR = re.compile(r"\d{2}|(?:19|20|24|25|26)\d{2}")
_PLATE = re.compile(
    r"(?<![ก-๛A-Za-z0-9.])(?P<lead>\d{1,2}(?P<space> ?))?(?P<letters>[ก-ฮ]{1,2})(?:[ \-]|(?P<dot>\.))?"
    # a full stop may end the sentence after it ("…, plate ฌค 4455."; since round 10), not a
    # decimal or a time ("กม 12.5")
    r"(?P<number>\d{1,4})(?![\d:/+%]|[.,]\d|\.[A-Za-z0-9ก-๙])"
)
# Two letters after a digit that are units or words, not plate letters ("5มก", "2 คน").
_NOT_PLATE_LETTERS = frozenset(
    {"มก", "กก", "กม", "ซม", "มม", "ลด", "คน", "จอ", "ยก", "ชม", "ตร", "ณ", "งบ"}
)
_PLATE_WORDS = re.compile(r"ทะเบียน|ป้ายรถ|เลขรถ|\b(?:plate|licen[cs]e|registration)\b", re.I)
# A vehicle named just before two letters and a number: "รถกระบะ กข 1234". Only two letters
# (one is หมู่ or ซอย: "รถเข้า ซ 5") and none that abbreviate something else (ปอ.511 is a bus
# line, ทล 3344 a highway, สน a police station).
_VEHICLE = r"(?<!กา)(?<!สามา)รถ|มอ(?:เตอร์)?ไซ|จยย|จักรยานยนต์|แท็กซี่|แท๊กซี่|taxi|กระบะ|เก๋ง|สิบล้อ|ซาเล้ง"
_VEHICLE_WORDS = re.compile(_VEHICLE, re.I)  # not "โครงการถนน", "สามารถ"
# ทะเบียน or a vehicle right before the letters: what follows is the plate, even with a number
# that looks like a day or a year ("ทะเบียน สค 99", "เก๋ง พค 12") or a dot ("รถ กย.1234").
_RIGHT_AFTER_PLATE_WORD = re.compile(
    rf"(?:ทะเบียน(?:รถ)?|ป้ายทะเบียน|เลขรถ|{_VEHICLE})(?:สี[ก-๙]{{2,8}})?"
    r" ?(?:เลข(?:ที่)?)? ?[:：]? ?$",
    re.I,
)
# What a vehicle does, right after two letters and a number: "กค 1234 จอดขวาง".
_VEHICLE_ACTS = re.compile(r" ?(?:จอด|ขับ|ชน|ปาด|แซง|บีบแตร|เบียด|ฝ่าไฟ|ย้อนศร|เฉี่ยว|พุ่ง)")
_NOT_PLATE_AFTER_VEHICLE = frozenset({"ปอ", "ทล", "สน", "รพ", "รร", "ทม", "ทต", "ขส", "ถน"})


@cache
def _province_pattern() -> re.Pattern[str]:
    import geothai

    names = sorted((p.name_th for p in geothai.provinces()), key=len, reverse=True)
    alternatives = [re.escape(n) for n in names] + ["กทม\\.?", "กรุงเทพฯ", "กรุงเทพ"]
    return re.compile(r"[ \-]?(?:จ\.|จังหวัด)? ?(?:" + "|".join(alternatives) + ")")


# Since round 12: a province followed by a dash and another place is a route ("รถตู้ทะเบียน
# 15-7788 ขอนแก่น-อุดร"), which stays; the plate ends before it.
_ROUTE_ON = re.compile(r" ?[-–—] ?[ก-๙]")


def _plate_province(text: str, end: int) -> re.Match[str] | None:
    """The province written right after a plate ending at `end`, unless it starts a route."""
    province = _province_pattern().match(text, end)
    if province is None or _ROUTE_ON.match(text, province.end()):
        return None
    return province


def _plates(text: str) -> list[PersonalDataSpan]:
    found = []
    at = 0
    while (m := _PLATE.search(text, at)) is not None:
        span = _plate_at(text, m)
        if span is None:
            at = m.start() + 1  # "รถ 1กค 234": not "รถ 1", but the plate may start inside it
            continue
        found.append(span)
        at = span.end
    # Truck and bus plates are all digits ("70-1234"): right after ทะเบียน, or after a vehicle
    # with the province;
    # motorcycle plates have three letters ("ขคง 341"): right after ทะเบียน, or after a vehicle
    # with the province ("จยย ฬชน422กรุงเทพ"; not "รถจอด 8 จุด", "รถสวน 2 เลน").
    # every truck or bus plate holds a "-" (every dash is one by now): most texts have none
    numeric = _NUMERIC_PLATE.finditer(text) if "-" in text else ()
    for n in (*numeric, *_THREE_LETTER_PLATE.finditer(text)):
        end = n.end()
        province = _plate_province(text, end)
        if province is None and not (
            n.group().lower().startswith(("ทะเบียน", "plate", "regis", "ป้าย"))
            or (
                _BARE_TRUCK_PLATE.fullmatch(n.group("plate")) is not None
                and _NOT_A_PLATE_AFTER.match(text, end) is None
            )
        ):
            continue
        if province is not None:
            end = province.end()
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, n.start("plate"), end))
    return found + _glued_plates(text) + _motorcycle_plates(text) + _partial_plates(text)


# Glued to ทะเบียน with no space, as phones type it: "ทะเบียนผบ4417สุราษฎร์ธานี",
# "ทะเบียน1กข-123 ขอนแก่น" (the lookbehind of `_PLATE` keeps a letter before the plate out).
_GLUED_TO_PLATE_WORD = re.compile(
    r"(?<!ลง)(?<!จด)ทะเบียน(?:รถ)?(?P<plate>\d?[ก-ฮ]{1,3}[ \-]?\d{2,4})(?![\d.,:/])"
)
# A motorcycle's plate read off the plate's three lines: the digit and letters, the province,
# the number ("1กษ ชลบุรี 482", "2กฉ กรุงเทพมหานคร 4417").
_PLATE_HEAD = re.compile(r"(?<![ก-๛A-Za-z0-9])(?P<lead>\d)?(?P<letters>[ก-ฮ]{2,3})(?= )")
_PLATE_TAIL = re.compile(r" ?\d{1,4}(?!\d|[.,:/]\d)")


def _glued_plates(text: str) -> list[PersonalDataSpan]:
    """A plate glued to ทะเบียน, with the province after it when there is one."""
    if "ทะเบียน" not in text:
        return []
    found = []
    for m in _GLUED_TO_PLATE_WORD.finditer(text):
        province = _plate_province(text, m.end())
        end = province.end() if province is not None else m.end()
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, m.start("plate"), end))
    return found


def _motorcycle_plates(text: str) -> list[PersonalDataSpan]:
    """Letters, a province and a number: with the digit before the letters or three letters,
    or after a plate or vehicle word (month letters only then: "1กค เชียงใหม่ 728" after a
    motorcycle, not a date and a place)."""
    found = []
    for m in _PLATE_HEAD.finditer(text):
        province = _province_pattern().match(text, m.end())
        if province is None:
            continue
        tail = _PLATE_TAIL.match(text, province.end())
        if tail is None:
            continue
        letters = m.group("letters")
        before = text[max(0, m.start() - 20) : m.start()]
        near = _PLATE_WORDS.search(before) or _VEHICLE_WORDS.search(before)
        shaped = m.group("lead") is not None or len(letters) == 3
        if letters in _NOT_PLATE_LETTERS or not (near or (shaped and letters not in _MONTHS)):
            continue
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, m.start(), tail.end()))
    return found


def _plate_at(text: str, m: re.Match[str]) -> PersonalDataSpan | None:
    letters = m.group("letters")
    before = text[max(0, m.start() - 20) : m.start()]
    two_letters = (
        len(letters) == 2
        and letters not in _NOT_PLATE_LETTERS
        and letters not in _NOT_PLATE_AFTER_VEHICLE
    )
    right_after = _RIGHT_AFTER_PLATE_WORD.search(before) is not None
    # Letters that are also a unit (กม, กก) right after a vehicle, before a number of three or
    # four digits and what a vehicle does or a province: "รถกระบะ กม 4567 จอดขวาง" (round 8).
    two_letters = two_letters or (
        len(letters) == 2
        and right_after
        and m.group("lead") is None
        and len(m.group("number")) >= 3
        and (_VEHICLE_ACTS.match(text, m.end()) or _province_pattern().match(text, m.end()))
        is not None
    )
    if letters in _MONTHS and _is_date(m) and not (right_after and two_letters):
        return None
    # Since round 12: a bus line's number before a word and a duration or count ("รถเมล์สาย 29
    # รอ 50 นาที"), not a plate: no digit before a plate's letters follows สาย, and no plate's
    # number is followed by a unit of time or a count.
    if not _PLATE_WORDS.search(before) and (
        (m.group("lead") is not None and _BUS_LINE_BEFORE.search(before))
        or _COUNT_AFTER.match(text, m.end())
    ):
        return None
    if m.group("dot") and not (right_after and two_letters):
        return None  # "ปอ.511", "ลพ.3018": a bus line, a road
    end = m.end()
    province = _plate_province(text, end)
    context = (
        _PLATE_WORDS.search(before)
        or (two_letters and _VEHICLE_WORDS.search(before))
        or (two_letters and len(m.group("number")) >= 3 and _VEHICLE_ACTS.match(text, end))
    )
    glued_digit_form = (
        m.group("lead") is not None
        and not m.group("space")
        and len(letters) == 2
        and letters not in _NOT_PLATE_LETTERS
    )
    if province is not None:
        end = province.end()
    elif not (context or glued_digit_form):
        return None
    return PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, m.start(), end)


_BUS_LINE_BEFORE = re.compile(r"สาย ?$")
_COUNT_AFTER = re.compile(r" ?(?:นาที|ชั่วโมง|ชม\.|วินาที|วัน|คัน|ครั้ง|รอบ|เที่ยว|คน|บาท)")


def _is_date(m: re.Match[str]) -> bool:
    """Month letters with a day number before them ("1 มค 68", "12มค") or a year after them."""
    lead = m.group("lead")
    day = lead is not None and (bool(m.group("space")) or len(lead.strip()) == 2)
    return day or _YEAR.fullmatch(m.group("number")) is not None


# After ทะเบียน, or after a vehicle with the province after the number ("รถตู้ 12-3456 ขอนแก่น").
_NUMERIC_PLATE = re.compile(
    rf"(?:ทะเบียน(?:รถ)?|(?:{_VEHICLE})(?:ตู้|บรรทุก|บัส|ทัวร์|เมล์|พ่วง|หกล้อ|สิบล้อ){{0,2}}"
    r"(?:[ก-๙]{0,12}?ป้าย(?:ทะเบียน)?(?:สี)?(?:เหลือง|เขียว|ขาว|ฟ้า|แดง|ดำ)?)?"
    # the plate named by its colour alone: "ป้ายเหลือง 10-4827" (a public vehicle's)
    r"|ป้าย(?:ทะเบียน|สี)?(?:เหลือง|เขียว)"
    # in English: "plate 10-2345", "licence plate no. 71-0099"
    r"|(?<![A-Za-z])(?:plate|registration)(?: ?(?:no\.?|number|#))? ?:?)"
    r"(?:สี[ก-๙]{2,8})?\s*(?:เลข(?:ที่)?)?\s*(?P<plate>\d{2} ?- ?\d{4})(?!\d)",
    re.I,
)
# After a vehicle with no province, only the truck's and bus's own shape, two digits, a hyphen
# and four ("รถบรรทุกพ่วง 71-5530"), and no count or price after it ("รถตู้ 10-1500 บาท").
_BARE_TRUCK_PLATE = re.compile(r"\d{2}-\d{4}")
_NOT_A_PLATE_AFTER = re.compile(r" ?(?:บาท|฿|คน|คัน|กม|กิโล|ที่|ราย|ครั้ง|%|baht)", re.I)
_THREE_LETTER_PLATE = re.compile(
    rf"(?:(?<!ลง)(?<!จด)ทะเบียน(?:รถ)?|{_VEHICLE})(?:สี[ก-๙]{{2,8}})? ?(?:เลข(?:ที่)?)? ?[:：]? ?"
    r"(?P<plate>\d?[ก-ฮ]{3}[ \-]?\d{1,4})(?![\d.,:/])",
    re.I,
)


# Since round 13: the part of a plate a witness remembers, after ทะเบียน and a word that says so
# ("ทะเบียนจำได้แค่ 3กษ", "ทะเบียนขึ้นต้นด้วย กข", "ป้ายทะเบียนลงท้าย 45"): a digit and letters, letters,
# or (where it starts or ends so) digits alone, and no word after them that counts.
_PARTIAL_PLATE = re.compile(
    r"ทะเบียน(?:รถ)? ?(?:(?:จำได้|เห็น|อ่านได้)(?:แค่|ว่า|แต่)?|(?P<edge>ขึ้นต้น|ลงท้าย)(?:ด้วย)?(?:ว่า)?)"
    r" ?[:：]? ?[\"'“]?(?P<plate>\d?[ก-ฮ]{1,3}(?:[ -]?\d{1,4})?|(?P<digits>\d{1,4}))(?![ก-๛0-9])"
)


def _partial_plates(text: str) -> list[PersonalDataSpan]:
    """Part of a plate a witness remembers (see `_PARTIAL_PLATE`)."""
    if "ทะเบียน" not in text:
        return []
    found = []
    for m in _PARTIAL_PLATE.finditer(text):
        if m.group("digits") is not None and (
            m.group("edge") is None or _COUNT_AFTER.match(text, m.end())
        ):
            continue  # "ทะเบียนจำได้ว่า 2 …": a count, not a plate
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, *m.span("plate")))
    return found
