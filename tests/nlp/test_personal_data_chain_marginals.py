"""The name tagger's probabilities computed from its weights (`name_scores`, `chain_marginals`)
are crfsuite's own: each token's score is the sum of the weights of the features
`name_features.features` gives it, and the marginals match `Tagger.marginal` to float rounding.
Messages written for these tests, not taken from the corpus."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from nlp.personal_data.chain_marginals import marginals
from nlp.personal_data.learnt_names import (
    _known_features,
    _scorer,
    _tagger,
    name_marginals,
    probabilities,
)
from nlp.personal_data.name_features import features, tokens_of

TEXTS = [
    "ลุงเปียกข้างบ้านเผาขยะทุกเย็น ควันเข้าบ้านหมด",
    "ผู้กองเก่งไม่ยอมรับแจ้งความ บอกให้ไปตกลงกันเอง",
    "ยายปิ่นล้มในห้องน้ำ ลุกไม่ได้ ช่วยด้วยค่ะ",
    "แจ้งเรื่องไฟดับค่ะ สุดารัตน์ บุญมา โทร 0812345678",
    "ถนนซอยวัดป่าหน้าบ้านป้าแดง เป็นหลุมใหญ่",
    "คุณ สมชาย ใจดี  ผู้ใหญ่บ้าน หมู่ 4 ต.บางพลี",
    "ไฟ",
    "John Smith ที่ซอยพ่อใหญ่ทองดี",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scores_are_the_sums_of_the_features_weights(text: str) -> None:
    scorer = _scorer()
    assert scorer is not None
    tokens = tokens_of(text)
    weights = scorer.weights
    expected = np.array([weights.score_of(tuple(f)) for f in features(tokens, _known_features())])
    assert np.allclose(scorer.scores(tokens), expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("text", TEXTS)
def test_probabilities_are_crfsuites(text: str) -> None:
    tagger = _tagger()
    assert tagger is not None
    tokens = tokens_of(text)
    ours = probabilities(tokens)
    theirs = name_marginals(tagger, tokens, _known_features())
    assert np.allclose(ours, theirs, rtol=0, atol=1e-12)


def test_marginals_of_any_label_count_agree_with_three() -> None:
    rng = np.random.default_rng(7)
    scores, moves = rng.normal(size=(9, 3)), rng.normal(size=(3, 3))
    written_out = marginals(scores, moves)
    padded_scores = np.hstack([scores, np.full((9, 1), -50.0)])
    padded_moves = np.pad(moves, ((0, 1), (0, 1)), constant_values=-50.0)
    general = [row[:3] for row in marginals(padded_scores, padded_moves)]
    assert np.allclose(written_out, general, atol=1e-12)
    assert np.allclose([sum(row) for row in written_out], 1.0)


def test_marginals_match_brute_force_over_every_path() -> None:
    rng = np.random.default_rng(3)
    scores, moves = rng.normal(size=(4, 3)), rng.normal(size=(3, 3))
    totals = np.zeros((4, 3))
    for path in np.ndindex(3, 3, 3, 3):
        weight = np.exp(
            sum(scores[t, label] for t, label in enumerate(path))
            + sum(moves[a, b] for a, b in pairwise(path))
        )
        for t, label in enumerate(path):
            totals[t, label] += weight
    assert np.allclose(marginals(scores, moves), totals / totals.sum(axis=1, keepdims=True))
