"""Mask what the finders found: each finder runs only on texts that hold what it looks
for, overlapping findings are resolved (the longer wins), and each span becomes its mask."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.account_holders import _names_an_account_holder
from nlp.personal_data.apposed_names import apposed_names
from nlp.personal_data.bare_introductions import bare_introductions
from nlp.personal_data.bare_names import bare_names
from nlp.personal_data.called_names import called_names
from nlp.personal_data.chat_labels import (
    bare_sign_offs,
    full_sign_offs,
    hyphen_sign_offs,
    latin_nicknames_after_names,
    names_after_phones,
    names_before_phones,
    nicknames_after_names,
    sign_off_names,
    speaker_names,
)
from nlp.personal_data.decorated_names import decorated_names
from nlp.personal_data.emails import _SPELT_EMAIL_TRIGGER, _emails
from nlp.personal_data.family_names import family_names
from nlp.personal_data.foreign_introductions import foreign_introductions
from nlp.personal_data.foreign_name_lists import foreign_name_lists
from nlp.personal_data.full_names import full_names
from nlp.personal_data.house_numbers import _HOUSE_TRIGGER, _house_numbers
from nlp.personal_data.kin_compounds import kin_compounds
from nlp.personal_data.kin_deeds import kin_deed_names
from nlp.personal_data.kin_lists import kin_lists
from nlp.personal_data.kin_owner_names import kin_owner_names
from nlp.personal_data.lao_names import lao_names
from nlp.personal_data.latin_names import _LATIN_NAME_TRIGGER, _latin_names
from nlp.personal_data.learnt_names import CAREFUL, EAGER, learnt_names, may_name_someone
from nlp.personal_data.learnt_names import warm_up as _warm_up_tagger
from nlp.personal_data.line_ids import _line_ids
from nlp.personal_data.malay_names import malay_names
from nlp.personal_data.migrant_names import migrant_names
from nlp.personal_data.name_labels import name_labels
from nlp.personal_data.name_lists import _name_lists, _stopwords
from nlp.personal_data.name_parts import builds_names
from nlp.personal_data.names import _names
from nlp.personal_data.numbers import _numbers
from nlp.personal_data.opening_names import opening_names
from nlp.personal_data.paired_names import pair_of_found, paired_names
from nlp.personal_data.particle_names import particle_names
from nlp.personal_data.passports import _PASSPORT_TRIGGER, _passports
from nlp.personal_data.plates import _plates, _province_pattern
from nlp.personal_data.possessed_names import possessed_names
from nlp.personal_data.problem_words import without_problem_words
from nlp.personal_data.public_kin_names import public_kin_names
from nlp.personal_data.record_numbers import record_numbers
from nlp.personal_data.regional_address_names import regional_address_names
from nlp.personal_data.relation_names import relation_names
from nlp.personal_data.roles import _role_candidates
from nlp.personal_data.self_introductions import (
    _named_selves,
    _self_introductions,
    glued_full_names,
    opening_selves,
)
from nlp.personal_data.spelt_names import spelt_names
from nlp.personal_data.spoken_numbers import _spoken_numbers, may_be_spoken
from nlp.personal_data.thanked_names import thanked_names
from nlp.personal_data.titled_names import _has_title
from nlp.personal_data.unlisted_titled_names import unlisted_titled_names
from nlp.personal_data.work_permits import TRIGGER as _PERMIT_TRIGGER
from nlp.personal_data.work_permits import work_permits
from nlp.personal_data.wrapped_phones import wrapped_phones

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
    PersonalDataKind.RECORD_NUMBER: "[เลขประจำตัว]",
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
    PersonalDataKind.RECORD_NUMBER,
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


def redact(text: str, *, learnt: bool = True) -> Redaction:
    """Mask every piece of personal data found in `text`; spans are offsets into `text`. Names
    come from the rules and, where the rules found nothing, from the learnt tagger at the
    probability `CAREFUL` (chosen by cross-validation on the train half so that it masks
    nothing more that must stay: `python -m nlp.training.names_check cv`). `learnt=False`
    leaves the tagger out (the rules alone, to measure it)."""
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
        found += record_numbers(ascii_digits)
        if "\n" in text:
            found += wrapped_phones(ascii_digits)
        if _PERMIT_TRIGGER.search(text):
            found += work_permits(ascii_digits)
    if may_be_spoken(text, has_latin=has_latin):
        found += _spoken_numbers(ascii_digits)
    if has_at or "ไลน์" in text or (has_latin and _LINE_LATIN.search(text) is not None):
        found += _line_ids(ascii_digits)
    accounts = [f.end for f in found if f.kind is PersonalDataKind.BANK_ACCOUNT]
    roles = _role_candidates(text)
    if accounts or roles or _has_title(text) or _names_an_account_holder(text):
        found += _names(text, roles=roles, after_accounts=accounts)
    found += _names_without_titles(text, has_latin=has_latin)
    found += _chat_layout_names(text, found)
    found += _as_names(pair_of_found(text, _name_spans(found)))
    if learnt and may_name_someone(text):
        found += _not_overlapping(
            [
                PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end)
                for start, end in learnt_names(text, CAREFUL)
            ],
            found,
        )
    found += _names_beside_found(text, found, has_latin=has_latin)
    found = without_problem_words(text, found)
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


def _names_without_titles(text: str, *, has_latin: bool) -> list[PersonalDataSpan]:
    """Names no title or role word introduces: everyday-word nicknames given away by what
    follows, full names, nicknames opening the message, names spelt out or on social media, a
    family's surname, Latin and Lao names, names a label says follow (ชื่อเล่น, นามสกุล …) and
    people naming themselves."""
    found = kin_deed_names(text) + full_names(text) + _as_names(opening_names(text))
    found += _as_names(apposed_names(text))
    found += _as_names(paired_names(text) + possessed_names(text) + decorated_names(text))
    found += _as_names(bare_introductions(text) + unlisted_titled_names(text))
    found += _as_names(kin_owner_names(text) + regional_address_names(text))
    found += _as_names(particle_names(text) + kin_lists(text) + name_labels(text))
    found += _as_names(relation_names(text) + opening_selves(text) + kin_compounds(text))
    found += spelt_names(text, has_latin=has_latin)
    if "ตระกูล" in text:
        found += family_names(text)
    if has_latin and _LATIN_NAME_TRIGGER.search(text):
        found += _latin_names(text)
    found += _as_names(lao_names(text) + foreign_introductions(text) + malay_names(text))
    found += _as_names(thanked_names(text) + migrant_names(text))
    if "ผม" in text or "ดิฉัน" in text or "หนู" in text:
        found += _self_introductions(text) + _as_names(glued_full_names(text))
    if "ชื่อ" in text or "ซื่อ" in text or "เอง" in text:
        found += _named_selves(text) + _as_names(called_names(text))
    return found


def _names_beside_found(
    text: str, found: list[PersonalDataSpan], *, has_latin: bool
) -> list[PersonalDataSpan]:
    """Since round 13, names beside the names found by any means, the learnt tagger's too: the
    rest of a list of migrants' names after ชื่อ, a Latin nickname in brackets after a name."""
    extra: list[PersonalDataSpan] = []
    if "ชื่อ" in text:
        extra += _as_names(foreign_name_lists(text, _name_spans(found)))
    if has_latin and "(" in text:
        extra += _as_names(latin_nicknames_after_names(text, [e for _, e in _name_spans(found)]))
    return extra


def _name_spans(found: list[PersonalDataSpan]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in found if f.kind is PersonalDataKind.PERSON_NAME]


def _as_names(spans: list[tuple[int, int]]) -> list[PersonalDataSpan]:
    return [PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end) for start, end in spans]


def _chat_layout_names(text: str, found: list[PersonalDataSpan]) -> list[PersonalDataSpan]:
    """Names the chat's layout gives away: a forwarded chain's speakers, a name in brackets
    after a phone number, a sign-off after the number to call back on or after a closing dash
    (`nlp.personal_data.chat_labels`)."""
    phones = [f for f in found if f.kind is PersonalDataKind.PHONE]
    contacts = [
        f.end for f in found if f.kind in (PersonalDataKind.PHONE, PersonalDataKind.LINE_ID)
    ]
    addresses = [f.end for f in found if f.kind is PersonalDataKind.EMAIL]
    bracket = "(" in text or "（" in text
    dash = "—" in text or "–" in text or "\n-" in text
    signed = _ENDS_POLITELY.search(text) is not None
    if (
        not (contacts or addresses or signed or bracket or dash)
        and ":" not in text
        and "：" not in text
    ):
        return []
    lists = _name_lists()
    names = [f.end for f in found if f.kind is PersonalDataKind.PERSON_NAME] if bracket else []
    spans = (
        speaker_names(text, lists)
        + names_after_phones(text, contacts, lists)
        + names_before_phones(text, [f.start for f in phones], lists)
        + nicknames_after_names(text, names, lists)
        + sign_off_names(text, contacts, lists)
        + full_sign_offs(text, contacts + addresses, lists)
        + bare_sign_offs(text, contacts, lists)
        + (hyphen_sign_offs(text, lists) if "-" in text else [])
    )
    return [PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end) for start, end in spans]


def redact_for_public(text: str, *, learnt: bool = True) -> Redaction:
    """`redact`, and also given names standing alone (`bare_names`), any word glued to a
    kinship word or a rank (`public_kin_names`) and what the learnt tagger thinks likely a name
    (`learnt_names` at `EAGER`, below the officials' `CAREFUL`): for what anyone may read (the
    public page, the boards' digests), where a masked word costs less than a leaked name.
    `learnt=False` leaves the tagger out (the rules alone, to measure it)."""
    found = redact(text, learnt=learnt).spans
    eager = (
        bare_names(text)
        + [
            PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end)
            for start, end in public_kin_names(text)
        ]
        + [
            PersonalDataSpan(PersonalDataKind.PERSON_NAME, start, end)
            for start, end in (learnt_names(text, EAGER) if learnt else [])
        ]
    )
    found += _not_overlapping(eager, found)
    spans = _resolve(found)
    return Redaction(text=_apply(text, spans), spans=spans)


_ANY_DIGIT = re.compile("[0-9]")
_ANY_LATIN = re.compile("[A-Za-z]")
# "line" in any case (IGNORECASE makes scanning Thai slow, and every match has a letter A–Z)
_LINE_LATIN = re.compile("line", re.IGNORECASE)
_ENDS_POLITELY = re.compile(r"(?:ค่ะ|ครับ|คับ|จ้า)[\s.!🙏]*$")


def warm_up() -> None:
    """Load the name lists, stop words, province names, the syllables of given names and the
    tokeniser dictionary now, not on the first message that needs them (the pipeline calls this
    while loading)."""
    _name_lists()
    _stopwords()
    _province_pattern()
    builds_names("พร")  # the counts of the syllables given names are built of
    _warm_up_tagger()
    redact("นายสมชาย ใจดี โทร 0812345678 รถทะเบียน กข 1234 กรุงเทพมหานคร ลุงแดง John Smith")


def find(text: str) -> list[PersonalDataSpan]:
    """Only the spans (offsets into `text`), without building the masked text."""
    return redact(text).spans


_URL = re.compile(
    r"(?:https?://|www\.)[^\s]+|[A-Za-z0-9.\-]+\.(?:com|co\.th|go\.th|or\.th|net|org|me)/[^\s]*",
    re.I,
)

_MOBILE_IN_LINK = re.compile(r"(?<!\d)0[689]\d{8}(?!\d)")


def _not_overlapping(
    extra: list[PersonalDataSpan], found: list[PersonalDataSpan]
) -> list[PersonalDataSpan]:
    """The spans of `extra` that overlap none of `found` (what the rules found wins)."""
    return [s for s in extra if all(s.end <= f.start or s.start >= f.end for f in found)]


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
