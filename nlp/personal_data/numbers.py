"""National ID numbers (checksum verified), phone numbers and bank account numbers.

How numbers are read: Thai and full-width digits are mapped to ASCII and every dash to "-", one
character for one (offsets do not move), then every run of digit groups joined by a separator
(one or two spaces, a hyphen, a dot or an underscore with at most a space either side, brackets;
a letter l, I or O typed between digits for 1 or 0, or O for a mobile number's leading 0) is split into
its groups, and each group boundary is tried as the start of an ID (13 digits), a phone number (9
or 10 digits by prefix) or, after a bank word, an account number (10–15 digits). A match must end
on a group boundary, so a number is never cut in the middle."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# Digit groups joined by one separator: "081-234-5678", "1 2345 67890 12 1", "(02) 123 4567",
# "081 - 234 - 5678", "081  234  5678" (every dash is "-" by now).
_RUN = re.compile(r"\+?\(?\d+(?:(?: ?[\-._] ?| {1,2}|\) {0,2}| {0,2}\(|\)[\-.])\d+)*\)?")
# A letter typed for a digit between digits ("095-1l2-3344", "08O-…"): read as the digit.
_ONE_LIKE = re.compile(r"(?<=\d)[lI](?=[\-. _]?\d)|(?<=\d[\-. _])[lI](?=\d)")
_ZERO_LIKE = re.compile(
    r"(?<=\d)[oO](?=[\-. _]?\d)|(?<=\d[\-. _])[oO](?=\d)"
    # the leading zero of a mobile number typed as a letter ("O81-234-5678"), only before the
    # nine digits of one
    r"|(?<![A-Za-z0-9])[oO](?=[689]\d(?:[\-. _]?\d){7}(?![\d\-]))"
)
_GROUP = re.compile(r"\d+")
_ID_WORDS = re.compile(
    r"บัตรประชาชน|บัตรประจำตัว|เลขประจำตัว|ประชาชน|บัตร ?ปชช|ปชช|เลขบัตร|บัตร(?:สี)?ชมพู|id ?card"
    r"|pink ?card",
    re.I,
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
    # one character for one; most texts hold no l, I, o or O at all, and are read as they are
    if "l" in text or "I" in text:
        text = _ONE_LIKE.sub("1", text)
    if "o" in text or "O" in text:
        text = _ZERO_LIKE.sub("0", text)
    found: list[PersonalDataSpan] = []
    for run in _RUN.finditer(text):
        groups = [
            (run.start() + g.start(), run.start() + g.end()) for g in _GROUP.finditer(run.group())
        ]
        plus = run.group().startswith("+")
        # Digits glued to Latin letters are part of a code or handle ("jin1013"), not a number.
        if (
            groups
            and _glued_to_letters(text, groups[0][0] - (1 if plus else 0), before=True)
            and not _id_after_id_word(text, groups[0])
        ):
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


_ID_WORD_GLUED = re.compile(r"(?:id|idcard|card|pid|citizen|no)\.?:?$", re.IGNORECASE)


def _id_after_id_word(text: str, group: tuple[int, int]) -> bool:
    """Thirteen digits with a valid checksum glued to a word that says so ("idcard1103…")."""
    digits = text[group[0] : group[1]]
    return (
        len(digits) == 13
        and national_id_checksum_ok(digits)
        and _ID_WORD_GLUED.search(text, max(0, group[0] - 8), group[0]) is not None
    )


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

    # National ID: 13 digits with a valid checksum, or after a word that says it is one, or
    # (since round 8) in the card's own layout 1-2345-67890-12-3, whatever the checksum. A
    # first digit 0 is the pink card of a migrant worker or a person without Thai nationality
    # (since t39: "บัตรชมพูเลข 0-0121-58447-63-0"): only in the card's layout with a valid
    # checksum, which no phone number has.
    after = end_of(13)
    card_layout = [b - a for a, b in groups[i : i + 5]] == [1, 4, 5, 2, 1]
    if after is not None and (
        (
            digits[0] != "0"
            and (national_id_checksum_ok(digits[:13]) or _ID_WORDS.search(before) or card_layout)
        )
        or (digits[0] == "0" and card_layout and national_id_checksum_ok(digits[:13]))
    ):
        return span(PersonalDataKind.NATIONAL_ID, after)

    # After a bank word (and no phone word since), 10–15 digits are an account number; since
    # round 8 also a second one of ten to twelve digits that is no phone in a message about an
    # account, after whose it is ("บัญชีกรุงไทย … ของแม่ … แต่ของผม 4561237890").
    bank = _BANK_WORDS.search(before)
    whose = _WHOSE_ACCOUNT.search(before) is not None and _BANK_WORDS.search(text) is not None
    if whose and digits[0] != "0" and not _PHONE_WORDS.search(before):
        for count in (12, 11, 10):
            after = end_of(count)
            if after is not None and after == len(groups):
                return span(PersonalDataKind.BANK_ACCOUNT, after)
    if bank is not None and not _PHONE_WORDS.search(before[bank.end() :]):
        for count in range(15, 9, -1):
            after = end_of(count)
            if after is not None:
                return span(PersonalDataKind.BANK_ACCOUNT, after)

    # A foreign number written with its "+" (since session 17: a scam call from "+855 12 345
    # 678", a Lao or Burmese worker's phone): a country code other than Thailand's and 8 to 12
    # digits more, the whole run.
    if plus and digits[:1] != "0" and not digits.startswith("66"):
        whole = end_of(len(digits))
        if whole == len(groups) and _FOREIGN_DIGITS[0] <= len(digits) <= _FOREIGN_DIGITS[1]:
            return span(PersonalDataKind.PHONE, whole)

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
            if (
                _AGENCY_BEFORE.search(before)
                and _CALLED.search(before)
                and not _FIRST_PERSON.search(before)
                and not _SCAM.search(text)
            ):
                continue  # since round 12: "สำนักงานเขตลาดกระบัง 02-326-9148", the office's
        else:
            continue
        after = end_of(need)
        if after is not None:
            return span(PersonalDataKind.PHONE, after)
    return None


_WHOSE_ACCOUNT = re.compile(r"ของ(?:ผม|ฉัน|ดิฉัน|หนู|แม่|พ่อ|ลูก|เรา|ตัวเอง|สามี|ภรรยา) ?:? ?$")
_FOREIGN_DIGITS = (9, 14)  # country code and number, as the ITU allows (at most 15)
_PHONE_WORDS = re.compile(r"โทร|เบอร์|ติดต่อ|มือถือ|phone|tel|mobile", re.I)
# Right before the number: "เลขที่โครงการ 66…", "สัญญาเลขที่ 66…" (not "แจ้งเรื่อง…").
_REFERENCE_WORDS = re.compile(r"(?:เลขที่|โครงการ|สัญญา|คำร้อง|ใบเสร็จ|พัสดุ|อ้างอิง)[:.]?\s*$")

# An agency's name right before a landline the writer called or was told to call: the office's
# number, which the citizen quotes as the one nobody answers ("โทรเบอร์สำนักงานเขตลาดกระบัง
# 02-326-9148"), not a person's. Not a mobile number, not without a word of calling ("อบต.
# 053-855000" alone stays masked), not where the writer speaks of themselves ("ติดต่อผมที่
# สำนักงาน …"), and not a scammer's number that claims an agency ("โทรมาอ้างเป็นการไฟฟ้า 02-…").
_AGENCY_BEFORE = re.compile(
    r"(?:สำนักงาน|สนง\.|ที่ว่าการ|ศาลากลาง|อบต\.?|อบจ\.?|เทศบาล|โรงพยาบาล|รพ\.|สถานีตำรวจ|สภ\.|สน\."
    r"|การไฟฟ้า|กฟภ\.?|กฟน\.?|การประปา|กปภ\.?|กปน\.?|ศูนย์ดำรงธรรม|กรม)"
    r"[ก-๙A-Za-z.]{0,24}(?: ?(?:โทร|เบอร์)\.?)? ?[:：]? ?\(?$"
)
_FIRST_PERSON = re.compile(r"ผม|ดิฉัน|ฉัน|หนู|ของเรา|บ้าน")
_CALLED = re.compile(r"โทร|เบอร์|ติดต่อ|call", re.I)
_SCAM = re.compile(r"อ้าง|มิจฉาชีพ|แก๊ง|หลอก|ปลอม|scam", re.I)
