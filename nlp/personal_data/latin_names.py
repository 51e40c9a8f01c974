"""People's names in Latin script: after a title, a Thai title or kinship word, a label, or
as a pair of listed names (Mr. …, คุณ David, John Smith, ลุง John, P'Aof)."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.name_words import _PERSON_BEFORE_NAME, _word_set
from nlp.personal_data.self_introductions import _INTRODUCTION_END

# lower-case letters with accents too ("Hans Müller", "José")
_CAPITALISED = r"[A-Z][a-zß-öø-ÿ]+"
# Up to three words: "Nguyen Van An", "Min Min Aung".
_LATIN_NAME = rf"{_CAPITALISED}(?: {_CAPITALISED}){{0,2}}"
# Since round 13 a police or army rank, as a badge gives it ("Sgt. Anan", "Pol. Lt. Somchai").
_RANKS = (
    r"(?:Pol|Police)?\.? ?(?:Sgt|Sergeant|Cpl|Corporal|Lt|Lieutenant|Capt|Captain|Maj|Major|Col"
    r"|Colonel|Gen|General|Officer|Constable|Inspector|Insp|Supt)"
)
# K. is how Thai offices write คุณ in Latin script ("K.Somchai").
_LATIN_TITLED = re.compile(
    rf"\b(?:(?P<title>Mr|Mrs|Ms|Miss|Khun|Dr|{_RANKS})(?:\. ?| )|K\. ?)(?P<name>{_LATIN_NAME})"
)
# After a Thai title; not after ขอบคุณ/พระคุณ/บุญคุณ ("ขอบคุณ Grab" thanks a company).
_LATIN_AFTER_THAI_TITLE = re.compile(
    r"(?<!ขอบ)(?<!พระ)(?<!บุญ)(?P<title>คุณ|นางสาว|นาง|นาย|น\.ส\.|ชื่อ|ผู้แจ้ง|มิสเตอร์|มาดาม|"
    # since round 14 also a kinship word glued to ชื่อ ("เด็กในหอชื่อน้อง Bank")
    r"(?:(?<![ก-๙])|(?<=คุณ)|(?<=ชื่อ))(?:ลุง|ป้า|พี่|น้อง|ยาย|น้า|เจ๊|เฮีย|ครู|หมอ|อาจารย์)) ?"
    rf"(?P<name>{_LATIN_NAME})(?![A-Za-z])"
)
_LATIN_KIN = _word_set("ลุง ป้า พี่ น้อง ยาย น้า เจ๊ เฮีย ครู หมอ อาจารย์ มิสเตอร์ มาดาม")
# A listed name in capitals after a kinship word: "พี่ JOHNNY ที่ขาย…" (since round 7).
_LATIN_KIN_CAPITALS = re.compile(
    r"(?:(?<![ก-๙])|(?<=คุณ))(?:ลุง|ป้า|พี่|น้อง|ยาย|น้า|เจ๊|เฮีย|ครู|หมอ) ?(?P<name>[A-Z]{3,12})(?![A-Za-z])"
)
# พี่ and น้อง as Thais write them in Latin letters: "P'Aof", "N'Ploy", "P' Bank".
# And พี่ spelt out, "Phi Nok", "Pee Ton" (not the islands, "Phi Phi").
_LATIN_KIN_SHORT = re.compile(
    rf"(?<![A-Za-z])(?:(?:P|N)['’] ?|(?<!Phi )(?:Phi|Pee) (?!Phi\b))(?P<name>{_CAPITALISED})(?![A-Za-z])"
)
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
    # since round 8 also where the name was read: "his name on the card is Anan"
    rf"(?:\b(?:[Mm]y name is|[Nn]ame(?: on (?:the |his |her )?(?:card|badge|tag|shirt))? is"
    # since round 12, in a learner's English without "is": "His name Gerald, he wear …"
    rf"|(?:[Hh]is|[Hh]er|[Mm]y|[Tt]heir) (?:first |full )?name(?: is|'s|:|,)?"
    rf"|[Rr]eported by|[Ss]ubmitted by)|แจ้งโดย) ?"
    rf"(?P<name>{_LATIN_NAME})(?![A-Za-z])"
)
# In English, after a form of address or a word for a relation ("Uncle Boon", "Aunt Mali", "my
# neighbour Somsak", "a boy named Ton"): any capitalised name. Not the Thai forms that also
# start places in Latin letters (Mae Sai, Nong Khai, Phi Phi, Hat Yai).
_ENGLISH_RELATION = re.compile(
    r"\b(?:[Uu]ncle|[Aa]unt(?:ie|y)?|[Gg]rand(?:ma|pa|mother|father)|[Gg]ranny|[Oo]fficer"
    r"|[Ss]ergeant|[Cc]aptain|[Dd]octor|[Tt]eacher|[Nn]urse|[Kk]hru|[Aa]j(?:arn|ahn)|[Ll]ung"
    r"|(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir) (?:neighbou?r|son|daughter|wife|husband|friend"
    r"|mother|father|mom|mum|dad|grandmother|grandfather|grandson|granddaughter|brother|sister"
    r"|uncle|aunt|nephew|niece|landlord|landlady|boss|colleague|maid|nanny|driver|tenant)"
    r"|(?:named|called))"
    rf",? (?!(?:Mr|Mrs|Ms|Miss|Dr|Khun)\b)(?P<name>{_CAPITALISED}(?: {_CAPITALISED})?)(?![A-Za-z])"
)
# Introducing oneself or signing off in English: "This is Ploy, 081…", "I'm Malee", "Regards,
# Anan". A name the lists know, or (signing off) any capitalised word that ends the message.
_ENGLISH_SELF = re.compile(
    r"\b(?:[Tt]his is|I am|I'm|I’m|[Mm]y name's|[Cc]ontact|[Ff]rom:)"
    rf" (?P<name>{_CAPITALISED}(?: {_CAPITALISED})?)(?![A-Za-z])"
)
# Naming oneself with a given name and a surname (since t39): "I'm Hans Müller", "I am Rajesh
# Kumar" — two capitalised words need no list (one does: "I'm Thai").
_ENGLISH_SELF_FULL = re.compile(
    rf"\b(?:I am|I'm|I’m|[Mm]y name's) (?P<name>{_CAPITALISED} {_CAPITALISED})(?![A-Za-z])"
)
# A Latin name after a Thai word for someone's relation (since t39): "เพื่อนฉัน Srey Mom",
# "ลูกจ้างผม Min Aung", "สามีดิฉัน David".
_THAI_RELATION_LATIN = re.compile(
    r"(?:เพื่อน|แฟน|สามี|ภรรยา|เมีย|ผัว|ลูกจ้าง|นายจ้าง|ลูก(?:ชาย|สาว)?|หลาน(?:ชาย|สาว)?)"
    r"(?:ของ)?(?:ผม|ฉัน|ดิฉัน|เรา|หนู|พี่|แม่)? ?"
    rf"(?P<name>{_LATIN_NAME})(?![A-Za-z])"
)
# Whom to call, right before the number: "contact Noi at 081…", "call Lek 089…".
_ENGLISH_CONTACT = re.compile(
    r"\b(?:[Cc]ontact|[Cc]all|[Aa]sk for|[Tt]ext|[Mm]essage)(?: me,)? "  # "Call me, Ann, on …"
    rf"(?!(?:Mr|Mrs|Ms|Miss|Dr|Khun|Me|Us|Line|Tel|Phone|Mobile|Hotline|The|Our|My)\b)"
    rf"(?P<name>{_CAPITALISED}(?: {_CAPITALISED})?),?(?: at| on|:)? ?(?=\+?\(?\d)"
)
# A first name at a place (since round 10): someone to ask for there ("ask for Somchai at the
# counter"), or someone there who tells or sells ("Noi at the 7-11 says …"): a name opening a
# sentence needs the deed after the place, since "Water at the junction is …" names no one.
_ENGLISH_AT_PLACE = re.compile(
    rf"(?:\b(?:[Aa]sk for|[Tt]alk to|[Ss]peak (?:to|with)|[Ff]ind) (?P<asked>{_CAPITALISED})"
    r" (?:at|from|in) the\b"
    rf"|(?:^|(?<=[.!?] )|(?<=\n))(?P<name>{_CAPITALISED}) (?:at|from) the [\w-]+(?: [\w-]+){{0,2}}"
    r" (?:says|said|told|tells|sells|sold|saw|knows|works|warned|complained))"
)
# Words that open a sentence before "at the …" and name no one ("Someone at the gate said …").
_NOT_AT_PLACE = _word_set(
    """Someone Somebody Everyone Everybody Anyone Nobody People Staff Guards Guard Police Officers
    Workers Vendors Customers Residents Neighbours Neighbors Kids Children Man Woman Lady
    Girl Boy Guy Security Management Nurses Doctors Teachers He She They We It This That Mom Dad"""
)
# A Japanese honorific glued on ("Suzuki-san", since round 8).
_JAPANESE_HONORIFIC = re.compile(
    rf"(?<![A-Za-z])(?P<name>{_CAPITALISED})-(?:san|sama|kun|chan|sensei)(?![A-Za-z])"
)
_ENGLISH_SIGN_OFF = re.compile(
    r"\b(?:[Rr]egards|[Tt]hanks|[Tt]hank you|[Cc]heers|[Ss]incerely|[Bb]est),?\s+"
    rf"(?P<name>{_CAPITALISED}(?: {_CAPITALISED})?)(?P<end>[\s.!]*$)?"
)
# A listed given name and the initial of the surname: "Nattapong K.", "Somchai J.".
_LATIN_WITH_INITIAL = re.compile(rf"(?<![A-Za-z.])(?P<name>{_CAPITALISED}) [A-Z]\.(?![A-Za-z])")
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
    Traffy Foodpanda Lineman Shopee Lazada Kerry Flash Bolt Robinhood Facebook Instagram Tiktok
    Twitter Youtube Google Messenger Very Really Just Also Still Not So Sorry Happy Angry Sad Here
    There New Old Living Staying Writing Calling Looking Going Coming"""
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
    for m in _LATIN_KIN_CAPITALS.finditer(text):
        if m.group("name").capitalize() in latin:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, *m.span("name")))
    for m in _LATIN_LABELLED_CAPITALS.finditer(text):
        if m.group("name").split()[0].title() not in _NOT_LATIN_NAMES:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, *m.span("name")))
    # introduced, related or to be called: the name after the words is a person's
    for pattern in (
        _LATIN_SELF_INTRODUCTION,
        _LATIN_INTRODUCED,
        _ENGLISH_RELATION,
        _ENGLISH_CONTACT,
        _JAPANESE_HONORIFIC,
        _ENGLISH_SELF_FULL,
        _THAI_RELATION_LATIN,
    ):
        for m in pattern.finditer(text):
            span = _latin_span(m, needs_surname=False)
            if span is not None:
                found.append(span)
    for m in _ENGLISH_AT_PLACE.finditer(text):
        group = "asked" if m.group("asked") else "name"
        if m.group(group) not in _NOT_LATIN_NAMES and m.group(group) not in _NOT_AT_PLACE:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, *m.span(group)))
    for m in _ENGLISH_SELF.finditer(text):
        if m.group("name").split()[0] in latin:
            span = _latin_span(m, needs_surname=False)
            if span is not None:
                found.append(span)
    for m in _ENGLISH_SIGN_OFF.finditer(text):
        if m.group("end") is not None or m.group("name").split()[0] in latin:
            span = _latin_span(m, needs_surname=False)
            if span is not None:
                found.append(span)
    for m in _LATIN_WITH_INITIAL.finditer(text):
        if m.group("name") in latin and m.group("name") not in _NOT_LATIN_NAMES:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start(), m.end()))
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
