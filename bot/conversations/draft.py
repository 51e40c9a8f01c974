"""A report, question, praise or opinion being put together, kept as JSON in the conversation
state."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from bot.messages import StoredMedia
from nlp.analysis import CERTAIN_CATEGORY_SCORE, MessageAnalysis, PlaceMatch, PlaceOption, Urgency

# Kinds that go to an agency by their category, so an unsure category is asked.
ROUTED_BY_CATEGORY = frozenset({"complaint", "question", "praise"})
# A label the NLP scores lower than this is no guess worth a button of its own (an English or
# Lao message scores every Thai label 0): the citizen gets the whole list instead. A vague Thai
# message's weak best guess (about 0.05) is still offered first.
MIN_CANDIDATE_SCORE = 0.01

# In danger now, nobody is asked to pick a category: when the NLP is unsure of the topic, the
# danger itself names it (the card still shows it, and แก้ไข can change it).
CATEGORY_OF_HAZARD = {
    "live_wire": "สายไฟ",
    "flood_rising": "น้ำท่วม",
    "evacuation": "น้ำท่วม",
}
DANGER_CATEGORY = "ความปลอดภัย"  # fire, gas, collapse, trapped, injured, drowning, missing, violence

# Why the place is being asked: a name found in several areas, text and shared location that
# disagree, or "อำเภอเมือง" with no province.
SEVERAL, CONFLICT, MUEANG = "several", "conflict", "mueang"


@dataclass
class Draft:
    """What the citizen has told us so far, and what they confirmed or corrected."""

    kind: str = "complaint"  # storage FeedbackKind value
    kind_chosen: bool = False  # the citizen picked the kind themself (edit step)
    proposed_kind: str | None = None  # what the NLP read the first message as
    target_board: bool = False
    text: str = ""
    media: list[dict[str, Any]] = field(default_factory=list)  # StoredMedia fields
    latitude: float | None = None
    longitude: float | None = None
    address: str | None = None  # the platform's address for a shared location
    location_text: str | None = None  # a place the citizen typed
    category: str | None = None
    candidates: list[str] = field(default_factory=list)  # the NLP's best labels
    category_sure: bool = False  # the NLP's best label scored CERTAIN_CATEGORY_SCORE or more
    category_chosen: bool = False  # the citizen picked the category themself
    sure_topics: list[str] = field(default_factory=list)  # every label the NLP is sure of
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    place_label: str | None = None
    place_chosen: bool = False  # the citizen typed, tapped or shared the place
    place_question: str | None = None  # SEVERAL, CONFLICT or MUEANG while the place is asked
    place_options: list[dict[str, Any]] = field(default_factory=list)  # PlaceOption fields
    pin_code: str | None = None  # the shared location's area, when it disagreed with the text
    place_skipped: bool = False  # a question asked with no area ("ข้าม")
    urgent: bool = False  # danger now: the emergency numbers were given
    hazards: list[str] = field(default_factory=list)
    picks: list[dict[str, Any]] = field(default_factory=list)  # labels held until consent
    example_ids: list[int] = field(default_factory=list)  # labels stored, linked when filed
    confirmed: bool = False  # the citizen tapped ยืนยัน on the summary
    # danger now typed while the PDPA question waited: taken up as a new report once it is given
    waiting: list[str] = field(default_factory=list)

    def add_photo(self, media: StoredMedia) -> None:
        """Keep a photo the citizen sent (its stored file's facts) with the draft."""
        self.media.append(
            {
                "content_type": media.content_type,
                "storage_key": media.storage_key,
                "size_bytes": media.size_bytes,
                "sha256": media.sha256,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Draft:
        # A deep copy: appending to a list shared with the loaded conversation state would change
        # the state's saved value in place, and the ORM, seeing no difference, would not save it.
        known = {f.name for f in fields(cls)}
        return cls(**{key: deepcopy(value) for key, value in (data or {}).items() if key in known})

    @property
    def has_place(self) -> bool:
        """Enough to route: a district or a pin; a province is enough for anything but a
        problem, or when the citizen answered "where?" with one (we do not ask twice)."""
        if self.place_question is not None:
            return False
        if self.district_code is not None or self.latitude is not None:
            return True
        province_will_do = self.place_chosen or self.kind != "complaint" or self.target_board
        return self.province_code is not None and province_will_do

    @property
    def other_topics(self) -> list[str]:
        """Other problems the NLP is sure the text also tells (two problems in one message):
        each may be another agency's, and this report goes to one. Not for danger now: someone
        frightened is not asked to file a second report (the urgent one reaches its agency)."""
        if self.kind != "complaint" or self.category is None or self.urgent:
            return []
        return [topic for topic in self.sure_topics if topic != self.category]

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def needs_category(self) -> bool:
        """The citizen should pick the category: none found, or the NLP is not sure of it."""
        if self.category_chosen or self.target_board or self.kind == "question":
            return False  # a question is answered with where to ask, whatever its topic
        if self.category is None:
            return self.kind in ROUTED_BY_CATEGORY
        return not self.category_sure and (self.kind in ROUTED_BY_CATEGORY or bool(self.candidates))

    def take_analysis(self, analysis: MessageAnalysis) -> None:
        """Adopt the category and the dangers the NLP found, except what the citizen chose
        (the place is settled separately: `flows.place_choice`)."""
        self.candidates = [
            label.label for label in analysis.categories[:4] if label.score >= MIN_CANDIDATE_SCORE
        ]
        self.sure_topics = [
            label.label for label in analysis.categories if label.score >= CERTAIN_CATEGORY_SCORE
        ]
        if not self.category_chosen:
            self.category = analysis.category
            self.category_sure = analysis.category_certain
        for hazard in analysis.hazards:
            if hazard.value not in self.hazards:
                self.hazards.append(hazard.value)
        if self.hazards and not self.category_chosen and not self.category_sure:
            self.category = CATEGORY_OF_HAZARD.get(self.hazards[0], DANGER_CATEGORY)
            self.category_sure = True

    def becomes_urgent(self, analysis: MessageAnalysis) -> bool:
        """True the first time the NLP finds danger now (the numbers to call are said once)."""
        if analysis.urgency is not Urgency.HIGH or self.urgent:
            return False
        self.urgent = True
        return True

    def take_place(self, place: PlaceMatch | PlaceOption) -> bool:
        """Use a settled place; False (and nothing changed) when it names no province."""
        if place.province_code is None:
            return False
        self.province_code = place.province_code
        self.district_code = place.district_code
        self.subdistrict_code = place.subdistrict_code
        self.place_label = place_label(place)
        self.place_question, self.place_options, self.pin_code = None, [], None
        return True

    def ask_place(self, why: str, options: list[PlaceOption] | tuple[PlaceOption, ...]) -> None:
        """The place is not settled: forget any guess and keep the options to ask about."""
        self.province_code = self.district_code = self.subdistrict_code = None
        self.place_label = None
        self.place_question = why
        self.place_options = [asdict(option) for option in options]

    @property
    def options(self) -> list[PlaceOption]:
        return [PlaceOption(**option) for option in self.place_options]


def place_label(place: PlaceMatch | PlaceOption) -> str:
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


def option_code(option: PlaceOption) -> str:
    """The most specific code of an area (what its button carries)."""
    return option.subdistrict_code or option.district_code or option.province_code
