"""A stand-in for `nlp.pipeline.ThaiAnalyzer` at the engine's boundary (team-written).

Category and intent come from a few keywords, so the flows' tests do not move when the trained
classifier is retrained; places come from the real `nlp.places.PlaceFinder` and personal data is
masked by the real `nlp.personal_data.redact`.
"""

from __future__ import annotations

from functools import lru_cache

from nlp.analysis import Intent, LabelScore, MessageAnalysis, Sentiment, Urgency
from nlp.personal_data import redact
from nlp.places import PlaceFinder

KEYWORDS: tuple[tuple[str, str], ...] = (
    ("หลุม", "ถนน"),
    ("ทางเท้า", "ทางเท้า"),
    ("ไฟดับ", "ไฟฟ้า"),
    ("น้ำไม่ไหล", "ประปา"),
    ("ขยะ", "ความสะอาด"),
    ("รถเมล์", "ขนส่งสาธารณะ"),
)


@lru_cache(maxsize=1)
def _places() -> PlaceFinder:
    return PlaceFinder.load()


class ScriptedAnalyzer:
    def analyze(
        self, text: str, lat: float | None = None, lon: float | None = None
    ) -> MessageAnalysis:
        labels = [LabelScore(label, 0.9) for word, label in KEYWORDS if word in text]
        intent = Intent.SUGGESTION if ("เสนอ" in text or "ควร" in text) else Intent.COMPLAINT
        return MessageAnalysis(
            categories=labels,
            place=_places().find(text, lat, lon),
            sentiment=Sentiment.NEGATIVE,
            sentiment_score=0.8,
            intent=intent,
            urgency=Urgency.NORMAL,
            redacted=redact(text).text,
        )


async def scripted_analyzer() -> ScriptedAnalyzer:
    return ScriptedAnalyzer()
