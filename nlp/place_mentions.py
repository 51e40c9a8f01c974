"""Every place a Thai message names, each judged by the words around it: the first half of place
finding (`nlp.places` decides which area the message is about).

One Aho–Corasick automaton holds every written form of every area name (official names from
geothai, team-written aliases and misspellings, and a few "not a place" names such as ดุสิตธานี
that block the shorter name inside them) and of every landmark (`nlp.landmarks`), so a message is
scanned once. Overlapping hits are resolved longest first (a prefix word counts towards a hit's
length: ศาลากลางจังหวัดเชียงราย, a landmark, beats จังหวัดเชียงราย inside it, and ต.ป่าตอง,
the subdistrict, beats ป่าตอง, the beach), and each hit is judged by its context:

* a prefix word right before it (เขต / อำเภอ / อ. / แขวง / ตำบล / ต. / จังหวัด / จ., also with a
  colon: "เขต: บางนา") makes it a *strong* mention and says its level. เขต and แขวง are Bangkok's
  words, อำเภอ and ตำบล the provinces', so the prefix also picks between same-named areas
  (เขตจอมทอง is in Bangkok, อ.จอมทอง in Chiang Mai). A short area name that is an everyday
  word (วัด, ทุ่ง, บ่อ) does not count when the Thai word runs on after it into something other
  than the next prefix or a particle: ต.วัดเกตุ is not ต.วัด (Pattani) followed by เกตุ;
* a bare district or province name, or a landmark, is a *plain* mention. A bare district name
  outside Bangkok is marked `alone` (enough by itself) when it names one district nationwide, is
  not in `common_names.json` (สังคม, วิภาวดี), is not the name of many subdistricts elsewhere,
  and the tokeniser cuts the text at both its ends (so เพ็ญ inside บำเพ็ญ and ยะหา inside
  ขยะหาย do not count);
* a name inside a road or soi name (ถนนเพชรบุรี, ถ.เชียงใหม่-ลำปาง, ซอยลาดพร้าว 71) or another
  landmark's name (ตลาดบางแค, โรงเรียนนครสวรรค์, ซอยวัดอู่ตะเภา), a bare subdistrict name, and
  the few Bangkok district names in `NEEDS_PREFIX` are *weak* mentions; a province's name in a
  road's name is no mention at all (ถนนนครสวรรค์ is a street in Bangkok);
* a name inside a roundabout's, canal's, bridge's or toll gate's name (วงเวียนบางเขน,
  สามเหลี่ยมดินแดง, คลองภาษีเจริญ, ด่านบางขุนเทียน) is weak and marked `within="crossing"`: those lie where district
  borders run, so they never decide the district they are named after;
* a name right after a direction word (มุ่งหน้าบางนา, มุ่งหน้าสนามบินสุวรรณภูมิ) or a province
  after a licence plate (ทะเบียน กข 1234 ชลบุรี) is a *hint*: where traffic goes, whose plate;
  so is a name the sentence denies (ไม่ใช่เขตบางนา, ราษฎร์บูรณะ ซึ่งไม่ใช่); a name after a
  Bangkok utility's branch word (กฟน.บางเขน) is weak (a branch serves several khet); a name after
  ไป, เข้า, แบบ or เช่น is marked `aside` (a destination or a comparison);
* province names that are everyday words count bare only when they stand apart (ตาก, น่าน: not
  ตากผ้า, น่านน้ำ), or never (เลย, แพร่: only with จังหวัด / จ.); short province names and
  short forms (อุดร, ยะลา, กทม) and landmark names (มช., เขาใหญ่ but not ภูเขาใหญ่) need the
  tokeniser to cut the text at both their ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from enum import IntEnum

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

from nlp.gazetteer import MUEANG, Gazetteer, Level
from nlp.landmarks import Landmark, Landmarks
from nlp.normalise import any_doubled, doubles
from nlp.place_context import (
    Prefix,
    _after_english_preposition,
    _after_town_word,
    _at_crossing,
    _context_of,
    _denied,
    _direction_before,
    _gap_start,
    _inside_other_name,
    _on_boundary,
    _prefix_before,
    _prefix_start,
    _runs_on,
    _stands_apart,
    _town_start,
)
from nlp.tokenise import segment
from nlp.word_set import thai_words

# A utility's branch named after an area (กฟน.บางเขน, การไฟฟ้านครหลวงเขตบางเขน): it serves several
# districts, so its name says little about where the problem is.
# (The provincial utilities' branches, กฟภ. and กปภ., are one per amphoe: they do say where.)
_UTILITY_BRANCH_WORDS = ("กฟน.", "กฟน", "กปน.", "กปน", "การไฟฟ้านครหลวง", "การประปานครหลวง")
# Words after which a name is a destination or a comparison, not a second place the message is
# about (ไปป่าตอง, ไปทางแม่สอด, แบบที่เบตงทำ, เช่น จตุจักร).
_ASIDE_WORDS = ("ไป", "ไปทาง", "ไปเที่ยว", "เข้า", "แบบ", "แบบที่", "เหมือน", "เหมือนที่", "เช่น")

# A licence plate right before a province's name: the plate's province (ทะเบียน กข 1234 ชลบุรี).
_PLATE_BEFORE = re.compile(
    r"ทะเบียน\s?[\u0e01-\u0e2e0-9]{0,3}\s?[\u0e01-\u0e2e]{1,2}[\s-]?\d{1,4}\s?$"
)

_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_REPEATED_MARK = re.compile("([\u0e30-\u0e3a\u0e40-\u0e4e])\\1+")
_DOUBLED_MARKS = doubles((0xE30, 0xE3A), (0xE40, 0xE4E))  # what _REPEATED_MARK needs

# Province names that are everyday words and count only with จังหวัด / จ. (เลย is "at all", แพร่
# "to spread": both end sentences and words too often).
_PROVINCES_NEEDING_PREFIX = frozenset({"เลย", "แพร่"})
# Province names and short forms that are everyday words or the tail of a road's name
# (ตากผ้า, น่านน้ำ, กระบี่กระบอง, ประจวบเหมาะ, บางนาตราด): bare, they count only standing apart,
# with no Thai letter right before or after them ("น้ำท่วม ตาก", "อ.เมือง น่าน").
_PROVINCES_STANDING_APART = frozenset({"ตาก", "น่าน", "ตรัง", "ตราด", "กระบี่", "ประจวบ"})
# A bare province form this short (ยะลา, อุดร, กทม) counts only where the tokeniser cuts the text
# at both its ends (not ยะลา inside ขยะลาม, อุบล inside a name such as อุบลวรรณ).
_MAX_CUT_CHECKED_LENGTH = 6
# Bangkok district names that, without เขต, too often mean something in another district: long
# roads across several districts (ลาดพร้าว, สาทร, พญาไท), or a khwaeng or landmark of the same
# name elsewhere (แขวงพระโขนง is in คลองเตย, แขวงยานนาวา and วัดยานนาวา in สาทร, สวนหลวง ร.9
# park in ประเวศ), or a name for a larger area (ฝั่งธนบุรี: the whole west bank). Bare, they
# only support other evidence.
NEEDS_PREFIX = frozenset({"ลาดพร้าว", "สาทร", "พญาไท", "พระโขนง", "ยานนาวา", "สวนหลวง", "ธนบุรี"})
_MIN_BARE_LENGTH = 4  # a shorter bare name (บึง, ดอน, นา) is too often just a word
_MIN_OTHER_LEVEL_LENGTH = 4  # เขตควร…, อ.โรง…: a short name after another level's prefix word
# A bare district name also borne by more subdistricts elsewhere than this is a common village
# name (หนองบัว: 27 subdistricts, บ้านนา: 12): it does not decide alone.
_MAX_NAMESAKES = 2
_CUT_MARGIN = 24  # characters either side of a name that the tokeniser cuts to judge it


class Strength(IntEnum):
    HINT = 0  # where traffic comes from or goes to (มุ่งหน้าบางนา), a plate's province: supports
    WEAK = 1  # in a road/soi/landmark name, a bare subdistrict name: only supports
    PLAIN = 2  # a bare district or province name, or a landmark
    STRONG = 3  # with its prefix word


@dataclass(frozen=True, slots=True)
class Mention:
    level: Level
    codes: frozenset[str]
    strength: Strength
    start: int
    end: int
    evidence: str
    alone: bool = False  # a bare district name distinctive enough to decide by itself
    landmark: str | None = None  # the landmark's name when the mention is a landmark
    # the name is part of a road's or soi's name ("road"), of a roundabout's, canal's, bridge's or
    # toll gate's ("crossing"), of what a town names after itself ("local": ตลาดโพธาราม), or of
    # another landmark's ("landmark"); None when it stands alone
    within: str | None = None
    # named as a destination or a comparison (ไปป่าตอง, แบบที่เบตงทำ): no rival to another place
    aside: bool = False


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    form: str
    prefix: Prefix | None = None
    landmark: Landmark | None = None
    blocked: bool = False

    def sort_key(self, text: str) -> tuple[int, int, int]:
        """Longest reading first (a prefix word counts), then prefixed, then landmark, then the
        rest; then the first."""
        start = _prefix_start(text, self.start, self.prefix[0]) if self.prefix else self.start
        rank = 0 if self.prefix else 1 if self.landmark else 2
        return -(self.end - start), rank, self.start


class _Cuts:
    """Where the tokeniser cuts one text into words, around the names that need it: a stretch
    of `_CUT_MARGIN` characters either side is cut, not the whole message (a long report costs
    no more than a short one, and maximal matching that far away does not move a cut here)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._stretches: list[tuple[int, int, frozenset[int]]] = []  # trusted span, cuts

    def around(self, start: int, end: int) -> bool:
        """Does the tokeniser cut the text right before `start` and right after `end`?"""
        for lo, hi, known in self._stretches:
            if lo <= start and end <= hi:
                return start in known and end in known
        lo, hi = max(0, start - _CUT_MARGIN), min(len(self._text), end + _CUT_MARGIN)
        position, cuts = lo, {lo}
        for piece in segment(self._text[lo:hi]):
            position += len(piece)
            cuts.add(position)
        # the cuts near a stretch's ends (where it was cut from the text) are not trusted
        trusted_lo = lo if lo == 0 else lo + _CUT_MARGIN // 2
        trusted_hi = hi if hi == len(self._text) else hi - _CUT_MARGIN // 2
        self._stretches.append((trusted_lo, trusted_hi, frozenset(cuts)))
        if start in cuts and end in cuts:
            return True
        # short names and abbreviations (มข, อุดร) must be cut exactly: "ริมขอบ" holds มข
        return (
            end - start >= _MIN_NAME_FOR_WORD_BESIDE
            and self._cut_or_word_beside(start, cuts, before=True)
            and self._cut_or_word_beside(end, cuts, before=False)
        )

    def _cut_or_word_beside(self, at: int, cuts: set[int], *, before: bool) -> bool:
        """A cut at `at`, or a piece the tokeniser glued across it whose part on the far side of
        `at` is a dictionary word: the tokeniser knows few place names, so "ลงหัวหิน" is cut
        ลงหัว|หิน and "เทศบาลเมืองกระบี่" เทศบาลเมือง|กระบี่, though ลง and เทศบาล are words."""
        if at in cuts:
            return True
        lower = max((c for c in cuts if c < at), default=None)
        upper = min((c for c in cuts if c > at), default=None)
        if lower is None or upper is None:
            return False
        part = self._text[lower:at] if before else self._text[at:upper]
        return len(part) >= _MIN_WORD_BESIDE and part in thai_words()


_MIN_WORD_BESIDE = 2  # one letter beside a name (the ง of ลง|หัวหิน…) is no word of its own
_MIN_NAME_FOR_WORD_BESIDE = 5


def clean(text: str) -> str:
    """NFC, no zero-width characters, the split sara am joined, a vowel or tone mark typed many
    times typed once (บางนาาาา), lower case (for Latin names)."""
    text = unicodedata.normalize("NFC", text)
    for character in _ZERO_WIDTH:
        if character in text:
            text = text.replace(character, "")
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e40\u0e40", "\u0e41")  # ํา, เเ
    if any_doubled(text, _DOUBLED_MARKS):
        text = _REPEATED_MARK.sub(r"\1", text)
    return text.lower()


class MentionFinder:
    """Finds area and landmark mentions in (cleaned) Thai text, each judged by its context."""

    def __init__(self, gazetteer: Gazetteer, landmarks: Landmarks) -> None:
        self.gazetteer = gazetteer
        self.landmarks = landmarks
        self._landmark_forms: dict[str, Landmark] = {}
        for form, landmark in landmarks.by_form.items():
            for code in sorted(landmark.district_codes):
                if code not in gazetteer.districts:
                    raise ValueError(f"landmarks: {landmark.name!r}: no district {code}")
            self._landmark_forms[clean(form)] = landmark
        self._automaton = ahocorasick.Automaton()
        for form in {*gazetteer.forms, *gazetteer.blocked, *self._landmark_forms, MUEANG}:
            self._automaton.add_word(form, form)
        self._automaton.make_automaton()
        self.mueang = _capital_districts(gazetteer)
        self._provinces = {f for f, levels in gazetteer.forms.items() if Level.PROVINCE in levels}
        self._short_words = _short_word_forms(gazetteer)
        self._alone = _alone_forms(gazetteer)
        segment("ก")  # load the tokeniser's dictionary now, not on the first message needing it

    def mentions(self, text: str) -> list[Mention]:
        """Every area mention in `text` (already `clean`ed), overlapping hits resolved."""
        hits = self._hits(text)
        hits.sort(key=lambda hit: hit.sort_key(text))
        cuts = _Cuts(text)
        taken: list[tuple[int, int]] = []
        mentions: list[Mention] = []
        for hit in hits:
            if any(hit.start < e and s < hit.end for s, e in taken):
                continue
            if hit.blocked:
                taken.append((hit.start, hit.end))
                continue
            judged = self._judge(text, hit, cuts)
            if judged is None:
                continue
            taken.append((hit.start, hit.end))
            if judged is not _CONSUMED:
                mentions.append(_weighed_in_sentence(text, judged))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _hits(self, text: str) -> list[_Hit]:
        hits: list[_Hit] = []
        for end_index, form in self._automaton.iter(text):
            start, end = end_index - len(form) + 1, end_index + 1
            landmark = self._landmark_forms.get(form)
            is_area = form in self.gazetteer.forms or form == MUEANG
            if form in self.gazetteer.blocked and landmark is None:
                hits.append(_Hit(start, end, form, blocked=True))
                continue
            if not _on_boundary(text, start, end, form):
                continue
            prefix = _prefix_before(text, start) if is_area else None
            if prefix is not None or landmark is None:
                short = len(form) < _MIN_BARE_LENGTH and form not in self._provinces
                if prefix is None and short and not _after_english_preposition(text, start, form):
                    continue  # a short bare name (นา, บึง) counts only after its prefix word
                hits.append(_Hit(start, end, form, prefix))
            else:  # a landmark, also when an area bears its name (ดอนเมือง the airport, ป่าตอง)
                hits.append(_Hit(start, end, form, landmark=landmark))
        return hits

    # --- judging one hit --------------------------------------------------------------------

    def _judge(self, text: str, hit: _Hit, cuts: _Cuts) -> Mention | None:
        if hit.landmark is not None:
            return self._judge_landmark(text, hit, cuts)
        if hit.prefix is not None:
            return self._judge_prefixed(text, hit)
        if hit.form == MUEANG:
            return None  # "เมือง" alone is an everyday word (the city, the country)
        start, end, form = hit.start, hit.end, hit.form
        context = _context_of(text, start, end, form)
        evidence = text[start:end]
        by_level = self._levels(form)
        for level in (Level.PROVINCE, Level.DISTRICT, Level.SUBDISTRICT):
            codes = by_level.get(level)
            if not codes:
                continue
            if level == Level.PROVINCE:
                if not self._province_stands(text, start, end, form, cuts):
                    continue
                if context == "road":
                    return _CONSUMED  # ถนนนครสวรรค์, ถ.เชียงใหม่-ลำปาง: a street, not a province
                capital = self._capital_of(codes) if context == "local" else None
                if capital is not None:  # ตลาดศรีสะเกษ, ศาลากลางตาก: the town, the capital district
                    return Mention(
                        Level.DISTRICT, frozenset({capital}), Strength.WEAK, start, end, evidence,
                        alone=True, within="local",
                    )  # fmt: skip
                strength = Strength.WEAK if context else Strength.PLAIN
                if _direction_before(text, start) or _PLATE_BEFORE.search(
                    text, max(0, start - 30), start
                ):
                    strength = Strength.HINT  # มุ่งหน้าชลบุรี; ทะเบียน 1กค 525 ปัตตานี
                return Mention(level, frozenset(codes), strength, start, end, evidence)
            if len(form) < _MIN_BARE_LENGTH and not _after_english_preposition(text, start, form):
                continue
            weak = context is not None or level == Level.SUBDISTRICT or form in NEEDS_PREFIX
            strength = Strength.WEAK if weak else Strength.PLAIN
            if _direction_before(text, start):
                strength = Strength.HINT
            alone = (
                (strength == Strength.PLAIN or (strength == Strength.WEAK and context == "local"))
                and level == Level.DISTRICT
                and form in self._alone
                and cuts.around(_town_start(text, start, form), end)
            )
            within = "crossing" if _at_crossing(text, start) else context
            return Mention(
                level, frozenset(codes), strength, start, end, evidence, alone=alone, within=within
            )
        return None

    def _capital_of(self, provinces: set[str]) -> str | None:
        """The capital district of the one province named (none for Bangkok, which has none)."""
        return self.mueang.get(next(iter(provinces))) if len(provinces) == 1 else None

    def _province_stands(self, text: str, start: int, end: int, form: str, cuts: _Cuts) -> bool:
        """Can this bare province form be the province here (not a word, not inside one)? After
        the words for its provincial hall or its town (ศาลากลางตาก, ตัวเมืองเลย) even a province
        that is an everyday word is the province."""
        if _after_town_word(text, start):
            return cuts.around(start, end)
        if form in _PROVINCES_NEEDING_PREFIX:
            return False
        if form in _PROVINCES_STANDING_APART:
            return _stands_apart(text, start, end)
        if len(form) <= _MAX_CUT_CHECKED_LENGTH and not form.isascii():
            return cuts.around(start, end)
        return True

    def _judge_landmark(self, text: str, hit: _Hit, cuts: _Cuts) -> Mention | None:
        landmark = hit.landmark
        assert landmark is not None
        start, end = hit.start, hit.end
        if not hit.form.isascii() and not (
            _stands_apart(text, start, end) or cuts.around(start, end)
        ):
            return None  # เขาใหญ่ inside ภูเขาใหญ่, มช inside another word
        written = text[start:end]
        evidence = written if written == landmark.name.lower() else f"{written} ({landmark.name})"
        strength = Strength.PLAIN
        if _inside_other_name(text, start, landmark.kind):
            strength = Strength.WEAK  # ซอยวัดธาตุทอง, ตลาดนัดสุวรรณภูมิ: named after it
        if _direction_before(text, start):
            strength = Strength.HINT  # มุ่งหน้าสนามบินสุวรรณภูมิ: where traffic goes
        return Mention(
            Level.DISTRICT,
            landmark.district_codes,
            strength,
            start,
            end,
            evidence,
            landmark=landmark.name,
        )

    def _judge_prefixed(self, text: str, hit: _Hit) -> Mention | None:
        assert hit.prefix is not None
        word, level, bangkok_word = hit.prefix
        start, end, form = hit.start, hit.end, hit.form
        if form in self._short_words and _runs_on(text, end):
            return None  # ต.วัดเกตุ is not ต.วัด (Pattani) followed by เกตุ
        by_level = self._levels(form)
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
            # the other kind's word (เขตวังทอง for a provincial amphoe): only a plain mention,
            # never enough alone (เขตบางขันเทียน is บางขุนเทียน misspelt, not อ.บางขัน)
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
        if form == MUEANG:
            return {Level.DISTRICT: set(self.mueang.values())}
        return dict(self.gazetteer.forms.get(form, {}))

    def _consistent(self, level: Level, codes: set[str], bangkok_word: bool | None) -> set[str]:
        """The areas among `codes` that are the kind the prefix word names (Bangkok's or not)."""
        if bangkok_word is None:
            return codes
        table = self.gazetteer.districts if level == Level.DISTRICT else self.gazetteer.subdistricts
        return {c for c in codes if table[c].in_bangkok == bangkok_word}


# A hit that is no mention but keeps the shorter names inside it from being read (a province's
# name in a road's name).
_CONSUMED = Mention(Level.PROVINCE, frozenset(), Strength.HINT, 0, 0, "")


def _capital_districts(gazetteer: Gazetteer) -> dict[str, str]:
    """Province code -> its capital district (เมือง…, or พระนครศรีอยุธยา for Ayutthaya)."""
    capitals: dict[str, str] = {}
    for district in gazetteer.districts.values():
        province = gazetteer.provinces[district.province_code]
        if district.name in (MUEANG + province.name, province.name):
            capitals[province.code] = district.code
    return capitals


def _alone_forms(gazetteer: Gazetteer) -> frozenset[str]:
    """Written forms of districts outside Bangkok that may decide alone, written bare: one
    district nationwide, not a province's form, not a common word or another thing's name, not a
    Bangkok subdistrict's name and not the name of many subdistricts elsewhere."""
    namesakes: Counter[tuple[str, str]] = Counter()  # (form, district) -> subdistricts elsewhere
    bangkok_subdistricts: set[str] = set()
    for form, levels in gazetteer.forms.items():
        for code in levels.get(Level.SUBDISTRICT, ()):
            subdistrict = gazetteer.subdistricts[code]
            if subdistrict.in_bangkok:
                bangkok_subdistricts.add(form)
            for district in levels.get(Level.DISTRICT, ()):
                if subdistrict.district_code != district:
                    namesakes[form, district] += 1
    alone: set[str] = set()
    for form, levels in gazetteer.forms.items():
        districts = levels.get(Level.DISTRICT, set())
        if len(districts) != 1 or Level.PROVINCE in levels or form in bangkok_subdistricts:
            continue
        (code,) = districts
        area = gazetteer.districts[code]
        if area.in_bangkok or area.name in gazetteer.common_names:
            continue
        if form in gazetteer.common_names or namesakes[form, code] > _MAX_NAMESAKES:
            continue
        alone.add(form)
    return frozenset(alone)


def _weighed_in_sentence(text: str, m: Mention) -> Mention:
    """The mention, weakened when the sentence denies it ("ไม่ใช่เขตบางนา", "พื้นที่ราษฎร์บูรณะ
    ซึ่งไม่ใช่") or names a Bangkok utility's branch after it (กฟน.บางเขน, การไฟฟ้านครหลวง
    เขตบางเขน: a branch serves several districts), and marked `aside` after ไป, เข้า, แบบ, เช่น."""
    if m.strength > Strength.HINT and _denied(text, m.start, m.end):
        return replace(m, strength=Strength.HINT)
    i = _gap_start(text, m.start)
    if text[max(0, i - 10) : i].endswith(_ASIDE_WORDS):
        m = replace(m, aside=True)
    if (
        m.level != Level.PROVINCE
        and m.strength > Strength.WEAK
        and m.landmark is None
        and text[max(0, i - 20) : i].rstrip(" :").endswith(_UTILITY_BRANCH_WORDS)
    ):
        return replace(m, strength=Strength.WEAK, within="office", alone=False)
    return m


_SHORT_WORD_CHARS = 4


def _short_word_forms(gazetteer: Gazetteer) -> frozenset[str]:
    """Area names that are short everyday words (วัด, ทุ่ง, บ่อ, ใหม่: about 200): after a
    prefix they often begin a longer name the gazetteer lacks or spells otherwise."""
    words = thai_words()
    return frozenset(
        form for form in gazetteer.forms if len(form) <= _SHORT_WORD_CHARS and form in words
    )
