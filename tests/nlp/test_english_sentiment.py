"""An English message's feeling follows what it does: complaints and dangers are negative."""

from __future__ import annotations

import pytest

from nlp.analysis import Sentiment
from nlp.pipeline import ThaiAnalyzer


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        (
            "Street lights on our soi have been off for weeks, it is pitch black at night",
            "negative",
        ),
        (
            "Power line down and sparking on the road near the school, kids walking past!!",
            "negative",
        ),
        ("Very loud music every night until 4am from the bar next to our guesthouse", "negative"),
        ("Thank you Tourist Police in Hat Yai, they found my lost bag within an hour!", "positive"),
        ("Where can I renew my work permit in Chiang Mai?", "neutral"),
        ("Hello, can I report a problem here in English?", "neutral"),
    ],
)
def test_english_feelings_follow_the_message(
    analyzer: ThaiAnalyzer, text: str, feeling: str
) -> None:
    result = analyzer.analyze(text)
    assert result.language == "en"
    assert result.sentiment is Sentiment(feeling)


def test_thai_keeps_the_models_reading(analyzer: ThaiAnalyzer) -> None:
    text = "ขอบคุณเจ้าหน้าที่เขตที่มาเก็บขยะเร็วมากค่ะ"
    assert analyzer.analyze(text).sentiment is Sentiment.POSITIVE
