"""The name tagger's marginal probabilities computed here, from the weights in its model file,
rather than by python-crfsuite.

python-crfsuite takes a message as strings: each of a token's ~24 features is converted and
looked up on every call (``Tagger.set`` was half the personal data stage's time). The sum of a
token's features' weights depends only on the token for the features it reads of itself and of
its neighbours (``name_features._readings``), so here that sum is kept per token, and a
message's scores are a few shifted additions plus the handful of features that depend on where
the token stands. The forward-backward pass over the three labels is then short plain Python.

The numbers are those of crfsuite's own computation up to the order of float additions (about
1e-15); spans are cut at 0.5 and 0.95, so the spans are the same.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")  # magic, size, type, version, counts and chunk offsets
_CHUNK = struct.Struct("<4sII")  # chunk id, size, number of items
_FEATURE = np.dtype([("kind", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True, slots=True)
class ChainWeights:
    """A linear-chain CRF's weights: per attribute (by name) a weight per label, and the
    label-to-label transition weights. Labels are in the model's label id order."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray  # attributes x labels (float64, as stored), then a row of zeros
    transitions: np.ndarray  # labels x labels: from the row's label to the column's

    @classmethod
    def read(cls, model: Path, labels: dict[str, int], attributes: dict[str, int]) -> ChainWeights:
        """The weights of crfsuite model file ``model`` (its ``FEAT`` chunk); ``labels`` and
        ``attributes`` are the ids its tagger lists (``Tagger.info()``)."""
        data = model.read_bytes()
        magic, _, kind, _, _, label_count, attribute_count, at, *_ = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{model} is not a crfsuite CRF1d model")
        chunk, _, count = _CHUNK.unpack_from(data, at)
        if chunk != b"FEAT" or len(labels) != label_count or len(attributes) != attribute_count:
            raise ValueError(f"{model}: unexpected layout")
        features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=at + _CHUNK.size)
        state = np.zeros((attribute_count + 1, label_count))
        transitions = np.zeros((label_count, label_count))
        is_state = features["kind"] == _STATE
        own = features[is_state]
        state[own["source"], own["target"]] = own["weight"]
        moves = features[features["kind"] == _TRANSITION]
        transitions[moves["source"], moves["target"]] = moves["weight"]
        names = [""] * label_count
        for name, index in labels.items():
            names[index] = name
        return cls(tuple(names), dict(attributes), state, transitions)

    def score_of(self, names: tuple[str, ...]) -> np.ndarray:
        """The summed weights, per label, of the features ``names`` (those it lacks weigh 0)."""
        summed: np.ndarray = self.scores_of((names,))[0]
        return summed

    def scores_of(self, groups: tuple[tuple[str, ...], ...]) -> np.ndarray:
        """``score_of`` each group of feature names (groups x labels), in one sum."""
        rows: list[int] = []
        starts: list[int] = []
        attributes = self.attributes
        for names in groups:
            starts.append(len(rows))
            rows.append(-1)  # the row of zeros: no group is empty (adding 0.0 changes nothing)
            rows += [attributes[name] for name in names if name in attributes]
        return np.add.reduceat(self.state[rows], starts, axis=0)


def marginals(scores: np.ndarray, transitions: np.ndarray) -> list[list[float]]:
    """Each position's marginal probability of each label, for a chain whose positions score
    ``scores`` (positions x labels) and whose moves score ``transitions``."""
    # shifting a position's scores by a constant changes no probability and keeps exp finite
    points = np.exp(scores - scores.max(axis=1, keepdims=True)).tolist()
    moves = np.exp(transitions).tolist()
    if len(moves) == 3:
        return _three_labels(points, moves)
    return _any_labels(points, moves)


def _three_labels(points: list[list[float]], moves: list[list[float]]) -> list[list[float]]:
    """Forward-backward for three labels, written out (the tagger's O, B-NAME and I-NAME)."""
    (m00, m01, m02), (m10, m11, m12), (m20, m21, m22) = moves
    forward = []
    a0, a1, a2 = points[0]
    total = a0 + a1 + a2
    a0, a1, a2 = a0 / total, a1 / total, a2 / total
    forward.append((a0, a1, a2))
    for p0, p1, p2 in points[1:]:
        a0, a1, a2 = (
            p0 * (a0 * m00 + a1 * m10 + a2 * m20),
            p1 * (a0 * m01 + a1 * m11 + a2 * m21),
            p2 * (a0 * m02 + a1 * m12 + a2 * m22),
        )
        total = a0 + a1 + a2
        a0, a1, a2 = a0 / total, a1 / total, a2 / total
        forward.append((a0, a1, a2))
    out: list[list[float]] = [[]] * len(points)
    b0 = b1 = b2 = 1.0
    for t in range(len(points) - 1, -1, -1):
        f0, f1, f2 = forward[t]
        f0, f1, f2 = f0 * b0, f1 * b1, f2 * b2
        total = f0 + f1 + f2
        out[t] = [f0 / total, f1 / total, f2 / total]
        p0, p1, p2 = points[t]
        q0, q1, q2 = p0 * b0, p1 * b1, p2 * b2
        b0, b1, b2 = (
            m00 * q0 + m01 * q1 + m02 * q2,
            m10 * q0 + m11 * q1 + m12 * q2,
            m20 * q0 + m21 * q1 + m22 * q2,
        )
        total = b0 + b1 + b2
        b0, b1, b2 = b0 / total, b1 / total, b2 / total
    return out


def _any_labels(points: list[list[float]], moves: list[list[float]]) -> list[list[float]]:
    """Forward-backward for any number of labels (each step normalised)."""
    labels = range(len(moves))
    forward = []
    alpha = _normalised(points[0])
    forward.append(alpha)
    for point in points[1:]:
        alpha = _normalised(
            [point[j] * math.fsum(alpha[i] * moves[i][j] for i in labels) for j in labels]
        )
        forward.append(alpha)
    out: list[list[float]] = [[]] * len(points)
    beta = [1.0] * len(moves)
    for t in range(len(points) - 1, -1, -1):
        out[t] = _normalised([forward[t][j] * beta[j] for j in labels])
        weighted = [points[t][j] * beta[j] for j in labels]
        beta = _normalised([sum(moves[i][j] * weighted[j] for j in labels) for i in labels])
    return out


def _normalised(values: list[float]) -> list[float]:
    total = sum(values)
    return [value / total for value in values]
