"""Two people named together with กับ, or as either to ask for with หรือ ("มาลีกับสมใจสองพี่น้อง", "ชื่อโอ๋กับแป้ง", "หม่องทุนกับ
มะขิ่นแรงงานพม่า", "พะตี่ดาโพกับหน่อแฮ", "บ้านของสะมะแอกับรอฮีมะ"); since round 8.

Migrants', hill peoples' and Malay-Muslim names are on no list, and nicknames are everyday
words, so a pair is a pair of people only when the message says so: what follows the pair says
there are two people (สองพี่น้อง, สองสาว, แรงงานพม่า, ลูกสาวสองคน), or what comes before it
says a name follows (ชื่อ, แม่ค้า, ขอชม; more weakly บ้านของ, ของ, คือบ้าน), or both carry a
form of address of the peoples who write them (หม่อง, พะตี่, หน่อ, เปาะ, ท้าว …), or one of the
two was already found as a name (`pair_of_found`). "ข้าวกับแกง", "ค่าน้ำกับค่าไฟ", "หมากับแมว
สองตัว" and "พ่อกับแม่สองคน" stay: kinship words and words for a kind of person are never a
name here, and a dictionary word is one only beside two people's words, a strong introducer or
a name already found.
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _is_thai, _Span
from nlp.personal_data.kin_context import _KIND_OF_PERSON, KIN
from nlp.personal_data.latin_names import _NOT_LATIN_NAMES
from nlp.personal_data.name_lists import (
    _name_lists,
    _NameLists,
    _stopwords,
    listed_name,
    unknown_word,
)
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _word_set
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

# Forms of address of the peoples whose names no list holds: Burmese (หม่อง, มอง for men; มะ,
# for women, stays with the name: "มะขิ่น"), Karen (พะตี่ uncle, หน่อ for women), Malay (เปาะ
# father, ก๊ะ elder sister, เมาะ), Lao (ท้าว Mr., นาง), Thai ranks, vendors and kinship words.
_ADDRESS = _word_set(
    "หม่อง มอง พะตี่ หน่อ เปาะ ก๊ะ เมาะ ท้าว นาง นาย จ่าเอก จ่าโท จ่าตรี จ่า พลฯ พลทหาร"
    " แม่ค้า พ่อค้า ลุง ป้า ยาย ตา น้า อา พี่ น้อง เจ๊ เฮีย อาม่า อาแปะ อาซิ้ม"
)
_ADDRESS_RE = "|".join(sorted(map(re.escape, _ADDRESS), key=len, reverse=True))
# What right before the first name says a name follows: strongly ชื่อ, a vendor, praise;
# weakly whose (house) or "it is".
_STRONG_INTRO = r"(?<![เแ])ชื่อ(?:เล่น)?|แม่ค้า|พ่อค้า|ขอชม|ชื่นชม|ขอบคุณ"
_WEAK_INTRO = r"(?<!หมู่)บ้าน(?:ของ)?|(?<!สิ่ง)(?<!ข้าว)ของ|คือ"
_PREFIX = re.compile(
    rf"(?:[ก-๙]*?(?:(?P<strong>{_STRONG_INTRO})|(?P<weak>{_WEAK_INTRO})))?"
    rf"(?P<address>{_ADDRESS_RE})?"
)
_INTRO_BEFORE_SPACE = re.compile(rf"(?:{_STRONG_INTRO}) $")
_AND = re.compile(r" ?กับ ?")
# Either of two people to ask for (since t39): "ถามหาป้าศรีหรือลุงสมหมายก็ได้", only when both
# carry a form of address or one was found.
_OR = re.compile(r" ?หรือ ?")
_EITHER = re.compile(
    rf"(?:(?<![ก-๙])|(?<=หา)|(?<=ถึง)|(?<=ติดต่อ)|(?<=ถาม))(?:{_ADDRESS_RE}|คุณ)(?P<left>[ก-๙]{{2,10}}?)"
    rf" ?(?P<joined>หรือ|กับ) ?(?P<right_address>(?:{_ADDRESS_RE}|คุณ)(?=[ก-๙]{{2}}))"
)
_RIGHT_ADDRESS = re.compile(rf"(?:{_ADDRESS_RE})(?=[ก-๙]{{2}})")
# What after the pair says there are two people (and nothing else can be).
_TWO_PEOPLE = (
    r"สอง ?(?:พี่น้อง|คน|สาว|หนุ่ม|ผัวเมีย|สามีภรรยา|ตายาย|แม่ลูก|พ่อลูก|เพื่อน|ครอบครัว)"
    r"|ทั้งสอง|แรงงาน|คนงาน|ลูกจ้าง|ชาว[ก-๙]|คน(?:ลาว|พม่า|เขมร|กัมพูชา|จีน|งาน)"
    r"|ลูก(?:สาว|ชาย)สองคน|พี่น้อง"
)
# A family counted after กับ: "กับลูก 3 คน", "กับสามีและลูก", "กับหลานสองคน".
_WITH_FAMILY = re.compile(
    r"(?:ลูก|สามี|ภรรยา|เมีย|ผัว|หลาน)(?:สาว|ชาย)? ?(?:[0-9๐-๙]+ ?คน|สองคน|สามคน|และ|อีก|ทั้ง)"
)
# The same after a name in Latin letters that opens the message ("Dara Sok กับลูก 2 คน").
_LATIN_WITH_FAMILY = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) ?กับ(?:ลูก|สามี|ภรรยา|เมีย|ผัว|แฟน)"
)
_TWO_PEOPLE_NEXT = re.compile(rf" ?(?:{_TWO_PEOPLE})")
# Where an unlisted second name ends when no space does.
_ENDS_A_NAME = re.compile(rf"(?:{_TWO_PEOPLE}|ที่|ซึ่ง|ขับ|ขาย|ถูก|โดน|เป็น|อยู่|ไม่|ค่ะ|ครับ|นะ)")
_LETTERS = re.compile(r"[ก-๙]+")
_NOT_PAIRED = tuple(_word_set("ลูก คน เพื่อน แฟน สามี ภรรยา ผัว เมีย พ่อ แม่ ตัว หมา แมว ค่า"))
_LONGEST = 12
_SHORT_RUN = 10  # letters before a space: the whole run is the name


def paired_names(text: str) -> list[_Span]:
    """Both names of a pair of people joined by กับ, where the message says they are people (or
    by หรือ, where both carry a form of address)."""
    found_or = _either_of_two(text) if "หรือ" in text else []
    if "กับ" not in text:
        return found_or
    found: list[_Span] = [
        m.span("name")
        for m in _LATIN_WITH_FAMILY.finditer(text)
        if m.group("name").split()[0] not in _NOT_LATIN_NAMES
    ]
    for m in _AND.finditer(text):
        if _WITH_FAMILY.match(text, m.end()) and m.start() > 0 and _is_thai(text[m.start() - 1]):
            # "…มะขิ่นกับลูก 2 คน…": a mother with her children, named by a word no list holds
            mother = _left(text, m.start())
            if mother is not None and mother.unknown:
                found.append(mother.span)
            continue
        pair = _pair_at(text, m)
        if pair is None:
            continue
        left, right = pair
        two_people = _TWO_PEOPLE_NEXT.match(text, right.span[1]) is not None
        both_addressed = left.addressed and right.addressed
        if two_people or both_addressed:
            ok = left.may_be_a_name and right.may_be_a_name
        elif left.intro == "strong":
            ok = (left.listed or left.unknown) and right.may_be_a_name
        elif left.intro == "weak" or left.addressed:
            ok = left.listed and (right.listed or right.unknown)
        else:
            ok = False
        if ok:
            found += [left.span, right.span]
    return found + found_or


def _either_of_two(text: str) -> list[_Span]:
    """Two people joined by หรือ, each right after a form of address, both may be names and one
    at least listed or a word no dictionary holds ("ป้าศรีหรือลุงสมหมาย"; not "ลุงแก่หรือป้าแก่")."""
    lists = _name_lists()
    found: list[_Span] = []
    for m in _EITHER.finditer(text):
        left_word = m.group("left")
        if not _may_name(left_word, addressed=True):
            continue
        right = _right(text, m.start("right_address"))
        if right is None or not right.addressed:
            continue
        left = _Side(m.span("left"), left_word, lists, addressed=True, intro="")
        sure = left.listed or left.unknown or right.listed or right.unknown
        if sure and left.may_be_a_name and right.may_be_a_name:
            found += [left.span, right.span]
    return found


def pair_of_found(text: str, names: list[_Span]) -> list[_Span]:
    """The other name of a pair when one of the two was found ("จ่าสมบัติกับพลฯวีรยุทธ"), if it
    is listed or has a form of address of its own."""
    if ("กับ" not in text and "หรือ" not in text) or not names:
        return []
    found: list[_Span] = []
    ends = {end for _, end in names}
    starts = {start for start, _ in names}
    for m in _EITHER.finditer(text):  # "ถามหาป้าศรีหรือลุง[found]"
        right_start = m.end("right_address")
        left = m.group("left")
        if right_start not in starts or m.end("left") in ends:
            continue
        # since round 12 also กับ: "พี่หน่อยกับพี่[found]", where a word that is also a particle
        # is a nickname, both people carrying a form of address at a word's start; not a verb
        # ("ตาเหมือนกับยาย…", "พี่ไปกับพี่…")
        if _may_name(left, addressed=True) or (
            m.group("joined") == "กับ" and _joined_nickname(left)
        ):
            found.append(m.span("left"))
    for m in (*_AND.finditer(text), *_OR.finditer(text)):
        pair = _pair_at(text, m)
        if pair is None:
            continue
        left, right = pair
        if left.span[1] in ends and right.span[0] not in starts and right.beside_a_name:
            found.append(right.span)
        elif right.span[0] in starts and left.span[1] not in ends and left.beside_a_name:
            found.append(left.span)
    return found


class _Side:
    """One word of a pair: where it is, what it may be, and what stands before it."""

    __slots__ = ("addressed", "intro", "listed", "span", "unknown", "word_like")

    def __init__(self, span: _Span, word: str, lists: _NameLists, *, addressed: bool, intro: str):
        self.span = span
        self.addressed = addressed
        self.intro = intro
        self.listed = listed_name(word, lists)
        self.unknown = not self.listed and unknown_word(word, lists)
        self.word_like = _word_as_name(word, lists)

    @property
    def may_be_a_name(self) -> bool:
        return self.listed or self.unknown or self.word_like

    @property
    def beside_a_name(self) -> bool:
        """Beside a name found: a listed one, or any after its own form of address (not a
        word or a brand a name is joined to: "เรื่องราว กับพี่เล็ก", "โลตัส… กับพี่…")."""
        return self.listed or (self.addressed and self.may_be_a_name)


def _pair_at(text: str, m: re.Match[str]) -> tuple[_Side, _Side] | None:
    """The words on both sides of the กับ at `m`, if both may be names."""
    if m.start() == 0 or not _is_thai(text[m.start() - 1]):
        return None
    left = _left(text, m.start())
    right = _right(text, m.end())
    if left is None or right is None:
        return None
    return left, right


def _left(text: str, end: int) -> _Side | None:
    """The first name: the shortest word before `end` that an introducer or an address stands
    before, else the whole run of letters (an opening or a word after a space)."""
    lists = _name_lists()
    start = end
    while start > 0 and _is_thai(text[start - 1]):
        start -= 1
    for at in range(end - 2, max(start, end - _LONGEST) - 1, -1):
        prefix = _PREFIX.fullmatch(text, start, at) if at > start else None
        if at > start and (prefix is None or prefix.end() == prefix.start()):
            continue
        word = text[at:end]
        addressed = prefix is not None and prefix.group("address") is not None
        if not _may_name(word, addressed=addressed):
            return None
        intro = ""
        if prefix is not None:
            intro = "strong" if prefix.group("strong") else "weak" if prefix.group("weak") else ""
        if at == start and _INTRO_BEFORE_SPACE.search(text, max(0, start - 10), start):
            intro = "strong"  # "ชื่อ อ่องมิ้นต์ กับ ซอวิน"
        return _Side((at, end), word, lists, addressed=addressed, intro=intro)
    return None


def _right(text: str, at: int) -> _Side | None:
    """The second name: after an optional address, a listed name or letters up to a space or
    a word that ends a name."""
    lists = _name_lists()
    address = _RIGHT_ADDRESS.match(text, at)
    start = address.end() if address else at
    run = _LETTERS.match(text, start)
    if run is None:
        return None
    end = _end_of_name(text, start, run.end(), lists)
    word = text[start:end]
    if not 2 <= len(word) <= _LONGEST or not _may_name(word, addressed=address is not None):
        return None
    return _Side((start, end), word, lists, addressed=address is not None, intro="")


def _end_of_name(text: str, start: int, run_end: int, lists: _NameLists) -> int:
    """The longest listed name from `start` that the run's end or a word that ends a name
    follows, else where such a word starts (two letters in at least), else the run's end."""
    for end in range(min(run_end, start + _LONGEST), start + 1, -1):
        word = text[start:end]
        if (word in lists.nicknames or word in lists.first) and (
            end == run_end or _ENDS_A_NAME.match(text, end)
        ):
            return end
    for at in range(start + 2, run_end):
        if _ENDS_A_NAME.match(text, at):
            return at
    if run_end - start <= _SHORT_RUN:
        return run_end
    # else before the first verb the tokeniser finds past the name's first syllables
    at = start
    for piece in segment(text[start:run_end]):
        if at >= start + 3 and (piece in lists.predicates or piece in ud_verbs()):
            return at
        at += len(piece)
    return run_end


def _joined_nickname(word: str) -> bool:
    """A word before กับ and a second person that may be the first one's nickname though it is a
    function word or particle (หน่อย): no kinship word, verb, adjective or kind of person."""
    lists = _name_lists()
    return (
        word not in KIN
        and word not in lists.predicates
        and word not in lists.adjectives
        and word not in ud_verbs()
        and not word.startswith(_NOT_PAIRED)
        and not word.startswith(_KIND_OF_PERSON)
    )


def _may_name(word: str, *, addressed: bool) -> bool:
    """Not a kinship word, a word for a kind of person, a function word or a pronoun."""
    if word in KIN or word in _FUNCTION_WORDS or word in _AFTER_NAME:
        return False
    if word in _stopwords() and not addressed:
        return False
    return not word.startswith(_NOT_PAIRED) and not word.startswith(_KIND_OF_PERSON)


def _word_as_name(word: str, lists: _NameLists) -> bool:
    """A dictionary word that may be a nickname: no verb or adjective."""
    return not (word in lists.predicates or word in lists.adjectives or word in ud_verbs())
