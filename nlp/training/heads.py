"""Fit the linear heads: multi-label categories and four-class sentiment, with fixed seeds.

Both are linear support-vector machines over the TF-IDF blocks of ``features``; their raw
scores are turned into probabilities by a scale fitted on out-of-fold scores (Platt scaling for
the one-vs-rest category labels, a softmax temperature for sentiment). Sentiment also gets
per-class offsets chosen on out-of-fold scores to maximise macro-F1, which is what the rarer
classes (positive, question) need.

The category SVMs are NB-SVMs (Wang & Manning 2012): each label's SVM sees every feature scaled
by how unevenly it falls between that label's texts and the rest (the smoothed log-count ratio),
and the scale is folded back into the weights, so the shipped model is still one linear map over
the same TF-IDF features. On 5-fold cross-validation of the 13-class Traffy texts (DEV) this
lifts macro-F1 from 0.952 to 0.959 (smoothing 0.25; 1, 0.5 and 0.1 did less). It did not help
sentiment (out-of-fold macro-F1 about the same, the official valid split lower), so sentiment
keeps the plain SVM.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from nlp.ngram_codes import gram_codes
from nlp.text_model import HeadWeights, LinearHead, ModelBundle, to_probabilities
from nlp.training.datasets import LabelledText
from nlp.training.features import Analysers, FeatureSpec, TextFeaturiser

SEED = 1412
CATEGORY_C = 0.5
SENTIMENT_C = 0.1
CATEGORY_NB_ALPHA: float | None = 0.25  # chosen by 5-fold CV on DEV from 1, 0.5, 0.25, 0.1
SENTIMENT_NB_ALPHA: float | None = None
OOF_FOLDS = 3
DEFAULT_FEATURES = FeatureSpec()
ABSENT_LABEL_BIAS = -8.0  # a label with too few examples to learn is never predicted


@dataclass(slots=True)
class TrainedHead:
    name: str
    labels: list[str]
    featuriser: TextFeaturiser
    weights: np.ndarray  # features x labels
    bias: np.ndarray
    output: str
    details: dict[str, Any]

    def weight_arrays(self) -> dict[str, np.ndarray]:
        """The weights and bias in the bundle's on-disk form (the vocabulary is the
        featuriser's, ``TextFeaturiser.arrays``)."""
        return {
            f"{self.name}.weights": self.weights.astype(np.float16),
            f"{self.name}.bias": self.bias.astype(np.float32),
        }

    def header(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "char_range": list(self.featuriser.spec.char_range),
            "output": self.output,
        }

    def stored(self) -> HeadWeights:
        """The head as it will be after a round trip through the bundle (float16 weights)."""
        return HeadWeights(
            name=self.name,
            labels=self.labels,
            char_range=self.featuriser.spec.char_range,
            word_grams=_in_row_order(self.featuriser.words.vocabulary_),
            char_codes=gram_codes(_in_row_order(self.featuriser.chars.vocabulary_)),
            word_idf=self.featuriser.words.idf_.astype(np.float32),
            char_idf=self.featuriser.chars.idf_.astype(np.float32),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            output=self.output,
        )

    def as_bundle(self) -> ModelBundle:
        """A bundle holding only this head, exactly as served (float16 weights)."""
        return ModelBundle([self.stored()])

    def as_linear_head(self) -> LinearHead:
        """The predict-path head, exactly as served from a bundle holding only this head."""
        return self.as_bundle().head(self.name)


def _in_row_order(vocabulary: dict[str, int]) -> list[str]:
    return sorted(vocabulary, key=vocabulary.__getitem__)


def _label_matrix(items: Sequence[LabelledText], labels: Sequence[str]) -> np.ndarray:
    column = {label: k for k, label in enumerate(labels)}
    matrix = np.zeros((len(items), len(labels)), dtype=np.int8)
    for row, item in enumerate(items):
        for label in item.labels:
            matrix[row, column[label]] = 1
    return matrix


def log_count_ratio(x: Any, positive: np.ndarray, alpha: float) -> np.ndarray:
    """NB-SVM's per-feature log-count ratio for one label (Wang & Manning 2012): how much more
    of the feature's mass the label's texts carry than the others', smoothed by ``alpha``."""
    mass_in = np.asarray(x[positive].sum(axis=0)).ravel() + alpha
    mass_out = np.asarray(x[~positive].sum(axis=0)).ravel() + alpha
    ratio: np.ndarray = np.log((mass_in / mass_in.sum()) / (mass_out / mass_out.sum()))
    return ratio


def _scaled_columns(x: Any, scale: np.ndarray) -> csr_matrix:
    """``x @ diags(scale)`` as LinearSVC reads it best: each stored value times its column's
    scale, the indices sorted, in float64. The product itself came out unsorted and
    LinearSVC sorted it again on every one of the ~80 fits of a training (a fifth of its time);
    the values are the same, bit for bit."""
    scaled = csr_matrix(x, copy=True)
    scaled.data = scaled.data * scale[scaled.indices]  # in the product's own precision
    scaled.eliminate_zeros()
    scaled = scaled.astype(np.float64)
    scaled.sum_duplicates()  # sorted once here (a no-op for x sorted by `_one_vs_rest`)
    return scaled


def _scaled_fit(
    x: Any, target: np.ndarray, weights: np.ndarray | None, c: float, nb_alpha: float | None
) -> tuple[np.ndarray, float]:
    """One binary linear SVM; with ``nb_alpha`` over features scaled by their log-count ratio
    (NB-SVM), the scale folded back into the weights so the model is linear in the features."""
    scale = None
    if nb_alpha is not None:
        scale = np.abs(log_count_ratio(x, target.astype(bool), nb_alpha))
        x = _scaled_columns(x, scale)
    model = LinearSVC(C=c, random_state=SEED).fit(x, target, sample_weight=weights)
    coefficients = model.coef_[0] if scale is None else model.coef_[0] * scale
    return coefficients, float(model.intercept_[0])


def _one_vs_rest(
    x: Any, y: np.ndarray, weights: np.ndarray, c: float, nb_alpha: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    # Sorted (and, unscaled, in float64) once for all the labels' fits: LinearSVC would copy
    # and sort it again for each of them.
    x = csr_matrix(x, dtype=None if nb_alpha is not None else np.float64, copy=True)
    x.sum_duplicates()
    coefficients = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    intercepts = np.full(y.shape[1], ABSENT_LABEL_BIAS, dtype=np.float32)
    for k in range(y.shape[1]):
        if y[:, k].sum() < 2:
            continue
        coefficients[:, k], intercepts[k] = _scaled_fit(x, y[:, k], weights, c, nb_alpha)
    return coefficients, intercepts


def source_weights_of(
    items: Sequence[LabelledText], source_weights: dict[str, float] | None
) -> np.ndarray:
    """Each text's weight: its source's, 1 for a source not named."""
    return np.array([(source_weights or {}).get(item.source, 1.0) for item in items])


def calibrated_one_vs_rest(
    x: Any,
    y: np.ndarray,
    weights: np.ndarray,
    c: float,
    nb_alpha: float | None,
    *,
    calibrate: bool = True,
) -> tuple[np.ndarray, np.ndarray, float, float]:
    """One-vs-rest SVMs over ``x`` and the Platt scale and shift that turn their scores into
    probabilities (1 and 0 without ``calibrate``), fitted on scores for one quarter of the
    texts held out from a second fit."""
    coefficients, intercepts = _one_vs_rest(x, y, weights, c, nb_alpha)
    if not calibrate:
        return coefficients, intercepts, 1.0, 0.0
    rows = np.random.default_rng(SEED).permutation(x.shape[0])
    held_out, kept = rows[: len(rows) // 4], rows[len(rows) // 4 :]
    part_coefficients, part_intercepts = _one_vs_rest(x[kept], y[kept], weights[kept], c, nb_alpha)
    held_scores = x[held_out] @ part_coefficients + part_intercepts
    learnable = y[kept].sum(axis=0) >= 2
    platt = LogisticRegression(C=100.0).fit(
        held_scores[:, learnable].reshape(-1, 1), y[held_out][:, learnable].reshape(-1)
    )
    return coefficients, intercepts, float(platt.coef_[0][0]), float(platt.intercept_[0])


def train_category_head(
    items: Sequence[LabelledText],
    labels: Sequence[str],
    *,
    source_weights: dict[str, float] | None = None,
    spec: FeatureSpec = DEFAULT_FEATURES,
    c: float = CATEGORY_C,
    nb_alpha: float | None = CATEGORY_NB_ALPHA,
    calibrate: bool = True,
    analysers: Analysers | None = None,
    name: str = "category",
) -> TrainedHead:
    """One-vs-rest linear SVMs, one per label; scores calibrated to 0..1 by Platt scaling.
    (The hazard head is trained the same way under its own ``name``; the category head as
    served, with Traffy tickets' correction, by ``nlp.training.ticket_style``.)"""
    y = _label_matrix(items, labels)
    featuriser = TextFeaturiser(spec, analysers)
    x = featuriser.fit_transform([item.text for item in items])
    fitted = calibrated_one_vs_rest(
        x, y, source_weights_of(items, source_weights), c, nb_alpha, calibrate=calibrate
    )
    return sigmoid_head(
        name,
        labels,
        featuriser,
        fitted,
        category_details(y, featuriser, c, nb_alpha, fitted, labels),
    )


def sigmoid_head(
    name: str,
    labels: Sequence[str],
    featuriser: TextFeaturiser,
    fitted: tuple[np.ndarray, np.ndarray, float, float],
    details: dict[str, Any],
) -> TrainedHead:
    """A one-vs-rest head with its Platt scale and shift folded into the weights and bias."""
    coefficients, intercepts, scale, shift = fitted
    return TrainedHead(
        name=name,
        labels=list(labels),
        featuriser=featuriser,
        weights=coefficients * scale,
        bias=intercepts * scale + shift,
        output="sigmoid",
        details=details,
    )


def category_details(
    y: np.ndarray,
    featuriser: TextFeaturiser,
    c: float,
    nb_alpha: float | None,
    fitted: tuple[np.ndarray, np.ndarray, float, float],
    labels: Sequence[str],
) -> dict[str, Any]:
    """What the record says about a one-vs-rest head."""
    return {
        "model": "one-vs-rest linear SVM (hinge), Platt-scaled",
        "C": c,
        "nb_log_count_ratio_alpha": nb_alpha,
        "platt_scale": fitted[2],
        "platt_shift": fitted[3],
        "positives": {label: int(n) for label, n in zip(labels, y.sum(axis=0), strict=True)},
        "rows": len(y),
        "word_features": len(featuriser.words.vocabulary_),
        "char_features": len(featuriser.chars.vocabulary_),
    }


def _tune_offsets(scores: np.ndarray, truth: np.ndarray) -> tuple[np.ndarray, float]:
    """Per-class additive offsets that maximise macro-F1 (coordinate ascent on a grid)."""
    offsets = np.zeros(scores.shape[1])
    best = f1_score(truth, (scores + offsets).argmax(axis=1), average="macro")
    for _ in range(2):
        for k in range(scores.shape[1]):
            for value in np.linspace(-1.0, 1.0, 41):
                trial = offsets.copy()
                trial[k] = value
                score = f1_score(truth, (scores + trial).argmax(axis=1), average="macro")
                if score > best + 1e-9:
                    best, offsets = score, trial
    return offsets, float(best)


def _temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """The softmax temperature with the lowest log-loss on out-of-fold scores."""
    best_t, best_loss = 1.0, float("inf")
    for t in np.geomspace(0.3, 20.0, 60):
        probabilities = to_probabilities(scores * t, "softmax")
        loss = -float(np.mean(np.log(probabilities[np.arange(len(truth)), truth] + 1e-12)))
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


def _balanced_weights(truth: np.ndarray, classes: int) -> np.ndarray:
    """scikit-learn's ``class_weight="balanced"``: n / (classes * count of the class)."""
    counts = np.bincount(truth, minlength=classes)
    weights: np.ndarray = len(truth) / (classes * np.maximum(counts, 1))
    return weights


def train_sentiment_head(
    items: Sequence[LabelledText],
    classes: Sequence[str],
    *,
    source_weights: dict[str, float] | None = None,
    benchmark: str | None = None,
    spec: FeatureSpec = DEFAULT_FEATURES,
    c: float = SENTIMENT_C,
    nb_alpha: float | None = SENTIMENT_NB_ALPHA,
    tune: bool = True,
    analysers: Analysers | None = None,
) -> TrainedHead:
    """A class-balanced linear SVM over the four Wisesight classes, offsets tuned for macro-F1.

    Class weights are balanced over the ``benchmark`` source's texts (all texts when None); a
    text from another source also counts its ``source_weights`` weight. The offsets and the
    softmax temperature are chosen on out-of-fold scores of the benchmark's texts only, the
    other texts staying in every fold's training."""
    texts = [item.text for item in items]
    index = {name: k for k, name in enumerate(classes)}
    truth = np.array([index[item.labels[0]] for item in items])
    tuned = np.array([benchmark is None or item.source == benchmark for item in items])
    per_class = _balanced_weights(truth[tuned], len(classes))
    weights = per_class[truth] * np.array(
        [(source_weights or {}).get(item.source, 1.0) for item in items]
    )
    featuriser = TextFeaturiser(spec, analysers)
    x = featuriser.fit_transform(texts)

    def fit(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(features x classes weights, intercepts): one binary SVM per class, NB-scaled when
        ``nb_alpha`` is set (as the category heads), else scikit-learn's one-vs-rest."""
        if nb_alpha is not None:
            one_hot = (truth[rows, None] == np.arange(len(classes))).astype(np.int8)
            return _one_vs_rest(x[rows], one_hot, weights[rows], c, nb_alpha)
        model = LinearSVC(C=c, random_state=SEED)
        model.fit(x[rows], truth[rows], sample_weight=weights[rows])
        return model.coef_.T, model.intercept_

    fitted_weights, fitted_intercepts = fit(np.arange(len(items)))
    coefficients = fitted_weights.astype(np.float32)
    intercepts = fitted_intercepts.astype(np.float32)
    offsets = np.zeros(len(classes))
    temperature, oof_f1 = 1.0, float("nan")
    if tune:
        scored = np.flatnonzero(tuned)
        out_of_fold = np.zeros((len(scored), len(classes)), dtype=np.float32)
        folds = StratifiedKFold(OOF_FOLDS, shuffle=True, random_state=SEED)
        for _, test in folds.split(scored, truth[scored]):
            kept = np.ones(len(items), dtype=bool)
            kept[scored[test]] = False
            fold_weights, fold_intercepts = fit(np.flatnonzero(kept))
            out_of_fold[test] = x[scored[test]] @ fold_weights + fold_intercepts
        offsets, oof_f1 = _tune_offsets(out_of_fold, truth[scored])
        temperature = _temperature(out_of_fold + offsets, truth[scored])
    return TrainedHead(
        name="sentiment",
        labels=list(classes),
        featuriser=featuriser,
        weights=coefficients * temperature,
        bias=((intercepts + offsets) * temperature).astype(np.float32),
        output="softmax",
        details={
            "model": "linear SVM (one-vs-rest, class-balanced), macro-F1 offsets, softmax temperature",
            "C": c,
            "nb_log_count_ratio_alpha": nb_alpha,
            "source_weights": source_weights or {},
            "offsets_tuned_on": benchmark or "all texts",
            "offsets": dict(zip(classes, np.round(offsets, 3).tolist(), strict=True)),
            "temperature": temperature,
            "out_of_fold_macro_f1_after_offsets": oof_f1,
            "rows": len(items),
            "rows_by_source": dict(Counter(item.source for item in items)),
            "word_features": len(featuriser.words.vocabulary_),
            "char_features": len(featuriser.chars.vocabulary_),
        },
    )
