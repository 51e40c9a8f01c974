"""Where a citizen's message is about: province, district and subdistrict, from the text and/or a
shared location.

Text. One Aho–Corasick automaton holds every written form of every area name (official names
from geothai, team-written aliases and misspellings, and a few "not a place" names such as
ดุสิตธานี that block the shorter name inside them). Each hit is then judged by its context:

* a prefix word right before it (เขต / อำเภอ / อ. / แขวง / ตำบล / ต. / จังหวัด / จ., also with a
  colon: "เขต: บางนา") makes it a *strong* mention and says its level. เขต and แขวง are Bangkok's
  words, อำเภอ and ตำบล the provinces', so the prefix also picks between same-named areas
  (เขตจอมทอง is in Bangkok, อ.จอมทอง in Chiang Mai);
* a bare district name is a *plain* mention;
* a name inside a road, soi or landmark name (ถนนดินแดง, ซอยลาดพร้าว 71, ตลาดนัดจตุจักร,
  บางนา-ตราด), a bare subdistrict name, and the few district names listed in `_NEEDS_PREFIX`
  are *weak* mentions.

A district is chosen when its evidence is enough on its own or agrees with other evidence
(hierarchy agreement: its province or one of its subdistricts is named too); see `_enough`.
When several districts qualify, the strongest evidence wins, then the first named.

Coordinates (a shared LINE/Telegram location) are looked up in shipped district boundaries
(`nlp.geo.DistrictLocator`); see `PlaceFinder.find` for how text and coordinates combine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import IntEnum

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

from nlp.analysis import PlaceMatch
from nlp.gazetteer import Area, Gazetteer, Level
from nlp.geo import DistrictLocator

Prefix = tuple[str, Level, bool | None]

# Prefix words, longest first so "อำเภอ" wins over "อ.". Each says the level it introduces and
# whether it is Bangkok's word (True), the provinces' word (False) or either (None).
_PREFIXES: tuple[Prefix, ...] = (
    ("กิ่งอำเภอ", Level.DISTRICT, False),
    ("จังหวัด", Level.PROVINCE, None),
    ("อำเภอ", Level.DISTRICT, False),
    ("ตำบล", Level.SUBDISTRICT, False),
    ("แขวง", Level.SUBDISTRICT, True),
    ("เขต", Level.DISTRICT, True),
    ("จว.", Level.PROVINCE, None),
    ("อ.", Level.DISTRICT, False),
    ("ต.", Level.SUBDISTRICT, False),
    ("จ.", Level.PROVINCE, None),
)
_PREFIX_WORDS = tuple(word for word, _, _ in _PREFIXES)
_ABBREVIATED = frozenset({"อ.", "ต.", "จ.", "จว."})

# Words after which a name is part of a road, soi or landmark name.
_LANDMARK_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            *("ถนน", "ถ.", "ซอย", "ซ.", "ตรอก", "แยก", "สี่แยก", "สามแยก", "ทางแยก", "วงเวียน"),
            *("สะพาน", "ตลาด", "ตลาดนัด", "วัด", "โรงเรียน", "ร.ร.", "รร.", "สถานี"),
            *("สถานีตำรวจ", "สน.", "สน", "คลอง", "ทางด่วน", "ด่วน", "ทางพิเศษ", "ด่าน"),
            *("หมู่บ้าน", "มหาวิทยาลัย", "ม.", "โรงพยาบาล", "รพ.", "ห้าง", "ท่าเรือ", "ท่าน้ำ"),
            *("ป้ายรถเมล์", "สวน", "สวนสาธารณะ", "อาคาร", "คอนโด", "อุโมงค์", "บีทีเอส", "bts"),
            *("mrt", "เดอะมอลล์", "เซ็นทรัล", "บิ๊กซี", "โลตัส", "ทางรถไฟ", "ประตู", "ค่าย"),
            *("ท่าอากาศยาน", "สนามบิน", "เลียบ", "ท่ารถ", "อู่", "สวนสัตว์", "ศูนย์", "กรม"),
            *("กอง", "โครงการ", "กรุง", "ไปรษณีย์", "เคหะ", "แฟลต", "ชุมชน", "สถานีสูบน้ำ"),
            *("สามเหลี่ยม", "ประตูน้ำ", "ปตท.", "โรงแรม", "ธนาคาร", "บริษัท", "ร้าน"),
        },
        key=len,
        reverse=True,
    )
)
# Words after which a name is where traffic comes from or goes to, not where the problem is
# (ขาออกมุ่งหน้าคลองเตย, รถที่มาจากสายไหม, ไปจนถึงคลองเตย): such a name only supports other
# evidence. (Plain ไป and จาก are left out: "ไฟดับจากบางแค" is about บางแค as often as not.)
_DIRECTION_WORDS = ("มุ่งหน้า", "ไปยัง", "สู่", "มาจาก", "ไปจนถึง", "จนถึง")
_SOI_NUMBER = re.compile(r"\s?\d{1,3}(?:/\d{1,3})?(?!\d)")
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_REPEATED_MARK = re.compile("([\u0e30-\u0e3a\u0e40-\u0e4e])\\1+")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
# A name cut in the middle of a syllable or word: followed by a vowel/tone mark or ๆ, or preceded
# by a leading vowel (เ แ โ ใ ไ) that belongs to it.
_FOLLOWING_MARKS = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a")
_FOLLOWING_MARKS |= frozenset("\u0e45\u0e46\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e2f")
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
# Province names that are also everyday words (เลย, ตาก, แพร่), or the tail of a road's name
# (บางนา-ตราด): counted only with จังหวัด / จ.
_PROVINCES_NEEDING_PREFIX = frozenset({"เลย", "ตาก", "แพร่", "กระบี่", "น่าน", "ตรัง", "ตราด"})
# Bangkok district names that, without เขต, too often mean something in another district: long
# roads across several districts (ลาดพร้าว, สาทร, พญาไท), or a khwaeng or landmark of the same
# name elsewhere (แขวงพระโขนง is in คลองเตย, แขวงยานนาวา and วัดยานนาวา in สาทร, สวนหลวง ร.9
# park in ประเวศ), or a name for a larger area (ฝั่งธนบุรี: the whole west bank). Bare, they
# only support other evidence.
_NEEDS_PREFIX = frozenset({"ลาดพร้าว", "สาทร", "พญาไท", "พระโขนง", "ยานนาวา", "สวนหลวง", "ธนบุรี"})
_MIN_BARE_LENGTH = 4  # a shorter bare name (บึง, ดอน, นา) is too often just a word
_MIN_OTHER_LEVEL_LENGTH = 4  # เขตควร…, อ.โรง…: a short name after another level's prefix word
_MUEANG = "เมือง"  # อ.เมือง: the capital district of whichever province is named


class Strength(IntEnum):
    HINT = 0  # where traffic comes from or goes to (มุ่งหน้าบางนา): only supports
    WEAK = 1  # in a road/soi/landmark name, a bare subdistrict name: only supports
    PLAIN = 2  # a bare district or province name
    STRONG = 3  # with its prefix word


@dataclass(frozen=True, slots=True)
class Mention:
    level: Level
    codes: frozenset[str]
    strength: Strength
    start: int
    end: int
    evidence: str


@dataclass(slots=True)
class _Candidate:
    district: Area
    district_mention: Mention | None = None
    subdistrict_mention: Mention | None = None
    subdistrict_code: str | None = None
    province_mention: Mention | None = None
    other_province_named: bool = False  # the text names a province this district is not in


def clean(text: str) -> str:
    """NFC, no zero-width characters, the split sara am joined, a vowel or tone mark typed many
    times typed once (บางนาาาา), lower case (for Latin names)."""
    text = unicodedata.normalize("NFC", text)
    for character in _ZERO_WIDTH:
        if character in text:
            text = text.replace(character, "")
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e40\u0e40", "\u0e41")  # ํา, เเ
    text = _REPEATED_MARK.sub(r"\1", text)
    return text.lower()


class TextPlaceMatcher:
    """Finds area mentions in Thai text and decides which area the text is about."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._automaton = ahocorasick.Automaton()
        self._mueang: dict[str, str] = {}  # province code -> its เมือง… district code
        for form in (*gazetteer.forms, *gazetteer.blocked, _MUEANG):
            self._automaton.add_word(form, form)
        for district in gazetteer.districts.values():
            province = gazetteer.provinces[district.province_code]
            if district.name == _MUEANG + province.name:
                self._mueang[province.code] = district.code
        self._automaton.make_automaton()
        self._provinces = {f for f, levels in gazetteer.forms.items() if Level.PROVINCE in levels}

    # --- finding mentions -------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """Every area mention in `text` (already `clean`ed), overlapping hits resolved."""
        hits: list[tuple[int, int, str, Prefix | None]] = []
        for end_index, form in self._automaton.iter(text):
            start, end = end_index - len(form) + 1, end_index + 1
            if form in self.gazetteer.blocked:
                hits.append((start, end, form, None))
                continue
            if not self._on_boundary(text, start, end, form):
                continue
            prefix = _prefix_before(text, start)
            if prefix is None and len(form) < _MIN_BARE_LENGTH and form not in self._provinces:
                continue  # a short bare name (นา, บึง) counts only after its prefix word
            hits.append((start, end, form, prefix))
        # prefer prefixed, then longer hits; drop hits overlapping an already chosen one
        hits.sort(key=lambda h: (h[3] is None, -(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int]] = []
        mentions: list[Mention] = []
        for start, end, form, prefix in hits:
            if any(start < e and s < end for s, e in taken):
                continue
            if form in self.gazetteer.blocked:
                taken.append((start, end))
                continue
            mention = self._judge(text, start, end, form, prefix)
            if mention is not None:
                taken.append((start, end))
                mentions.append(mention)
        mentions.sort(key=lambda m: m.start)
        return mentions

    @staticmethod
    def _on_boundary(text: str, start: int, end: int, form: str) -> bool:
        if end < len(text) and text[end] in _FOLLOWING_MARKS:
            return False
        if start > 0 and text[start - 1] in _LEADING_VOWELS:
            return False
        if form.isascii():  # Latin names: whole words only
            if start > 0 and text[start - 1].isalnum():
                return False
            if end < len(text) and text[end].isalnum():
                return False
        return True

    def _judge(
        self, text: str, start: int, end: int, form: str, prefix: Prefix | None
    ) -> Mention | None:
        by_level = self._levels(form)
        if prefix is not None:
            return self._judge_prefixed(text, start, end, form, prefix, by_level)
        if form == _MUEANG:
            return None  # "เมือง" alone is an everyday word (the city, the country)
        # แขวงถนนพญาไท, ถนนเพชรบุรี: without แขวง a "ถนน…" name is the road
        landmark = (
            _landmark_before(text, start) or _landmark_after(text, end) or form.startswith("ถนน")
        )
        evidence = text[start:end]
        for level in (Level.PROVINCE, Level.DISTRICT, Level.SUBDISTRICT):
            codes = by_level.get(level)
            if not codes:
                continue
            if level == Level.PROVINCE:
                if self.gazetteer.provinces[min(codes)].name in _PROVINCES_NEEDING_PREFIX:
                    continue
            elif len(form) < _MIN_BARE_LENGTH:
                continue
            weak = landmark or level == Level.SUBDISTRICT or form in _NEEDS_PREFIX
            strength = Strength.WEAK if weak else Strength.PLAIN
            if level != Level.PROVINCE and _direction_before(text, start):
                strength = Strength.HINT
            return Mention(level, frozenset(codes), strength, start, end, evidence)
        return None

    def _judge_prefixed(
        self,
        text: str,
        start: int,
        end: int,
        form: str,
        prefix: Prefix,
        by_level: dict[Level, set[str]],
    ) -> Mention | None:
        word, level, bangkok_word = prefix
        prefix_start = _prefix_start(text, start, word)
        evidence = text[prefix_start:end]
        if level == Level.PROVINCE:
            codes = by_level.get(Level.PROVINCE)
            if not codes:
                return None
            return Mention(level, frozenset(codes), Strength.STRONG, prefix_start, end, evidence)
        codes = by_level.get(level)
        if codes:
            kept = self._consistent(level, codes, bangkok_word)
            if kept:
                return Mention(level, frozenset(kept), Strength.STRONG, prefix_start, end, evidence)
            # the other kind's word (เขตวังทอง for a provincial amphoe): only a plain mention
            return Mention(level, frozenset(codes), Strength.PLAIN, prefix_start, end, evidence)
        # people mix the words up (เขตลุมพินี, แขวงบางนา): accept the other level only when it
        # is the same kind of area (Bangkok or not) and the name is not a short word
        other = Level.SUBDISTRICT if level == Level.DISTRICT else Level.DISTRICT
        codes = by_level.get(other)
        if codes and len(form) >= _MIN_OTHER_LEVEL_LENGTH:
            kept = self._consistent(other, codes, bangkok_word)
            if kept:
                return Mention(other, frozenset(kept), Strength.STRONG, prefix_start, end, evidence)
        return None

    def _levels(self, form: str) -> dict[Level, set[str]]:
        if form == _MUEANG:
            return {Level.DISTRICT: set(self._mueang.values())}
        return dict(self.gazetteer.forms.get(form, {}))

    def _consistent(self, level: Level, codes: set[str], bangkok_word: bool | None) -> set[str]:
        """The areas among `codes` that are the kind the prefix word names (Bangkok's or not)."""
        if bangkok_word is None:
            return codes
        table = self.gazetteer.districts if level == Level.DISTRICT else self.gazetteer.subdistricts
        return {c for c in codes if table[c].in_bangkok == bangkok_word}

    # --- deciding -------------------------------------------------------------------------

    def match(self, text: str) -> PlaceMatch:
        """The area the text is about (an empty PlaceMatch when it names none it can trust)."""
        mentions = self.mentions(clean(text))
        return self.decide(mentions, self.best_district(mentions) if mentions else None)

    def decide(self, mentions: list[Mention], best: _Candidate | None) -> PlaceMatch:
        if best is not None:
            return self._place_from(best)
        return self._province_only(mentions)

    def candidates(self, mentions: list[Mention]) -> list[_Candidate]:
        """Every district some mention could mean, with the best evidence of each kind."""
        gaz = self.gazetteer
        provinces: dict[str, Mention] = {}
        for m in mentions:
            if m.level == Level.PROVINCE:
                for code in m.codes:
                    if code not in provinces or provinces[code].strength < m.strength:
                        provinces[code] = m
        candidates: dict[str, _Candidate] = {}
        for m in mentions:
            if m.level == Level.DISTRICT:
                for code in m.codes:
                    c = candidates.setdefault(code, _Candidate(gaz.districts[code]))
                    if c.district_mention is None or c.district_mention.strength < m.strength:
                        c.district_mention = m
            elif m.level == Level.SUBDISTRICT:
                for code in m.codes:
                    parent = gaz.subdistricts[code].district_code or ""
                    c = candidates.setdefault(parent, _Candidate(gaz.districts[parent]))
                    if c.subdistrict_mention is None or c.subdistrict_mention.strength < m.strength:
                        c.subdistrict_mention, c.subdistrict_code = m, code
        named = {code for code, m in provinces.items() if m.strength == Strength.STRONG}
        for c in candidates.values():
            c.province_mention = provinces.get(c.district.province_code)
            c.other_province_named = bool(named) and c.district.province_code not in named
        return list(candidates.values())

    def best_district(self, mentions: list[Mention]) -> _Candidate | None:
        candidates = self.candidates(mentions)
        spread = _spread(candidates)
        accepted = [c for c in candidates if _enough(c, spread)]
        return max(accepted, key=_rank) if accepted else None

    def _place_from(self, c: _Candidate) -> PlaceMatch:
        gaz = self.gazetteer
        district = c.district
        province = gaz.provinces[district.province_code]
        subdistrict = None
        sub = c.subdistrict_mention
        # the subdistrict counts when named in words of its own (not the district's words)
        if sub is not None and c.subdistrict_code is not None and sub is not c.district_mention:
            subdistrict = gaz.subdistricts[c.subdistrict_code]
        parts = (c.district_mention, c.province_mention, sub if subdistrict else None)
        used = sorted({m for m in parts if m is not None}, key=lambda m: m.start)
        return PlaceMatch(
            province=province.name,
            province_code=province.code,
            district=district.name,
            district_code=district.code,
            subdistrict=subdistrict.name if subdistrict else None,
            subdistrict_code=subdistrict.code if subdistrict else None,
            source="text",
            evidence=", ".join(m.evidence for m in used),
        )

    def _province_only(self, mentions: list[Mention]) -> PlaceMatch:
        trusted = [
            m for m in mentions if m.level == Level.PROVINCE and m.strength >= Strength.PLAIN
        ]
        if not trusted:
            return PlaceMatch()
        m = max(trusted, key=lambda m: (m.strength, -m.start))
        province = self.gazetteer.provinces[min(m.codes)]
        return PlaceMatch(
            province=province.name, province_code=province.code, source="text", evidence=m.evidence
        )


def _spread(candidates: Iterable[_Candidate]) -> dict[tuple[Mention, str | None], int]:
    """How many districts each mention could mean, overall (key None) and within each province."""
    where: dict[Mention, list[Area]] = {}
    for c in candidates:
        for m in (c.district_mention, c.subdistrict_mention):
            if m is not None:
                where.setdefault(m, []).append(c.district)
    spread: dict[tuple[Mention, str | None], int] = {}
    for m, districts in where.items():
        spread[m, None] = len(districts)
        for d in districts:
            spread[m, d.province_code] = spread.get((m, d.province_code), 0) + 1
    return spread


def _enough(c: _Candidate, spread: dict[tuple[Mention, str | None], int]) -> bool:
    """Is there enough evidence for this district?

    * its name with its prefix word (เขตวัฒนา, อ.หางดง), or a bare Bangkok khet name (บางนา),
      or a bare provincial district with its province named, when no other district shares it;
    * a landmark, road or soi named after a Bangkok khet (ตลาดบางแค, ถนนลาดกระบัง) when no
      other evidence in the text disagrees — such landmarks are mostly in the khet they are named
      after — except the names in `_NEEDS_PREFIX`;
    * any mention of it (a road name, a bare name) that a separately named subdistrict of it
      agrees with, or an ambiguous one (อ.เมือง) that the named province narrows to this one;
    * one of its subdistricts with a prefix (แขวงสีลม, ต.สุเทพ) when no other district has a
      subdistrict of that name, or when the province named narrows it to this one;
    * when the text names a province (จ.…) this district is not in, only the district's own
      name with its prefix is enough.
    """
    d, s, p = c.district_mention, c.subdistrict_mention, c.province_mention
    code = c.district.province_code
    if c.other_province_named:  # จ.ฉะเชิงเทรา named: only this district's own name can overrule
        return d is not None and d.strength == Strength.STRONG and spread[d, None] == 1
    if d is not None:
        if spread[d, None] == 1:
            if d.strength == Strength.STRONG:
                return True
            if d.strength == Strength.PLAIN and (c.district.in_bangkok or p is not None):
                return True
            if d.strength == Strength.WEAK and c.district.in_bangkok and _landmark_named(d):
                return True
        if s is not None and s is not d:
            return True
        # the province counts where it picks one of several same-named districts (อ.เมือง
        # จ.เชียงใหม่); a Bangkok name with กทม says nothing more than the name alone
        if p is not None and spread[d, None] > 1 and spread[d, code] == 1:
            return True
    return (
        s is not None
        and s.strength == Strength.STRONG
        and (spread[s, None] == 1 or (p is not None and spread[s, code] == 1))
    )


def _landmark_named(m: Mention) -> bool:
    return m.evidence not in _NEEDS_PREFIX


def _rank(c: _Candidate) -> tuple[int, int]:
    score = 0
    if c.district_mention is not None:
        score += 2 * int(c.district_mention.strength)
    if c.subdistrict_mention is not None and c.subdistrict_mention is not c.district_mention:
        score += int(c.subdistrict_mention.strength)
    if c.province_mention is not None:
        score += 1
    first = min(m.start for m in (c.district_mention, c.subdistrict_mention) if m)
    return score, -first


def _gap_start(text: str, start: int) -> int:
    """Where the spaces/colons right before `start` begin ("เขต: บางนา", "อ. เมือง")."""
    i = start
    while i > 0 and start - i < 3 and text[i - 1] in " :：":
        i -= 1
    return i


def _prefix_before(text: str, start: int) -> Prefix | None:
    i = _gap_start(text, start)
    head = text[max(0, i - 10) : i]
    if not head.endswith(_PREFIX_WORDS):
        return None
    for prefix in _PREFIXES:
        word = prefix[0]
        if head.endswith(word):
            before = i - len(word) - 1
            if word in _ABBREVIATED and before >= 0 and _THAI_LETTER.match(text[before]):
                return None  # ผอ.โรงเรียน, พ.ต.: not อ. / ต.
            return prefix
    return None


def _prefix_start(text: str, start: int, word: str) -> int:
    return _gap_start(text, start) - len(word)


def _landmark_before(text: str, start: int) -> bool:
    i = _gap_start(text, start)
    if i > 0 and text[i - 1] in "-–":  # บางนา-ตราด, ทวีวัฒนา-กาญจนาภิเษก: a road's name
        return True
    return text[max(0, i - 14) : i].endswith(_LANDMARK_WORDS)


def _direction_before(text: str, start: int) -> bool:
    i = _gap_start(text, start)
    return text[max(0, i - 12) : i].endswith(_DIRECTION_WORDS)


def _landmark_after(text: str, end: int) -> bool:
    if end < len(text) and text[end] in "-–":
        return True
    return _SOI_NUMBER.match(text, end) is not None  # ลาดพร้าว 71: a soi


# A district the text names with its prefix word wins over the coordinates' district when the
# point lies within this distance of the named district's drawn (simplified) boundary: people
# share their location from across the road, and the shipped boundaries are approximate.
TEXT_WINS_WITHIN_METRES = 300.0


class PlaceFinder:
    """The contract: `PlaceFinder.load().find(text, lat, lon) -> PlaceMatch`.

    With coordinates, the district is where the point lies (shipped boundaries), except that a
    district named in the text with its prefix word (เขตบางรัก) wins when the point is within
    `TEXT_WINS_WITHIN_METRES` of it. The subdistrict comes from the text when it lies in the
    chosen district (the boundaries have no subdistricts). `source` says which evidence decided.
    """

    def __init__(self, gazetteer: Gazetteer, locator: DistrictLocator | None = None) -> None:
        self.gazetteer = gazetteer
        self.text_matcher = TextPlaceMatcher(gazetteer)
        self.locator = locator

    @classmethod
    def load(cls) -> PlaceFinder:
        return cls(Gazetteer.load(), DistrictLocator.load())

    def find(self, text: str, lat: float | None = None, lon: float | None = None) -> PlaceMatch:
        mentions = self.text_matcher.mentions(clean(text or ""))
        best = self.text_matcher.best_district(mentions) if mentions else None
        if lat is None or lon is None or self.locator is None:
            return self.text_matcher.decide(mentions, best)
        located = self.locator.locate(lat, lon)
        if located is None:  # outside Thailand (or far off its coast): the text alone
            return self.text_matcher.decide(mentions, best)
        point = f"{lat:.5f},{lon:.5f}"
        if best is not None and best.district.code != located.district_code:
            d = best.district_mention
            if d is not None and d.strength == Strength.STRONG:
                distance = self.locator.distance_m(best.district.code, lat, lon)
                if distance is not None and distance <= TEXT_WINS_WITHIN_METRES:
                    place = self.text_matcher.decide(mentions, best)
                    return replace(
                        place, source="text+coordinates", evidence=f"{place.evidence}; {point}"
                    )
        if best is not None and best.district.code == located.district_code:
            place = self.text_matcher.decide(mentions, best)
            return replace(place, source="text+coordinates", evidence=f"{place.evidence}; {point}")
        district = self.gazetteer.districts[located.district_code]
        province = self.gazetteer.provinces[district.province_code]
        subdistrict = self._subdistrict_named_in(mentions, district.code)
        return PlaceMatch(
            province=province.name,
            province_code=province.code,
            district=district.name,
            district_code=district.code,
            subdistrict=subdistrict.name if subdistrict else None,
            subdistrict_code=subdistrict.code if subdistrict else None,
            source="coordinates" if subdistrict is None else "text+coordinates",
            evidence=point,
        )

    def _subdistrict_named_in(self, mentions: list[Mention], district_code: str) -> Area | None:
        for m in mentions:
            if m.level == Level.SUBDISTRICT and m.strength == Strength.STRONG:
                for code in m.codes:
                    if self.gazetteer.subdistricts[code].district_code == district_code:
                        return self.gazetteer.subdistricts[code]
        return None
