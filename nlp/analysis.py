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
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    OPINION = "opinion"
    QUESTION = "question"
    PRAISE = "praise"


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class PersonalDataKind(StrEnum):
    NATIONAL_ID = "national_id"
    PHONE = "phone"
    EMAIL = "email"
    LINE_ID = "line_id"
    BANK_ACCOUNT = "bank_account"
    LICENCE_PLATE = "licence_plate"
    PERSON_NAME = "person_name"


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

    @property
    def category(self) -> str | None:
        return self.categories[0].label if self.categories else None

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
            "redacted": self.redacted,
            "personal_data": [
                {"kind": s.kind.value, "start": s.start, "end": s.end} for s in self.personal_data
            ],
        }
