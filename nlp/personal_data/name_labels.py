"""Names right after a word that says a name follows, whatever the name is (since t39): a
nickname after ชื่อเล่น ("ชื่อเล่นตุ๊กตาค่ะ"), a name after ชื่อจริง, a surname after นามสกุล
("ชื่อ นายประเสริฐ นามสกุล วงศ์ใหญ่"), the name someone goes by ("เรียกสั้นๆ ว่าพลอยก็ได้"), the
name on an account or a card ("ชื่อในไลน์ว่า ใหม่", "เฟซบุ๊กชื่อ ต้นกล้า รักชลบุรี", "มีเฟซบุ๊กชื่อ
Noo Nok Jaidee"), a person called so ("พี่คนที่ชื่อโย่งพูดจาไม่ดี"), a name spelt another way
("สะกดเป็น สมหยิง"), and the nickname a real name is given for ("ลุงชม หรือชื่อจริง …").

These labels say outright that a name comes next, so a name that is an everyday word (ตุ๊กตา,
ใหม่, พลอย) counts here; what follows must still be a name's shape: Thai up to a space, a polite
particle or a verb, or Latin words in capitals, and no word that says which or what ("ชื่อเล่น
ของลูก", "นามสกุลเดิม", "ชื่อในบัตรผิด"). A page's or a group's name stays ("เพจเฟซบุ๊กชื่อ …").
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.kin_context import KIN_PATTERN
from nlp.personal_data.name_lists import _name_lists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _PARTICLES, NOT_A_NAME_AFTER_LABEL, _word_set
from nlp.personal_data.word_classes import ud_verbs
from nlp.tokenise import segment

_SAYS = r" ?(?:ว่า|คือ)? ?[:：]? ?[\"'“‘]?"
_TITLE = r"(?:นางสาว|นาง|นาย|น\.ส\.|คุณ)?"
# Label, then what the name may be: a word (nickname), or a name and a surname.
_NICKNAME_LABEL = re.compile(
    rf"ชื่อเล่น{_SAYS}"
    # the name one goes by: "เรียกสั้นๆ ว่าพลอยก็ได้", "เรียกผมว่า โอ๊ต"
    r"|เรียก(?:สั้น ?ๆ|ผม|หนู|ฉัน|ดิฉัน|เขา|เค้า|แก|เธอ)+ ?ว่า ?"
    # a person called so: "พี่คนที่ชื่อโย่ง", "ผู้ชายที่ชื่อ ก้อง"
    r"|(?:คน|ผู้ชาย|ผู้หญิง|เด็ก)ที่ชื่อ ?"
    r"|ชื่อในไลน์(?=[ :：]|ว่า|คือ)" + _SAYS
)
# Since t42: who reports, named at the end of the message ("… มืดมาก ผู้แจ้ง สมบัติ ครับ",
# "ผู้ร้องเรียน: มาลี ใจดี"): a listed given name (a word too: สมบัติ), perhaps a surname, a polite
# particle, and then nothing ("ผู้แจ้ง ชาวบ้านค่ะ" is no name; "ผู้แจ้ง ได้รับ…" goes on).
_REPORTER = re.compile(
    r"(?:ผู้แจ้ง|ผู้ร้องเรียน|ผู้ร้อง)(?:ชื่อ)?\s?[:：]?\s?"
    r"(?P<name>(?P<given>[ก-๛]{2,16}?)(?: (?!(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า)\s*$)[ก-๛]{3,20})?)"
    r"\s?(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้า)?\s*[.!🙏]*\s*$"
)
_FULL_NAME_LABEL = re.compile(
    rf"(?<!สม)ชื่อจริง{_SAYS}{_TITLE}"
    # a word or a space must part the label from the name: "ชื่อในบัตรประชาชน" is the card's
    rf"|ชื่อใน(?:เฟซบุ๊ก|เฟสบุ๊ก|เฟซ|เฟส|บัตร|ทะเบียนบ้าน|ติ๊กต็อก|ไอจี)(?=[ :：]|ว่า|คือ){_SAYS}{_TITLE}"
    rf"|(?<!เพจ)(?<!กลุ่ม)(?<!เพจ )(?:เฟซบุ๊ก|เฟสบุ๊ก|เฟซ|เฟส|ติ๊กต็อก|ไอจี|facebook|fb)ชื่อ{_SAYS}"
    rf"|สะกด(?:เป็น|ว่า){_SAYS}"
    # since round 13, a name read off a badge or a sign ("ป้ายชื่อเขียนว่า ธนพล", "ชื่อบนป้าย
    # คือ …"): only where the label says what it reads (ว่า, คือ, a colon), not "ป้ายชื่อหาย"
    rf"|(?:ป้ายชื่อ|ชื่อ(?:บน|ที่|ใน)ป้าย(?:ชื่อ)?)(?:ที่)?(?:หน้าอก|บนเสื้อ|ติดเสื้อ)?(?:เขียน|ติด|ระบุ)?(?:ไว้)?"
    rf"(?= ?(?:ว่า|คือ|[:：])){_SAYS}{_TITLE}",
    re.I,
)
_SURNAME_LABEL = re.compile(rf"(?<!ชื่อ-)(?<!ชื่อ)(?<!ชื่อ )นามสกุล{_SAYS}")
# A nickname and then its owner's real name: "ลุงชม หรือชื่อจริง นาย…", "พี่ต้อม หรือชื่อจริงว่า".
_NICKNAME_BEFORE_REAL = re.compile(
    rf"(?:(?<![ก-๙])|(?<=ผม)|(?<=หนู))(?:{KIN_PATTERN}|คุณ)(?P<name>[ก-๙]{{2,10}}) ?"
    r"(?:หรือ|,) ?ชื่อจริง"
)
# Since round 12, a bracket saying the word before it is a name: "น้องวุ้นเส้น (ชื่อเล่นจริงๆ ค่ะ)",
# "ลุงแหวง (ชื่อเล่น)", "ป้าเอ๋ (นามสมมติ)"; since round 14 also after ชื่อ ("คนข้างบ้านชื่อเสือ
# (ชื่อจริงนะ)": the bracket says the tiger is the man's name).
_NAME_BEFORE_BRACKET = re.compile(
    rf"(?:(?:(?<![ก-๙])|(?<=ผม)|(?<=หนู))(?:{KIN_PATTERN}|คุณ)|ชื่อ ?)(?P<name>[ก-๙]{{2,10}}) ?[(（]"
    r" ?(?:ชื่อเล่น|ชื่อจริง|นามแฝง|นามสมมติ|ชื่อสมมติ)"
)
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z\u00c0-\u024f'\-]+(?: [A-Z][A-Za-z\u00c0-\u024f'\-]+){0,2}")
_THAI_RUN = re.compile(r"[ก-๙]+")
_ENDINGS = ("นะคะ", "นะครับ", "ก็ได้", "ค่ะ", "คะ", "ครับ", "คับ", "จ้า", "จ้ะ", "นะ")
# Never a name's first piece: "ชื่อเล่นของลูก", "ชื่อในบัตรอะไร".
_WHICH = _word_set("ของ อะไร ไหน ยังไง อย่างไร ด้วย ได้ ไม่ ก็ จะ ต้อง")
_SCRIPTS_OF_SEARCH = ("สะกด",)
_SOCIAL = ("เฟ", "ติ๊ก", "ไอจี", "facebook", "fb")


def name_labels(text: str) -> list[_Span]:
    """The names a label says follow (offsets of the name only)."""
    if (
        "ชื่อ" not in text
        and "นามสกุล" not in text
        and "สะกด" not in text
        and "เรียก" not in text
        and "ผู้ร้อง" not in text
        and "ผู้แจ้ง" not in text
    ):
        return []
    found: list[_Span] = []
    for m in _NICKNAME_LABEL.finditer(text):
        span = _thai_name(text, m, words=1, cut_at_verbs=True)
        found += [span] if span is not None else []
    for m in _FULL_NAME_LABEL.finditer(text):
        if m.group().startswith(_SCRIPTS_OF_SEARCH) and "ชื่อ" not in text[: m.start()]:
            continue  # "สะกดเป็น" names a spelling only where a name was spoken of
        latin = _LATIN_NAME.match(text, m.end())
        span = latin.span() if latin is not None else None
        if span is None:
            social = m.group().lower().startswith(_SOCIAL) or "ชื่อใน" in m.group()
            span = _thai_name(text, m, words=2, cut_at_verbs=True, social=social)
        found += [span] if span is not None else []
    for m in _SURNAME_LABEL.finditer(text):
        span = _thai_name(text, m, words=1, cut_at_verbs=False)
        found += [span] if span is not None else []
    reporter = _REPORTER.search(text)
    if reporter is not None and reporter.group("given") in _name_lists().first:
        found.append(reporter.span("name"))
    found += [m.span("name") for m in _NICKNAME_BEFORE_REAL.finditer(text)]
    found += [m.span("name") for m in _NAME_BEFORE_BRACKET.finditer(text)]
    return found


def _thai_name(
    text: str, label: re.Match[str], *, words: int, cut_at_verbs: bool, social: bool = False
) -> _Span | None:
    """Up to `words` space-parted Thai words after the label as a name. The first ends at a
    polite particle (and, `cut_at_verbs`, where a verb or function word starts after its first
    piece: "โย่ง|พูดจา"); after ว่า, คือ or a space it may be any word (ใหม่), glued to the label
    not one that says which or what ("นามสกุลเดิม"), after a space alone no function word. A
    second is a surname: the whole word, no function word or particle first (on social media
    any word but a stop word: "ต้นกล้า รักชลบุรี")."""
    at = label.end()
    bare = label.group().rstrip(" \"'“‘")
    said = bare.endswith(("ว่า", "คือ", ":", "：", "เป็น"))
    spaced = not said and label.group()[-1:] == " "
    start = at
    end = None
    for n in range(words):
        run = _THAI_RUN.match(text, at)
        if run is None:
            break
        word_end = _word_end(text, run.start(), run.end(), cut_at_verbs=cut_at_verbs and n == 0)
        word = text[run.start() : word_end]
        first = segment(word)[0] if word else ""
        if len(word) < 2 or word in _ENDINGS or word in _PARTICLES or first in _WHICH:
            break
        if word.startswith("ๆ") or (n == 0 and first in _AFTER_NAME):
            break
        if (
            n == 0
            and not said
            and (word in NOT_A_NAME_AFTER_LABEL or first in NOT_A_NAME_AFTER_LABEL)
        ):
            return None
        if n == 0 and spaced and (first in _stopwords() or first in _AFTER_NAME):
            return None
        if n > 0 and not _may_be_surname(word, social=social):
            break
        end = word_end
        if word_end != run.end() or text[word_end : word_end + 1] != " ":
            break
        at = word_end + 1
    return (start, end) if end is not None else None


def _word_end(text: str, start: int, end: int, *, cut_at_verbs: bool) -> int:
    """Where a name in the run start…end stops: before a polite particle that ends the run, and
    (`cut_at_verbs`) before the first verb, function word or word that ends a name after its
    first piece."""
    run = text[start:end]
    for ending in _ENDINGS:
        if run.endswith(ending) and len(run) > len(ending):
            run = run[: -len(ending)]
            break
    if not cut_at_verbs:
        return start + len(run)
    at = start
    lists = _name_lists()
    for i, piece in enumerate(segment(run)):
        ends = piece in ud_verbs() or piece in lists.predicates or piece in _AFTER_NAME
        # a long dictionary word glued on starts the sentence again ("โย่ง|พูดจา")
        ends = ends or (len(piece) > _PHRASE and piece in lists.words)
        # what is left must be a phrase, not a name's last syllable ("สม|ห|ยิง")
        if i > 0 and (ends or piece in _stopwords()) and start + len(run) - at >= _PHRASE:
            return at
        at += len(piece)
    return start + len(run)


_PHRASE = 4


def _may_be_surname(word: str, *, social: bool = False) -> bool:
    """A word after a name that may be its surname: no function word or particle first."""
    first = segment(word)[0]
    return not (
        (first in _AFTER_NAME and not social)
        or first in _stopwords()
        or first in _PARTICLES
        or first in _WHICH
        or word in _stopwords()
        or word in NOT_A_NAME_AFTER_LABEL
    )
