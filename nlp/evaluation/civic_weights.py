"""How much the civic corpus should count in training, chosen on its train half alone.

``python -m nlp.evaluation.civic_weights [--data DIR] [--weights 1 3 6] [--folds 2]`` splits
the train half's messages into folds (by id), trains the category head on everything else
(Traffy, the team's examples, the other folds) with the civic rows at each weight, and reports
how often the best label is acceptable on the held-out fold, with macro-F1 over the labels.
The test half is not read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from nlp.evaluation.civic import label_scores
from nlp.evaluation.classifiers import _best_labels, served_category
from nlp.training import SOURCE_WEIGHTS
from nlp.training.civic import fold_of
from nlp.training.datasets import CIVIC, civic_training_items, load_training_data
from nlp.training.features import shared_analysers
from nlp.training.heads import DEFAULT_FEATURES


def civic_weight_figures(data_dir: Path, weights: list[float], folds: int = 2) -> dict[str, Any]:
    data = load_training_data(data_dir, corpus=None)
    civic, _ = civic_training_items()
    analysers = shared_analysers(DEFAULT_FEATURES.char_range)
    result: dict[str, Any] = {"civic_train_rows": len(civic), "folds": folds}
    for weight in weights:
        right = 0
        pairs: list[tuple[str, str]] = []
        for fold in range(folds):
            held = [item for item in civic if fold_of(item.group, folds, "cv:") == fold]
            kept = [item for item in civic if fold_of(item.group, folds, "cv:") != fold]
            head = served_category(
                [*data.category, *kept], analysers, {**SOURCE_WEIGHTS, CIVIC: weight}
            )
            for item, best in zip(held, _best_labels(head, held), strict=True):
                ok = best in item.labels
                right += ok
                pairs.append((item.labels[0], item.labels[0] if ok else best))
        f1s = [scores["f1"] or 0.0 for scores in label_scores(pairs).values()]
        result[f"weight_{weight:g}"] = {
            "accuracy": round(right / len(pairs), 4),
            "macro_f1": round(sum(f1s) / len(f1s), 4),
            "lowest_f1": round(min(f1s), 4),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--weights", type=float, nargs="+", default=[1.0, 3.0, 6.0])
    parser.add_argument("--folds", type=int, default=2)
    args = parser.parse_args()
    figures = civic_weight_figures(args.data, args.weights, args.folds)
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
