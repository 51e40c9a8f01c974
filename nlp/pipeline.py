"""The whole Thai pipeline: one message (and an optional shared location) in, `MessageAnalysis` out.

`ThaiAnalyzer.load()` reads everything once (the verified classifier bundle, the gazetteer and
place automaton, the name lists); `analyze` is then cheap and thread-safe (nothing it touches is
mutated). Per message:

0. Thai typed with the keyboard on English ("l;ylfu") is put back into Thai (สวัสดี);
1. the text is normalised and tokenised once (`TextInput`), and that one object feeds the
   category and sentiment classifiers (their word and character n-grams are built once too);
2. the language is read from the letters: the classifiers learnt Thai and English, so for other
   text that is mostly not Thai their category scores are scaled down by the share of Thai
   letters (a Lao message gets a low score, not a confident Thai category); English is read as
   written with the Thai words for its civic terms after it (`nlp.english_gloss`);
3. intent and urgency read the normalised text and what the classifiers said (the sentiment
   model's question class helps mark a question; sarcasm reads as negative; urgency names each
   hazard happening now, from the rules' cue words and from the learnt hazard head, and knows
   the intent); in a message not in Thai whose topic the classifier cannot read (a tourist's
   "FIRE!!", a Chinese "不能动了"), a danger named gives the topic (`nlp.hazard_topics`);
4. the place finder reads the text as written (its evidence points into it) and the coordinates;
5. personal data is masked in the text as written, so officials read the citizen's own words.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import time
from dataclasses import dataclass
from pathlib import Path

from nlp.analysis import Intent, LabelScore, MessageAnalysis, Sentiment
from nlp.categories import CategoryClassifier
from nlp.english_gloss import english_reading
from nlp.english_sentiment import RULE_SCORE, english_sentiment
from nlp.hazard_model import HazardClassifier, guesses
from nlp.hazard_topics import hazard_topic
from nlp.intent import is_sarcastic, served_intent
from nlp.keyboard_layout import thai_typed_as_latin
from nlp.language import language_of, thai_share
from nlp.lao_letters import in_thai_letters
from nlp.personal_data import redact
from nlp.personal_data import warm_up as warm_up_personal_data
from nlp.places import PlaceFinder
from nlp.sentiment import SentimentClassifier
from nlp.text_model import TextInput
from nlp.tokenise import warm_up as warm_up_tokeniser
from nlp.urgency import hazards_in, still_dangerous, urgency_of

# `categories` in the output: every label scoring at least this, best first, at most `MAX_LABELS`
# (the best label is always there, however low its score).
MIN_LABEL_SCORE = 0.1
MAX_LABELS = 5


@dataclass(frozen=True, slots=True)
class LoadTimes:
    """Seconds each part took to load (reported by `siang nlp eval` and the benchmark)."""

    classifiers: float
    places: float
    personal_data: float

    @property
    def total(self) -> float:
        return self.classifiers + self.places + self.personal_data


class ThaiAnalyzer:
    """Loads the NLP parts once; `analyze` turns one message into structured facts."""

    def __init__(
        self,
        categories: CategoryClassifier,
        sentiment: SentimentClassifier,
        places: PlaceFinder,
        load_times: LoadTimes | None = None,
        hazards: HazardClassifier | None = None,
    ) -> None:
        self.categories = categories
        self.sentiment = sentiment
        self.places = places
        self.load_times = load_times
        self.hazards = hazards

    @classmethod
    def load(cls, model_path: Path | None = None) -> ThaiAnalyzer:
        """Everything, once (about a second); `model_path` picks another classifier bundle."""
        started = time.perf_counter()
        categories = CategoryClassifier.load(model_path)
        sentiment = SentimentClassifier.load(model_path)
        hazards = HazardClassifier.load(model_path)
        _return_freed_memory()
        classifiers_done = time.perf_counter()
        warm_up_tokeniser()  # reading the dictionary leaves 13 MB of scratch: returned first
        _return_freed_memory()
        places = PlaceFinder.load()
        _return_freed_memory()
        places_done = time.perf_counter()
        warm_up_personal_data()
        _return_freed_memory()
        done = time.perf_counter()
        times = LoadTimes(
            classifiers=classifiers_done - started,
            places=places_done - classifiers_done,
            personal_data=done - places_done,
        )
        return cls(categories, sentiment, places, times, hazards)

    def analyze(
        self, text: str, lat: float | None = None, lon: float | None = None
    ) -> MessageAnalysis:
        """The facts about one message; `lat`/`lon` are a location the citizen shared."""
        # Thai typed on the English layout ("l;ylfu") is read as the Thai it means (สวัสดี)
        text = thai_typed_as_latin(text) or text
        prepared = TextInput.of(text)
        language = language_of(prepared)
        if language == "en":  # read with the Thai words for its civic terms (nlp.english_gloss)
            ranked = self.categories.predict(english_reading(text), top=MAX_LABELS)
        else:
            ranked = self.categories.predict(prepared, top=MAX_LABELS)
        if language not in ("th", "en"):
            share = thai_share(prepared.text)
            ranked = [LabelScore(score.label, score.score * share) for score in ranked]
        categories = _shortlist(ranked)
        reading = self.sentiment.read(prepared)
        intent = served_intent(prepared, reading, ranked[0].score if ranked else 0.0)
        sentiment, sentiment_score = reading.sentiment, reading.score
        if (
            intent is Intent.COMPLAINT
            and sentiment is Sentiment.POSITIVE
            and is_sarcastic(prepared)
        ):
            sentiment, sentiment_score = Sentiment.NEGATIVE, 1.0 - reading.score
        # Lao is read for danger in Thai letters (nlp.lao_letters): "ນ້ອງຕົກນ້ຳ" is "น้องตกน้ำ"
        # (and as written, for the Lao cues: "ນ້ຳຖ້ວມ" is ถ้วม in Thai letters, Thai ท่วม)
        danger = TextInput.of(in_thai_letters(text)) if language == "lo" else prepared
        cues = hazards_in(danger, intent)
        if danger is not prepared:
            cues += [cue for cue in hazards_in(prepared, intent) if cue not in cues]
        if self.hazards is not None:
            named = {cue.hazard for cue in cues}
            learnt, sure = guesses(self.hazards.scores(danger).items(), besides=named)
            cues += still_dangerous(danger, learnt, intent, sure)
        if language != "th" and cues:
            categories = hazard_topic(categories, [cue.hazard for cue in cues])
        if language == "en":  # the head learned its feelings from Thai
            read = english_sentiment(prepared, intent, in_danger=bool(cues))
            if read is not sentiment:
                sentiment, sentiment_score = read, RULE_SCORE
        redaction = redact(text)
        return MessageAnalysis(
            categories=categories,
            place=self.places.find(text, lat, lon),
            sentiment=sentiment,
            sentiment_score=sentiment_score,
            intent=intent,
            urgency=urgency_of(cues, intent),
            redacted=redaction.text,
            personal_data=redaction.spans,
            hazards=list(dict.fromkeys(cue.hazard for cue in cues)),
            language=language,
        )


def _return_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc only; elsewhere nothing happens).

    Loading reads the bundle's arrays, the tokeniser's dictionary and the word lists through
    buffers that are freed again, but glibc keeps that freed memory (about 45 MB in all) in the
    process unless asked, and Python's own small objects cannot reuse it. So it is asked after
    each part: in the server (which loads in a thread of its own) handing it back only at the
    end let each part's scratch pile up on the last, and set the process's peak (283 MB, against
    269 MB when asked after each part)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _shortlist(ranked: list[LabelScore]) -> list[LabelScore]:
    kept = [score for score in ranked[:MAX_LABELS] if score.score >= MIN_LABEL_SCORE]
    return kept or ranked[:1]
