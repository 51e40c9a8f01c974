"""A report or opinion being put together, kept as JSON in the conversation state."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from nlp.analysis import MessageAnalysis, PlaceMatch


@dataclass
class Draft:
    """What the citizen has told us so far, and what they confirmed or corrected."""

    kind: str = "complaint"  # storage FeedbackKind value
    target_board: bool = False
    text: str = ""
    media: list[dict[str, Any]] = field(default_factory=list)  # StoredMedia fields
    latitude: float | None = None
    longitude: float | None = None
    address: str | None = None  # the platform's address for a shared location
    location_text: str | None = None  # a place the citizen typed
    category: str | None = None
    candidates: list[str] = field(default_factory=list)  # the NLP's best labels
    category_chosen: bool = False  # the citizen picked the category themself
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    place_label: str | None = None
    place_chosen: bool = False  # the citizen typed or shared the place
    confirmed: bool = False  # the citizen tapped ยืนยัน on the summary

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Draft:
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in (data or {}).items() if key in known})

    @property
    def has_place(self) -> bool:
        """Enough to route: a district or a pin; a province is enough for an opinion, or when
        the citizen answered "where?" with one (we do not ask twice)."""
        if self.district_code is not None or self.latitude is not None:
            return True
        province_will_do = self.place_chosen or self.kind != "complaint" or self.target_board
        return self.province_code is not None and province_will_do

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def take_analysis(self, analysis: MessageAnalysis) -> None:
        """Adopt what the NLP found, except what the citizen chose themself."""
        self.candidates = [label.label for label in analysis.categories[:4]]
        if not self.category_chosen:
            self.category = analysis.category
        if not self.place_chosen or analysis.place.source == "coordinates":
            self.take_place(analysis.place)

    def take_place(self, place: PlaceMatch) -> bool:
        """Use a found place; False (and nothing changed) when it names no province."""
        if place.province_code is None:
            return False
        self.province_code = place.province_code
        self.district_code = place.district_code
        self.subdistrict_code = place.subdistrict_code
        self.place_label = place_label(place)
        return True


def place_label(place: PlaceMatch) -> str:
    """Thai names with their usual prefixes: แขวง/เขต in Bangkok, ต./อ./จ. elsewhere."""
    bangkok = place.province_code == "10"
    parts: list[str] = []
    if place.subdistrict:
        parts.append(("แขวง" if bangkok else "ต.") + place.subdistrict)
    if place.district:
        parts.append(("เขต" if bangkok else "อ.") + place.district)
    if place.province:
        parts.append(place.province if bangkok else "จ." + place.province)
    return " ".join(parts)
