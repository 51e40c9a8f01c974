"""Names that chat layout gives away (since batch 14 of the civic corpus):

* the speakers of a chain forwarded from a LINE group, a kinship or role word and a name before
  a colon at the start of a line or after the time ("18:03 พี่หนุ่ม: ได้ครับ", "ลุงเสถียร: …");
* a given name in brackets right after a phone number ("0815567320 (วีระ)"), or before one
  ("สมศักดิ์ ทองมา 081…", "ลุงต่อม 086…");
* a nickname in brackets right after a name already found ("นายสุเทพ (โต้ง)", session 17);
* a sign-off (since t39): one name and a polite particle right after the phone number or LINE
  ID to call back on ("โทร 08… ส้มโอค่ะ", "ไลน์ไอดี … คุณนิดาค่ะ"), a listed name and a particle
  ending a message that asks to be contacted ("… ทักไลน์ได้เลย เจี๊ยบค่ะ"), and a name after a
  dash ending the message ("… ฝากบอกด้วยค่ะ — นาแส่ จะหลอ").

Both only where the layout says "this is a person": a word before a colon elsewhere is a field
("หมายเหตุ: …"), a word in brackets elsewhere a gloss ("(บ้าน)", "(มือถือ)")."""

from __future__ import annotations

import re

from nlp.gazetteer import Gazetteer
from nlp.personal_data.cut import _is_thai
from nlp.personal_data.latin_names import _NOT_LATIN_NAMES
from nlp.personal_data.name_lists import _NameLists, _stopwords, listed_name, unknown_word
from nlp.personal_data.name_words import _AFTER_NAME, _NOT_NAMES, _word_set
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS
from nlp.personal_data.word_classes import frequency_bin, part_of_speech, ud_verbs
from nlp.tokenise import segment

_Span = tuple[int, int]

# A kinship or role word, then the name, then a colon: at a line's start, or after a time.
_SPEAKER = re.compile(
    r"(?:^|\n|\d{1,2}[:.]\d{2}\s?(?:น\.)?\s?)(?:\[[^\]\n]{0,20}\]\s?)?"
    r"(?:คุณ)?(?:พี่|น้อง|ป้า|ลุง|น้า|ยาย|ตา|เจ๊|เฮีย|ครู|หมอ|อา|ผู้ใหญ่|กำนัน|ผญบ\.|อสม\.)"
    r"(?P<name>[ก-๛]{2,16})\s?(?:\d{1,2}[:.]\d{2}\s?)?[:：]"
)
# A bracketed given name right after a phone number (the digits end right before it), perhaps
# after a polite particle and with คุณ or a kinship word: "09… ค่ะ (คุณจอย)".
_AFTER_PHONE = re.compile(
    r"\s?(?:(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า)\s?)?[(（](?P<title>คุณ|พี่|น้อง|ลุง|ป้า|น้า)?"
    r"(?P<name>[ก-๛]{2,16})[)）]"
)
# A name right before a phone number: a listed given name and maybe a surname ("สมศักดิ์ ทองมา
# 081…"), or a kinship word and a nickname ("ลุงต่อม 086…"), as the last words before it.
# A nickname in brackets after a name: "นางสาวปิยะนุช (ปุ้ย)".
_NICK_AFTER_NAME = re.compile(r" ?[(（](?P<name>[ก-๛]{2,12})[)）]")
# Since round 13 also the south's บัง, ก๊ะ, เปาะ, เจ๊ะ, อาแบ ("บังหมาด 08…"; not มะ and โก,
# which start fruits and words: "มะม่วง 08…").
_SOUTHERN_FORMS = ("บัง", "ก๊ะ", "เปาะ", "เจ๊ะ", "อาแบ")
_KIN_NICK = re.compile(
    rf"(?:ลุง|ป้า|น้า|พี่|น้อง|ยาย|ตา|เจ๊|เฮีย|คุณ|{'|'.join(_SOUTHERN_FORMS)})(?P<nick>[ก-๛]{{2,10}})"
)
# The same after a pronoun or a word for calling, ending a run of letters: "ผมพี่เบิร์ด 08…",
# "…ไม่ถึงวันเลยโทรหาพี่เอ็ม08…" (since round 7).
_KIN_NICK_AFTER = re.compile(
    r"(?:ผม|หนู|ฉัน|ดิฉัน|เรา|โทรหา|โทร|หา|ติดต่อ|ถาม|คือ|ที่)(?:คุณ)?"
    r"(?:ลุง|ป้า|น้า|พี่|น้อง|ยาย|เจ๊|เฮีย)(?P<nick>[ก-๛]{2,10})$"
)
# Whom to contact, right before the number (since round 10): "ติดต่อวิชัย 087…", "ติดต่อกลับคุณนิด
# 081…", "โทรหาสมศักดิ์ 089…": a listed given name or nickname, or any one name after คุณ.
_CONTACT = re.compile(
    r"(?:ติดต่อ(?:กลับ)?(?:ที่)?|โทร(?:หา|ถึง|กลับ)|แจ้ง)(?P<title>คุณ)?(?P<nick>[ก-๛]{2,16})$"
)
# What a word in brackets after a number says of the number, not whose it is.
_PHONE_GLOSSES = _word_set(
    "มือถือ ที่ทำงาน ออฟฟิศ สำนักงาน แฟกซ์ ไลน์ ด่วน ตลอด ฉุกเฉิน สายด่วน บ้าน ร้าน ทรู ดีแทค "
    "เอไอเอส ฟรี ต่อ กลางวัน กลางคืน ผู้แจ้ง เจ้าของ ผู้ดูแล"
)
_PHONE_WORD = re.compile(r"(?:โทร|เบอร์|tel)\.?:?$", re.IGNORECASE)
# A sign-off right after the number: one name (คุณ or a kinship word before it allowed), then a
# polite particle and the end of the sentence ("08… เมย์ค่ะ"; not "08… ด่วนค่ะ", a gloss).
_SIGN_OFF = re.compile(
    r"\s?(?:คุณ|พี่|น้อง|ป้า|ลุง|น้า)?(?P<name>[ก-๛]{2,16}?)\s?(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ)"
    r"(?=\s|$|[.!,🙏])"
)
_LAST_WORD_SIGNED = re.compile(r"(?<=\s)(?P<name>[ก-๛]{2,12}?)(?:นะ)?(?:ค่ะ|ครับ|คับ|จ้า)[\s.!🙏]*$")
_SHORTEST_SURNAME = 3
_CONTACT_WORD = re.compile(r"ติดต่อ(?:กลับ)?|โทร(?:หา|ถึง)?|ถามหา")
_CONTACT_WORDS = re.compile(r"ติดต่อ|โทร|ไลน์|เบอร์|line", re.I)
# A name after a dash that ends the message: one or two words ("— กาญจนา", "– ฝาตีเมาะ หมาดสกุล").
_DASH_SIGNATURE = re.compile(r"(?<=\S)\s[—–]\s?(?P<name>[ก-๛]{2,20}(?: [ก-๛]{2,20})?)\s*$")
_WINDOW = 50


def _one_name(word: str, lists: _NameLists) -> bool:
    """One or two tokens of Thai, none a word that ends or is not a name."""
    tokens = [t for t in segment(word) if t.strip()]
    if not tokens or len(tokens) > 2 or not all(_is_thai(t) for t in tokens):
        return False
    stop = _stopwords()
    return not any(t in _AFTER_NAME or t in _NOT_NAMES or t in stop for t in tokens)


def speaker_names(text: str, lists: _NameLists) -> list[_Span]:
    """The names of a forwarded chat's speakers (offsets of the name only)."""
    if ":" not in text and "：" not in text:
        return []
    return [m.span("name") for m in _SPEAKER.finditer(text) if _one_name(m.group("name"), lists)]


def names_after_phones(text: str, phone_ends: list[int], lists: _NameLists) -> list[_Span]:
    """A listed given name or nickname in brackets right after a phone number."""
    found = []
    for end in phone_ends:
        m = _AFTER_PHONE.match(text, end)
        if m is None:
            continue
        name = m.group("name")
        if (
            name in lists.first
            or name in lists.nicknames
            or (m.group("title") and _one_name(name, lists))
            # since round 7, any one name that is no gloss of the number ("(ตุ๊กตา)")
            or (name not in _PHONE_GLOSSES and _one_name(name, lists))
        ):
            found.append(m.span("name"))
    return found


def nicknames_after_names(text: str, name_ends: list[int], lists: _NameLists) -> list[_Span]:
    """A listed nickname or given name in brackets right after a name (not a gloss such as
    "(พม่า)", "(เจ้าของ)", "(เครือซีพี)")."""
    found = []
    for end in name_ends:
        m = _NICK_AFTER_NAME.match(text, end)
        if m is None:
            continue
        name = m.group("name")
        if name in lists.nicknames or (name in lists.first and name not in lists.common):
            found.append(m.span("name"))
    return found


# Since round 13: a name in Latin letters in brackets right after a name found by any means,
# the learnt tagger's too ("น้องเบียร์ (Beer) คนส่งของ…"); not a place's or a firm's word.
_LATIN_NICK_AFTER_NAME = re.compile(r" ?[(（](?P<name>[A-Z][a-z]{1,11})[)）]")


def latin_nicknames_after_names(text: str, name_ends: list[int]) -> list[_Span]:
    """A capitalised Latin word in brackets right after a name (`_LATIN_NICK_AFTER_NAME`)."""
    found = []
    for end in name_ends:
        m = _LATIN_NICK_AFTER_NAME.match(text, end)
        if m is not None and m.group("name") not in _NOT_LATIN_NAMES:
            found.append(m.span("name"))
    return found


def names_before_phones(text: str, phone_starts: list[int], lists: _NameLists) -> list[_Span]:
    """A listed given name (and its surname), or a kinship word's nickname, right before a phone."""
    found = []
    for start in phone_starts:
        window = max(0, start - _WINDOW)
        words = [(m.start() + window, m.group()) for m in re.finditer(r"\S+", text[window:start])]
        if words and _PHONE_WORD.match(words[-1][1]):
            words.pop()
        if not words:
            continue
        at, last = words[-1]
        kin = _KIN_NICK.fullmatch(last) or _KIN_NICK_AFTER.search(last)
        if kin is not None:
            nick = kin.group("nick")
            # a Malay name after บัง or ก๊ะ, cut in syllables that are Thai words ("สะ|แล|มัน",
            # since round 13): any word no dictionary has that starts with no stop word
            malay = (
                last.startswith(_SOUTHERN_FORMS)
                and nick not in lists.words
                and segment(nick)[0] not in _stopwords()
            )
            if _one_name(nick, lists) or malay:
                found.append((at + kin.start("nick"), at + len(last)))
        elif (contact := _CONTACT.search(last)) is not None:
            nick = contact.group("nick")
            listed = nick in lists.nicknames or (nick in lists.first and nick not in lists.common)
            anyone = contact.group("title") and not nick.startswith(_NOT_NICKNAME_STARTS)
            if listed or (anyone and _one_name(nick, lists)):
                found.append((at + contact.start("nick"), at + len(last)))
        elif len(words) >= 2 and words[-2][1] in lists.first and _a_surname(last):
            found.append((words[-2][0], at + len(last)))
        elif (
            len(words) >= 3
            and _CONTACT_WORD.fullmatch(words[-3][1])
            and unknown_word(words[-2][1], lists, verbs_ok=True)
            and len(last) >= _SHORTEST_SURNAME
            and _is_thai(last)
            and last not in lists.words
        ):  # "ติดต่อ อาหมี่ มาเยอ 08…": a name and surname no list holds (since t39)
            found.append((words[-2][0], at + len(last)))
        elif last in lists.first and last not in Gazetteer.load().forms:  # not "…อยุธยา 08…"
            found.append((at, at + len(last)))
    return found


def sign_off_names(text: str, contact_ends: list[int], lists: _NameLists) -> list[_Span]:
    """A name signing off right after the number or ID to call back on, and a name after a dash
    ending the message: one name of one or two tokens, no gloss of the number, no kinship word,
    no place."""
    found = []
    for end in contact_ends:
        m = _SIGN_OFF.match(text, end)
        if m is not None and _signs(m.group("name"), lists):
            found.append(m.span("name"))
    # the message's last word, a listed nickname or given name, before a polite particle, in a
    # message that asks to be contacted: "… ติดต่อกลับทางไลน์ได้เลย เจี๊ยบค่ะ"
    last = _LAST_WORD_SIGNED.search(text)
    if last is not None and _CONTACT_WORDS.search(text) and _signs_last(last.group("name"), lists):
        found.append(last.span("name"))
    # one dash only: "A – B – C" is a list ("เพื่อไทย – ประชาธิปัตย์ – พลังประชารัฐ")
    if text.count("—") + text.count("–") == 1:
        m = _DASH_SIGNATURE.search(text)
        if m is not None and _dash_signature(m.group("name").split(), lists):
            found.append(m.span("name"))
    return found


# Since round 12: a given name and a surname signing off after the address or number to answer
# to and a polite particle, at the end or before where the writer lives ("… ตอบกลับที่
# [e-mail] ค่ะ วันเพ็ญ เกษตรศิลป์ อ.โพนทอง ร้อยเอ็ด").
_FULL_SIGN_OFF = re.compile(
    r"\s?(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า)\s?[.!🙏]*\s(?P<name>(?P<given>[ก-๛]{2,16}) (?P<family>[ก-๛]{3,20}))"
    r"(?=\s*$|\s(?:อ\.|ต\.|จ\.|อำเภอ|ตำบล|จังหวัด|บ้าน|หมู่|ม\.|[0-9]|โทร|เบอร์))"
)


# Since t42: a given name alone ending the message after the contact and its particle ("…
# หรือ 089 456 1203 ค่ะ ณัฐชา").
_NAME_ENDS = re.compile(
    r"\s?(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า)\s?[.!🙏]*\s(?P<name>[ก-๛]{2,16})\s*[.!🙏]*\s*$"
)


def full_sign_offs(text: str, contact_ends: list[int], lists: _NameLists) -> list[_Span]:
    """A listed given name and a surname (listed, or a word the dictionary lacks) right after a
    contact and a polite particle, ending the message or before an address; or a listed given
    name or nickname alone there, ending the message."""
    found = []
    for end in contact_ends:
        alone = _NAME_ENDS.match(text, end)
        if alone is not None and _signs_last(alone.group("name"), lists):
            found.append(alone.span("name"))
        m = _FULL_SIGN_OFF.match(text, end)
        if (
            m is not None
            and m.group("given") in lists.first
            and m.group("given") not in _AFTER_NAME
            and (
                m.group("family") in lists.family
                or (
                    unknown_word(m.group("family"), lists, verbs_ok=True)
                    and m.group("family") not in Gazetteer.load().forms
                )
            )
        ):
            found.append(m.span("name"))
    return found


def _signs(word: str, lists: _NameLists) -> bool:
    """A listed given name or nickname, or a word that may be one: one or two tokens, a noun
    (no other part of speech), not among the commonest words, no time of day or day ("พรุ่งนี้
    ค่ะ"), no gloss of the number ("ด่วนค่ะ"), no place or kinship word."""
    if word in _PHONE_GLOSSES or word.startswith(_NOT_NICKNAME_STARTS) or word in ud_verbs():
        return False
    if word in lists.nicknames or word in lists.first:
        return True
    return (
        word not in Gazetteer.load().forms
        and word not in _NOT_NAMES
        and word not in part_of_speech()
        and frequency_bin().get(word) not in _COMMONEST
        and not word.startswith(_TIMES)
        and _one_name(word, lists)
    )


_COMMONEST = frozenset({"10k", "100k"})
_TIMES = ("วัน", "พรุ่ง", "เช้า", "สาย", "บ่าย", "เย็น", "ค่ำ", "คืน", "ดึก", "โมง", "ทุ่ม", "ตอน", "ทั้ง")


def _signs_last(word: str, lists: _NameLists) -> bool:
    """A listed name that is no word ending a name, stop word or verb ("มีค่ะ" is "there is")."""
    return (
        listed_name(word, lists)
        and word not in _AFTER_NAME
        and word not in _stopwords()
        and word not in ud_verbs()
        and word not in _PHONE_GLOSSES
    )


def _dash_signature(words: list[str], lists: _NameLists) -> bool:
    """One name after a closing dash (listed, or a word the dictionary lacks: "นาแส่"), or two
    of which one is, neither a verb nor a place ("ฝาตีเมาะ หมาดสกุล"; not "ด่วนมาก")."""
    known = [
        listed_name(w, lists) or w in lists.first or unknown_word(w, lists, verbs_ok=True)
        for w in words
    ]
    if len(words) == 1:
        return listed_name(words[0], lists) or unknown_word(words[0], lists)
    stop = _stopwords()
    return (
        any(known)
        and all(
            w not in ud_verbs() and w not in Gazetteer.load().forms and w not in stop for w in words
        )
        and segment(words[0])[0] not in _AFTER_NAME
    )


def _a_surname(word: str) -> bool:
    """A run of Thai whose first word is no function word or word that ends a name ("ทอง|มา",
    not "แจ้ง|ว่า")."""
    tokens = [t for t in segment(word) if t.strip()]
    return (
        bool(tokens)
        and all(_is_thai(t) for t in tokens)
        and not (tokens[0] in _AFTER_NAME or tokens[0] in _stopwords())
    )


# Since round 13: a name right after the number or LINE ID to call back on with no particle,
# ending the message or before where the writer lives ("… โทร 08… จินตนา", "… [phone] คุณแอน",
# "ไอดีไลน์ … บังยะห์ ม.4 ต.คลองแห"): a listed name that is no word ending a name, or after a
# form of address one name no gloss of the number ("08… ด่วน", "08… ตลอด 24 ชม." stay).
_BARE_SIGN_OFF = re.compile(
    r"[ \t]+(?P<title>คุณ|พี่|น้อง|ป้า|ลุง|น้า|บัง|ก๊ะ|เปาะ|เจ๊|เฮีย)?(?P<name>[ก-๛]{2,16}?)"
    r"(?=[ \t]*[.!🙏]*[ \t]*$|[ \t]+(?:ม\.|หมู่ ?[0-9]|ต\.|อ\.|จ\.|ตำบล|อำเภอ|จังหวัด))"
)


def bare_sign_offs(text: str, contact_ends: list[int], lists: _NameLists) -> list[_Span]:
    """A name signing off right after a contact with no polite particle (see `_BARE_SIGN_OFF`)."""
    found = []
    for end in contact_ends:
        m = _BARE_SIGN_OFF.match(text, end)
        if m is None:
            continue
        name = m.group("name")
        if m.group("title") is None:
            signs = _signs_last(name, lists)
        else:
            signs = (
                _signs(name, lists) or unknown_word(name, lists, verbs_ok=True)
            ) and not name.startswith(_NOT_NICKNAME_STARTS)
        if signs and name not in _PHONE_GLOSSES and name not in Gazetteer.load().forms:
            found.append(m.span("name"))
    return found


# Since round 13: a sign-off on a line of its own after a hyphen, at the end or before the
# number to call back on ("…ยังไม่มีใครมาเลย\n-มาลัย 08…"); the only line that starts with one
# ("- ถนนพัง\n- ไฟดับ" is a list), and a name the lists hold (a surname too: มาลัย) or a word
# no dictionary has, no verb or place.
_HYPHEN_LINE = re.compile(
    r"\n[ \t]*-[ \t]?(?P<name>[ก-๛]{2,20}(?: [ก-๛]{2,20})?)[ \t]*(?=$|[ \t]*(?:โทร|เบอร์)?[ .:]*\+?[0-9])"
)
_LINE_BULLET = re.compile(r"(?m)^[ \t]*-")


def hyphen_sign_offs(text: str, lists: _NameLists) -> list[_Span]:
    """A name after a hyphen on the message's last line (see `_HYPHEN_LINE`)."""
    m = _HYPHEN_LINE.search(text)
    if m is None or len(_LINE_BULLET.findall(text)) != 1:
        return []
    if "\n" in text[m.end() :].strip():
        return []  # the last line only
    words = m.group("name").split()
    first = words[0]
    stop = _stopwords()
    named = (
        listed_name(first, lists)
        or (first in lists.first and first not in lists.common)
        or first in lists.family
        or unknown_word(first, lists)
    )
    if (
        not named
        or any(w in ud_verbs() or w in stop or w in Gazetteer.load().forms for w in words)
        or any(w in lists.predicates or w in _AFTER_NAME for w in words)
    ):
        return []
    return [m.span("name")]
