"""The facts the NLP pipeline reports about one citizen message: the contract other packages use."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Intent(StrEnum):
    """What the citizen wants. The first five are kinds of feedback that can be filed; the last
    three are conversation: asking about an earlier report, a greeting or thanks, and text with
    no meaning to act on (gibberish, emoji only, empty)."""

    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    OPINION = "opinion"
    QUESTION = "question"
    PRAISE = "praise"
    FOLLOW_UP = "follow_up"
    GREETING = "greeting"
    UNCLEAR = "unclear"


# Intents that are feedback (the rest are conversation and are never filed as a complaint).
FEEDBACK_INTENTS = frozenset(
    {Intent.COMPLAINT, Intent.SUGGESTION, Intent.OPINION, Intent.QUESTION, Intent.PRAISE}
)


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class Hazard(StrEnum):
    """A danger to life or property happening now (urgency names it so routing can act on it)."""

    LIVE_WIRE = "live_wire"  # wires down, sparking, electrified water, transformer on fire
    FIRE = "fire"
    GAS_LEAK = "gas_leak"  # gas, chemicals, explosion
    COLLAPSE = "collapse"  # building, bridge, road, tree or pole falling or fallen on something
    TRAPPED = "trapped"  # people stuck inside, cannot get out
    INJURED = "injured"  # accident with people hurt, unconscious, dead
    DROWNING = "drowning"
    MISSING_PERSON = "missing_person"  # a missing child or elder
    FLOOD_RISING = "flood_rising"  # water entering homes or rising now, dam or dyke breaking
    EVACUATION = "evacuation"  # people must leave now (river overflowing, landslide)
    VIOLENCE = "violence"  # fighting, weapons, assault in progress


class PersonalDataKind(StrEnum):
    NATIONAL_ID = "national_id"
    PHONE = "phone"
    EMAIL = "email"
    LINE_ID = "line_id"
    BANK_ACCOUNT = "bank_account"
    LICENCE_PLATE = "licence_plate"
    PERSON_NAME = "person_name"
    PASSPORT = "passport"
    HOUSE_NUMBER = "house_number"
    RECORD_NUMBER = "record_number"  # a student's or a hospital's number for one person


# The calibrated category score at or above which the best category is proposed alone.
CERTAIN_CATEGORY_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: str
    score: float


@dataclass(frozen=True, slots=True)
class PersonalDataSpan:
    """One piece of personal data found in the text, by character offsets into the input."""

    kind: PersonalDataKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PlaceOption:
    """One area a message may be about (official names without prefix, gazetteer codes)."""

    province: str
    province_code: str
    district: str | None = None
    district_code: str | None = None
    subdistrict: str | None = None
    subdistrict_code: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """Where a message is about: official Thai names (no prefix) and codes from the gazetteer."""

    province: str | None = None
    province_code: str | None = None
    district: str | None = None
    district_code: str | None = None
    subdistrict: str | None = None
    subdistrict_code: str | None = None
    source: str | None = None  # "text", "coordinates" or "text+coordinates"
    evidence: str | None = None  # the words or point that decided it, for officials to see why
    # When the place is not settled, the areas the citizen should choose from (with buttons):
    # a name found in several provinces (อำเภอเมือง, a subdistrict name), or, with ``conflict``,
    # the area the text names and the area of the shared location, which disagree.
    candidates: tuple[PlaceOption, ...] = ()
    conflict: bool = False

    @property
    def settled(self) -> bool:
        """Nothing for the citizen to choose: no candidates and no disagreement."""
        return not self.candidates and not self.conflict

    def as_option(self) -> PlaceOption | None:
        """This area as one choice to offer (None when not even the province is known)."""
        if self.province is None or self.province_code is None:
            return None
        return PlaceOption(
            province=self.province,
            province_code=self.province_code,
            district=self.district,
            district_code=self.district_code,
            subdistrict=self.subdistrict,
            subdistrict_code=self.subdistrict_code,
        )


@dataclass(frozen=True, slots=True)
class MessageAnalysis:
    """Everything the pipeline found in one message."""

    categories: list[LabelScore]
    place: PlaceMatch
    sentiment: Sentiment
    sentiment_score: float
    intent: Intent
    urgency: Urgency
    redacted: str
    personal_data: list[PersonalDataSpan] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)
    # "th"; "en"; "lo", "km", "zh", "my", "other" for text in another script; "none" for text
    # with no letters at all (empty, emoji, digits, punctuation).
    language: str = "th"

    @property
    def category(self) -> str | None:
        return self.categories[0].label if self.categories else None

    @property
    def category_certain(self) -> bool:
        """The best category is sure enough to propose alone; otherwise the citizen picks
        from the best few."""
        return bool(self.categories) and self.categories[0].score >= CERTAIN_CATEGORY_SCORE

    def to_json(self) -> dict[str, Any]:
        """The `siang nlp analyze` output object (the public contract)."""
        return {
            "category": self.category,
            "categories": [{"label": c.label, "score": round(c.score, 4)} for c in self.categories],
            "province": self.place.province,
            "district": self.place.district,
            "subdistrict": self.place.subdistrict,
            "place": asdict(self.place),
            "sentiment": self.sentiment.value,
            "sentiment_score": round(self.sentiment_score, 4),
            "intent": self.intent.value,
            "urgency": self.urgency.value,
            "hazards": [hazard.value for hazard in self.hazards],
            "language": self.language,
            "redacted": self.redacted,
            "personal_data": [
                {"kind": s.kind.value, "start": s.start, "end": s.end} for s in self.personal_data
            ],
        }
