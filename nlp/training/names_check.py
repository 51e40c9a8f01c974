"""Whether the name tagger helps, measured without the test half.

``python -m nlp.training.names_check cv`` cross-validates the tagger within the train half (5
folds by the row id's hash; each row tagged by a model that never saw it) and adds its spans to
the rules' at several thresholds: must-mask spans left and must-keep spans touched, for the
officials' redaction and the public one, as ``siang nlp eval`` counts them.

``python -m nlp.training.names_check real [N]`` runs the shipped tagger over every text of the
real data sets (``/work/shared/data/*.csv``: Traffy, Wisesight, which nobody on the team wrote)
and counts the words it would mask that the rules leave, at each threshold; it prints a random
sample of N of them in their context for a person to judge.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path
from typing import Any

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.learnt_names import EAGER, learnt_names
from nlp.personal_data.name_features import tokens_of
from nlp.personal_data.redaction import _apply, _resolve, redact, redact_for_public
from nlp.training.names import (
    Labelled,
    cross_validate,
    sequences,
    token_scores,
    train_half,
)

THRESHOLDS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
DATA = Path("/work/shared/data")
_TEXT_COLUMNS = ("comment", "text", "texts", "description", "message")


def _with(text: str, rules: list[PersonalDataSpan], extra: list[tuple[int, int]]) -> str:
    spans = rules + [PersonalDataSpan(PersonalDataKind.PERSON_NAME, s, e) for s, e in extra]
    return _apply(text, _resolve(spans))


def _counts(
    rows: list[tuple[Any, str, str]],
) -> dict[str, int]:
    """Must-mask spans left and must-keep spans touched, given (message, official, public)."""
    out = {"must_mask": 0, "left": 0, "public_left": 0, "must_keep": 0, "touched": 0}
    out["public_touched"] = 0
    for m, official, public in rows:
        for span in m.mask:
            out["must_mask"] += 1
            out["left"] += span in official
            out["public_left"] += span in public
        for span in m.keep:
            out["must_keep"] += 1
            out["touched"] += span not in official
            out["public_touched"] += span not in public
    return out


def cv_report(c1: float, c2: float) -> dict[str, Any]:
    from nlp.personal_data.learnt_names import spans_from

    messages = [m for m in train_half() if m.mask or m.keep]
    everything = sequences(train_half())
    probs = cross_validate(everything, c1, c2)
    by_id: dict[str, Labelled] = {s.id: s for s in everything}
    rules = {
        m.id: (redact(m.text).spans, redact_for_public(m.text, learnt=False).spans)
        for m in messages
    }
    report: dict[str, Any] = {
        "rules_only": _counts(
            [
                (m, _with(m.text, rules[m.id][0], []), _with(m.text, rules[m.id][1], []))
                for m in messages
            ]
        ),
        "token_scores": {str(at): token_scores(everything, probs, at) for at in THRESHOLDS},
    }
    for at in THRESHOLDS:
        rows = []
        for m in messages:
            seq = by_id[m.id]
            extra = spans_from(seq.tokens, probs[m.id], at)
            official, public = rules[m.id]
            rows.append((m, _with(m.text, official, extra), _with(m.text, public, extra)))
        report[f"with_tagger_at_{at}"] = _counts(rows)
    return report


def _texts(data: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            column = next((c for c in _TEXT_COLUMNS if c in (reader.fieldnames or [])), None)
            if column is None:
                print(f"{path.name}: no text column in {reader.fieldnames}")
                continue
            texts += [row[column] for row in reader if row[column]]
    return texts


def real_report(sample: int, data: Path = DATA) -> dict[str, Any]:
    """Words the tagger would newly mask on real texts, at each threshold, and a sample."""
    texts = list(dict.fromkeys(_texts(data)))
    low = min(THRESHOLDS)
    found: list[tuple[str, int, int, float]] = []
    for text in texts:
        spans = learnt_names(text, low)
        if not spans:
            continue
        ruled = redact_for_public(text, learnt=False).spans
        tokens = tokens_of(text)
        from nlp.personal_data.learnt_names import probabilities

        probs = probabilities(tokens)
        for start, end in spans:
            if any(s.start < end and start < s.end for s in ruled):
                continue
            p = max(
                p for (_, s, e, _), p in zip(tokens, probs, strict=True) if s < end and start < e
            )
            found.append((text, start, end, p))
    counts = {str(at): sum(p >= at for *_, p in found) for at in THRESHOLDS}
    words = {
        str(at): sum(len(tokens_of(t[s:e])) for t, s, e, p in found if p >= at) for at in THRESHOLDS
    }
    report: dict[str, Any] = {
        "texts": len(texts),
        "new_spans_by_threshold": counts,
        "new_words_by_threshold": words,
        "texts_touched_by_threshold": {
            str(at): len({t for t, *_, p in found if p >= at}) for at in THRESHOLDS
        },
    }
    rng = random.Random(1412)
    for at in (EAGER, 0.9):
        pool = [f for f in found if f[3] >= at]
        chosen = rng.sample(pool, min(sample, len(pool)))
        report[f"sample_at_{at}"] = [
            f"{t[max(0, s - 25) : s]}[[{t[s:e]}]]{t[e : e + 25]}  p={p:.2f}".replace("\n", " ")
            for t, s, e, p in chosen
        ]
    return report


def main(argv: list[str] | None = None) -> int:
    import json

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "cv":
        c1, c2 = (float(argv[1]), float(argv[2])) if len(argv) > 2 else (0.1, 0.01)
        print(json.dumps(cv_report(c1, c2), ensure_ascii=False, indent=1))
    elif argv and argv[0] == "real":
        n = int(argv[1]) if len(argv) > 1 else 60
        print(json.dumps(real_report(n), ensure_ascii=False, indent=1))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
