"""How the citizen feels: positive, neutral or negative, with a score, and whether they are asking.

One linear head over word and character n-grams, trained on the Wisesight Sentiment corpus
(CC0) with its four classes: pos, neu, neg and q (a question), and lightly on citizens' messages
(the team's civic examples, and Traffy reports as complaints), so that a report of a danger
reads as negative although consumer posts taught it that "very" is praise. The question class is not a
feeling; ``predict`` reports the best of the three feelings, and the reading goes to
``nlp.intent.served_intent`` so that a message the model reads as a question (its q class beats
every feeling) gets the intent ``question``. Per-class offsets tuned on cross-validated training scores are part of the head
(they lift macro-F1 on the rarer classes; see ``nlp.training.heads``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.analysis import Sentiment
from nlp.text_model import ModelBundle, TextInput, load_bundle

WISESIGHT_TO_SENTIMENT = {
    "pos": Sentiment.POSITIVE,
    "neu": Sentiment.NEUTRAL,
    "neg": Sentiment.NEGATIVE,
}
QUESTION = "q"


@dataclass(frozen=True, slots=True)
class SentimentReading:
    sentiment: Sentiment
    score: float  # the model's probability of that sentiment, 0..1
    question_score: float  # the probability that the message is a question, 0..1
    is_question: bool  # the question class beat every feeling


class SentimentClassifier:
    """Positive / neutral / negative with a score; load once, then ``predict`` many times."""

    HEAD = "sentiment"

    def __init__(self, bundle: ModelBundle) -> None:
        self.head = bundle.head(self.HEAD)
        self._labels = self.head.labels

    @classmethod
    def load(cls, path: Path | None = None) -> SentimentClassifier:
        return cls(load_bundle(path))

    def predict(self, text: str | TextInput) -> tuple[Sentiment, float]:
        reading = self.read(text)
        return reading.sentiment, reading.score

    def read(self, text: str | TextInput) -> SentimentReading:
        """The full reading, including how likely the message is a question."""
        probabilities = self.head.probabilities(TextInput.of(text)).tolist()
        by_label = dict(zip(self._labels, probabilities, strict=True))
        question = by_label.pop(QUESTION, 0.0)
        best = max(by_label, key=by_label.__getitem__)
        return SentimentReading(
            sentiment=WISESIGHT_TO_SENTIMENT[best],
            score=by_label[best],
            question_score=question,
            is_question=question > by_label[best],
        )
