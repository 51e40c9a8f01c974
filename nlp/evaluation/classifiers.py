"""Cross-validated accuracy and macro-F1 of every classifier on the dev data (``siang nlp eval``).

Each fold trains with the real training code and predicts through the real predict path
(``nlp.text_model``), so the figures are those of the shipped model, not of a look-alike.
- ``traffy_type``: 13-class category, stratified k-fold; the other category sources (tickets,
  volunteer tags, team examples) are always in training, minus any text in the test fold.
  The prediction is the best of all 30 labels, as served.
- ``traffy_tickets``: is the best label one of the ticket's labels? k-fold over tickets.
- ``wisesight``: 4 classes (pos/neu/neg/q) as served: q when the intent is ``question``, else
  the sentiment; stratified k-fold over DEV, and also the official train → valid split. The
  civic texts the sentiment head also learns from are in every fold's training.
- ``civic_sentiment``: how that head reads citizens: the share of Traffy tickets (reports of
  problems) read as positive, neutral, negative.
- ``crowd_intent``: intent rules on the volunteers' labels (complaint/suggestion/question).
- ``team_messages``: intent, urgency and sentiment on the team-written messages (they were written
  alongside the rules, so they show the rules work as meant, not how well they generalise).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import KFold, StratifiedKFold

from nlp.analysis import Intent
from nlp.categories import LABELS, CategoryClassifier
from nlp.intent import served_intent
from nlp.sentiment import WISESIGHT_TO_SENTIMENT, SentimentClassifier
from nlp.text_model import ModelBundle, TextInput
from nlp.training import SENTIMENT_SOURCE_WEIGHTS, SOURCE_WEIGHTS
from nlp.training.datasets import (
    CIVIC,
    SENTIMENT_CLASSES,
    TEAM_CATEGORIES,
    TRAFFY_CROWDLABEL,
    TRAFFY_TICKETS,
    TRAFFY_TYPE,
    WISESIGHT,
    LabelledText,
    TrainingData,
    crowd_intents,
    load_training_data,
    team_messages,
)
from nlp.training.features import Analysers, shared_analysers
from nlp.training.heads import DEFAULT_FEATURES, SEED, train_sentiment_head
from nlp.training.ticket_style import train_category_heads
from nlp.urgency import detect_urgency

Progress = Callable[[str], None]
_WISESIGHT_CLASS = {sentiment: name for name, sentiment in WISESIGHT_TO_SENTIMENT.items()}
_FEELINGS = ("negative", "neutral", "positive")


def _quiet(_: str) -> None:
    return None


def _inputs(texts: Sequence[str]) -> list[TextInput]:
    return [TextInput.of(text) for text in texts]


def _best_labels(classifier: CategoryClassifier, items: Sequence[LabelledText]) -> list[str]:
    return [
        classifier.labels[int(np.argmax(classifier.decision(TextInput.of(item.text))))]
        for item in items
    ]


def served_category(
    training: Sequence[LabelledText],
    analysers: Analysers,
    source_weights: dict[str, float] = SOURCE_WEIGHTS,
) -> CategoryClassifier:
    """The category head (and Traffy tickets' correction) as trained and served, uncalibrated."""
    heads = train_category_heads(
        training, LABELS, source_weights=source_weights, calibrate=False, analysers=analysers
    )
    return CategoryClassifier(ModelBundle([head.stored() for head in heads]))


def _scores(
    truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    return {
        "n": len(truth),
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(
            float(f1_score(truth, predicted, labels=list(labels), average="macro")), 4
        ),
        "f1_per_class": {
            label: round(float(score), 4)
            for label, score in zip(
                labels, f1_score(truth, predicted, labels=list(labels), average=None), strict=True
            )
        },
    }


def evaluate_traffy_type(
    data: TrainingData, folds: int, progress: Progress = _quiet
) -> dict[str, Any]:
    target = data.category_from(TRAFFY_TYPE)
    others = data.category_from(TRAFFY_TICKETS, TRAFFY_CROWDLABEL, TEAM_CATEGORIES, CIVIC)
    truth = [item.labels[0] for item in target]
    predicted = [""] * len(target)
    analysers = shared_analysers(DEFAULT_FEATURES.char_range)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    for fold, (train, test) in enumerate(splitter.split(truth, truth), start=1):
        held_out = {target[i].text for i in test}
        training = [target[i] for i in train] + [o for o in others if o.text not in held_out]
        head = served_category(training, analysers)
        for i, label in zip(test, _best_labels(head, [target[i] for i in test]), strict=True):
            predicted[i] = label
        progress(f"traffy_type fold {fold}/{folds}")
    classes = sorted(set(truth))
    return {"task": "category, 13 classes, best label of all", "folds": folds} | _scores(
        truth, predicted, classes
    )


def evaluate_traffy_tickets(
    data: TrainingData, folds: int, progress: Progress = _quiet
) -> dict[str, Any]:
    target = data.category_from(TRAFFY_TICKETS)
    if len(target) < folds:
        return {"task": "multi-label tickets", "n": len(target), "note": "no tickets file"}
    others = data.category_from(TRAFFY_TYPE, TRAFFY_CROWDLABEL, TEAM_CATEGORIES, CIVIC)
    hits = np.zeros(len(target), dtype=bool)
    analysers = shared_analysers(DEFAULT_FEATURES.char_range)
    for fold, (train, test) in enumerate(
        KFold(folds, shuffle=True, random_state=SEED).split(target), start=1
    ):
        held_out = {target[i].text for i in test}
        training = [target[i] for i in train] + [o for o in others if o.text not in held_out]
        head = served_category(training, analysers)
        for i, label in zip(test, _best_labels(head, [target[i] for i in test]), strict=True):
            hits[i] = label in target[i].labels
        progress(f"traffy_tickets fold {fold}/{folds}")
    return {
        "task": "multi-label tickets: best label is one of the ticket's labels",
        "folds": folds,
        "n": len(target),
        "note": "tickets whose Traffy types are all topic-less (อื่นๆ, ร้องเรียน, …) are left out",
        "best_label_in_ticket_labels": round(float(hits.mean()), 4),
    }


def served_four_class(sentiment: SentimentClassifier, text: str) -> str:
    """Wisesight's four classes from what ``siang nlp analyze`` serves: q when the served intent
    is a question, else the sentiment (decided by the pipeline's own functions)."""
    prepared = TextInput.of(text)
    reading = sentiment.read(prepared)
    if served_intent(prepared, reading) is Intent.QUESTION:
        return "q"
    return _WISESIGHT_CLASS[reading.sentiment]


def _sentiment_model(items: Sequence[LabelledText], analysers: Analysers) -> SentimentClassifier:
    head = train_sentiment_head(
        items,
        SENTIMENT_CLASSES,
        source_weights=SENTIMENT_SOURCE_WEIGHTS,
        benchmark=WISESIGHT,
        analysers=analysers,
    )
    return SentimentClassifier(head.as_bundle())


def evaluate_wisesight(
    data: TrainingData, folds: int, progress: Progress = _quiet
) -> tuple[dict[str, Any], SentimentClassifier]:
    """The figures, and the last fold's classifier (reused for the intent figures). Folds are
    over Wisesight; the civic texts (team examples, Traffy reports) are in every fold's
    training, as in the shipped model."""
    items = data.sentiment_from(WISESIGHT)
    civic = [item for item in data.sentiment if item.source != WISESIGHT]
    truth = [item.labels[0] for item in items]
    served = [""] * len(items)
    model_only = [""] * len(items)
    analysers = shared_analysers(DEFAULT_FEATURES.char_range)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    classifier: SentimentClassifier | None = None
    for fold, (train, test) in enumerate(splitter.split(truth, truth), start=1):
        classifier = _sentiment_model([items[i] for i in train] + civic, analysers)
        head = classifier.head
        for i in test:
            served[i] = served_four_class(classifier, items[i].text)
            model_only[i] = head.labels[int(np.argmax(head.decision(TextInput.of(items[i].text))))]
        progress(f"wisesight fold {fold}/{folds}")
    result: dict[str, Any] = {"task": "sentiment 4 classes (q from intent)", "folds": folds}
    result |= _scores(truth, served, SENTIMENT_CLASSES)
    result["model_only"] = _scores(truth, model_only, SENTIMENT_CLASSES)
    train = [item for item in items if item.group == "train"]
    valid = [item for item in items if item.group == "valid"]
    if train and valid:
        official = _sentiment_model(train + civic, analysers)
        result["official_train_to_valid"] = _scores(
            [item.labels[0] for item in valid],
            [served_four_class(official, item.text) for item in valid],
            SENTIMENT_CLASSES,
        )
        progress("wisesight train -> valid")
    assert classifier is not None  # folds >= 2
    return result, classifier


def evaluate_civic_sentiment(data: TrainingData, sentiment: SentimentClassifier) -> dict[str, Any]:
    """How the sentiment head reads citizens' reports: Traffy tickets (reports of problems, none
    in the head's training) should rarely read as positive."""
    tickets = [item.text for item in data.category_from(TRAFFY_TICKETS)]
    read = Counter(sentiment.read(text).sentiment.value for text in tickets)
    return {
        "traffy_tickets_read_as": {
            "n": len(tickets),
            **{name: round(read[name] / max(len(tickets), 1), 4) for name in _FEELINGS},
        },
    }


def evaluate_intent_and_urgency(data_dir: Path, sentiment: SentimentClassifier) -> dict[str, Any]:
    """Intent on the volunteers' labels and intent, urgency and sentiment on the team's
    messages, as served, with a cross-validation fold's sentiment head (none of these texts are
    in its training)."""

    def intent_of(text: str) -> str:
        """The served intent in the volunteers' three classes: they have no follow-up class, and
        a report that says it was reported before is a complaint to them."""
        prepared = TextInput.of(text)
        intent = served_intent(prepared, sentiment.read(prepared))
        return Intent.COMPLAINT.value if intent is Intent.FOLLOW_UP else intent.value

    result: dict[str, Any] = {}
    crowd = crowd_intents(data_dir)
    if crowd:
        truth = [intent for _, intent in crowd]
        predicted = [intent_of(text) for text, _ in crowd]
        result["crowd_intent"] = {"task": "intent, volunteers' labels"} | _scores(
            truth, predicted, ["complaint", "suggestion", "question"]
        )
    messages = team_messages()
    prepared = [TextInput.of(row["text"]) for row in messages]
    readings = [sentiment.read(text) for text in prepared]
    intents = [
        served_intent(text, reading).value for text, reading in zip(prepared, readings, strict=True)
    ]
    urgencies = [
        detect_urgency(row["text"], None, Intent(intent)).value
        for row, intent in zip(messages, intents, strict=True)
    ]
    result["team_messages"] = {
        "task": "team-written messages (written with the rules: a check, not a benchmark)",
        "intent": _scores([row["intent"] for row in messages], intents, [i.value for i in Intent]),
        "urgency": _scores(
            [row["urgency"] for row in messages], urgencies, ["high", "normal", "low"]
        ),
        "sentiment": _scores(
            [row["sentiment"] for row in messages],
            [reading.sentiment.value for reading in readings],
            list(_FEELINGS),
        ),
    }
    return result


def evaluate_classifiers(
    data_dir: Path, folds: int = 5, *, progress: Progress = _quiet
) -> dict[str, Any]:
    """Cross-validated accuracy and macro-F1 for category, sentiment, intent and urgency."""
    data = load_training_data(Path(data_dir))
    wisesight, sentiment = evaluate_wisesight(data, folds, progress)
    return {
        "traffy_type": evaluate_traffy_type(data, folds, progress),
        "traffy_tickets": evaluate_traffy_tickets(data, folds, progress),
        "wisesight": wisesight,
        "civic_sentiment": evaluate_civic_sentiment(data, sentiment),
        **evaluate_intent_and_urgency(Path(data_dir), sentiment),
    }
