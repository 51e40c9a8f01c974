"""Read the training CSVs (shaped like ``../shared/data``) and the team's examples into labelled texts.

Every text is normalised here exactly as at prediction time. Files are identified by SHA-256 so
the model record says precisely what the model was trained on.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nlp.analysis import Intent, Sentiment
from nlp.categories import LABELS, our_labels
from nlp.english_gloss import english_reading, mostly_english
from nlp.normalise import normalise
from nlp.text_model import sha256_of
from nlp.training.civic import CORPUS_FILE, read_corpus
from nlp.urgency import hazards_in

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
# The dev data beside the repository (../shared/data), where the tools look unless told.
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
TRAFFY_TYPE = "traffy_type.csv"
TRAFFY_TICKETS = "traffy_tickets.csv"
TRAFFY_CROWDLABEL = "traffy_crowdlabel.csv"
WISESIGHT = "wisesight_sentiment.csv"
TEAM_CATEGORIES = "categories.csv"
TEAM_MESSAGES = "messages.csv"
TEAM_SENTIMENT = "sentiment.csv"
CIVIC = "civic.jsonl"  # the team's civic corpus: its train half only
SENTIMENT_CLASSES = ("neg", "neu", "pos", "q")
COMPLAINT_SENTIMENT = "neg"  # a report of a problem to the city is a complaint


@dataclass(frozen=True, slots=True)
class LabelledText:
    text: str  # normalised
    labels: tuple[str, ...]
    source: str  # the file it came from
    group: str = ""  # rows of one group never straddle a cross-validation split


@dataclass(slots=True)
class SourceFile:
    path: Path
    rows: int
    used_rows: int
    sha256: str


@dataclass(slots=True)
class TrainingData:
    """Everything read from a data directory and the examples folder."""

    category: list[LabelledText] = field(default_factory=list)
    sentiment: list[LabelledText] = field(default_factory=list)  # Wisesight first, then civic
    files: list[SourceFile] = field(default_factory=list)

    def category_from(self, *sources: str) -> list[LabelledText]:
        return [item for item in self.category if item.source in sources]

    def sentiment_from(self, *sources: str) -> list[LabelledText]:
        return [item for item in self.sentiment if item.source in sources]


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def civic_training_items(
    corpus: Path = CORPUS_FILE,
) -> tuple[list[LabelledText], list[LabelledText]]:
    """(category, sentiment) examples from the civic corpus's train half, never its test half.

    Category: every Thai or English message about a topic, with its acceptable alternatives as
    further labels; English read as served, with the Thai words for its civic terms
    (``nlp.english_gloss.english_reading``). Sentiment: Wisesight's classes, a neutral question
    as ``q`` (the class the model learnt questions from); Thai only."""
    category: list[LabelledText] = []
    sentiment: list[LabelledText] = []
    for message in read_corpus((corpus,)):
        if message.split != "train":
            continue
        text = normalise(message.text)
        if not text:
            continue
        if message.category is not None and message.language in ("th", "en"):
            labels = tuple(dict.fromkeys((message.category, *message.also)))
            english = mostly_english(message.text)  # read as served (nlp.english_gloss)
            read = normalise(english_reading(message.text)) if english else text
            category.append(LabelledText(read, labels, CIVIC, message.id))
        if message.language == "th" and message.intent is not Intent.UNCLEAR:
            question = message.intent is Intent.QUESTION and message.sentiment is Sentiment.NEUTRAL
            label = "q" if question else _CIVIC_SENTIMENT[message.sentiment]
            sentiment.append(LabelledText(text, (label,), CIVIC, message.id))
    return category, sentiment


def hazard_training_items(data: TrainingData, corpus: Path = CORPUS_FILE) -> list[LabelledText]:
    """Texts labelled with the dangers happening now in them (none for most): every message of
    the civic corpus's train half (Thai and English) with its hazards, and every Traffy report
    with the hazards the rules (``nlp.urgency``) find in it, as silver labels, so that the
    thousands of ordinary city complaints teach what is not an emergency."""
    items = [
        LabelledText(normalise(m.text), tuple(h.value for h in m.hazards), CIVIC, m.id)
        for m in read_corpus((corpus,))
        if m.split == "train" and m.language in ("th", "en") and m.text.strip()
    ]
    items += [
        LabelledText(
            item.text,
            tuple(dict.fromkeys(c.hazard.value for c in hazards_in(item.text))),
            TRAFFY_TYPE,
        )
        for item in data.category_from(TRAFFY_TYPE)
    ]
    return items


_CIVIC_SENTIMENT = {Sentiment.POSITIVE: "pos", Sentiment.NEUTRAL: "neu", Sentiment.NEGATIVE: "neg"}


def load_training_data(
    data_dir: Path, examples_dir: Path = EXAMPLES_DIR, corpus: Path | None = CORPUS_FILE
) -> TrainingData:
    """Read every file that exists; the category and sentiment files are required."""
    data = TrainingData()
    for name in (TRAFFY_TYPE, WISESIGHT):
        if not (data_dir / name).is_file():
            raise FileNotFoundError(f"{data_dir / name} is missing: it is needed for training")

    def add(path: Path, items: list[LabelledText], rows: int) -> None:
        data.files.append(SourceFile(path, rows, len(items), sha256_of(path)))

    path = data_dir / TRAFFY_TYPE
    rows = list(_rows(path))
    items = [
        LabelledText(normalise(row["text"]), (row["label"],), TRAFFY_TYPE)
        for row in rows
        if row["label"] in LABELS and row["text"].strip()
    ]
    data.category.extend(items)
    add(path, items, len(rows))

    path = data_dir / TRAFFY_TICKETS
    if path.is_file():
        rows = list(_rows(path))
        items = []
        for row in rows:
            labels = our_labels(row["types"].split("|")) if row["types"] else []
            if labels and row["text"].strip():
                items.append(LabelledText(normalise(row["text"]), tuple(labels), TRAFFY_TICKETS))
        data.category.extend(items)
        add(path, items, len(rows))

    path = data_dir / TRAFFY_CROWDLABEL
    if path.is_file():
        rows = list(_rows(path))
        items = []
        for row in rows:
            labels = our_labels(row["tags"].split("|")) if row["tags"] else []
            if labels and row["text"].strip():
                items.append(LabelledText(normalise(row["text"]), tuple(labels), TRAFFY_CROWDLABEL))
        data.category.extend(items)
        add(path, items, len(rows))

    path = examples_dir / TEAM_CATEGORIES
    rows = list(_rows(path))
    items = [
        LabelledText(
            normalise(row["text"]), tuple(our_labels(row["labels"].split("|"))), TEAM_CATEGORIES
        )
        for row in rows
    ]
    unknown = [row["labels"] for row, item in zip(rows, items, strict=True) if not item.labels]
    if unknown:
        raise ValueError(f"{path} has rows with no known label: {unknown[:3]}")
    data.category.extend(items)
    add(path, items, len(rows))

    path = data_dir / WISESIGHT
    rows = list(_rows(path))
    items = [
        LabelledText(normalise(row["text"]), (row["label"],), WISESIGHT, row.get("orig_split", ""))
        for row in rows
        if row["label"] in SENTIMENT_CLASSES and row["text"].strip()
    ]
    data.sentiment.extend(items)
    add(path, items, len(rows))

    # Citizens' messages, for the sentiment head's sense of civic Thai: the team's examples
    # (praise, suggestions, questions, complaints) and every Traffy report read as a complaint.
    path = examples_dir / TEAM_SENTIMENT
    rows = list(_rows(path))
    items = [LabelledText(normalise(row["text"]), (row["label"],), TEAM_SENTIMENT) for row in rows]
    unknown = [row["label"] for row in rows if row["label"] not in SENTIMENT_CLASSES]
    if unknown:
        raise ValueError(f"{path} has rows with an unknown label: {unknown[:3]}")
    data.sentiment.extend(items)
    add(path, items, len(rows))
    data.sentiment.extend(
        LabelledText(item.text, (COMPLAINT_SENTIMENT,), TRAFFY_TYPE)
        for item in data.category_from(TRAFFY_TYPE)
    )
    if corpus is not None and corpus.is_file():
        civic_category, civic_sentiment = civic_training_items(corpus)
        data.category.extend(civic_category)
        data.sentiment.extend(civic_sentiment)
        data.files.append(
            SourceFile(corpus, len(civic_category), len(civic_sentiment), sha256_of(corpus))
        )
    return data


def team_messages(examples_dir: Path = EXAMPLES_DIR) -> list[dict[str, str]]:
    """The team-written messages with intent, urgency and sentiment labels (for evaluation)."""
    return list(_rows(examples_dir / TEAM_MESSAGES))


def crowd_intents(data_dir: Path) -> list[tuple[str, str]]:
    """(text, intent) from the volunteers' Traffy labels: complaint, suggestion or question."""
    path = data_dir / TRAFFY_CROWDLABEL
    if not path.is_file():
        return []
    names = {"ร้องเรียน": "complaint", "เสนอแนะ": "suggestion", "สอบถาม": "question"}
    return [(row["text"], names[row["intent"]]) for row in _rows(path) if row["intent"] in names]
