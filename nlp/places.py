"""Where a citizen's message is about: province, district and subdistrict, from the text and/or a
shared location, and, when that is not settled, the areas the citizen should choose from.

Text. `nlp.place_mentions` finds every area and landmark the text names, each judged by its
context (strong with its prefix word, plain bare, weak inside a road's or another landmark's
name, a hint where traffic is heading; the words around a name are read in
`nlp.place_context`). `nlp.place_text.TextPlaceMatcher` then chooses a district when its
evidence is enough on its own or agrees with other evidence (hierarchy agreement: its province
or one of its subdistricts is named too); see `nlp.place_candidates._enough`. When several
districts qualify, the strongest evidence wins, then the first named.

Near a border. When the text names places in two districts of one province and only a
district's own name speaks for the best (เขตภาษีเจริญ ติดบ้านพักคนชราบางแค; จากสวนลุมพินีไป
สวนเบญจกิติ), it lies on or across their border: both are offered
(`nlp.place_candidates._disputing`).

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

from dataclasses import asdict, replace

from nlp.analysis import PlaceMatch, PlaceOption
from nlp.gazetteer import Area, Gazetteer, Level
from nlp.geo import DistrictLocator
from nlp.landmarks import Landmarks
from nlp.place_mentions import Mention, Strength, clean
from nlp.place_text import MAX_CANDIDATES, TextPlaceMatcher, TextReading, option_of

__all__ = ["MAX_CANDIDATES", "PlaceFinder", "TextPlaceMatcher", "TextReading", "clean"]

# A district the text names with its prefix word wins over the coordinates' district when the
# point lies within this distance of the named district's drawn (simplified) boundary: people
# share their location from across the road, and the shipped boundaries are approximate.
TEXT_WINS_WITHIN_METRES = 300.0
# The text's district and the point disagree enough to ask the citizen when they lie in
# different provinces, or when the point is farther than this from the text's district (or its
# distance is unknown: `DistrictLocator.distance_m` looks no farther than 2 km). Nearer, the
# point is taken without asking: people report from the next street, across a district line.
CONFLICT_BEYOND_METRES = 1_000.0


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
