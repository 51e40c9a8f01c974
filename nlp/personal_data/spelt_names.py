"""Names written so that a masker misses them (since session 17): spelt out letter by letter
("ส ม ใ จ ที่รับซื้อของเก่า", "S o m c h a i ที่ขับรถขยะ"), and on social media, after the
network's name ("เฟส Noi Jaidee", "IG: mint_mnt", "ติ๊กต๊อก som_chai99").

Letters spaced out count only when, joined, they make a name the lists know (a run of single
letters is otherwise an abbreviation or a grade: "A B C"). After a network's name, a Latin name
of two capitalised words or a listed one (not "IG Story", "TikTok Shop", "เฟส Page"), or a handle
with a digit, a dot or an underscore where the layout shows a person's (in brackets, after a
word for a person) or the account's deed does (it posts, mocks or threatens someone: since
round 9), and no page or shop is named before it: brands' accounts on the social-listening
texts stand alone or are followed."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.name_words import _word_set

# One Thai letter with its marks, or one Latin letter, then a single space, three times or more.
_THAI_LETTER = r"[ก-ฮะ-ไ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
_SPACED_THAI = re.compile(rf"(?<![^\s])(?:{_THAI_LETTER} ){{2,15}}{_THAI_LETTER}(?!\S)")
_SPACED_THAI_TRIGGER = re.compile(rf"(?<![^\s]){_THAI_LETTER} {_THAI_LETTER} {_THAI_LETTER}")
_SPACED_LATIN = re.compile(r"(?<![A-Za-z])(?:[A-Za-z] ){2,15}[A-Za-z](?![A-Za-z])")
_FEWEST_LETTERS = 3

_NETWORK = (
    r"(?:(?<![ก-๙])เฟ[สซ](?:บุ๊[กค])?|ไอจี|ติ๊กต[๊็]อก|ทวิตเตอร์"
    r"|(?<![A-Za-z])(?:FB|fb|[Ff]acebook|IG|ig|[Ii]nstagram|[Tt]ik[Tt]ok|[Tt]witter|X)(?![A-Za-z]))"
)
_CAPITALISED = r"[A-Z][a-z]+"
_HYPHENATED = rf"{_CAPITALISED}(?:-{_CAPITALISED})?"
_SOCIAL = re.compile(
    # since round 8 in quotes, and a surname with a hyphen ("เฟซบุ๊ก 'Anan Sae-Tang'")
    rf"{_NETWORK} ?(?:ชื่อ)? ?[:：]? ?[\"'“‘]?(?:(?P<name>{_CAPITALISED}(?: {_HYPHENATED}){{0,2}})"
    r"(?![A-Za-z0-9_.])|@?(?P<handle>(?=[A-Za-z0-9._]*[0-9._])[A-Za-z][A-Za-z0-9._]{2,29})"
    r"(?![A-Za-z0-9._]))"
)
# A handle is a person's where the layout says so: in brackets after the person ("มิ้นท์ (IG:
# mint_mnt)") or after a word for a person ("ลูกสาว ig …"); brands' accounts stand alone.
_PERSON_BEFORE_HANDLE = re.compile(
    r"(?:[(（]|ชื่อ|เพื่อน|ลูก(?:ชาย|สาว)?|น้อง|พี่|แฟน|สามี|ภรรยา|ผัว|เมีย|คน(?:นี้|ร้าย)?|ของ(?:เขา|มัน|แก))"
    r" ?$"
)
_BEFORE_HANDLE = 12
# Or what the account did to someone, as a person's account does and a brand's does not ("IG ชื่อ
# nong.praew_hm โพสต์รูปเด็กแล้วเอาไปล้อ"; since round 9), unless a page or a shop is named.
_HARM_AFTER_HANDLE = re.compile(
    r" ?(?:โพสต์(?:ด่า|รูป|คลิป|ประจาน|ว่า)|ด่า|หลอก|ขู่|ข่มขู่|คุกคาม|ประจาน|แอบถ่าย|ถ่ายคลิป|ล้อเลียน"
    r"|ทักมา|ส่งข้อความ|แชร์รูป|ไลฟ์ด่า|ตามรังควาน)"
)
_PAGE_BEFORE_HANDLE = re.compile(r"(?:เพจ|ร้าน|ติดตาม|ที่|ได้ที่) ?$")
# Words after a network's name that are the network's, not a person's.
_NOT_NAMES = _word_set(
    """Page Story Stories Live Shop Reels Reel Group Post Feed Ads Market Marketplace Official Network
    Messenger Lite Watch Gaming Video Videos Profile Account Account Fan Fans Fanpage Inbox"""
)


def spelt_names(text: str, *, has_latin: bool) -> list[PersonalDataSpan]:
    """Names spaced letter by letter and names or handles after a social network's name
    (`has_latin`: the text holds a Latin letter; without one only Thai letters are read)."""
    found = _spaced_thai(text) if _SPACED_THAI_TRIGGER.search(text) else []
    if has_latin:
        found += _spaced_latin(text) + _social(text)
    return found


def _spaced_thai(text: str) -> list[PersonalDataSpan]:
    lists = _name_lists()
    found = []
    for m in _SPACED_THAI.finditer(text):
        letters = m.group().split(" ")
        # the longest run from the first letter that makes a listed name ("ส ม ใ จ ที่")
        for n in range(len(letters), _FEWEST_LETTERS - 1, -1):
            word = "".join(letters[:n])
            if word in lists.first or (word in lists.nicknames and word not in lists.words):
                end = m.start() + len(" ".join(letters[:n]))
                found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start(), end))
                break
    return found


def _spaced_latin(text: str) -> list[PersonalDataSpan]:
    lists = _name_lists()
    found = []
    for m in _SPACED_LATIN.finditer(text):
        word = m.group().replace(" ", "").capitalize()
        if word in lists.latin or word in lists.asian:
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, m.start(), m.end()))
    return found


def _social(text: str) -> list[PersonalDataSpan]:
    latin = _name_lists().latin
    found = []
    for m in _SOCIAL.finditer(text):
        name = m.group("name")
        if name is not None:
            words = name.split()
            if words[0] in _NOT_NAMES or words[-1] in _NOT_NAMES:
                continue
            if len(words) > 2 or (len(words) < 2 and words[0] not in latin):
                continue  # a person: a listed given name, or a given name and a surname
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, *m.span("name")))
        elif _PERSON_BEFORE_HANDLE.search(text, max(0, m.start() - _BEFORE_HANDLE), m.start()) or (
            _HARM_AFTER_HANDLE.match(text, m.end())
            and not _PAGE_BEFORE_HANDLE.search(text, max(0, m.start() - _BEFORE_HANDLE), m.start())
        ):
            found.append(PersonalDataSpan(PersonalDataKind.PERSON_NAME, *m.span("handle")))
    return found
