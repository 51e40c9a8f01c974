"""Where the learnt hazard head's threshold should sit, chosen on the civic train half alone.

``python -m nlp.evaluation.hazard_threshold [--data DIR] [--folds 5]`` trains the hazard head
``folds`` times, each time without one fold of the train half's messages, scores the held-out
messages, and reports for each threshold how urgency does when the head's hazards are added to
the rules' (with the rules' checks for dangers that are over): the share of emergencies rated
high (recall) and the share of messages rated high that are emergencies (precision). The test
half is not read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from nlp.analysis import Hazard, Intent
from nlp.hazard_model import HAZARD_LABELS, guesses
from nlp.intent import served_intent
from nlp.sentiment import SentimentClassifier
from nlp.text_model import TextInput
from nlp.training import HAZARD_SOURCE_WEIGHTS
from nlp.training.civic import fold_of
from nlp.training.datasets import CIVIC, hazard_training_items, load_training_data
from nlp.training.features import shared_analysers
from nlp.training.heads import DEFAULT_FEATURES, train_category_head
from nlp.urgency import hazards_in, still_dangerous

THRESHOLDS = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def threshold_figures(data_dir: Path, folds: int = 5) -> dict[str, Any]:
    data = load_training_data(data_dir, corpus=None)
    items = hazard_training_items(data)
    civic = [item for item in items if item.source == CIVIC]
    others = [item for item in items if item.source != CIVIC]
    sentiment = SentimentClassifier.load()
    analysers = shared_analysers(DEFAULT_FEATURES.char_range)
    scored: list[tuple[bool, set[Hazard], list[tuple[Hazard, float]], Intent, TextInput]] = []
    for fold in range(folds):
        held = [item for item in civic if fold_of(item.group, folds, "hz:") == fold]
        kept = [item for item in civic if fold_of(item.group, folds, "hz:") != fold]
        head = train_category_head(
            [*kept, *others],
            HAZARD_LABELS,
            source_weights=HAZARD_SOURCE_WEIGHTS,
            analysers=analysers,
            name="hazard",
        ).as_linear_head()
        for item in held:
            prepared = TextInput.of(item.text)
            intent = served_intent(prepared, sentiment.read(prepared))
            rules = {cue.hazard for cue in hazards_in(prepared, intent)}
            scores = head.probabilities(prepared).tolist()
            ranked = [(Hazard(label), s) for label, s in zip(head.labels, scores, strict=True)]
            scored.append((bool(item.labels), rules, ranked, intent, prepared))
    result: dict[str, Any] = {"messages": len(scored), "emergencies": sum(s[0] for s in scored)}
    rules_only = [bool(rules) for _, rules, _, _, _ in scored]
    result["rules_only"] = _figures([s[0] for s in scored], rules_only)
    for threshold in THRESHOLDS:
        rated = []
        for _, rules, ranked, intent, prepared in scored:
            learnt, sure = guesses(ranked, threshold, besides=rules)
            rated.append(bool(rules) or bool(still_dangerous(prepared, learnt, intent, sure)))
        result[f"threshold_{threshold:g}"] = _figures([s[0] for s in scored], rated)
    return result


def _figures(truth: list[bool], rated: list[bool]) -> dict[str, Any]:
    hits = sum(t and r for t, r in zip(truth, rated, strict=True))
    return {
        "rated_high": sum(rated),
        "recall": round(hits / max(1, sum(truth)), 4),
        "precision": round(hits / max(1, sum(rated)), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(threshold_figures(args.data, args.folds), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
