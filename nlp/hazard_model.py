"""A learnt second opinion on danger: one score per hazard, from the same n-grams as the category.

The rules in ``nlp.urgency`` name a danger from words officials can read, but people describe
emergencies in more ways than any list holds ("ชาลามขึ้นมาถึงเข่า" after a snake bite, "จับเป็น
ตัวประกัน", a lift stuck with people inside). This head, trained on the civic corpus's train
half (and on Traffy reports with the rules' labels, so ordinary complaints teach what is not an
emergency), scores each hazard 0..1; a hazard scoring at least ``HAZARD_THRESHOLD`` counts as
found, beside whatever the rules find. The threshold was chosen by 5-fold cross-validation on
the train half (``python -m nlp.evaluation.hazard_threshold``): missing an emergency costs more
than a false alarm, so it is the highest threshold that keeps the best recall the head gives
with the rules, as long as at least 88 % of the messages rated high are emergencies (a margin
over the 80 % target). With batch 16 (December 2026) 0.1, 0.15 and 0.2 all gave recall 0.996,
and 0.2 the best precision of the three, 0.940 (0.915 and 0.927 below it; 0.3 gave 0.991 /
0.948), against 0.881 / 0.962 for the rules alone. With t29–t31 (session 18) the recalls
parted: 0.986 at 0.1, 0.984 at 0.15, 0.981 at 0.2 (precision 0.917, 0.933, 0.937), so by the
same rule the threshold moved to 0.1 (with t33 too: 0.987, 0.985, 0.982; precision 0.921,
0.935, 0.938); on Traffy's 11,068 everyday texts it rates 7 more high
(234 against 227), a 0.06-point rise in the false-alarm watch. The
rules' context checks still apply to what it finds: thanks, opinions and suggestions about a
danger that is over, and "everyone is safe", are not urgent; and, as the head names no words,
a fear, a drill, the news or a danger that keeps happening anywhere in the message keeps it
from counting (``nlp.urgency.still_dangerous``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from nlp.analysis import Hazard
from nlp.text_model import ModelBundle, TextInput, load_bundle

HAZARD_LABELS: tuple[str, ...] = tuple(hazard.value for hazard in Hazard)
HAZARD_THRESHOLD = 0.1
# Sure enough to count alone, in a message that names no person and nothing urgent
# (``nlp.urgency.still_dangerous``); chosen like the threshold, by cross-validation on the train
# half (``python -m nlp.evaluation.hazard_threshold``): 0.7 and 0.9 lost no emergency there,
# 0.9 rated two fewer ordinary messages high; without it (1.0) three emergencies were lost.
HAZARD_SURE = 0.9


def guesses(
    scores: Iterable[tuple[Hazard, float]],
    threshold: float = HAZARD_THRESHOLD,
    *,
    besides: Collection[Hazard] = (),
) -> tuple[list[Hazard], list[Hazard]]:
    """What the head finds at ``threshold`` that is not in ``besides`` (the rules' hazards), and
    what it is sure of (``HAZARD_SURE``, or the threshold when higher): both go to
    ``nlp.urgency.still_dangerous``."""
    pairs = list(scores)
    found = [hazard for hazard, score in pairs if score >= threshold and hazard not in besides]
    sure = [hazard for hazard, score in pairs if score >= max(threshold, HAZARD_SURE)]
    return found, sure


class HazardClassifier:
    """Scores each hazard for a message; load once, then ``scores`` many times."""

    HEAD = "hazard"

    def __init__(self, bundle: ModelBundle) -> None:
        self._head = bundle.head(self.HEAD)

    @classmethod
    def load(cls, path: Path | None = None) -> HazardClassifier | None:
        """The head, or None for a bundle trained before it existed."""
        bundle = load_bundle(path)
        if cls.HEAD not in bundle.heads:
            return None
        return cls(bundle)

    def scores(self, text: str | TextInput) -> dict[Hazard, float]:
        probabilities = self._head.probabilities(TextInput.of(text)).tolist()
        return {
            Hazard(label): score
            for label, score in zip(self._head.labels, probabilities, strict=True)
        }
