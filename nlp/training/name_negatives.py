"""Sequences with no name in them, for the name tagger (`nlp.training.names`) to learn what a
kinship word, a rank or a role is followed by when no one is named.

The corpus was written to hold personal data, so after ลุง, ป้า, พี่ or หมอ its train half nearly
always has a name, and a tagger trained on it alone reads "ลุงแถวบ้าน" (the uncle near home) as
"ลุง[แถว]" at 0.9. Two sources say otherwise, neither of them the civic test half:

* **written here from knowledge of Thai** (`written_texts`): a form of address and what
  says which person without naming them (a place: แถวบ้าน, ข้างห้อง, ที่ร้าน; a kind or a trade:
  แก่ๆ, ขายผัก, วิน, ประจำชั้น; a specialty: หมอฟัน, ครูพละ), or a kinship word used as "I" or
  "you" before a verb ("ป้าอยากถาม…", "พี่ช่วยดูให้หน่อย"), in a complaint's frame;
* **real texts nobody on the team wrote** (`real_windows`): windows of Traffy tickets around a
  form of address or a place word, in tickets where the rules find no name (a lane named after
  someone is no name to mask either: "ซอยวิเศษสุข").

Every token of them is labelled O. A Traffy window's id is a hash of its text; a written
sentence's id also names the words after its form of address, by which the cross-validation
folds them (`nlp.training.names._fold`: every "…แถวบ้าน…" in one fold), so the figures say how
the tagger reads such words it was never shown.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Iterable
from pathlib import Path

from nlp.personal_data.bare_names import _PLACE_WORDS
from nlp.personal_data.name_features import Token, _address_words, tokens_of
from nlp.personal_data.name_words import _word_set
from nlp.training.datasets import DEFAULT_DATA

TRAFFY_FILES = ("traffy_tickets.csv", "traffy_type.csv", "traffy_crowdlabel.csv")

_ELDERS = _word_set("ลุง ป้า ยาย ตา น้า อา ปู่ ย่า เจ๊ เฮีย ป๋า อาม่า อากง")
_YOUNGER = _word_set("พี่ น้อง")
# Who, without a name: where they are, what they are, what they do.
_WHICH_PERSON = _word_set(
    """แถวบ้าน ข้างบ้าน ข้างห้อง หน้าบ้าน หลังบ้าน ตรงข้ามบ้าน บ้านตรงข้าม ที่ร้าน ที่ตลาด ในซอย
    ปากซอย หน้าปากซอย ท้ายซอย ห้องข้างๆ ชั้นบน ที่บ้าน ข้างๆ แถวนี้ ตรงนั้น ที่วัด ที่คลินิก
    แก่ๆ แก่ คนนั้น คนนี้ คนขับ ขายผัก ขายหมูปิ้ง ขายของ ขายก๋วยเตี๋ยว เก็บขยะ กวาดถนน วิน
    วินมอไซค์ ยาม รปภ. ประจำหมู่บ้าน เวร ที่ดูแล เจ้าของหอ เจ้าของร้าน เขา แก ทั้งหลาย หลายคน
    ขี้เมา เมา ใจดี พิการ ตาบอด ป่วยติดเตียง ไรเดอร์ ส่งของ ไปรษณีย์ ตำรวจ ทหาร พยาบาล
    คนงาน แม่บ้าน เจ้าหน้าที่ อีกคน สองคน ที่มาด้วย ที่เจอ ใหม่ คนเดิม หนึ่งคน สามคน สี่คน
    หลายคน คนหนึ่ง ทั้งสองคน ขายข้าว ขายกาแฟ เก็บของเก่า ซ่อมรถ ตัดผม คนเล็ก คนโต คนกลาง
    คนสุดท้อง"""
)
# Forms of address that name a trade or a post, and what says which one.
_SPECIALTIES = {
    "หมอ": _word_set("ฟัน เด็ก เวร ประสาท ตา กระดูก ผิวหนัง ที่อนามัย อนามัย ประจำตำบล"),
    "ครู": _word_set("ประจำชั้น พละ เวร ฝ่ายปกครอง ใหญ่ ดนตรี คณิต อนุบาล ที่โรงเรียน"),
    "ช่าง": _word_set("ไฟ ประปา แอร์ ซ่อมรถ ของการไฟฟ้า ที่มาซ่อม เทศบาล"),
    "ผู้กอง": _word_set("ที่โรงพัก คนใหม่ เวร"),
    "กำนัน": _word_set("คนใหม่ ตำบลนี้ คนก่อน"),
    "ผู้ใหญ่บ้าน": _word_set("คนใหม่ หมู่นี้ คนก่อน"),
    "จ่า": _word_set("ที่ป้อม เวร จราจร"),
    # โต๊ะ is a southern grandparent, and a table; บัง a southern brother, and "to block"
    "โต๊ะ": _word_set("ด้านนอก เล็กๆ ไม้ พับ หินอ่อน ในศาลา ตัวใหญ่ ม้าหิน ริมทาง สนาม"),
    "บัง": _word_set("แดด ทาง ตา ป้าย สายตา ไฟ หมด มิด"),
}
# A kinship word said of oneself or to the reader, before a verb ("ป้าอยากถาม", "พี่ช่วยดู").
_AS_PRONOUN = (
    "อยากถามเรื่องเบี้ยผู้สูงอายุค่ะ",
    "ขอแจ้งว่าน้ำไม่ไหลสามวันแล้ว",
    "ช่วยดูให้หน่อยได้ไหมคะ ไฟดับทั้งซอย",
    "ไม่ไหวแล้วขยะส่งกลิ่นทุกวัน",
    "เคยแจ้งไปแล้วยังไม่มีใครมา",
    "ว่าควรทำยังไงดีคะ",
    "รอมาเป็นเดือนแล้วนะ",
    "เดินไม่ค่อยไหว ทางเท้าพังหมด",
    "ก็ไม่รู้จะไปแจ้งที่ไหน",
    "จะไปยื่นเอกสารต้องใช้อะไรบ้าง",
    "เห็นรถขยะไม่มาเก็บเลย",
    "ต้องทำยังไงครับ",
    "สามารถแจ้งผ่านไลน์ได้ตลอด",
    "จะได้รับเงินคืนภายในเจ็ดวัน",
    "รู้ไหมว่าถนนเส้นนี้พังมานานแล้ว",
    "ควรระวังรถที่วิ่งสวนมา",
    "ลองโทรไปที่เขตดูนะ",
    "ก็รู้ว่าตรงนี้น้ำท่วมทุกปี",
)
_AFTER = (
    "เปิดเพลงดังทุกคืน",
    "เผาขยะควันเข้าบ้าน",
    "จอดรถขวางทางเข้าออก",
    "บอกว่าท่อแตกมาสามวันแล้ว",
    "ล้มตรงทางเท้าที่พัง",
    "เลี้ยงหมาเห่าทั้งคืน",
    "ตั้งแผงบนทางเท้า",
    "ด่าคนในซอย",
    "ไม่ยอมรับเรื่อง",
    "บอกให้มาแจ้งที่นี่",
    "โดนรถเฉี่ยวตรงทางม้าลาย",
    "ช่วยแจ้งหน่อยค่ะ ไฟทางดับ",
    " ไม่สบายมาหลายวัน",
    " ทิ้งขยะลงคลอง",
    "หน้าตลาดโดนเทศกิจไล่",
    "ริมถนนโดนไล่ที่",
    "ข้างวัดทุกเช้า",
    "มาช่วยยกของ",
)
_BEFORE = ("", "", "เมื่อวาน", "แจ้งค่ะ ", "คือ", "ตอนเช้า ", "ที่หมู่บ้าน ")
WRITTEN = 900


def _id(source: str, text: str, group: str = "") -> str:
    """ "neg-traffy-<hash>", or "neg-written-<group>~<hash>" (cross-validated by group)."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"neg-{source}-{group}~{digest}" if group else f"neg-{source}-{digest}"


def written_texts(count: int = WRITTEN, seed: int = 13) -> list[tuple[str, str]]:
    """`count` sentences with a form of address and no name (distinct, reproducible), each with
    the words after the form of address (or the verb it is the subject of) as its group."""
    rng = random.Random(seed)
    elders, younger = sorted(_ELDERS), sorted(_YOUNGER)
    which, roles = sorted(_WHICH_PERSON), sorted(_SPECIALTIES)
    out: dict[str, str] = {}
    while len(out) < count:
        kind = rng.random()
        before = rng.choice(_BEFORE)
        if kind < 0.6:
            word, group = rng.choice(elders + younger), rng.choice(which)
            text = f"{before}{word}{group}{rng.choice(_AFTER)}"
        elif kind < 0.8:
            role = rng.choice(roles)
            group = rng.choice(sorted(_SPECIALTIES[role]))
            text = f"{before}{role}{group}{rng.choice(_AFTER)}"
        else:
            group = rng.choice(_AS_PRONOUN)
            text = f"{rng.choice(elders + younger + ['คุณ'])}{group}"
        out.setdefault(text, group)
    return list(out.items())


def _windows(
    tokens: list[Token], near: frozenset[str], before: int = 5, after: int = 8
) -> list[list[Token]]:
    """Stretches of `tokens` around each token in `near` (overlapping ones joined)."""
    spans: list[list[int]] = []
    for i, token in enumerate(tokens):
        if token[0] not in near:
            continue
        first, last = max(0, i - before), min(len(tokens) - 1, i + after)
        if spans and first <= spans[-1][1] + 1:
            spans[-1][1] = last
        else:
            spans.append([first, last])
    return [tokens[a : b + 1] for a, b in spans]


def traffy_texts(data: Path = DEFAULT_DATA) -> list[str]:
    texts: dict[str, None] = {}
    for name in TRAFFY_FILES:
        path = data / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            texts.update((row["text"], None) for row in csv.DictReader(handle) if row.get("text"))
    return list(texts)


def real_windows(texts: Iterable[str]) -> list[tuple[str, list[Token]]]:
    """Windows around a form of address or a place word, in texts where no rule finds a name,
    each with the text it came from."""
    from nlp.analysis import PersonalDataKind
    from nlp.personal_data.redaction import redact_for_public

    near = _address_words() | _PLACE_WORDS
    out = []
    for text in texts:
        spans = redact_for_public(text, learnt=False).spans
        if any(s.kind is PersonalDataKind.PERSON_NAME for s in spans):
            continue
        tokens = tokens_of(text)
        for window in _windows(tokens, near):
            out.append((text[window[0][1] : window[-1][2]], window))
    return out


def negatives(
    data: Path = DEFAULT_DATA, places: int = 1500, seed: int = 13
) -> list[tuple[str, list[Token]]]:
    """(id, tokens) of every sequence without a name: the written ones, every Traffy window
    around a form of address and a reproducible sample of `places` windows around a place word."""
    out = [(_id("written", t, g), tokens_of(t)) for t, g in written_texts()]
    address = _address_words()
    windows = real_windows(traffy_texts(data))
    random.Random(seed).shuffle(windows)
    seen: set[str] = set()
    placed = 0
    for text, tokens in windows:
        if text in seen:
            continue
        if not any(t[0] in address for t in tokens):
            if placed >= places:
                continue
            placed += 1
        seen.add(text)
        out.append((_id("traffy", text), tokens))
    return out
