"""Find and mask personal data in a citizen's message, keeping what officials need to act.

Masked: Thai national ID numbers (13 digits, checksum verified, any grouping), phone numbers
(mobile 06/08/09, landlines 02–07, +66), e-mail addresses, LINE IDs, bank account numbers (next
to a word that says so), licence plates (next to ทะเบียน or a province name, or in the
digit-first form 1กข 1234) and people's names where they are introduced (นาย/นาง/นางสาว/น.ส./
ด.ช./ด.ญ./คุณ …, ชื่อ …). Kept: soi and house numbers, dates, times, amounts, road kilometres,
bus lines, contract numbers and postcodes: none of them has the shape of the things masked, and
numbers are only masked when their digit count and prefix (and for IDs the checksum) fit.

How numbers are read: Thai digits are mapped to ASCII one to one (offsets do not move), then every
run of digit groups joined by single separators (space, hyphen, dot, brackets) is split into its
groups, and each group boundary is tried as the start of an ID (13 digits), a phone number (9 or
10 digits by prefix) or, after a bank word, an account number (10–15 digits). A match must end on
a group boundary, so a number is never cut in the middle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.tokenise import segment

MASKS: dict[PersonalDataKind, str] = {
    PersonalDataKind.NATIONAL_ID: "[เลขบัตรประชาชน]",
    PersonalDataKind.PHONE: "[เบอร์โทร]",
    PersonalDataKind.EMAIL: "[อีเมล]",
    PersonalDataKind.LINE_ID: "[ไลน์ไอดี]",
    PersonalDataKind.BANK_ACCOUNT: "[เลขบัญชี]",
    PersonalDataKind.LICENCE_PLATE: "[ทะเบียนรถ]",
    PersonalDataKind.PERSON_NAME: "[ชื่อ]",
}

# When two findings overlap, the longer wins; on equal length, the earlier kind in this order.
_PRIORITY = (
    PersonalDataKind.EMAIL,
    PersonalDataKind.NATIONAL_ID,
    PersonalDataKind.PHONE,
    PersonalDataKind.BANK_ACCOUNT,
    PersonalDataKind.LINE_ID,
    PersonalDataKind.LICENCE_PLATE,
    PersonalDataKind.PERSON_NAME,
)

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass(frozen=True, slots=True)
class Redaction:
    """The masked text and where the personal data was in the original."""

    text: str
    spans: list[PersonalDataSpan]


def redact(text: str) -> Redaction:
    """Mask every piece of personal data found in `text`; spans are offsets into `text`."""
    # Each finder runs only when the text holds what it looks for (most messages hold little).
    ascii_digits = text.translate(_THAI_DIGITS) if _ANY_THAI_DIGIT.search(text) else text
    has_digit = _ANY_DIGIT.search(ascii_digits) is not None
    has_at = "@" in text
    found: list[PersonalDataSpan] = []
    if has_at:
        found += _emails(ascii_digits)
    if has_digit:
        found += _numbers(ascii_digits)
        found += _plates(ascii_digits)
    if has_at or _LINE_TRIGGER.search(text):
        found += _line_ids(ascii_digits)
    if _NAME_TRIGGER.search(text):
        found += _names(text)
    if not found and not has_digit:
        return Redaction(text=text, spans=[])
    # Inside a link only e-mails and whole mobile numbers count ("…/detail/9610000009936" is a
    # page id, "line.me/ti/p/0812345678" a phone number).
    if "/" in text or "www." in text:
        urls = [m.span() for m in _URL.finditer(ascii_digits)]
        found = [f for f in found if f.kind is PersonalDataKind.EMAIL or not _inside(f, urls)]
        for start, end in urls:
            for m in _MOBILE_IN_LINK.finditer(ascii_digits, start, end):
                found.append(PersonalDataSpan(PersonalDataKind.PHONE, m.start(), m.end()))
    spans = _resolve(found)
    return Redaction(text=_apply(text, spans), spans=spans)


_ANY_THAI_DIGIT = re.compile("[๐-๙]")
_ANY_DIGIT = re.compile("[0-9]")
_LINE_TRIGGER = re.compile("ไลน์|line", re.IGNORECASE)


def warm_up() -> None:
    """Load the name lists, stop words, province names and tokeniser dictionary now, not on the
    first message that needs them (the pipeline calls this while loading)."""
    _name_lists()
    _stopwords()
    _province_pattern()
    redact("นายสมชาย ใจดี โทร 0812345678 รถทะเบียน กข 1234 กรุงเทพมหานคร")


def find(text: str) -> list[PersonalDataSpan]:
    """Only the spans (offsets into `text`), without building the masked text."""
    return redact(text).spans


_URL = re.compile(
    r"(?:https?://|www\.)[^\s]+|[A-Za-z0-9.\-]+\.(?:com|co\.th|go\.th|or\.th|net|org|me)/[^\s]*",
    re.I,
)


_MOBILE_IN_LINK = re.compile(r"(?<!\d)0[689]\d{8}(?!\d)")


def _inside(span: PersonalDataSpan, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in ranges)


def _resolve(found: list[PersonalDataSpan]) -> list[PersonalDataSpan]:
    rank = {kind: i for i, kind in enumerate(_PRIORITY)}
    chosen: list[PersonalDataSpan] = []
    for span in sorted(found, key=lambda s: (-(s.end - s.start), rank[s.kind], s.start)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _apply(text: str, spans: list[PersonalDataSpan]) -> str:
    parts: list[str] = []
    at = 0
    for span in spans:
        parts.append(text[at : span.start])
        parts.append(MASKS[span.kind])
        at = span.end
    parts.append(text[at:])
    return "".join(parts)


# --- e-mail ---------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)


def _emails(text: str) -> list[PersonalDataSpan]:
    return [
        PersonalDataSpan(PersonalDataKind.EMAIL, m.start(), m.end()) for m in _EMAIL.finditer(text)
    ]


# --- numbers: national IDs, phones, bank accounts --------------------------------------------

# Digit groups joined by one separator: "081-234-5678", "1 2345 67890 12 1", "(02) 123 4567".
_RUN = re.compile(r"\+?\(?\d+(?:(?:[ \-.]|\) ?| ?\(|\)[\-.])\d+)*\)?")
_GROUP = re.compile(r"\d+")
_ID_WORDS = re.compile(
    r"บัตรประชาชน|บัตรประจำตัว|เลขประจำตัว|ประชาชน|บัตร ?ปชช|ปชช|เลขบัตร|id ?card", re.I
)
_BANK_WORDS = re.compile(
    r"บัญชี|ธนาคาร|บช\.|ออมทรัพย์|กระแสรายวัน|พร้อมเพย์|promptpay|โอนเงิน|โอนเข้า|"
    r"กสิกร|ไทยพาณิชย์|กรุงไทย|กรุงศรี|ออมสิน|ธ\.ก\.ส|ธกส|ทหารไทย|ทีทีบี|"
    r"\b(?:kbank|scb|ktb|bbl|bay|ttb|gsb|baac|a/c|acc(?:ount)?)\b",
    re.I,
)
_CONTEXT_BEFORE = 40


def national_id_checksum_ok(digits: str) -> bool:
    """The 13th digit of a Thai national ID is (11 − Σ dᵢ·(14−i) mod 11) mod 10."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def _numbers(text: str) -> list[PersonalDataSpan]:
    found: list[PersonalDataSpan] = []
    for run in _RUN.finditer(text):
        groups = [
            (run.start() + g.start(), run.start() + g.end()) for g in _GROUP.finditer(run.group())
        ]
        plus = run.group().startswith("+")
        # Digits glued to Latin letters are part of a code or handle ("jin1013"), not a number.
        if groups and _glued_to_letters(text, groups[0][0] - (1 if plus else 0), before=True):
            groups, plus = groups[1:], False
        if groups and _glued_to_letters(text, groups[-1][1], before=False):
            groups = groups[:-1]
        i = 0
        while i < len(groups):
            span = _number_at(text, groups, i, plus=plus and i == 0, run_start=run.start())
            if span is None:
                i += 1
                continue
            found.append(span[0])
            i = span[1]
    return found


def _glued_to_letters(text: str, at: int, *, before: bool) -> bool:
    """Whether the character just before `at` (or at `at`) is a Latin letter."""
    index = at - 1 if before else at
    if not 0 <= index < len(text):
        return False
    return text[index].isascii() and text[index].isalpha()


def _number_at(
    text: str, groups: list[tuple[int, int]], i: int, *, plus: bool, run_start: int
) -> tuple[PersonalDataSpan, int] | None:
    """The ID/phone/account starting at group `i`, and the index of the group after it."""
    digits = ""
    ends: list[tuple[int, int]] = []  # (digit count so far, index after this group)
    for j in range(i, len(groups)):
        digits += text[groups[j][0] : groups[j][1]]
        ends.append((len(digits), j + 1))
        if len(digits) >= 15:
            break
    start = run_start if i == 0 and text[run_start] in "+(" else groups[i][0]
    before = text[max(0, start - _CONTEXT_BEFORE) : start]

    def end_of(count: int) -> int | None:
        for n, after in ends:
            if n == count:
                return after
        return None

    def span(kind: PersonalDataKind, after: int) -> tuple[PersonalDataSpan, int]:
        end = groups[after - 1][1]
        if end < len(text) and text[end] == ")" and "(" in text[start:end]:
            end += 1
        return PersonalDataSpan(kind, start, end), after

    # National ID: 13 digits with a valid checksum, or after a word that says it is one.
    after = end_of(13)
    if (
        after is not None
        and digits[0] != "0"
        and (national_id_checksum_ok(digits[:13]) or _ID_WORDS.search(before))
    ):
        return span(PersonalDataKind.NATIONAL_ID, after)

    # After a bank word (and no phone word since), 10–15 digits are an account number.
    bank = _BANK_WORDS.search(before)
    if bank is not None and not _PHONE_WORDS.search(before[bank.end() :]):
        for count in range(15, 9, -1):
            after = end_of(count)
            if after is not None:
                return span(PersonalDataKind.BANK_ACCOUNT, after)

    # Phone: 0 + 9 digits (mobile 06/08/09), 0 + 8 digits (landline 02–07), +66/66 + the rest.
    for prefix in ("66", "0"):
        if not digits.startswith(prefix):
            continue
        # A bare 66… (no "+", no phone word) is only a phone number when spelt in full, and not
        # after a word that makes it a reference: project numbers start with the Thai year
        # (e-GP's 66049140893 is project 0491-40893 of 2566).
        bare = prefix == "66" and not plus and not _PHONE_WORDS.search(before)
        if bare and (
            (end_of(11) is None and end_of(10) is None) or _REFERENCE_WORDS.search(before)
        ):
            continue
        rest = digits[len(prefix) :]
        if prefix == "66" and rest.startswith("0"):
            rest = rest[1:]
            prefix = "660"
        if rest[:1] in ("6", "8", "9"):
            need = len(prefix) + 9
        elif rest[:1] in ("2", "3", "4", "5", "7"):
            need = len(prefix) + 8
        else:
            continue
        after = end_of(need)
        if after is not None:
            return span(PersonalDataKind.PHONE, after)
    return None


_PHONE_WORDS = re.compile(r"โทร|เบอร์|ติดต่อ|มือถือ|phone|tel|mobile", re.I)
# Right before the number: "เลขที่โครงการ 66…", "สัญญาเลขที่ 66…" (not "แจ้งเรื่อง…").
_REFERENCE_WORDS = re.compile(r"(?:เลขที่|โครงการ|สัญญา|คำร้อง|ใบเสร็จ|พัสดุ|อ้างอิง)[:.]?\s*$")


# --- LINE IDs --------------------------------------------------------------------------------

_LINE_ID = re.compile(
    r"(?:ไลน์\s*ไอดี|ไอดี\s*ไลน์|(?<!ออน)(?<!ฮอท)(?<!ฮอต)ไลน์|(?<![A-Za-z])line\s*id|(?<![A-Za-z])id\s*line|"
    r"(?<![A-Za-z])line(?![A-Za-z]))"
    r"\s*(?:[:：=]+|คือ|ชื่อ)?\s*(@?[A-Za-z0-9][A-Za-z0-9._\-]{1,29})(?![A-Za-z0-9._\-]*:/)",
    re.I,
)
_AT_ID = re.compile(
    r"(?<![A-Za-z0-9._%+\-])@(?![0-9.,]+(?![A-Za-z_]))[A-Za-z0-9][A-Za-z0-9._\-]{2,29}"
)


def _line_ids(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in _LINE_ID.finditer(text):
        if not any(ch.isalpha() for ch in m.group(1)):
            continue  # all digits: a phone number (masked as one) or a time, not a handle
        start, end = m.span(1)
        end = start + len(m.group(1).rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, start, end))
    for m in _AT_ID.finditer(text):
        end = m.start() + len(m.group().rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, m.start(), end))
    return found


# --- licence plates --------------------------------------------------------------------------

# Thai month abbreviations written without dots look like plate letters ("12 ตค 67").
_MONTHS = frozenset({"มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"})
_PLATE = re.compile(
    r"(?<![ก-๛A-Za-z0-9.])(?P<lead>\d{1,2}(?P<space> ?))?(?P<letters>[ก-ฮ]{1,2})[ \-]?"
    r"(?P<number>\d{1,4})(?![\d.,:/+%])"
)
# Two letters after a digit that are units or words, not plate letters ("5มก", "2 คน").
_NOT_PLATE_LETTERS = frozenset(
    {"มก", "กก", "กม", "ซม", "มม", "ลด", "คน", "จอ", "ยก", "ชม", "ตร", "ณ"}
)
_PLATE_WORDS = re.compile(r"ทะเบียน|ป้ายรถ|เลขรถ")


@cache
def _province_pattern() -> re.Pattern[str]:
    import geothai

    names = sorted((p.name_th for p in geothai.provinces()), key=len, reverse=True)
    alternatives = [re.escape(n) for n in names] + ["กทม\\.?", "กรุงเทพฯ", "กรุงเทพ"]
    return re.compile(r"[ \-]?(?:จ\.|จังหวัด)? ?(?:" + "|".join(alternatives) + ")")


def _plates(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in _PLATE.finditer(text):
        letters = m.group("letters")
        if letters in _MONTHS:
            continue
        end = m.end()
        province = _province_pattern().match(text, end)
        context = _PLATE_WORDS.search(text[max(0, m.start() - 20) : m.start()])
        glued_digit_form = (
            m.group("lead") is not None
            and not m.group("space")
            and len(letters) == 2
            and letters not in _NOT_PLATE_LETTERS
        )
        if province is not None:
            end = province.end()
        elif not (context or glued_digit_form):
            continue
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, m.start(), end))
    # Truck and bus plates are all digits ("70-1234"): only with the word ทะเบียน before them.
    for m in _NUMERIC_PLATE.finditer(text):
        end = m.end()
        province = _province_pattern().match(text, end)
        if province is not None:
            end = province.end()
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, m.start("plate"), end))
    return found


_NUMERIC_PLATE = re.compile(r"ทะเบียน(?:รถ)?\s*(?:เลข(?:ที่)?)?\s*(?P<plate>\d{2}-\d{4})(?!\d)")


# --- people's names --------------------------------------------------------------------------

# Titles that always introduce a name (as their own word), and weaker ones (คุณ is also "you",
# ชื่อ also "name of" a road or shop) after which only a name from pythainlp's name lists counts.
_STRONG_TITLES = frozenset(
    {"นาย", "นาง", "นางสาว", "น.ส.", "นส.", "ด.ช.", "ด.ญ.", "ดช.", "ดญ.", "เด็กชาย", "เด็กหญิง"}
)
_WEAK_TITLES = frozenset({"คุณ", "ชื่อ", "ผมชื่อ", "ฉันชื่อ"})
# นาย and นาง are also "he/she" and "boss" in chat: a name the lists do not know needs a surname
# after it, or ชื่อ before it.
_PRONOUN_TITLES = frozenset({"นาย", "นาง"})
# Names of places and brands that start with a title word.
_TITLED_PLACES = ("นางลิ้นจี่", "นางเลิ้ง", "นายเลิศ", "นางรอง", "นางแล", "นางรำ", "คุณหญิง")
_FIELD_LABELS = frozenset({"ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อนามสกุล", "นามสกุล"})
_WEAK_RANKS = frozenset({"ส.ส.", "ส.ว.", "ส.ก.", "ส.ข."})
_RANKS = re.compile(
    r"(?<![ก-๛])(?<![ก-ฮ]\.)(?:(?:ผศ|รศ|ศ)\.(?:ดร|นพ|พญ)\.|ศ\.ดร\.|พล\.[ตทอ]\.[ตทอ]\.|[พร]\.[ตทอ]\.[ตทอ]\.|ส\.ต\.[ตทอ]\.|จ\.ส\.[ตทอ]\.|ด\.ต\.|"
    r"พล\.[ตทอ]\.|[พรส]\.[ตทอ]\.|จ\.ส\.[ตทอ]\.|ส\.ส\.|ส\.ว\.|ส\.ก\.|ส\.ข\.|ดร\.|นพ\.|พญ\.|ทพ\.|"
    r"ผศ\.|รศ\.|ศ\.|ว่าที่ร้อยตรี|ว่าที่ ร\.ต\.)(?=[ ก-ฮเแโใไ])"
)
_NAME_TRIGGER = re.compile(
    r"\.[ก-ฮ]|ว่าที่|นาย|นาง|น\.?ส\.|ด\.?[ชญ]\.|เด็ก(?:ชาย|หญิง)|คุณ|ชื่อ|นามสกุล|M(?:r|rs|s)\.? [A-Z]"
)
_ENGLISH_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.? (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that end a name written without a space after it ("นายสมชายแจ้งว่า…").
_AFTER_NAME = _word_set(
    """แจ้ง ร้องเรียน อยู่ บ้าน เป็น ได้ ขอ ซึ่ง ที่ และ กับ โทร เบอร์ ครับ ค่ะ คะ นะ อายุ มา ไป
    ว่า จาก ได้รับ เจ้าของ ผู้ ร้าน หมู่ ซอย ถนน เลขที่ ตำแหน่ง เจ้าหน้าที่ พบ เห็น ทำ ถูก โดน ให้ จะ
    ก็ ไม่ ยัง แล้ว เมื่อ วันที่ บอก พูด เดิน ขับ ขี่ ถาม ช่วย มี ต้องการ อยาก ขอให้ ฝาก ติดต่อ
    ร้อง เรียน นะคะ นะครับ จ้า จ้ะ ด้วย หน่อย เลย ก่อน หลัง ใน บน ข้าง หน้า ซึ่งเป็น ทาง แขวง เขต
    ตำบล อำเภอ จังหวัด ชุมชน หมู่บ้าน ใช้ ซื้อ ขาย กิน เอา ชอบ งง รัก เกลียด สวย น่ารัก เก่ง
    เรียก เก็บ จอด ตั้ง วาง ทิ้ง เปิด ปิด ส่ง รับ ด่า ตะคอก ข่มขู่ ทำร้าย ยึด ขโมย ละเลย เพิกเฉย
    ปล่อย สั่ง ขู่ ตี ชน เมา ทะเลาะ โกง หลอก ยืม ขาย ซื้อ จ่าย เอาเงิน ไม่ยอม กำลัง เคย ชอบ
    คือ นี้ นั้น นี่ จริง ที่อยู่ ของ เต็ม โดย เพราะ แต่ หรือ ทั้ง เขา เรา มัน ผม ฉัน หนู เค้า ตัว คน"""
)
_NOT_NAMES = _word_set(
    """ที่ ชอบ ควร คอย คง คม ชม ชวน ทน ทวน ดม ดา ดอน ธง ชาย หญิง ดี มา ไป ทอง แดง ขาว ดำ
    เขียว ฟ้า น้ำ ไฟ ลม ดิน ทาง ถนน ซอย บ้าน ป้า ลุง ยาย ตา แม่ พ่อ พี่ น้อง หมอ ครู ตำรวจ"""
)
_MAX_NAME_TOKENS = 4
_LONGEST_SURNAME = 22  # characters; a longer run after a name is a sentence, not a surname


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    from pythainlp.corpus import (
        thai_family_names,
        thai_female_names,
        thai_male_names,
        thai_words,
    )

    words = frozenset(thai_words())
    first = frozenset(
        n
        for n in (thai_male_names() | thai_female_names())
        if len(n) >= 2 and n not in _NOT_NAMES and n not in _AFTER_NAME
    )
    family = frozenset(n for n in thai_family_names() if len(n) >= 3 and n not in _AFTER_NAME)
    longest = max(len(n) for n in first | family)
    return first, family, words, longest


def _longest_listed(text: str, at: int, names: frozenset[str], longest: int) -> int:
    """The end of the longest name from `names` that starts at `at` (or `at` if none)."""
    for end in range(min(len(text), at + longest), at, -1):
        if text[at:end] in names:
            return end
    return at


def _tokens_with_offsets(text: str) -> list[tuple[str, int, int]]:
    out = []
    at = 0
    for token in segment(text):
        out.append((token, at, at + len(token)))
        at += len(token)
    return out


def _is_thai(token: str) -> bool:
    return bool(token) and all("\u0e01" <= ch <= "\u0e4e" for ch in token)


def _names(text: str) -> list[PersonalDataSpan]:
    lists = _name_lists()
    tokens = _tokens_with_offsets(text)
    found = [
        PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), m.end("name"))
        for m in _ENGLISH_NAME.finditer(text)
    ]
    # Ranks and honorifics written with dots (พ.ต.ท., ด.ต., ส.ส., ดร.): the name starts at the
    # token right after the rank (and a space), however the tokeniser cut the rank itself.
    starts = {start: index for index, (_, start, _) in enumerate(tokens)}
    for m in _RANKS.finditer(text):
        after = m.end() + (1 if text[m.end() : m.end() + 1] == " " else 0)
        if after in starts:
            weak = m.group() in _WEAK_RANKS  # ส.ส. is also "MPs" in general
            span = _name_run(text, tokens, starts[after], lists, strong=not weak)
            if span is not None:
                found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, span[0], span[1]))
    i = 0
    while i < len(tokens):
        token = tokens[i][0]
        if token in _FIELD_LABELS or (token == "ชื่อ" and _field_label_follows(tokens, i)):
            span = _name_run(text, tokens, i + 1, lists, strong=True)
        elif token in _STRONG_TITLES and not text.startswith(_TITLED_PLACES, tokens[i][1]):
            introduced = i > 0 and tokens[i - 1][0].strip() in ("ชื่อ", "ผู้แจ้ง", "ข้าพเจ้า")
            span = _name_run(
                text,
                tokens,
                i + 1,
                lists,
                strong=True,
                needs_surname=token in _PRONOUN_TITLES and not introduced,
            )
        elif token in _WEAK_TITLES:
            span = _name_run(text, tokens, i + 1, lists, strong=False)
        else:
            span = None
        if span is None:
            i += 1
            continue
        found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, span[0], span[1]))
        while i < len(tokens) and tokens[i][1] < span[1]:
            i += 1
    return found


def _field_label_follows(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """ "ชื่อ" followed by "-นามสกุล" / "สกุล": a form field, so what follows is a name."""
    rest = "".join(t for t, _, _ in tokens[i + 1 : i + 4]).replace(" ", "")
    return rest.startswith(("-นามสกุล", "นามสกุล", "-สกุล", "/นามสกุล"))


_Lists = tuple[frozenset[str], frozenset[str], frozenset[str], int]
_BETWEEN = frozenset({"", ":", "-", "/", "นามสกุล", "สกุล", "ว่า", "คือ"})


def _name_run(
    text: str,
    tokens: list[tuple[str, int, int]],
    j: int,
    lists: _Lists,
    *,
    strong: bool,
    needs_surname: bool = False,
) -> tuple[int, int] | None:
    """The span of the name (and surname) that starts at token `j` or just after, or None."""
    first, family, words, longest = lists
    while j < len(tokens) and tokens[j][0].strip() in _BETWEEN:
        j += 1
    if j >= len(tokens) or not _is_thai(tokens[j][0]):
        return None
    if not strong and tokens[j][0] in _STRONG_TITLES:
        return None  # "ชื่อนายสมชาย": the title itself introduces the name
    boundaries = {end for _, _, end in tokens}
    start = tokens[j][1]
    end = _longest_listed(text, start, first, longest)
    if end not in boundaries or (not strong and (end - start < 3 or text[start:end] in words)):
        end = start
    listed_first = end > start
    if end == start:
        if not strong or tokens[j][0] in _AFTER_NAME or tokens[j][0] in _NOT_NAMES:
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
        word_end = after
        while word_end < len(text) and _is_thai(text[word_end]) and text[word_end] not in "ๆฯ":
            word_end += 1
        listed = _longest_listed(text, after, family, longest) > after
        surname_like = (
            word_end > after
            and word_end - after <= _LONGEST_SURNAME
            and (word_end == len(text) or text[word_end] not in "ๆฯ")
        )
        if surname_like and (
            listed or ((strong or listed_first) and not _starts_with_common(tokens, after))
        ):
            return start, word_end
    if needs_surname and not listed_first:
        return None
    return start, end


def _starts_with_common(tokens: list[tuple[str, int, int]], at: int) -> bool:
    for token, start, _ in tokens:
        if start == at:
            return (
                token in _AFTER_NAME
                or token in _NOT_NAMES
                or token in _stopwords()
                or len(token) <= 1
            )
    return True


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())
