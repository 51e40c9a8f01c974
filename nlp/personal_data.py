"""Find and mask personal data in a citizen's message, keeping what officials need to act.

Masked: Thai national ID numbers (13 digits, checksum verified, any grouping), passport
numbers (after a word that says so), phone numbers (mobile 06/08/09, landlines 02–07, +66),
e-mail addresses (also spelt out: "somchai at gmail dot com", "แอท จีเมล ดอท คอม"), LINE IDs,
bank account numbers (next to a word that says so), licence plates (next to ทะเบียน, a vehicle
word, a vehicle's action or a province name, or in the digit-first form 1กข 1234), house numbers
(บ้านเลขที่ 45/2, 99/123 หมู่ 4: the village, soi and road after them stay) and people's names
where they are introduced: after a title (นาย/นาง/นางสาว/น.ส./ด.ช./ด.ญ./คุณ …, ชื่อ …), a rank,
a role or kinship word (ผู้ใหญ่บ้าน, กำนัน, ผอ., ครู, หมอ, ลุง, ป้า, น้อง, หลวงพ่อ, and the
regions' อาซิ้ม, ซ้อ, พ่ออุ๊ย, เอื้อย, ก๊ะ …; also a nickname of two words: น้องข้าวหอม), as an
account holder (ชื่อบัญชี …), and in Latin script (Mr. …, คุณ David, John Smith, ลุง John,
P'Aof). Kept: soi and village numbers, dates, times, amounts, road kilometres, bus
lines, contract numbers, postcodes and a role word without a name: none of them has the shape
of the things masked, and numbers are only masked when their digit count and prefix (and for IDs
the checksum) fit. The redacted text is what everyone below the responsible agency's officials
reads; those officials, the place finder and routing read the original.

How numbers are read: Thai and full-width digits are mapped to ASCII and every dash to "-", one
character for one (offsets do not move), then every run of digit groups joined by a separator
(one or two spaces, a hyphen or a dot with at most a space either side, brackets) is split into
its groups, and each group boundary is tried as the start of an ID (13 digits), a phone number (9
or 10 digits by prefix) or, after a bank word, an account number (10–15 digits). A match must end
on a group boundary, so a number is never cut in the middle.

How a name after a role word is told from a common word ("ลุงแดง" from "ลุงที่ขายของ"): the
role word must be a word of its own in the tokeniser's cut, and what follows must be a given name
(pythainlp's lists, or the team's list of nicknames they miss) that is not a word that ends a
name, or a word the Thai dictionary does not know at all (a nickname such as "มายด์"). A name
that is mostly a common word (สมบัติ, เสริม, มี) counts only glued to a kinship word or a rank
and before what ends a name ("ลุงสมบัติแจ้ง…", "ลุงมีที่บ้าน…", not "ลุงมีรถ"). A shop named
after someone keeps the shop and loses the person ("ร้านส้มตำป้า[ชื่อ]"); a lane keeps both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

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
    PersonalDataKind.PASSPORT: "[เลขหนังสือเดินทาง]",
    PersonalDataKind.HOUSE_NUMBER: "[บ้านเลขที่]",
}

# When two findings overlap, the longer wins; on equal length, the earlier kind in this order.
_PRIORITY = (
    PersonalDataKind.EMAIL,
    PersonalDataKind.NATIONAL_ID,
    PersonalDataKind.PASSPORT,
    PersonalDataKind.PHONE,
    PersonalDataKind.BANK_ACCOUNT,
    PersonalDataKind.LINE_ID,
    PersonalDataKind.LICENCE_PLATE,
    PersonalDataKind.PERSON_NAME,
    PersonalDataKind.HOUSE_NUMBER,
)

# One character for one, so offsets do not move: Thai and full-width digits to ASCII, every dash
# to "-", the full-width plus to "+", no-break and other wide spaces to " ".
_SAME_LENGTH = str.maketrans(
    {
        **{chr(0x0E50 + d): str(d) for d in range(10)},
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        "\uff0b": "+",
        **dict.fromkeys(
            "\u00a0\u2000\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
            " ",
        ),
    }
)
_NEEDS_MAPPING = re.compile(
    "[๐-๙０-９\u2010-\u2015\u2212\ufe63\uff0d\uff0b\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)


@dataclass(frozen=True, slots=True)
class Redaction:
    """The masked text and where the personal data was in the original."""

    text: str
    spans: list[PersonalDataSpan]


def redact(text: str) -> Redaction:
    """Mask every piece of personal data found in `text`; spans are offsets into `text`."""
    # Each finder runs only when the text holds what it looks for (most messages hold little).
    ascii_digits = text.translate(_SAME_LENGTH) if _NEEDS_MAPPING.search(text) else text
    has_digit = _ANY_DIGIT.search(ascii_digits) is not None
    has_at = "@" in text
    has_latin = _ANY_LATIN.search(text) is not None
    found: list[PersonalDataSpan] = []
    if has_at or (has_latin and _SPELT_EMAIL_TRIGGER.search(text)):
        found += _emails(ascii_digits)
    if has_digit:
        found += _numbers(ascii_digits)
        found += _plates(ascii_digits)
        if _PASSPORT_TRIGGER.search(text):
            found += _passports(ascii_digits)
        if _HOUSE_TRIGGER.search(text):
            found += _house_numbers(ascii_digits)
    if has_at or _LINE_TRIGGER.search(text):
        found += _line_ids(ascii_digits)
    accounts = [f.end for f in found if f.kind is PersonalDataKind.BANK_ACCOUNT]
    roles = _role_candidates(text)
    if accounts or roles or _has_title(text) or _names_an_account_holder(text):
        found += _names(text, roles=roles, after_accounts=accounts)
    if has_latin and _LATIN_NAME_TRIGGER.search(text):
        found += _latin_names(text)
    if "ผม" in text or "ดิฉัน" in text:
        found += _self_introductions(text)
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


_ANY_DIGIT = re.compile("[0-9]")
_ANY_LATIN = re.compile("[A-Za-z]")
_LINE_TRIGGER = re.compile("ไลน์|line", re.IGNORECASE)


def warm_up() -> None:
    """Load the name lists, stop words, province names and tokeniser dictionary now, not on the
    first message that needs them (the pipeline calls this while loading)."""
    _name_lists()
    _stopwords()
    _province_pattern()
    redact("นายสมชาย ใจดี โทร 0812345678 รถทะเบียน กข 1234 กรุงเทพมหานคร ลุงแดง John Smith")


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


# Spelt out so that a bot would not read it: "somchai at gmail dot com", "somchai แอท gmail ดอท
# com", "somchai(at)gmail(dot)com", "somchai @ gmail . com". The last label must be a known
# top-level domain, so "at home" or "dot" in a sentence is not an address.
_SPELT_AT = (
    r"(?: ?@ ?| ?[(\[{] ?(?:at|แอท|แอ็ท) ?[)\]}] ?| (?:at|แอท|แอ็ท) |(?<=[A-Za-z0-9])(?:แอท|แอ็ท)"
    r"(?=[A-Za-z0-9]))"
)
_SPELT_DOT = (
    r"(?: ?\. ?| ?[(\[{] ?(?:dot|ดอท|ด็อท|จุด) ?[)\]}] ?| (?:dot|ดอท|ด็อท|จุด) |"
    r"(?<=[A-Za-z0-9])(?:ดอท|ด็อท|จุด)(?=[A-Za-z]))"
)
# The commonest mail domains and endings are also spelt in Thai letters ("แอท จีเมล ดอท คอม").
_TOP_LEVEL = (
    r"(?:(?:com|net|org|edu|gov|info|biz|me|io|co|ac|go|or|in|th|uk|jp|sg|us)(?![A-Za-z0-9])|"
    r"(?:คอม|เน็ต|เน็ท)(?![ก-๙]))"
)
_THAI_DOMAIN = r"จีเมล(?:ล์|์)?|ฮอ[ทต]เมล(?:ล์|์)?|ยาฮู|เอาท์ลุค"
# The name before "at" may be spelt out too: "anucha dot b at gmail dot com".
_SPELT_EMAIL = re.compile(
    rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+(?:{_SPELT_DOT}[A-Za-z0-9_%+\-]+)*{_SPELT_AT}(?P<domain>[A-Za-z0-9\-]+|{_THAI_DOMAIN})"
    rf"(?:{_SPELT_DOT}[A-Za-z0-9\-]+)*{_SPELT_DOT}{_TOP_LEVEL}",
    re.I,
)
_SPELT_EMAIL_TRIGGER = re.compile(r"[Dd][Oo][Tt]|ดอท|ด็อท|แอท|แอ็ท|[(\[][Aa][Tt][)\]]| [Aa][Tt] ")


def _emails(text: str) -> list[PersonalDataSpan]:
    found = [
        PersonalDataSpan(PersonalDataKind.EMAIL, m.start(), m.end()) for m in _EMAIL.finditer(text)
    ]
    for m in _SPELT_EMAIL.finditer(text):
        # A website, not an address: "Tickets at www.ticketbox.co.th", "at ticketmelon.com/event".
        website = _WEBSITE.match(text, m.start("domain")) or text[m.end() : m.end() + 1] == "/"
        if not website:
            found.append(PersonalDataSpan(PersonalDataKind.EMAIL, m.start(), m.end()))
    return found


_WEBSITE = re.compile("www", re.I)


# --- numbers: national IDs, phones, bank accounts --------------------------------------------

# Digit groups joined by one separator: "081-234-5678", "1 2345 67890 12 1", "(02) 123 4567",
# "081 - 234 - 5678", "081  234  5678" (every dash is "-" by now).
_RUN = re.compile(r"\+?\(?\d+(?:(?: ?[\-.] ?| {1,2}|\) {0,2}| {0,2}\(|\)[\-.])\d+)*\)?")
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


# --- passports --------------------------------------------------------------------------------

# Thai passports are two letters and seven digits (AA1234567); others one or two letters and six to
# eight digits (a space or hyphen may part them), digits alone, or letters and digits mixed (the
# German C01X00T47). Only after a word that says what the number is.
_PASSPORT_WORD = r"(?:พาสปอร์ต|พาสปอต|หนังสือเดินทาง|passport)"
_PASSPORT_NUMBER = (
    r"[A-Z]{1,2}[ \-]?\d{6,8}|\d{7,9}|(?=[A-Z0-9]{0,8}\d[A-Z0-9]{0,8}\d)[A-Z][A-Z0-9]{7,8}"
)
_PASSPORT = re.compile(
    rf"{_PASSPORT_WORD}(?: ?(?:no\.?|number|เลขที่|เลข|หมายเลข|เบอร์|#))?(?: ?(?:is|คือ))?"
    rf" ?[:：]? ?(?P<number>{_PASSPORT_NUMBER})(?![A-Za-z0-9])"
    # A few Thai words may stand between (whose passport): "พาสปอร์ตภรรยาผมเลข AB1234567".
    # Then only the letter-and-digit shape, so a phone number or an amount is not taken for one.
    r"|(?:พาสปอร์ต|พาสปอต|หนังสือเดินทาง)(?P<whose>[ก-๙]{1,24}?) ?(?:เลข(?:ที่)?|หมายเลข)? ?[:：]? ?"
    r"(?P<lettered>[A-Z]{1,2}[ \-]?\d{6,8})(?![A-Za-z0-9])",
    re.I,
)
_PASSPORT_TRIGGER = re.compile("พาสปอ|หนังสือเดินทาง|[Pp]assport|PASSPORT")


def _passports(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in _PASSPORT.finditer(text):
        group = "number" if m.group("number") else "lettered"
        if group == "lettered" and _PHONE_WORDS.search(m.group("whose")):
            continue
        found.append(PersonalDataSpan(PersonalDataKind.PASSPORT, m.start(group), m.end(group)))
    return found


# --- house numbers ---------------------------------------------------------------------------

# A house number is where a citizen lives: masked in the redacted text, which everyone below the
# responsible agency's officials reads (the officials and the place finder read the original).
# The village (หมู่), soi, road and subdistrict after it stay. Only in an address's shapes:
# after บ้านเลขที่ (also misspelt บ้านเลขที, บ้านเลข), after เลขที่ when an address word follows
# (not "สัญญาเลขที่ 12/2566", "โฉนดเลขที่ …"), a number with a slash before หมู่ or ม. ("99/123
# หมู่ 4", not "ม.2/3", a school class), and in English after "house" ("house 88/9 Moo 2").
_HOUSE = r"\d{1,5}(?:/\d{1,4})?(?![\d.,:]|/\d)"  # "บ้านเลขที่26/หมู่ที่7" ends at 26
_ADDRESS_AFTER = (
    r" ?(?:หมู่(?!บ้าน)|ม\.|ซอย|ซ\.|ถนน|ถ\.|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|moo\b|soi\b|road\b|rd\b)"
)
_HOUSE_NUMBER = re.compile(
    rf"บ้าน ?เลข(?:ที่|ที)? ?[:.]? ?{_HOUSE}"
    rf"|(?:(?<![ก-๙])|(?<=อยู่))เลขที่ ?[:.]? ?{_HOUSE}(?={_ADDRESS_AFTER})"
    rf"|บ้าน ?\d{{1,5}}/\d{{1,4}}(?![\d/.,:])(?={_ADDRESS_AFTER})"
    # Bare, only before the village: "ซอยลาดกระบัง14/1 ถนน…" is a soi, "58/4 ม.2" a house.
    rf"|(?<![\d/.\-])(?<!\d,)\d{{1,5}}/\d{{1,4}}(?![\d/.,:])(?= ?(?:หมู่(?!บ้าน)|ม\.|moo\b))"
    rf"|(?<![A-Za-z])(?:house|home)(?: ?(?:no\.?|number|#))? ?:? ?{_HOUSE}",
    re.I,
)
_HOUSE_TRIGGER = re.compile("บ้าน|เลขที่|/|house|home", re.I)
# Before a number with a slash, a word that makes it a soi's, a contract's or a date.
# The word may carry a name glued on ("ซอยพหลโยธิน 54/1", "ประชาราษฎร์สาย1/38").
_NOT_A_HOUSE_BEFORE = re.compile(r"(?:ซอย|ซ\.|soi|สาย|วันที่|(?<!บ้าน)เลขที่)[^\s\d]{0,24} ?$", re.I)


def _house_numbers(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in _HOUSE_NUMBER.finditer(text):
        bare = m.group()[:1].isdigit()
        if bare and _NOT_A_HOUSE_BEFORE.search(text, max(0, m.start() - 32), m.start()):
            continue
        found.append(PersonalDataSpan(PersonalDataKind.HOUSE_NUMBER, m.start(), m.end()))
    return found


# --- LINE IDs --------------------------------------------------------------------------------

# Not "Line Man", the delivery app.
_LINE_WORD = r"(?:(?<!ออน)(?<!ฮอท)(?<!ฮอต)ไลน์|(?<![A-Za-z])line(?![A-Za-z])(?!\s*man\b))"
_ID_WORD = r"(?:ไอดี|(?<![A-Za-z])id(?![A-Za-z]))"
_HANDLE = r"(@?[A-Za-z0-9][A-Za-z0-9._\-]{1,29})(?![A-Za-z0-9._\-]*:/)"
_LINE_ID = re.compile(
    rf"(?:{_LINE_WORD}(?:\s*{_ID_WORD})?|ไอดี\s*ไลน์|(?<![A-Za-z])id\s*line)"
    rf"\s*(?:[:：=]+|คือ|ชื่อ)?\s*{_HANDLE}",
    re.I,
)
# Words between the LINE word and the handle: "ไลน์กำนันไว้ได้เลยครับ ID: kamnan99" (an "ID"
# with a colon), "ไลน์ไอดีคนที่ติดต่อลูกคือ boss_99" (ไลน์ไอดี … คือ).
_LINE_ID_LATER = re.compile(
    rf"{_LINE_WORD}(?:[^\n:：]{{0,40}}?{_ID_WORD}\s*[:：=]|\s*{_ID_WORD}[^\n:：]{{0,30}}?คือ)"
    rf"\s*{_HANDLE}",
    re.I,
)
_LINE_ID_AFTER_WORDS = re.compile(
    rf"{_LINE_WORD}(?!แมน)\s*[ก-๙]{{1,20}}\s*[:：]?\s*"
    r"(?P<handle>(?=[a-z0-9._\-]*[0-9._\-])[a-z][a-z0-9._\-]{3,29})(?![A-Za-z0-9._\-])",
    re.I,
)
_AT_ID = re.compile(
    r"(?<![A-Za-z0-9._%+\-])@(?![0-9.,]+(?![A-Za-z_]))[A-Za-z0-9][A-Za-z0-9._\-]{2,29}"
)


def _line_ids(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in (*_LINE_ID.finditer(text), *_LINE_ID_LATER.finditer(text)):
        if not any(ch.isalpha() for ch in m.group(1)):
            continue  # all digits: a phone number (masked as one) or a time, not a handle
        start, end = m.span(1)
        end = start + len(m.group(1).rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, start, end))
    for m in _LINE_ID_AFTER_WORDS.finditer(text):
        start = m.start("handle")
        end = start + len(m.group("handle").rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, start, end))
    for m in _AT_ID.finditer(text):
        end = m.start() + len(m.group().rstrip("._-"))
        found.append(PersonalDataSpan(PersonalDataKind.LINE_ID, m.start(), end))
    return found


# --- licence plates --------------------------------------------------------------------------

# Thai month abbreviations written without dots look like plate letters ("12 ตค 67"): with a day
# number before them or a year after them they are a date, otherwise ("กค 1234") a plate.
_MONTHS = frozenset({"มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"})
_YEAR = re.compile(r"\d{2}|(?:19|20|24|25|26)\d{2}")
_PLATE = re.compile(
    r"(?<![ก-๛A-Za-z0-9.])(?P<lead>\d{1,2}(?P<space> ?))?(?P<letters>[ก-ฮ]{1,2})(?:[ \-]|(?P<dot>\.))?"
    r"(?P<number>\d{1,4})(?![\d.,:/+%])"
)
# Two letters after a digit that are units or words, not plate letters ("5มก", "2 คน").
_NOT_PLATE_LETTERS = frozenset(
    {"มก", "กก", "กม", "ซม", "มม", "ลด", "คน", "จอ", "ยก", "ชม", "ตร", "ณ", "งบ"}
)
_PLATE_WORDS = re.compile(r"ทะเบียน|ป้ายรถ|เลขรถ")
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
    # Truck and bus plates are all digits ("70-1234"): only with the word ทะเบียน before them;
    # motorcycle plates have three letters ("ขคง 341"): right after ทะเบียน, or after a vehicle
    # with the province ("จยย ฬชน422กรุงเทพ"; not "รถจอด 8 จุด", "รถสวน 2 เลน").
    for n in (*_NUMERIC_PLATE.finditer(text), *_THREE_LETTER_PLATE.finditer(text)):
        end = n.end()
        province = _province_pattern().match(text, end)
        if province is None and not n.group().startswith("ทะเบียน"):
            continue
        if province is not None:
            end = province.end()
        found.append(PersonalDataSpan(PersonalDataKind.LICENCE_PLATE, n.start("plate"), end))
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
    if letters in _MONTHS and _is_date(m) and not (right_after and two_letters):
        return None
    if m.group("dot") and not (right_after and two_letters):
        return None  # "ปอ.511", "ลพ.3018": a bus line, a road
    end = m.end()
    province = _province_pattern().match(text, end)
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


def _is_date(m: re.Match[str]) -> bool:
    """Month letters with a day number before them ("1 มค 68", "12มค") or a year after them."""
    lead = m.group("lead")
    day = lead is not None and (bool(m.group("space")) or len(lead.strip()) == 2)
    return day or _YEAR.fullmatch(m.group("number")) is not None


_NUMERIC_PLATE = re.compile(r"ทะเบียน(?:รถ)?\s*(?:เลข(?:ที่)?)?\s*(?P<plate>\d{2}-\d{4})(?!\d)")
_THREE_LETTER_PLATE = re.compile(
    rf"(?:ทะเบียน(?:รถ)?|{_VEHICLE})(?:สี[ก-๙]{{2,8}})? ?(?:เลข(?:ที่)?)? ?[:：]? ?"
    r"(?P<plate>\d?[ก-ฮ]{3}[ \-]?\d{1,4})(?![\d.,:/])",
    re.I,
)


# --- people's names --------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


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
# A word for a person right before ชื่อ: what follows is their name, even a common word
# ("ดิฉันชื่อกาญจนา", "ผู้ใช้ไฟชื่ออนุชา", "จนท.อบต.ชื่อสมบัติ"), not a shop's or a road's.
_PERSON_BEFORE_NAME = re.compile(
    r"(?:ผม|ดิฉัน|ฉัน|หนู|กระผม|ข้าพเจ้า|ลูก(?:ชาย|สาว)?|หลาน(?:ชาย|สาว)?|สามี|ภรรยา|เด็ก|คนหาย|"
    r"พ่อ|แม่|ลุง|ป้า|ยาย|ตา|ปู่|ย่า|(?:พี่|น้อง|(?<!ห)น้า)(?:ชาย|สาว)?|อา(?:ชาย|สาว)|ครู|หมอ|กำนัน|ผู้ใหญ่(?:บ้าน)?|"
    r"นายก|ปลัด|ผอ\.|คนขับ(?:รถ)?|พนักงาน|แม่ค้า|พ่อค้า|ช่าง|ยาม|วิน|ไรเดอร์|"
    r"ผู้(?:ใช้(?:ไฟ|น้ำ|บริการ)?|แจ้ง|เสียหาย|ป่วย|ร้อง(?:เรียน)?|ปกครอง|สูญหาย|ตาย)|"
    r"เพื่อน(?:ร่วมห้อง|ร่วมงาน|บ้าน)?|เจ้าหน้าที่|จนท\.(?:[ก-ฮ]{2,4}\.)?|ตำรวจ) ?$"
)
# Kinship words after ชื่อ: what follows them is a name ("ชื่อน้องต้นกล้า", "ชื่อน้องเก่ง").
_KIN_AFTER_NAME_LABEL = _word_set("น้อง ลุง ป้า พี่ ยาย ตา น้า อา ปู่ ย่า เจ๊ เฮีย")
_WEAK_RANKS = frozenset({"ส.ส.", "ส.ว.", "ส.ก.", "ส.ข."})
_RANKS = re.compile(
    r"(?:(?<![ก-๛])|(?<=ชื่อ))(?<![ก-ฮ]\.)(?<![ก-ฮ]-)(?:(?:ผศ|รศ|ศ)\.(?:ดร|นพ|พญ)\.|ศ\.ดร\.|พล\.[ตทอ]\.[ตทอ]\.|[พร]\.[ตทอ]\.[ตทอ]\.|ส\.ต\.[ตทอ]\.|จ\.ส\.[ตทอ]\.|ด\.ต\.|"
    r"พล\.[ตทอ]\.|[พรส]\.[ตทอ]\.|จ\.ส\.[ตทอ]\.|ส\.ส\.|ส\.ว\.|ส\.ก\.|ส\.ข\.|ดร\.|นพ\.|พญ\.|ทพ\.|"
    r"ผศ\.|รศ\.|ศ\.|ว่าที่ร้อยตรี|ว่าที่ ร\.ต\.)(?=[ ก-ฮเแโใไ])"
)
# Kinship words of the regions a nickname follows (see _ROLE_WORDS), and rude ones a listed
# nickname follows ("ไอ้ปุ๊ก", "อีแต๋ว"; not any unknown word: "ไอ้…" is also an insult).
_REGIONAL_KIN = _word_set("อาแปะ อาซิ้ม อาเจ็ก อาอึ้ม ซ้อ พ่ออุ๊ย แม่อุ๊ย อ้าย เอื้อย ก๊ะ")
_RUDE_KIN = _word_set("ไอ้ อี บัก โก")
# Kinship words that also name things and pets (น้องหมา, น้องโซดา, พี่ท้องเสีย in ads and
# banter): a nickname of two words after them needs a word after it that says who the person is.
_THINGS_TOO = _word_set("น้อง พี่ เจ๊ เฮีย เสี่ย")
_PRONOUNS = _word_set("ดิฉัน ผม ฉัน เรา หนู เขา เค้า มัน แก เธอ กู มึง")
# Role and kinship words a name follows ("ผู้ใหญ่บ้านสมชาย", "ลุงแดง", "ผอ.สมใจ", "นายก
# อบต.ประเสริฐ"); คุณ may stand before them ("คุณป้าสมศรี"). Each with the letters that may not
# come right before and after it, where it is part of a common word: หน้า, ป้าย, ตาม, ย่าน,
# เสี่ยง, จ่าย, ขยาย, หมอน.
_ROLE_WORDS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        _word_set(
            """ผู้ช่วยผู้ใหญ่บ้าน ผู้ใหญ่บ้าน ผู้ใหญ่ ผญบ. ผญ.บ. สารวัตรกำนัน กำนัน พ่อหลวง แม่หลวง
        นายกเทศมนตรี นายกเทศบาล ปลัดอำเภอ ปลัดเทศบาล ปลัด ผอ. ผู้อำนวยการ ประธานชุมชน ส.อบต.
        ดาบตำรวจ ดาบ สารวัตร ผู้กำกับ ผกก. ผู้กอง ผู้หมวด ครูใหญ่ ครู อาจารย์ นายช่าง เจ้าหน้าที่ จนท. ลุง พี่
        น้อง เจ๊ เฮีย อาม่า อากง ปู่ อสม. คุณแม่ คุณพ่อ พ่อใหญ่ แม่ใหญ่ สจ. ส.อบจ.
        หลวงพ่อ หลวงพี่ หลวงตา หลวงปู่ พระมหา พระครู พระอธิการ"""
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
        f"{title}{space}{body}.": ("", "")
        for title in ("นายก", "รองนายก", "ปลัด")
        for space in ("", " ")
        for body in ("อบต", "อบจ", "ทต", "ทม", "ทน")
    },
    "หมอ": ("", "น"),
    "จ่า": ("", "ย"),
    "ป้า": ("", "ย"),
    "น้า": ("ห", ""),
    "ตา": ("เแโใไ", "มยร"),
    "ยาย": ("ข", ""),
    "ย่า": ("", "น"),
    "เสี่ย": ("", "ง"),
}
# Role words that a nickname no list knows may follow ("น้องมายด์", "หมอเบิร์ท"); not ตา, น้า,
# ย่า, ปู่ (see _role_names) nor official titles, which are followed by given names.
_NICKNAME_ROLES = (
    _word_set("ลุง ป้า ยาย พี่ น้อง เจ๊ เฮีย อาม่า อากง เสี่ย ครู หมอ อาจารย์ พ่อหลวง แม่หลวง") | _REGIONAL_KIN
)
# Kinship words (and the northern village heads) a nickname of two common words may follow,
# glued on: "น้องข้าวหอม", "ยายสายบัว", "ลุงหนานแก้ว", "พ่อหลวงคำแสน" (see _compound_nickname).
# Not ครู, หมอ, อาจารย์: a subject or a field follows them ("ครูพละ", "หมอฟัน").
# The Isan พ่อใหญ่/แม่ใหญ่ are a village's elders.
_COMPOUND_NICKNAME_ROLES = (
    _word_set("ลุง ป้า ยาย ตา พี่ น้อง เจ๊ เฮีย อาม่า อากง เสี่ย พ่อหลวง แม่หลวง พ่อใหญ่ แม่ใหญ่") | _REGIONAL_KIN
)
# Kinship words and ranks glued to a given name that is mostly a common word ("ลุงสมบัติ",
# "จ่าสมบัติ", "ลุงเสริม"). Not official roles, nor หมอ, ครู, อาจารย์: on the Traffy and
# Wisesight texts those take a field or an institution ("เจ้าหน้าที่รัฐ", "ผู้อำนวยการพรรค",
# "หมอประสาท", "อาจารย์ปรัชญา", "ครูเอกชน").
_COMMON_NAME_ROLES = (
    _word_set("ลุง ป้า ยาย ตา น้า ย่า ปู่ พี่ น้อง เจ๊ เฮีย อาม่า อากง เสี่ย จ่า ดาบ อสม. พ่อใหญ่ แม่ใหญ่")
    | _REGIONAL_KIN
)


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
        if start in found and found[start].end >= end:
            continue
        begin = start - 3 if text[max(0, start - 3) : start] == "คุณ" else start
        found[start] = _Role(begin, start, end, word)
    return sorted(found.values(), key=lambda r: r.start)


# Labels for the holder of a bank account: what follows is a name ("ชื่อบัญชี สมหญิง ใจงาม").
_ACCOUNT_HOLDER = re.compile(
    r"(?:ชื่อ ?(?:บัญชี|บช\.?)|(?:บัญชี|บช\.?) ?(?:ชื่อ|ในนาม)|ชื่อผู้รับ(?:โอน|เงิน)?|"
    r"ผู้รับ(?:โอน|เงิน)|เจ้าของบัญชี) ?[:：]? ?"
)
# Where money goes, without a label: a name the lists know may follow ("โอนเข้าบัญชี มาลี ทองดี").
_MONEY_TO = re.compile(r"(?:โอน(?:เงิน)?(?:เข้า|ให้|ไปให้|ไปที่)? ?(?:บัญชี)?|เข้าบัญชี) ?[:：]? ?")
_AFTER_ACCOUNT = re.compile(r" ?[:：(]? ?(?:ชื่อ)? ?")
_TITLE_TRIGGER = re.compile(
    r"ว่าที่|นาย|นาง|น\.?ส\.|ด\.?[ชญ]\.|เด็ก(?:ชาย|หญิง)|คุณ|ชื่อ|นามสกุล|ผู้แจ้ง|แจ้งโดย"
)


def _has_title(text: str) -> bool:
    """A title, a form label or a rank: a name may follow."""
    return _TITLE_TRIGGER.search(text) is not None or (
        "." in text and _RANKS.search(text) is not None
    )


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
# Words after a role word that are not names, though a name list or the tokeniser may say so:
# the role words themselves ("ตายาย"), whom a role word also names ("พี่วินมอไซค์" is a motorbike
# taxi rider, "น้องหมา" a dog), and common words that are also given names.
_NOT_NAMES_AFTER_ROLE = _word_set(
    """ลุง ป้า น้า อา ตา ยาย ปู่ ย่า พี่ น้อง เจ๊ เฮีย แม่ พ่อ ลูก หลาน เมีย ผัว สามี ภรรยา
    ครู หมอ จ่า ดาบ กำนัน ผู้ใหญ่ ผู้ใหญ่บ้าน ปลัด นายก ตำรวจ ทหาร ท่าน แก เธอ เขา เค้า
    วิน หมา แมว ชาย หญิง สาว ดี มา ไป ที่ ชอบ ควร คอย คง ชม ชวน ทน ไฟ ลม ดิน ทาง ถนน ซอย บ้าน
    ธง ใหญ่ ประจำ เวร สอน ทุก ทั้ง หลาย สุด ใหม่ เก่า แก่ แถว"""
)
# Lanes, markets and bridges named after someone: the name is a landmark officials need. Not
# shops: "ร้านส้มตำป้าแต๋ว" names the woman who runs it, and "ร้านส้มตำป้า[ชื่อ]" still
# tells officials where. Not after ประธาน/กรรมการ, where ชุมชน is part of a role.
_LANDMARK_WORDS = _word_set("ซอย ซ. ตลาด หมู่บ้าน ชุมชน สะพาน คลอง")
_ROLE_BEFORE_LANDMARK = _word_set("ประธาน กรรมการ")
# What may follow a given name that is also a common word (สมบัติ "wealth", เสริม "add") for it
# to be a name after a role word, besides the words that end a name and action verbs: "ลุงสมบัติ
# แจ้ง…", "ลุงเสริมข้างบ้าน", "จ่าสมบัติจากสถานี…". A word that ends names (มี "have") is one only at
# the end of the phrase or before ที่ and a place ("ลุงมีที่บ้านโนนสูง", not "ลุงมีรถ").
_NAME_FOLLOWERS = _word_set(
    """ข้างๆ ด่า ริม เอง ตะโกน หาย หายตัว หายไป ล้ม หกล้ม เป็นลม นอน ป่วย ตก จมน้ำ หลง หลงทาง
    ติด เจ็บ บาดเจ็บ ตาย เสียชีวิต ร้องไห้ กลับ กลับบ้าน ออก ออกจาก ช็อก ชัก หมดสติ"""
)
# Words after a name that say a person does something (for a nickname made of common words).
_PERSON_ACTS = _word_set(
    """แจ้ง ร้องเรียน อยู่ เป็น ได้ ขอ โทร อายุ มา ไป บอก พูด เดิน ขับ ขี่ ถาม ช่วย ไม่ ยัง ถูก โดน
    ให้ ต้องการ อยาก ฝาก ติดต่อ ใช้ ซื้อ ขาย กิน เรียก เก็บ จอด ตั้ง วาง ทิ้ง เปิด ปิด ส่ง รับ ด่า
    ทำร้าย ขโมย ปล่อย ขู่ ตี ชน เมา โกง หลอก กำลัง เคย"""
)
# What a word after a kinship word starts with when it names a kind of person, a job or a
# place, not a nickname: "พี่ช่างไฟ", "ลุงคนขับรถ", "น้องนักเรียน", "ป้าแม่บ้าน", "ลุงขี้เมา".
_NOT_NICKNAME_STARTS = tuple(
    _word_set(
        """ช่าง คน นัก พนักงาน เจ้า แม่ พ่อ ยาม รปภ ไรเดอร์ วิน ตำรวจ ทหาร พยาบาล หมอ ครู เด็ก
    ผู้ ชาว ลูก หลาน สาว หนุ่ม ชาย หญิง แก่ เพื่อน ข้าง แถว ตรง หน้า หลัง บ้าน ร้าน ขี้ ตา ลุง ป้า
    ยาย พี่ น้อง ที่ ซึ่ง ทั้ง ทุก อีก หมา แมว หัว แท็กซี่ จราจร หนึ่ง สอง สาม สี่ ห้า หก เจ็ด
    แปด เก้า สิบ ร้อย พัน หมื่น แสน ล้าน ตลาด สวน ไร่ วัด โรง ทีม แผง"""
    )
)
_PLACE_AFTER_AT = _word_set("บ้าน หมู่ ต. ตำบล อ. อำเภอ ซอย ซ. ชุมชน หมู่บ้าน")
# Words right after a name that say who the person is: "น้องข้าวปุ้นลูกสาวหนู", "พี่ชาเขียว
# คนขับรถขยะ", "พี่น้ำหวานเจ้าหน้าที่ประปา".
_WHO_AFTER_NAME = tuple(
    _word_set("ลูก หลาน คนขับ คนเก็บ คนเฝ้า เจ้าหน้าที่ จนท อายุ ร้าน บ้าน ที่ กับ สามี ภรรยา เมีย")
)
# Verbs before a kinship word glued to a name: "ตามหาตาจันทร์".
_SEEKING = _word_set("ตามหา หา เจอ")
_SHORT_KIN = frozenset({"ตา", "น้า", "ย่า", "ปู่"})
_ORGANISATIONS = tuple(
    _word_set(
        """มูลนิธิ บริษัท บจก หจก ห้าง ร้าน วัด โรงเรียน โรงพยาบาล สมาคม กองทุน สหกรณ์ ชมรม พรรค
    สำนัก กรม กระทรวง เทศบาล องค์การ ธนาคาร สถาบัน ศูนย์ มหาวิทยาลัย วิทยาลัย ราชวิทยาลัย
    สภา คณะ กลุ่ม สมาพันธ์ สหภาพ"""
    )
)
# A number of people, not a name: "พี่หนึ่งคน", "น้องสองคน".
_CLASSIFIERS = _word_set("คน ท่าน ราย ตัว คัน ครั้ง วัน ปี เดือน")
_NUMBER_WORDS = _word_set("หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ")
_MAX_NAME_TOKENS = 4
_LONGEST_SURNAME = 22  # characters; a longer run after a name is a sentence, not a surname
_DATA = Path(__file__).resolve().parent / "data" / "personal_data"


@dataclass(frozen=True, slots=True)
class _NameLists:
    first: frozenset[str]  # given names (pythainlp's lists, less common words)
    family: frozenset[str]  # family names (pythainlp's list)
    words: frozenset[str]  # every word of pythainlp's Thai dictionary
    nicknames: frozenset[str]  # team-written: nicknames and given names the lists miss
    common: frozenset[str]  # given names that are mostly common words: ธนาคาร, วัน, ส่วน
    latin: frozenset[str]  # team-written: given names in Latin script
    asian: frozenset[str]  # team-written: parts of neighbours' and visitors' names, romanised
    verbs: frozenset[str]  # words whose commonest ORCHID part-of-speech tag is VACT (a verb)
    predicates: frozenset[str]  # … is a verb tag (VACT, VSTA, XV…)
    adjectives: frozenset[str]  # … is VATT (an adjective)
    endings: frozenset[str]  # dictionary words that end many listed names: พรรณ, ทิพย์, เรือน
    longest: int


def _listed_words(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@cache
def _name_lists() -> _NameLists:
    from pythainlp.corpus import (
        thai_family_names,
        thai_female_names,
        thai_male_names,
        thai_words,
    )

    words = thai_words()  # pythainlp's own cached set (the tokeniser reads the same words)
    first = frozenset(
        n
        for n in (thai_male_names() | thai_female_names())
        if len(n) >= 2 and n not in _NOT_NAMES and n not in _AFTER_NAME
    )
    family = frozenset(n for n in thai_family_names() if len(n) >= 3 and n not in _AFTER_NAME)
    nicknames = _listed_words("nicknames.txt")
    longest = max(len(n) for n in first | family | nicknames)
    latin = _listed_words("latin_given_names.txt")
    asian = _listed_words("latin_asian_names.txt")
    tags = _orchid_tags()  # read once here; only the verbs and adjectives are kept
    common = _common_words(first, tags) - nicknames
    verbs = frozenset(word for word, tag in tags.items() if tag == "VACT")
    predicates = frozenset(
        word for word, tag in tags.items() if tag.startswith(("V", "XV")) and tag != "VATT"
    )
    adjectives = frozenset(word for word, tag in tags.items() if tag == "VATT")
    return _NameLists(
        first,
        family,
        words,
        nicknames,
        common,
        latin,
        asian,
        verbs,
        predicates,
        adjectives,
        _name_endings(first | family, words),
        longest,
    )


# How many listed names a word must end for it to count as a part of names: เรือน ends 8
# (บุญเรือน, แก้วเรือน …), พรรณ 64, ทิพย์ 89; หล่อ 2, หรอ and คนเดียว none.
_NAME_ENDING_COUNT = 5
_SHORT_NAME_ENDINGS = _word_set("ใจ ใส")
_PARTICLES = _word_set("อะ อ่ะ ขา จ้ะ จ๊ะ ค่า หรอ เหรอ ป่ะ ปะ ล่ะ มั้ย บ่ เด้อ เน้อ เจ้า")
_DRAWN_OUT = re.compile(r"(.)\1\1")  # "ชูวววว": a letter typed three times


def _name_endings(names: frozenset[str], words: frozenset[str]) -> frozenset[str]:
    """The dictionary words that end at least `_NAME_ENDING_COUNT` of `names` after two or more
    letters: a given name the lists miss is often a listed one with such a word glued on."""
    counts: dict[str, int] = {}
    for name in names:
        for cut_at in range(2, len(name) - 1):
            ending = name[cut_at:]
            if ending in words:
                counts[ending] = counts.get(ending, 0) + 1
    # Of two letters, most are syllables (กร, ชา, มี); ใจ and ใส end names as words.
    return frozenset(
        ending
        for ending, count in counts.items()
        if count >= _NAME_ENDING_COUNT
        and ending not in _PARTICLES
        and (len(ending) >= 3 or ending in _SHORT_NAME_ENDINGS)
    )


# How often a word must occur in the Thai National Corpus (pythainlp's tnc_freq.txt, 106,000 words)
# to be a common word rather than a name, unless ORCHID tags it a proper noun: ประเสริฐ (1,093,
# proper noun), วิชัย (641), ธนา (398) and มาลี (315) stay names; ธนาคาร (4,643), ประจำ (15,150)
# and วัน (54,715) are words.
_COMMON_WORD_COUNT = 1000


def _orchid_tags() -> dict[str, str]:
    with as_file(files("pythainlp.corpus").joinpath("pos_orchid_unigram.json")) as path:
        tags: dict[str, str] = json.loads(path.read_text(encoding="utf-8-sig"))
    return tags


def _common_words(names: frozenset[str], tags: dict[str, str]) -> frozenset[str]:
    """The names in `names` that the corpus mostly uses as ordinary words. The frequency file is
    read here line by line, not through pythainlp's `tnc.word_freqs`, whose reader keeps every
    line of it cached for the life of the process (about 10 MB)."""
    common = set()
    with as_file(files("pythainlp.corpus").joinpath("tnc_freq.txt")) as path:
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, count = line.partition("\t")
            frequent = count.strip().isdigit() and int(count) >= _COMMON_WORD_COUNT
            if word in names and frequent and tags.get(word) != "NPRP":
                common.add(word)
    return frozenset(common)


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


_Tokens = list[tuple[str, int, int]]


def _role_candidates(text: str) -> list[_Role]:
    """Role words a name may follow: a listed name starts right after, or (after a kinship
    word) a Thai word is glued on. Tokenising costs most here, so only these texts pay for it."""
    lists = _name_lists()
    candidates = []
    for role in _roles(text):
        after = role.end + (1 if text[role.end : role.end + 1] == " " else 0)
        glued_word = after == role.end and text[after : after + 1] in _WORD_START
        common_ok = glued_word and role.word in _COMMON_NAME_ROLES
        listed = _listed_at(text, after, lists, common_ok=common_ok)
        if (glued_word and role.word in _NICKNAME_ROLES) or listed:
            candidates.append(role)
    return candidates


_WORD_START = frozenset("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮเแโใไ")


def _names_an_account_holder(text: str) -> bool:
    """A label for an account holder, or a name the lists know after a transfer word."""
    if not ("บัญชี" in text or "บช" in text or "ผู้รับ" in text or "โอน" in text):
        return False
    lists = _name_lists()
    return _ACCOUNT_HOLDER.search(text) is not None or any(
        _listed_at(text, m.end(), lists) for m in _MONEY_TO.finditer(text) if m.end() > m.start()
    )


def _listed_at(text: str, at: int, lists: _NameLists, *, common_ok: bool = False) -> bool:
    for end in range(min(len(text), at + lists.longest), at + 1, -1):
        name = text[at:end]
        if (name in lists.first or name in lists.nicknames) and (
            common_ok or name not in lists.common
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Cut:
    """A text cut into tokens, with where they start (token index by offset) and end."""

    text: str
    tokens: _Tokens
    starts: dict[int, int]
    boundaries: frozenset[int]

    @classmethod
    def of(cls, text: str) -> _Cut:
        tokens = _tokens_with_offsets(text)
        starts = {start: index for index, (_, start, _) in enumerate(tokens)}
        return cls(text, tokens, starts, frozenset({0, *(end for _, _, end in tokens)}))


_Span = tuple[int, int]


def _names(text: str, *, roles: list[_Role], after_accounts: list[int]) -> list[PersonalDataSpan]:
    lists = _name_lists()
    cut = _Cut.of(text)
    spans = [
        *_ranked_names(cut, lists),
        *_role_names(cut, roles, lists),
        *_account_holders(cut, after_accounts, lists),
        *_titled_names(cut, lists),
    ]
    return [PersonalDataSpan(PersonalDataKind.PERSON_NAME, s, e) for s, e in spans]


def _ranked_names(cut: _Cut, lists: _NameLists) -> list[_Span]:
    """Names after ranks and honorifics written with dots (พ.ต.ท., ด.ต., ส.ส., ดร.): the name
    starts at the token right after the rank (and a space), however the tokeniser cut the rank."""
    found = []
    text = cut.text
    for m in _RANKS.finditer(text):
        after = m.end() + (1 if text[m.end() : m.end() + 1] == " " else 0)
        if after in cut.starts:
            weak = m.group() in _WEAK_RANKS  # ส.ส. is also "MPs" in general
            found.append(_name_run(text, cut.tokens, cut.starts[after], lists, strong=not weak))
    return [span for span in found if span is not None]


def _role_names(cut: _Cut, roles: list[_Role], lists: _NameLists) -> list[_Span]:
    """Names after role and kinship words, only where the tokeniser cut the role word as a
    word of its own, so that "ตาม", "ป้าย" and "พี่น้อง" are not read as ตา, ป้า and พี่."""
    found = []
    text = cut.text
    for role in roles:
        begin = role.begin if role.begin in cut.starts else role.start
        if begin not in cut.starts or role.end not in cut.boundaries:
            continue
        if _names_a_landmark(cut, begin):
            continue  # "ซอยป้าแดง", "ตลาดลุงพล": a landmark officials need
        glued = text[role.end : role.end + 1] != " "
        after = role.end + (0 if glued else 1)
        # ตา, น้า, ย่า, ปู่ are also syllables of borrowed words ("ไวตามิน", "ซานตา") and ตา an
        # eye ("แต่งตา โทนน้ำตาล"): only glued to the name and at the start of a word.
        short_kin = role.word in _SHORT_KIN
        if short_kin and not (glued and _starts_word(cut, begin)):
            continue
        if glued and role.word in _COMPOUND_NICKNAME_ROLES and after in cut.starts:
            # At the end or before a space, only after an elder's word that starts a word
            # ("ขอบคุณค่ะ จากยายคำใส", not "น้องโซดา น้องน้ำแข็ง", "มะลุงตุงนัง").
            elder = role.word not in _THINGS_TOO and _starts_word(cut, begin)
            found.append(_compound_nickname(cut, cut.starts[after], lists, elder=elder))
        if after in cut.starts:
            # A word no list knows is a nickname only glued on ("น้องมายด์").
            unknown_ok = glued and role.word in _NICKNAME_ROLES
            found.append(
                _known_name(
                    cut,
                    cut.starts[after],
                    lists,
                    unknown_ok=unknown_ok,
                    common_ok=glued and role.word in _COMMON_NAME_ROLES,
                )
            )
    return [span for span in found if span is not None]


def _compound_nickname(cut: _Cut, j: int, lists: _NameLists, *, elder: bool) -> _Span | None:
    """A nickname of two words glued to a kinship word, before what a person does ("น้องข้าวหอม
    หาย", "ยายสายบัวนอนติดเตียง", "ลุงหนานแก้วเป็นลม", "น้องปลายฟ้า หายไป"): two tokens, or one
    the dictionary knows as two words (ข้าวปั้น = ข้าว + ปั้น). Its first word is no verb,
    adjective or function word, nor the start of a word for a kind of person ("พี่ช่างไฟ",
    "น้องนักเรียน"); a word the dictionary knows alone (จุด, ทัก) is left to the name lists."""
    tokens = cut.tokens
    for size in (2, 1):
        words = [t for t, _, _ in tokens[j : j + size]]
        if len(words) < size or not all(_plain_word(w) for w in words):
            continue
        first = words[0] if size == 2 else _first_word(words[0], lists.words)
        if first is None or not _starts_a_nickname(first, words[0], lists):
            continue
        second = words[1] if size == 2 else words[0][len(first) :]
        end = tokens[j + size - 1][2]
        if not 3 <= end - tokens[j][1] <= 10:
            continue
        if _person_acts_after(cut, end, lists) and (
            size == 1 or _may_end_a_nickname(second, lists)
        ):
            return tokens[j][1], end
        # Before a word that says who the person is, or at the end, a nickname of one token
        # needs a plain second word too ("บ้านแม่ใหญ่น้ำท่วม" is a flood).
        at_end = elder and size == 2  # "บ้านแม่ใหญ่น้ำท่วม": one token is a word at the end
        if _may_end_a_nickname(second, lists) and _apposition_after(cut, end, at_end=at_end):
            return tokens[j][1], end
    return None


def _may_end_a_nickname(word: str, lists: _NameLists) -> bool:
    """The second word of a nickname of two: no function word, particle, verb, drawn-out letter
    or word that says who a person is ("ลุงตู่คนเดียว", "พี่ฝนนนน")."""
    return not (
        word in _stopwords()
        or word in _PARTICLES
        or word.startswith(_WHO_AFTER_NAME)
        or word.startswith("คน")
        or _verb_like(word, lists)
        or _DRAWN_OUT.search(word)
    )


def _plain_word(word: str) -> bool:
    """A Thai word that may be part of a nickname: not one that ends a name or that a kinship
    word often names ("แมว", "วิน")."""
    return (
        len(word) >= 2
        and word[:1] in _WORD_START
        and _is_thai(word)
        and word not in _AFTER_NAME
        and word not in _NOT_NAMES_AFTER_ROLE
        and word not in _NAME_FOLLOWERS
    )


def _first_word(token: str, words: frozenset[str]) -> str | None:
    """The first of two dictionary words a token is made of (ข้าวปั้น → ข้าว), or None."""
    for cut_at in range(len(token) - 2, 1, -1):
        if token[:cut_at] in words and token[cut_at:] in words:
            return token[:cut_at]
    return None


def _starts_a_nickname(word: str, token: str, lists: _NameLists) -> bool:
    """Whether `word`, the first word of `token`, may start a nickname: no function word, verb
    or adjective ("ป้าบอกว่า", "น้องเล็ก"), no word for a kind of person ("พนักงาน")."""
    # Isan and northern names start with คำ (คำแสน, คำปุน), which pythainlp lists as a stop word.
    return (
        (word not in _stopwords() or word == "คำ")
        and token not in _PRONOUNS
        and word not in lists.adjectives
        and not _verb_like(word, lists)
        and word not in _AFTER_NAME
        and not token.startswith(_NOT_NICKNAME_STARTS)
    )


def _verb_like(word: str, lists: _NameLists) -> bool:
    """A verb, or a word that starts with one ("ออกมา", "สาดน้ำ")."""
    first = _first_word(word, lists.words)
    return word in lists.predicates or (first is not None and first in lists.predicates)


def _person_acts_after(cut: _Cut, end: int, lists: _NameLists) -> bool:
    """What follows `end` (after at most one space) is something a person does: "หาย", "เป็นลม",
    "ไม่กลับบ้าน", "ขับรถชน" (not "นี้", "ของ", "ข้าง": a thing or a place)."""
    at = end + 1 if cut.text[end : end + 1] == " " else end
    j = cut.starts.get(at)
    if j is None:
        return False
    word = cut.tokens[j][0]
    return word in _PERSON_ACTS or word in _NAME_FOLLOWERS or word in lists.verbs


def _names_a_landmark(cut: _Cut, begin: int) -> bool:
    """A lane's, market's or bridge's word up to two words before the role word, with no
    particle or word that ends a name between ("ซอยป้าแดง", not "หมู่บ้านหน่อยนะคะ เสี่ย…")."""
    j = cut.starts[begin]
    for k in range(j - 1, max(-1, j - 4), -1):
        word = cut.tokens[k][0]
        if word in _LANDMARK_WORDS:
            return k == 0 or cut.tokens[k - 1][0] not in _ROLE_BEFORE_LANDMARK
        if word.isspace() and k == j - 1:
            continue
        if not _is_thai(word) or word in _stopwords() or word in _AFTER_NAME:
            return False
    return False


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


def _titled_names(cut: _Cut, lists: _NameLists) -> list[_Span]:
    """Names after a title (นาย, น.ส., คุณ …) or a form label (ชื่อ-นามสกุล)."""
    found = []
    text, tokens = cut.text, cut.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i][0]
        if token in _FIELD_LABELS or (token == "ชื่อ" and _field_label_follows(tokens, i)):
            span = _name_run(text, tokens, i + 1, lists, strong=True)
        elif token in ("ชื่อ", "ชื่อเล่น") and _next_is_kin(tokens, i):
            kin = i + 1 if tokens[i + 1][0] in _KIN_AFTER_NAME_LABEL else i + 2
            span = _name_run(
                text, tokens, kin + 1, lists, strong=True, introduced=True, after_kin=True
            )
        elif token.endswith("ชื่อ") and _PERSON_BEFORE_NAME.search(
            # "สามีชื่อ" may be cut สา|มีชื่อ: the person's word ends where ชื่อ starts.
            text,
            max(0, tokens[i][2] - 28),
            tokens[i][2] - 4,
        ):
            span = _name_run(text, tokens, i + 1, lists, strong=True, introduced=True)
        elif token == "ผู้แจ้ง" or (token == "ผู้" and _next_word(tokens, tokens[i][2]) == "แจ้ง"):
            # A label ("ผู้แจ้ง สมพร ศรีทอง"), and also a verb's subject ("ผู้แจ้งแจ้งว่า"): a
            # name the lists know, as after คุณ.
            at = i + 1 if token == "ผู้แจ้ง" else i + 2
            span = _name_run(text, tokens, at, lists, strong=False)
        elif token == "แจ้งโดย" or (token == "โดย" and i > 0 and tokens[i - 1][0] == "แจ้ง"):
            span = _name_run(text, tokens, i + 1, lists, strong=False)  # "แจ้งโดย สมชาย ใจดี"
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
        found.append(span)
        while i < len(tokens) and tokens[i][1] < span[1]:
            i += 1
    return found


def _next_is_kin(tokens: _Tokens, i: int) -> bool:
    """A kinship word after ชื่อ at token `i`, glued on or after one space."""
    for k in (i + 1, i + 2):
        if k < len(tokens) and tokens[k][0] in _KIN_AFTER_NAME_LABEL:
            return k == i + 1 or tokens[i + 1][0] == " "
    return False


def _starts_word(cut: _Cut, at: int) -> bool:
    """Nothing Thai right before `at`, or a function word ("ของตาบุญ", "กับยายจันทร์")."""
    if at == 0 or not _is_thai(cut.text[at - 1]):
        return True
    before = cut.tokens[cut.starts[at] - 1][0]
    return before in _stopwords() or before in _AFTER_NAME or before in _SEEKING


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


def _field_label_follows(tokens: _Tokens, i: int) -> bool:
    """ "ชื่อ" followed by "-นามสกุล" / "สกุล": a form field, so what follows is a name."""
    rest = "".join(t for t, _, _ in tokens[i + 1 : i + 4]).replace(" ", "")
    return rest.startswith(("-นามสกุล", "นามสกุล", "-สกุล", "/นามสกุล"))


_BETWEEN = frozenset({"", ":", "-", "/", "นามสกุล", "สกุล", "ว่า", "คือ"})


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
    first, family, words, longest = lists.first, lists.family, lists.words, lists.longest
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
            or (text[start:end] in words and not _surname_follows(text, start, end, lists))
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
        surname_like = (
            word_end > after
            and word_end - after <= _LONGEST_SURNAME
            and (word_end == len(text) or text[word_end] not in "ๆฯ")
        )
        # After ชื่อ and a kinship word a nickname comes, seldom a surname ("ชื่อน้องต้นข้าว หาย…").
        guessed_ok = (strong or listed_first) and not after_kin
        if surname_like and (
            listed or (guessed_ok and not _starts_with_common(tokens, after, word_end))
        ):
            return start, word_end
    if needs_surname and not listed_first:
        return None
    return start, end


def _surname_follows(text: str, start: int, end: int, lists: _NameLists) -> bool:
    """After a given name that is also a word ("คุณประเสริฐ วงศ์ดี"), whether a surname follows
    after one space: a family name the lists know or a word the dictionary does not. Not after a
    name that is mostly a common word ("คุณสมบัติ ผู้สมัคร")."""
    if text[start:end] in lists.common or text[end : end + 1] != " ":
        return False
    word = text[end + 1 : _word_end(text, end + 1)]
    return word in lists.family or (len(word) >= 4 and word not in lists.words)


def _word_end(text: str, at: int) -> int:
    """The end of the run of Thai letters from `at` (a word written before the next space)."""
    end = at
    while end < len(text) and _is_thai(text[end]) and text[end] not in "ๆฯ":
        end += 1
    return end


def _known_name(
    cut: _Cut, j: int, lists: _NameLists, *, unknown_ok: bool, common_ok: bool = False
) -> _Span | None:
    """A given name at token `j` after a role word or a transfer, and its surname, or None.

    The name must be one the lists know (even if it is also a word: แดง, จันทร์, ประเสริฐ) and
    not a word that ends a name; or, with `unknown_ok`, a word the dictionary does not know.
    With `common_ok` (after a role word), a name that is mostly a common word (สมบัติ, เสริม,
    มี) counts where what follows ends a name (see _ends_a_name).
    """
    text = cut.text
    token, start, token_end = cut.tokens[j]
    if token[:1] not in _WORD_START or not _is_thai(token):
        return None
    if token in _STRONG_TITLES:
        return None  # "โอนเข้าบัญชี นางสาวมาลี": the title finds the name
    end = start
    for candidate in range(min(len(text), start + lists.longest), start, -1):
        name = text[start:candidate]
        if (name in lists.first or name in lists.nicknames) and (
            candidate in cut.boundaries or _recut(cut, candidate, lists.words)
        ):
            end = candidate
            break
    if end > start:
        name = text[start:end]
        if name in _NOT_NAMES_AFTER_ROLE:
            return None
        ends_names = name in _AFTER_NAME  # a verb or particle as well as a name: มี, เก่ง
        if (name in lists.common or ends_names) and not (
            common_ok and _ends_a_name(cut, end, lists, strict=ends_names)
        ):
            return None
        # Short names ("แพ", "ดี") and stop words only from the team's list of nicknames.
        short = len(name) <= 2 or name in _stopwords()
        if short and name not in lists.nicknames:
            return None
        end = _second_part(cut, end, lists)
    elif unknown_ok and _could_be_nickname(cut, j, lists):
        end = token_end  # a nickname no list has ("น้องมายด์")
    else:
        return None
    following = _next_word(cut.tokens, end)
    if text[end : end + 1].isdigit() or (
        following in _CLASSIFIERS and (following != "คน" or text[start:end] in _NUMBER_WORDS)
    ):
        return None  # "ลุงก้าน4" is a lane, "พี่หนึ่งคน" a count (not "ลุงบุญธรรมคนเฝ้าสะพาน")
    return start, _surname_end(text, end, lists)


def _second_part(cut: _Cut, end: int, lists: _NameLists) -> int:
    """Where a name ends that the lists know only in part: a listed name the tokeniser cut off
    from the rest of a longer one ("บุญ|เรือน", "ประภา|พรรณ", "ฝน|ทิพย์", "ปาล์ม|มี่") takes the
    next token glued on, when that is a plain word (no verb, adjective, function word or word for
    a kind of person) and what follows it ends a name ("ผู้ใหญ่บ้านบุญเรือนไม่ยอม…")."""
    j = cut.starts.get(end)
    if j is None:
        return end
    token, _, token_end = cut.tokens[j]
    if (
        token not in lists.endings
        or not _plain_word(token)
        or token in _stopwords()
        or token in lists.adjectives
        or _verb_like(token, lists)
    ):
        return end
    j = cut.starts.get(token_end)
    ends = j is not None and cut.tokens[j][0] in _AFTER_NAME
    if ends or _apposition_after(cut, token_end, at_end=True):
        return token_end
    return token_end if _person_acts_after(cut, token_end, lists) else end


def _apposition_after(cut: _Cut, end: int, *, at_end: bool) -> bool:
    """What follows a name at `end` says it was one: a word that says who the person is
    (ลูกสาว, หลาน, คนขับ, ที่, กับ: "น้องข้าวปุ้นลูกสาว…", "พี่ส้มโอที่ อบต.") or, with `at_end`,
    the end of the text, a space or punctuation ("… จากยายคำใส")."""
    text = cut.text
    if end == len(text) or not _is_thai(text[end]):
        return at_end
    j = cut.starts.get(end)
    return j is not None and cut.tokens[j][0].startswith(_WHO_AFTER_NAME)


def _ends_a_name(cut: _Cut, end: int, lists: _NameLists, *, strict: bool) -> bool:
    """Whether a name that is also a common word may end at `end`: the text ends, or punctuation
    follows; or (not `strict`) a space, a word that ends a name or an action verb follows; or
    ที่ and a place ("ลุงมีที่บ้านโนนสูง")."""
    text = cut.text
    if end == len(text) or not (_is_thai(text[end]) or text[end].isspace() or text[end].isdigit()):
        return True
    j = cut.starts.get(end)
    if j is None:
        return False
    word = cut.tokens[j][0]
    if word == "ที่" and _next_word(cut.tokens, cut.tokens[j][2]) in _PLACE_AFTER_AT:
        return True
    if strict:
        return False
    return word.isspace() or word in _AFTER_NAME or word in _NAME_FOLLOWERS or word in lists.verbs


def _could_be_nickname(cut: _Cut, j: int, lists: _NameLists) -> bool:
    """A word the dictionary does not know, followed by the end, a space or a word that ends a
    name ("น้องมายด์โดนรถชน"), and not by more of a misspelt word ("น้องเปนแมวจร")."""
    tokens = cut.tokens
    token = tokens[j][0]
    if not 3 <= len(token) <= 6 or token in lists.words or token in _stopwords():
        return False  # "ป้าวว" is a drawn-out particle, "ลุงแกก็ขึ้น" words the tokeniser missed
    if not ("ก" <= token[-1] <= "ฮ" or token[-1] in "ะาำิีึืุู่้๊๋์็"):
        return False
    following = tokens[j + 1][0] if j + 1 < len(tokens) else ""
    return not _is_thai(following) or following in _AFTER_NAME


def _recut(cut: _Cut, at: int, words: frozenset[str]) -> bool:
    """Whether the token that `at` falls inside could be cut there, its rest being a word: the
    tokeniser cut "จ่าสมหมายเรียก" as สม|หมายเรียก, the name สมหมาย leaves เรียก. At least four
    letters of the token must go to the name (ธนา|คาร is ธนาคาร, not a name)."""
    for _, start, end in cut.tokens:
        if start < at < end:
            return at - start >= 4 and cut.text[at:end] in words
    return False


def _next_word(tokens: _Tokens, at: int) -> str:
    for token, start, _ in tokens:
        if start >= at and not token.isspace():
            return token
    return ""


def _surname_end(text: str, end: int, lists: _NameLists) -> int:
    """Where a known surname after the given name ending at `end` ends (or `end`). Only after a
    space: glued on, a family name is more often the next words ("พี่เนยดีมาก")."""
    if text[end : end + 1] == " ":
        word_end = _word_end(text, end + 1)
        if text[end + 1 : word_end] in lists.family:
            return word_end
    return end


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
                or len(token) <= 1
            )
    return True


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


# A citizen giving their own name: "ผมสมบัติ โทร …", "ดิฉันมาลีค่ะ". Only a given name the lists
# know, and only before a phone word, a polite particle, a number or the end: ผม is also hair
# ("ผมขาวครับ"). A name that is mostly a common word only before a phone word ("ผมสมัคร1เมก"
# subscribed).
_INTRODUCTION_END = r"(?= ?(?:โทร|เบอร์|ติดต่อ|ครับ|ค่ะ|คะ|นะ|\d)|[ .,!)]*$)"
_CONTACT_AFTER = re.compile(r" ?(?:โทร|เบอร์|ติดต่อ)")
_SELF_INTRODUCTION = re.compile(
    rf"(?<![ก-๙])(?:ผม|ดิฉัน|กระผม) ?(?P<name>[ก-ฮเแโใไ][ก-๙]{{1,15}}?){_INTRODUCTION_END}"
)


def _self_introductions(text: str) -> list[PersonalDataSpan]:
    lists = _name_lists()
    found = []
    for m in _SELF_INTRODUCTION.finditer(text):
        name = m.group("name")
        listed = name in lists.first or (name in lists.nicknames and name not in lists.words)
        common = name in lists.common and not _CONTACT_AFTER.match(text, m.end())
        if listed and not common and name not in _stopwords() and name not in _AFTER_NAME:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start("name"), m.end()))
    return found


# --- names in Latin script -------------------------------------------------------------------

_CAPITALISED = r"[A-Z][a-z]+"
# Up to three words: "Nguyen Van An", "Min Min Aung".
_LATIN_NAME = rf"{_CAPITALISED}(?: {_CAPITALISED}){{0,2}}"
# K. is how Thai offices write คุณ in Latin script ("K.Somchai").
_LATIN_TITLED = re.compile(
    rf"\b(?:(?P<title>Mr|Mrs|Ms|Miss|Khun|Dr)(?:\. ?| )|K\. ?)(?P<name>{_LATIN_NAME})"
)
# After a Thai title; not after ขอบคุณ/พระคุณ/บุญคุณ ("ขอบคุณ Grab" thanks a company).
_LATIN_AFTER_THAI_TITLE = re.compile(
    r"(?<!ขอบ)(?<!พระ)(?<!บุญ)(?P<title>คุณ|นางสาว|นาง|นาย|น\.ส\.|ชื่อ|ผู้แจ้ง|"
    r"(?<![ก-๙])(?:ลุง|ป้า|พี่|น้อง|ยาย|น้า|เจ๊|เฮีย|ครู|หมอ|อาจารย์)) ?"
    rf"(?P<name>{_LATIN_NAME})(?![A-Za-z])"
)
_LATIN_KIN = _word_set("ลุง ป้า พี่ น้อง ยาย น้า เจ๊ เฮีย ครู หมอ อาจารย์")
# พี่ and น้อง as Thais write them in Latin letters: "P'Aof", "N'Ploy", "P' Bank".
_LATIN_KIN_SHORT = re.compile(rf"(?<![A-Za-z])(?:P|N)['’] ?(?P<name>{_CAPITALISED})(?![A-Za-z])")
# Thai nicknames that are also English words, names only after a kinship word ("พี่ Bank").
_LATIN_NICKNAMES_ALSO_WORDS = _word_set("Bank")
# Every pair, overlapping: in "Contact Anan Srisuk" the pair is "Anan Srisuk", not "Contact Anan".
_LATIN_PAIR = re.compile(rf"(?<![A-Za-z.])(?=(?P<name>{_CAPITALISED} {_CAPITALISED})(?![A-Za-z]))")
# A name in capitals after an account or name label: "ACC NAME: SOMCHAI JAIDEE".
_LATIN_LABELLED_CAPITALS = re.compile(
    r"(?:(?i:acc(?:ount)?\.? ?name) ?[:：]?|(?i:name) ?[:：]|(?:ชื่อ ?บัญชี|ชื่อ ?บช\.?|ชื่อ-นามสกุล) ?[:：]?) ?"
    r"(?P<name>[A-Z]{2,}(?: [A-Z]{2,})?)(?![A-Za-z])"
)
# "ผม Somchai เบอร์ …": any capitalised name, before a phone word, a particle or the end.
_LATIN_SELF_INTRODUCTION = re.compile(
    rf"(?<![ก-๙])(?:ผม|ดิฉัน|กระผม) ?(?P<name>{_CAPITALISED}(?: {_CAPITALISED})?){_INTRODUCTION_END}"
)
# "My name is Malee", "reported by Somchai Jaidee", "แจ้งโดย Natthapong Chaiyasit".
_LATIN_INTRODUCED = re.compile(
    rf"(?:\b(?:[Mm]y name is|[Nn]ame is|[Rr]eported by|[Ss]ubmitted by)|แจ้งโดย) ?"
    rf"(?P<name>{_LATIN_NAME})(?![A-Za-z])"
)
_LATIN_NAME_TRIGGER = re.compile("[A-Z][a-z]|[A-Z]{2}|[PN]['’]")
# A Thai word for a place right before a capitalised pair: "ถนน Charoen Krung", "คอนโด …".
_PLACE_BEFORE = re.compile(
    r"(?:ถนน|ถ\.|ซอย|ซ\.|แยก|หน้า|ร้าน|คอนโด|โครงการ|หมู่บ้าน|ตึก|อาคาร|โรงแรม|ห้าง|สาขา|ย่าน|"
    r"ชุมชน|วัด|โรงเรียน|สถานี|ตลาด|สะพาน|ทาง) ?$"
)
# Words that make a capitalised pair a place, a shop or a title, not a person.
_NOT_LATIN_NAMES = _word_set(
    """Road Rd Street St Soi Avenue Ave Lane Park Place Tower Towers Building Hotel Condo Residence
    Residences Village Home Homes House Mall Plaza Square Market Center Centre Bank Hospital
    Clinic School University College Station Garden Gardens Court Office Group Company Co Ltd
    Shop Store Cafe Coffee Restaurant Bar Club Resort Airport Bridge River Beach Island Thailand
    Bangkok City World Land Town Grand International Express Hall Gate Line Fondue Food Mart Big
    Central The Of And In On At For To By Team Official Page Channel Shopping Service Services
    Thai Siam Day Night Morning Rama Phase Zone Project Boulevard Sukhumvit Grab Walking Khao Hat
    Traffy Foodpanda Lineman Shopee Lazada Kerry Flash Bolt Robinhood"""
)


def _latin_names(text: str) -> list[PersonalDataSpan]:
    """Names in Latin script: after a title (any capitalised name), or a pair whose first word
    is a given name from the team's list ("John Smith", "Somchai Jaidee") or whose words are
    both parts of Asian names ("Li Wei", "Aung Min")."""
    latin, asian = _name_lists().latin, _name_lists().asian
    found: list[PersonalDataSpan] = []
    for m in _LATIN_TITLED.finditer(text):
        span = _latin_span(m, needs_surname=m.group("title") == "Dr")
        if span is not None:
            found.append(span)
    for m in _LATIN_AFTER_THAI_TITLE.finditer(text):
        # คุณ is a title before any name; นาย/นาง are also pronouns and ชื่อ names products too.
        title = m.group("title")
        words = m.group("name").split()
        listed = words[0] in latin or any(w in asian for w in words)
        if len(m.group("name")) < 3 or text[m.end() : m.end() + 1] == ".":
            continue  # "คุณ Ep.1": an episode, not a name
        # After a kinship word or a role, as after คุณ, any capitalised name ("ลุง John").
        # After ชื่อ with a person before it ("น้องชายชื่อ Tom"), too.
        person = title == "ชื่อ" and _PERSON_BEFORE_NAME.search(
            text, max(0, m.start() - 24), m.start()
        )
        kin = title in _LATIN_KIN
        anyone = title == "คุณ" or kin or person is not None
        if anyone or listed or (title not in ("ชื่อ", "ผู้แจ้ง") and " " in m.group("name")):
            span = _latin_span(m, needs_surname=False, after_kin=kin)
            if span is not None:
                found.append(span)
    for m in _LATIN_KIN_SHORT.finditer(text):
        span = _latin_span(m, needs_surname=False, after_kin=True)
        if span is not None:
            found.append(span)
    for m in _LATIN_LABELLED_CAPITALS.finditer(text):
        if m.group("name").split()[0].title() not in _NOT_LATIN_NAMES:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, *m.span("name")))
    for m in (*_LATIN_SELF_INTRODUCTION.finditer(text), *_LATIN_INTRODUCED.finditer(text)):
        span = _latin_span(m, needs_surname=False)
        if span is not None:
            found.append(span)
    for m in _LATIN_PAIR.finditer(text):
        first, last = m.group("name").split()
        listed = first in latin or (first in asian and last in asian)
        if listed and not _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            span = _latin_span(m, needs_surname=True)
            if span is not None:
                found.append(span)
    return found


def _latin_span(
    m: re.Match[str], *, needs_surname: bool, after_kin: bool = False
) -> PersonalDataSpan | None:
    words = m.group("name").split()
    nickname = after_kin and words[0] in _LATIN_NICKNAMES_ALSO_WORDS
    if words[0] in _NOT_LATIN_NAMES and not nickname:
        return None
    for at, word in enumerate(words[1:], start=1):
        if word in _NOT_LATIN_NAMES:  # "Mr. Somchai Road": the name ends before
            words = words[:at]
            break
    if needs_surname and len(words) < 2:
        return None
    start = m.start("name")
    end = start + len(" ".join(words))
    return PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end)
