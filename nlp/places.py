"""Where a citizen's message is about: province, district and subdistrict, from the text and/or a
shared location, and, when that is not settled, the areas the citizen should choose from.

Text. `nlp.place_mentions` finds every area and landmark the text names, each judged by its
context (strong with its prefix word, plain bare, weak inside a road's or another landmark's
name, a hint where traffic is heading). A district is then chosen when its evidence is enough on
its own or agrees with other evidence (hierarchy agreement: its province or one of its
subdistricts is named too); see `_enough`. When several districts qualify, the strongest
evidence wins, then the first named.

Near a border. When the text names places in two districts of one province and only a
district's own name speaks for the best (เขตภาษีเจริญ ติดบ้านพักคนชราบางแค; จากสวนลุมพินีไป
สวนเบญจกิติ), it lies on or across their border: both are offered (`_disputing`).

Not settled. A name that could mean several areas with nothing deciding between them (จอมทอง:
a Bangkok khet and a Chiang Mai amphoe; ต.ท่าศาลา in four provinces; อ.เมือง with no
province) is never filed into a guessed province: the match then has no district (and a
province only when every reading lies in one) and `candidates` lists the readings, at most
`MAX_CANDIDATES` of them; a name with more readings than that (อ.เมือง alone: 76) gets none,
and the conversation asks for the province.

Coordinates (a shared LINE/Telegram location) are looked up in shipped district boundaries
(`nlp.geo.DistrictLocator`); see `PlaceFinder.find` for how text and coordinates combine, and
when they conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace

from nlp.analysis import PlaceMatch, PlaceOption
from nlp.gazetteer import BANGKOK, Area, Gazetteer, Level
from nlp.geo import DistrictLocator
from nlp.landmarks import Landmarks
from nlp.place_mentions import NEEDS_PREFIX, Mention, MentionFinder, Strength, clean

__all__ = ["MAX_CANDIDATES", "PlaceFinder", "TextPlaceMatcher", "TextReading", "clean"]

# The most areas offered to the citizen to choose from; a name with more readings gets none.
MAX_CANDIDATES = 8


@dataclass(slots=True)
class _Candidate:
    district: Area
    district_mention: Mention | None = None
    subdistrict_mention: Mention | None = None
    subdistrict_code: str | None = None
    province_mention: Mention | None = None
    other_province_named: bool = False  # the text names a province (จ.…) this district is not in
    # the text names a province, bare or with จ., and none of them is this district's
    other_province_mentioned: bool = False


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


def _trusted_provinces(mentions: Iterable[Mention]) -> set[str]:
    """Codes of the provinces the text names, bare or with จังหวัด (not inside a landmark)."""
    return {code for m in mentions if _names_province(m) for code in m.codes}


def _names_province(m: Mention) -> bool:
    return m.level == Level.PROVINCE and m.strength >= Strength.PLAIN


def _asks(m: Mention) -> bool:
    """Could this mention be the place the text is about, were it not for its several
    readings? A district's name, bare or with its prefix, a subdistrict's with its prefix, or a
    landmark on a district border (สวนลุมพินี: ปทุมวัน, บางรัก or สาทร)."""
    if m.landmark is not None:
        return m.strength >= Strength.PLAIN and len(m.codes) > 1
    if m.level == Level.DISTRICT:
        return m.strength >= Strength.PLAIN
    return m.level == Level.SUBDISTRICT and m.strength == Strength.STRONG


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
    * a bare provincial district name marked `alone` (หาดใหญ่, ปากเกร็ด), or a landmark
      (มช., สนามบินสุวรรณภูมิ), when the text names no other province instead;
    * a landmark, road or soi named after a Bangkok khet (ตลาดบางแค, ถนนลาดกระบัง) when no
      other evidence in the text disagrees — such landmarks are mostly in the khet they are named
      after — except the names in `NEEDS_PREFIX` and roundabouts, canals, bridges and toll gates
      (วงเวียนบางเขน, คลองภาษีเจริญ: 2 of 6 right on the Traffy DEV tickets, they lie on borders);
    * a landmark on a district border (สวนลุมพินี, with `across` districts) settles nothing alone:
      its districts are offered, and a subdistrict named or the shared location picks one;
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
            if d.strength == Strength.PLAIN:
                if d.alone or d.landmark is not None:
                    if not c.other_province_mentioned:
                        return True
                elif c.district.in_bangkok or p is not None:
                    return True
            if (
                d.strength == Strength.WEAK
                and c.district.in_bangkok
                and d.landmark is None
                and d.within in ("road", "landmark")
                and _landmark_named(d)
            ):
                return True
        if s is not None and s is not d and (d.landmark is None or _picks_a_side(s)):
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


def _disputing(best: _Candidate, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The other districts of the same province that the text names as places too, when only
    the district's own name speaks for the best one ("เขตภาษีเจริญติดบ้านพักคนชราบางแค",
    "จากสวนลุมพินีไปสวนเบญจกิติ"): the text then lies on or across a district border, and says
    no more than "one of these". A subdistrict of it named as well settles it (แขวงพญาไท
    เขตพญาไท ... ดินแดง); roads, canals and names after มุ่งหน้า dispute nothing."""
    own = best.subdistrict_mention
    if own is not None and own is not best.district_mention:
        return []
    return [
        c
        for c in candidates
        if c.district.code != best.district.code
        and c.district.province_code == best.district.province_code
        and c.district_mention is not None
        and c.district_mention is not best.district_mention
        and _names_a_place(c.district_mention)
    ]


def _names_a_place(m: Mention) -> bool:
    """Does this mention name a place the text is about: a district's name, bare or with its
    prefix, a landmark, or a landmark named after the district (สถานีตำรวจคันนายาว)?"""
    if m.aside:
        return False
    if m.strength >= Strength.PLAIN:
        return True
    return m.strength == Strength.WEAK and m.within == "landmark" and _landmark_named(m)


def _picks_a_side(s: Mention) -> bool:
    """Does this subdistrict mention say which side of the border a landmark's report is on? Not
    inside a road's name (ถ.สีลม … สวนลุมพินี), nor where traffic turns into (เลี้ยวเข้าสี่พระยา
    … หน้าวัดหัวลำโพง)."""
    return s.within is None and not s.aside


def _landmark_named(m: Mention) -> bool:
    return m.evidence not in NEEDS_PREFIX


def _score(c: _Candidate) -> int:
    score = 0
    if c.district_mention is not None:
        score += 2 * int(c.district_mention.strength)
    if c.subdistrict_mention is not None and c.subdistrict_mention is not c.district_mention:
        score += int(c.subdistrict_mention.strength)
    if c.province_mention is not None:
        score += 1
    return score


def _rank(c: _Candidate) -> tuple[int, int]:
    first = min(m.start for m in (c.district_mention, c.subdistrict_mention) if m)
    return _score(c), -first


def _same_words(a: _Candidate, b: _Candidate) -> bool:
    """Were the two districts read from the very same mentions?"""
    return (
        a.district_mention is b.district_mention and a.subdistrict_mention is b.subdistrict_mention
    )


# A district the text names with its prefix word wins over the coordinates' district when the
# point lies within this distance of the named district's drawn (simplified) boundary: people
# share their location from across the road, and the shipped boundaries are approximate.
TEXT_WINS_WITHIN_METRES = 300.0
# The text's district and the point disagree enough to ask the citizen when they lie in
# different provinces, or when the point is farther than this from the text's district (or its
# distance is unknown: `DistrictLocator.distance_m` looks no farther than 2 km). Nearer, the
# point is taken without asking: people report from the next street, across a district line.
CONFLICT_BEYOND_METRES = 1_000.0


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


class PlaceFinder:
    """The contract: `PlaceFinder.load().find(text, lat, lon) -> PlaceMatch`.

    With coordinates, the district is where the point lies (shipped boundaries), except that a
    district named in the text with its prefix word (เขตบางรัก) wins when the point is within
    `TEXT_WINS_WITHIN_METRES` of it. The subdistrict comes from the text when it lies in the
    chosen district (the boundaries have no subdistricts). A text that is not settled (several
    readings) is settled by the point when one of its readings is the point's district.

    Conflict. When the text settles on a district in another province than the point, or more
    than `CONFLICT_BEYOND_METRES` from it, or names only a province and the point lies in
    another, the match is still the point's place (the citizen usually stands where the problem
    is; the text often names where they live or reported before), but with `conflict=True` and
    `candidates` = (the text's area, the point's area), so the conversation can ask. `source`
    says which evidence decided; in a conflict `evidence` holds the point and the text's words.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        locator: DistrictLocator | None = None,
        landmarks: Landmarks | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.text_matcher = TextPlaceMatcher(gazetteer, landmarks)
        self.locator = locator

    @classmethod
    def load(cls) -> PlaceFinder:
        return cls(Gazetteer.load(), DistrictLocator.load(), Landmarks.load())

    def find(self, text: str, lat: float | None = None, lon: float | None = None) -> PlaceMatch:
        reading = self.text_matcher.read(text or "")
        if lat is None or lon is None or self.locator is None:
            return reading.place
        located = self.locator.locate(lat, lon)
        if located is None:  # outside Thailand (or far off its coast): the text alone
            return reading.place
        point = f"{lat:.5f},{lon:.5f}"
        best, place = reading.best, reading.place
        if best is not None:
            if best.district.code == located.district_code:
                return _with_point(place, point)
            distance = self.locator.distance_m(best.district.code, lat, lon)
            d = best.district_mention
            if (
                d is not None
                and d.strength == Strength.STRONG
                and distance is not None
                and distance <= TEXT_WINS_WITHIN_METRES
            ):
                return _with_point(place, point)
            at_point = self._at_point(reading.mentions, located.district_code, point)
            far = distance is None or distance > CONFLICT_BEYOND_METRES
            if far or best.district.province_code != at_point.province_code:
                return _conflict(place, at_point)
            return at_point
        at_point = self._at_point(reading.mentions, located.district_code, point)
        for option in place.candidates:
            if option.district_code == located.district_code:
                return _with_point(_settled(option), point, place.evidence)
        if place.province_code is not None and place.province_code != at_point.province_code:
            return _conflict(place, at_point)
        return at_point

    def _at_point(self, mentions: list[Mention], district_code: str, point: str) -> PlaceMatch:
        """The point's district and province, with a subdistrict of it the text names."""
        district = self.gazetteer.districts[district_code]
        subdistrict = self._subdistrict_named_in(mentions, district.code)
        option = option_of(self.gazetteer, district, subdistrict.code if subdistrict else None)
        return PlaceMatch(
            **asdict(option),
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


def _with_point(place: PlaceMatch, point: str, evidence: str | None = None) -> PlaceMatch:
    """The text's place, which the point agrees with."""
    return replace(
        place, source="text+coordinates", evidence=f"{evidence or place.evidence}; {point}"
    )


def _settled(option: PlaceOption) -> PlaceMatch:
    return PlaceMatch(
        province=option.province,
        province_code=option.province_code,
        district=option.district,
        district_code=option.district_code,
        subdistrict=option.subdistrict,
        subdistrict_code=option.subdistrict_code,
    )


def _conflict(text_place: PlaceMatch, at_point: PlaceMatch) -> PlaceMatch:
    """The point's place, flagged: the text names another area (both offered to choose from)."""
    return replace(
        at_point,
        conflict=True,
        candidates=tuple(
            option for option in (text_place.as_option(), at_point.as_option()) if option
        ),
        evidence=f"{at_point.evidence} (text: {text_place.evidence})",
    )
