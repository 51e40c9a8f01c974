"""Which area a Thai text alone is about: the districts its mentions could mean, the one the
evidence settles on, or the readings the citizen should choose from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from nlp.analysis import PlaceMatch, PlaceOption
from nlp.gazetteer import BANGKOK, Area, Gazetteer, Level
from nlp.landmarks import Landmarks
from nlp.place_candidates import (
    _asks,
    _Candidate,
    _disputing,
    _enough,
    _names_province,
    _rank,
    _same_words,
    _score,
    _spread,
    _trusted_provinces,
)
from nlp.place_mentions import Mention, MentionFinder, Strength, clean

# The most areas offered to the citizen to choose from; a name with more readings gets none.
MAX_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class TextReading:
    """What the text alone says: its mentions, the district it settles on, and the match."""

    mentions: list[Mention]
    best: _Candidate | None
    place: PlaceMatch


class TextPlaceMatcher:
    """Decides which area a Thai text is about from the mentions `MentionFinder` finds."""

    def __init__(self, gazetteer: Gazetteer, landmarks: Landmarks | None = None) -> None:
        self.gazetteer = gazetteer
        self.finder = MentionFinder(gazetteer, landmarks or Landmarks.load())

    def mentions(self, text: str) -> list[Mention]:
        """Every area mention in `text` (already `clean`ed)."""
        return self.finder.mentions(text)

    def match(self, text: str) -> PlaceMatch:
        """The area the text is about (an empty PlaceMatch when it names none it can trust)."""
        return self.read(text).place

    def read(self, text: str) -> TextReading:
        mentions = self.finder.mentions(clean(text))
        if not mentions:
            return TextReading(mentions, None, PlaceMatch())
        candidates = self.candidates(mentions)
        spread = _spread(candidates)
        accepted = sorted((c for c in candidates if _enough(c, spread)), key=_rank, reverse=True)
        if accepted:
            best = accepted[0]
            # the same words read as several districts, equally well (ต.หนองบัว อ.เมือง with no
            # province): not settled
            rivals = [c for c in accepted if _score(c) == _score(best) and _same_words(c, best)]
            if len(rivals) == 1:
                rivals += _disputing(best, candidates)
            if len(rivals) == 1:
                return TextReading(mentions, best, self._place_from(best))
            if len(rivals) <= MAX_CANDIDATES:
                options = [self._option(c.district, c.subdistrict_code) for c in rivals]
                words = {m for c in rivals for m in (c.district_mention, c.subdistrict_mention)}
                return TextReading(mentions, None, self._unsettled(mentions, options, words))
            return TextReading(mentions, None, self._province_only(mentions))
        options = self._readings(mentions)
        if options:
            return TextReading(mentions, None, self._unsettled(mentions, options))
        return TextReading(mentions, None, self._province_only(mentions))

    def candidates(self, mentions: list[Mention]) -> list[_Candidate]:
        """Every district some mention could mean, with the best evidence of each kind (codes
        read in order: a mention's codes are a set, whose order changes with Python's hash
        seed, and the first of equals wins)."""
        gaz = self.gazetteer
        provinces: dict[str, Mention] = {}
        for m in mentions:
            if m.level == Level.PROVINCE:
                for code in sorted(m.codes):
                    if code not in provinces or provinces[code].strength < m.strength:
                        provinces[code] = m
        candidates: dict[str, _Candidate] = {}
        for m in mentions:
            if m.level == Level.DISTRICT:
                for code in sorted(m.codes):
                    c = candidates.setdefault(code, _Candidate(gaz.districts[code]))
                    if c.district_mention is None or c.district_mention.strength < m.strength:
                        c.district_mention = m
            elif m.level == Level.SUBDISTRICT:
                for code in sorted(m.codes):
                    parent = gaz.subdistricts[code].district_code or ""
                    c = candidates.setdefault(parent, _Candidate(gaz.districts[parent]))
                    if c.subdistrict_mention is None or c.subdistrict_mention.strength < m.strength:
                        c.subdistrict_mention, c.subdistrict_code = m, code
        named = {code for code, m in provinces.items() if m.strength == Strength.STRONG}
        mentioned = _trusted_provinces(mentions)
        for c in candidates.values():
            c.province_mention = provinces.get(c.district.province_code)
            c.other_province_named = bool(named) and c.district.province_code not in named
            c.other_province_mentioned = bool(mentioned) and (
                c.district.province_code not in mentioned
            )
        return list(candidates.values())

    # --- building matches -------------------------------------------------------------------

    def _place_from(self, c: _Candidate) -> PlaceMatch:
        sub = c.subdistrict_mention
        # the subdistrict counts when named in words of its own (not the district's words)
        own_subdistrict = (
            sub is not None and c.subdistrict_code is not None and sub is not c.district_mention
        )
        option = self._option(c.district, c.subdistrict_code if own_subdistrict else None)
        parts = (c.district_mention, c.province_mention, sub if own_subdistrict else None)
        used = sorted({m for m in parts if m is not None}, key=lambda m: m.start)
        return PlaceMatch(
            **asdict(option), source="text", evidence=", ".join(m.evidence for m in used)
        )

    def _province_only(self, mentions: list[Mention]) -> PlaceMatch:
        trusted = [
            m for m in mentions if m.level == Level.PROVINCE and m.strength >= Strength.PLAIN
        ]
        if not trusted:
            return self._province_of_crossing(mentions)
        m = max(trusted, key=lambda m: (m.strength, -m.start))
        province = self.gazetteer.provinces[min(m.codes)]
        return PlaceMatch(
            province=province.name, province_code=province.code, source="text", evidence=m.evidence
        )

    def _province_of_crossing(self, mentions: list[Mention]) -> PlaceMatch:
        """A roundabout, canal or bridge named after a Bangkok khet (วงเวียนบางเขน) does not say which
        side of the border, but it does say Bangkok. (Junctions named after a provincial amphoe,
        แยกพุทธมณฑล, 3แยกวัดสิงห์, are mostly Bangkok streets: they say nothing.)"""
        for m in mentions:
            if (
                m.level == Level.DISTRICT
                and m.within == "crossing"
                and m.strength >= Strength.WEAK
                and all(self.gazetteer.districts[code].in_bangkok for code in m.codes)
            ):
                province = self.gazetteer.provinces[BANGKOK]
                return PlaceMatch(
                    province=province.name,
                    province_code=province.code,
                    source="text",
                    evidence=m.evidence,
                )
        return PlaceMatch()

    def _readings(self, mentions: list[Mention]) -> list[PlaceOption]:
        """The areas a name that could mean several (จอมทอง, ต.ท่าศาลา, อ.เมือง) may be, within
        the provinces the text names if it names any; empty when no such name is found or the
        readings are more than `MAX_CANDIDATES`."""
        gaz = self.gazetteer
        provinces = _trusted_provinces(mentions)
        options: dict[str, PlaceOption] = {}
        for m in mentions:
            if not _asks(m):
                continue
            if m.level == Level.DISTRICT:
                areas = [gaz.districts[code] for code in m.codes]
            else:
                areas = [gaz.subdistricts[code] for code in m.codes]
            if provinces:
                areas = [a for a in areas if a.province_code in provinces]
            if len(areas) < 2:
                continue
            for area in areas:
                if area.level == Level.DISTRICT:
                    options[area.code] = self._option(area, None)
                else:
                    options[area.code] = self._option(
                        gaz.districts[area.district_code or ""], area.code
                    )
        if len(options) > MAX_CANDIDATES:
            return []
        return sorted(options.values(), key=lambda o: (o.province_code, o.district_code or ""))

    def _unsettled(
        self,
        mentions: list[Mention],
        options: list[PlaceOption],
        words: Iterable[Mention | None] = (),
    ) -> PlaceMatch:
        """No district: the readings to choose from, and the province when they all lie in
        one. The evidence quotes the names with several readings, the provinces named and
        `words` (the names of districts that dispute each other)."""
        quoted = set(words)
        evidence = ", ".join(
            m.evidence for m in mentions if m in quoted or _asks(m) or _names_province(m)
        )
        in_provinces = {o.province_code for o in options}
        province = self.gazetteer.provinces[min(in_provinces)] if len(in_provinces) == 1 else None
        return PlaceMatch(
            province=province.name if province else None,
            province_code=province.code if province else None,
            source="text",
            evidence=evidence or None,
            candidates=tuple(options),
        )

    def _option(self, district: Area, subdistrict_code: str | None) -> PlaceOption:
        return option_of(self.gazetteer, district, subdistrict_code)


def option_of(gazetteer: Gazetteer, district: Area, subdistrict_code: str | None) -> PlaceOption:
    """A district (and a subdistrict of it) with its province, as official names and codes."""
    province = gazetteer.provinces[district.province_code]
    subdistrict = gazetteer.subdistricts[subdistrict_code] if subdistrict_code else None
    return PlaceOption(
        province=province.name,
        province_code=province.code,
        district=district.name,
        district_code=district.code,
        subdistrict=subdistrict.name if subdistrict else None,
        subdistrict_code=subdistrict.code if subdistrict else None,
    )
