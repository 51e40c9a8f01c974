"""Traffy's 13-class macro-F1 and the civic train half, measured by one cross-validation.

``python -m nlp.evaluation.category_tradeoffs [--data DIR] [--folds 5] [--scored-folds N]
[--variants ...]`` splits ``traffy_type.csv`` into the stratified folds of ``siang nlp eval`` and the civic train
half into as many folds by a hash of each message's id; the tickets, volunteer tags and team
examples are always in training (minus any text held out). Each fold's category head scores the
held-out Traffy texts (13-class macro-F1, the best of all 30 labels, as served) and the held-out
civic messages (the best label is acceptable; macro-F1 over their labels), so every setting is
chosen on Traffy DEV and the civic train half together. The civic test half is not read.

Variants (each against ``shipped``, the single head as trained before the ticket style, in
float64):

* ``civic_negatives``: a civic message counts ``--civic-negative`` (not 6) in the SVMs of the
  labels it is not about, so it teaches its own label as much and pushes the others less;
* ``traffy_blend``: the mean of the shipped head and a head trained without the civic corpus,
  weighted ``--blend`` towards the latter (two linear heads over one vocabulary are one);
* ``contradicting``: the civic messages whose category is one of Traffy's 13 and to which a
  head trained in the fold without the civic corpus gives another of the 13 count
  ``--contradicting`` (they are where the two conventions differ);
* ``offsets``: per-label offsets added to the shipped head's scores, chosen for each fold on
  the other folds' out-of-fold scores to maximise Traffy macro-F1 + civic macro-F1;
* ``ticket_style``: the head trained with a second copy of the features for the Traffy files'
  texts (times ``--style-scale``), served as the shared scores plus the ticket-style head's
  probability times the correction (``nlp.training.ticket_style``, shipped since issue 13
  item 2; ``shipped`` is the single head before it).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from nlp.categories import LABELS
from nlp.training import SOURCE_WEIGHTS
from nlp.training.civic import fold_of
from nlp.training.datasets import (
    CIVIC,
    TEAM_CATEGORIES,
    TRAFFY_CROWDLABEL,
    TRAFFY_TICKETS,
    TRAFFY_TYPE,
    LabelledText,
    load_training_data,
)
from nlp.training.features import TextFeaturiser, shared_analysers
from nlp.training.heads import (
    ABSENT_LABEL_BIAS,
    CATEGORY_C,
    CATEGORY_NB_ALPHA,
    DEFAULT_FEATURES,
    SEED,
    _label_matrix,
    _scaled_fit,
)
from nlp.training.ticket_style import TicketStyle

VARIANTS = (
    "shipped",
    "civic_negatives",
    "traffy_blend",
    "contradicting",
    "offsets",
    "ticket_style",
)
_OFFSET_GRID = np.linspace(-0.5, 0.5, 21)


@dataclass(slots=True)
class Fold:
    x: csr_matrix  # training texts' features
    y: np.ndarray  # training texts x labels, 0/1
    sources: np.ndarray
    categories: list[str]  # each training text's first label (a civic message's category)
    held_x: csr_matrix
    held: list[LabelledText]  # held-out Traffy texts, then held-out civic messages


def make_folds(data_dir: Path, folds: int) -> list[Fold]:
    data = load_training_data(data_dir)
    traffy = data.category_from(TRAFFY_TYPE)
    civic = data.category_from(CIVIC)
    others = data.category_from(TRAFFY_TICKETS, TRAFFY_CROWDLABEL, TEAM_CATEGORIES)
    truth = [item.labels[0] for item in traffy]
    civic_fold = [fold_of(item.group, folds, "cv:") for item in civic]
    analysers = shared_analysers(DEFAULT_FEATURES.char_range)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    result = []
    for k, (train, test) in enumerate(splitter.split(truth, truth)):
        held = [traffy[i] for i in test] + [
            c for c, f in zip(civic, civic_fold, strict=True) if f == k
        ]
        held_texts = {item.text for item in held}
        kept_civic = [c for c, f in zip(civic, civic_fold, strict=True) if f != k]
        training = [traffy[i] for i in train] + [
            item for item in kept_civic + others if item.text not in held_texts
        ]
        featuriser = TextFeaturiser(DEFAULT_FEATURES, analysers)
        x = featuriser.fit_transform([item.text for item in training])
        result.append(
            Fold(
                x=x,
                y=_label_matrix(training, LABELS),
                sources=np.array([item.source for item in training]),
                categories=[item.labels[0] for item in training],
                held_x=featuriser.transform([item.text for item in held]),
                held=held,
            )
        )
    return result


def _fit(
    fold: Fold, weights_of: Callable[[int], np.ndarray], c: float = CATEGORY_C
) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest NB-SVMs as ``train_category_head`` fits them, with per-label row weights."""
    coefficients = np.zeros((fold.x.shape[1], len(LABELS)))
    intercepts = np.full(len(LABELS), ABSENT_LABEL_BIAS)
    for k in range(len(LABELS)):
        weights = weights_of(k)
        if fold.y[weights > 0, k].sum() < 2:
            continue
        coefficients[:, k], intercepts[k] = _scaled_fit(
            fold.x, fold.y[:, k], weights, c, CATEGORY_NB_ALPHA
        )
    return coefficients, intercepts


def _source_weights(fold: Fold, civic_weight: float) -> np.ndarray:
    weights = {**SOURCE_WEIGHTS, CIVIC: civic_weight}
    return np.array([weights.get(source, 1.0) for source in fold.sources])


def _contradicting(fold: Fold, traffy_only: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Training rows of the civic corpus whose category is one of Traffy's 13 labels while the
    head without the civic corpus gives another of the 13, not acceptable for the message."""
    traffy13 = sorted({item.labels[0] for item in fold.held if item.source == TRAFFY_TYPE})
    columns = np.array([LABELS.index(label) for label in traffy13])
    rows = np.flatnonzero(fold.sources == CIVIC)
    scores = fold.x[rows] @ traffy_only[0][:, columns] + traffy_only[1][columns]
    best = columns[scores.argmax(axis=1)]
    return rows[
        [
            fold.y[row, column] == 0 and fold.categories[row] in traffy13
            for row, column in zip(rows, best, strict=True)
        ]
    ]


def fold_scores(
    fold: Fold, variants: Sequence[str], options: argparse.Namespace
) -> dict[str, np.ndarray]:
    """Every variant's scores for the fold's held-out texts (offsets are added later)."""
    shipped = _source_weights(fold, SOURCE_WEIGHTS[CIVIC])
    result: dict[str, np.ndarray] = {}
    model = _fit(fold, lambda _: shipped, options.c)
    result["shipped"] = fold.held_x @ model[0] + model[1]
    if "traffy_blend" in variants or "contradicting" in variants:
        traffy_only = _fit(fold, lambda _: _source_weights(fold, 0.0), options.c)
        blended = fold.held_x @ traffy_only[0] + traffy_only[1]
        result["traffy_blend"] = (1 - options.blend) * result["shipped"] + options.blend * blended
        if "contradicting" in variants:
            weights = shipped.copy()
            weights[_contradicting(fold, traffy_only)] = options.contradicting
            model = _fit(fold, lambda _: weights, options.c)
            result["contradicting"] = fold.held_x @ model[0] + model[1]
    if "ticket_style" in variants:
        result["ticket_style"] = _ticket_style_scores(fold, shipped, options)
    if "civic_negatives" in variants:
        civic = fold.sources == CIVIC

        def negatives_lighter(k: int) -> np.ndarray:
            lighter = civic & (fold.y[:, k] == 0)
            return np.where(lighter, options.civic_negative, shipped)

        model = _fit(fold, negatives_lighter, options.c)
        result["civic_negatives"] = fold.held_x @ model[0] + model[1]
    return {
        name: scores for name, scores in result.items() if name in variants or name == "shipped"
    }


def _ticket_style_scores(
    fold: Fold, weights: np.ndarray, options: argparse.Namespace
) -> np.ndarray:
    """Shared scores plus the ticket-style probability times Traffy tickets' correction, as
    ``nlp.training.ticket_style`` trains them and ``CategoryClassifier`` serves them."""
    style = TicketStyle(scale=options.style_scale)
    tickets = np.isin(fold.sources, sorted(style.tickets))
    known = tickets | np.isin(fold.sources, sorted(style.chat))
    doubled = hstack([fold.x, diags(tickets * np.float32(style.scale)) @ fold.x]).tocsr()
    features = fold.x.shape[1]
    coefficients = np.zeros((2 * features, len(LABELS)))
    intercepts = np.full(len(LABELS), ABSENT_LABEL_BIAS)
    for k in range(len(LABELS)):
        if fold.y[:, k].sum() >= 2:
            coefficients[:, k], intercepts[k] = _scaled_fit(
                doubled, fold.y[:, k], weights, options.c, CATEGORY_NB_ALPHA
            )
    reader = LogisticRegression(C=style.style_c, max_iter=2000)
    reader.fit(fold.x[known], tickets[known].astype(np.int8))
    ticket_like = reader.predict_proba(fold.held_x)[:, 1]
    shared = fold.held_x @ coefficients[:features] + intercepts
    correction = fold.held_x @ coefficients[features:] * style.scale
    scores: np.ndarray = shared + ticket_like[:, None] * correction
    return scores


class Scorer:
    """Traffy 13-class macro-F1 and civic accuracy and macro-F1 of score matrices over the
    held-out texts of every fold."""

    def __init__(self, held: Sequence[LabelledText]) -> None:
        index = {label: k for k, label in enumerate(LABELS)}
        self.first = np.array([index[item.labels[0]] for item in held])
        self.acceptable = np.zeros((len(held), len(LABELS)), dtype=bool)
        for row, item in enumerate(held):
            self.acceptable[row, [index[label] for label in item.labels]] = True
        sources = np.array([item.source for item in held])
        self.traffy, self.civic = sources == TRAFFY_TYPE, sources == CIVIC

    def _f1(self, truth: np.ndarray, predicted: np.ndarray) -> np.ndarray:
        n = len(LABELS)
        hits = np.bincount(truth[truth == predicted], minlength=n)
        both = np.bincount(predicted, minlength=n) + np.bincount(truth, minlength=n)
        f1: np.ndarray = (2 * hits / np.maximum(both, 1))[np.unique(truth)]
        return f1

    def figures(self, scores: np.ndarray, rows: np.ndarray | None = None) -> dict[str, Any]:
        rows = np.ones(len(scores), dtype=bool) if rows is None else rows
        best = scores.argmax(axis=1)
        traffy, civic = self.traffy & rows, self.civic & rows
        right = self.acceptable[civic, best[civic]]
        credited = np.where(right, self.first[civic], best[civic])
        traffy_f1 = self._f1(self.first[traffy], best[traffy])
        civic_f1 = self._f1(self.first[civic], credited)
        classes = np.unique(self.first[traffy])
        return {
            "traffy_macro_f1": round(float(traffy_f1.mean()), 4),
            "traffy_f1": dict(
                zip([LABELS[k] for k in classes], np.round(traffy_f1, 3).tolist(), strict=True)
            ),
            "civic_accuracy": round(float(right.mean()), 4),
            "civic_macro_f1": round(float(civic_f1.mean()), 4),
            "civic_lowest_f1": round(float(civic_f1.min()), 4),
        }

    def objective(self, scores: np.ndarray, rows: np.ndarray) -> float:
        found = self.figures(scores, rows)
        return float(found["traffy_macro_f1"] + found["civic_macro_f1"])


def cross_fitted_offsets(scores: np.ndarray, fold_of_row: np.ndarray, scorer: Scorer) -> np.ndarray:
    """Each fold's scores plus offsets chosen on the other folds' rows (coordinate ascent)."""
    result = scores.copy()
    for fold in np.unique(fold_of_row):
        rows = fold_of_row != fold
        offsets = np.zeros(len(LABELS))
        best = scorer.objective(scores, rows)
        for _ in range(2):
            for k in range(len(LABELS)):
                for value in _OFFSET_GRID:
                    trial = offsets.copy()
                    trial[k] = value
                    found = scorer.objective(scores + trial, rows)
                    if found > best + 1e-9:
                        best, offsets = found, trial
        result[~rows] += offsets
    return result


def tradeoff_figures(
    data_dir: Path, folds: int, variants: Sequence[str], options: argparse.Namespace
) -> dict[str, Any]:
    made = make_folds(data_dir, folds)[: options.scored_folds or None]
    per_fold = [fold_scores(fold, variants, options) for fold in made]
    scorer = Scorer([item for fold in made for item in fold.held])
    fold_of_row = np.concatenate([np.full(len(fold.held), k) for k, fold in enumerate(made)])
    stacked = {name: np.vstack([scores[name] for scores in per_fold]) for name in per_fold[0]}
    if "offsets" in variants:
        stacked["offsets"] = cross_fitted_offsets(stacked["shipped"], fold_of_row, scorer)
    return {"folds": folds, "options": vars(options)} | {
        name: scorer.figures(scores) for name, scores in stacked.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--civic-negative", type=float, default=2.0)
    parser.add_argument("--blend", type=float, default=0.2)
    parser.add_argument("--contradicting", type=float, default=1.0)
    parser.add_argument(
        "--scored-folds", type=int, default=0, help="score only the first N folds (exploring)"
    )
    parser.add_argument("--style-scale", type=float, default=TicketStyle().scale)
    parser.add_argument("--c", type=float, default=CATEGORY_C, help="the SVMs' C (all variants)")
    args = parser.parse_args()
    figures = tradeoff_figures(args.data, args.folds, args.variants, args)
    print(json.dumps(figures, ensure_ascii=False, indent=2, default=str))


if __name__ == "__main__":
    main()
