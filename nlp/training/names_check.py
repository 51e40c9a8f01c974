"""Whether the name tagger helps, measured without the test half.

``python -m nlp.training.names_check cv`` cross-validates the tagger within the train half (5
folds by the row id's hash; each row tagged by a model that never saw it) and adds its spans to
the rules' at several thresholds: must-mask spans left and must-keep spans touched, for the
officials' redaction and the public one, as ``siang nlp eval`` counts them; what the tagger
finds by itself (the train half's name spans it covers whole, its spans outside every must-mask
span, its spans on the held-out negatives); and the officials' threshold those figures choose
(`officials_threshold`). ``--no-negatives`` trains without the negatives.

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
from nlp.personal_data.learnt_names import CAREFUL, EAGER, learnt_names
from nlp.personal_data.name_features import tokens_of
from nlp.personal_data.redaction import _apply, _resolve, redact, redact_for_public
from nlp.training.datasets import DEFAULT_DATA
from nlp.training.names import (
    Labelled,
    cross_validate,
    is_name_span,
    leads_a_name,
    negative_sequences,
    sequences,
    token_scores,
    train_half,
)

THRESHOLDS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)


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


def _tagger_alone(
    messages: list[Any], by_id: dict[str, Labelled], probs: dict[str, list[float]], at: float
) -> dict[str, int]:
    """What the tagger finds by itself, out of fold: the train half's name spans it covers
    whole (the rules were written from this half, so "left" above flatters them; this does
    not), its spans that overlap no must-mask span, and its spans on held-out negatives."""
    from nlp.personal_data.learnt_names import spans_from

    out = {"names": 0, "names_found": 0, "spans_outside_mask": 0}
    for m in messages:
        seq = by_id.get(m.id)
        if seq is None:
            continue
        spans = spans_from(seq.tokens, probs[m.id], at)
        masked = [(m.text.find(x), m.text.find(x) + len(x)) for x in m.mask if x in m.text]
        for name in (x for x in m.mask if is_name_span(x) and x in m.text):
            a = m.text.find(name)
            b = a + len(name)
            out["names"] += 1
            inner = [t for t in seq.tokens if t[1] < b and t[2] > a and not leads_a_name(t[0])]
            out["names_found"] += bool(inner) and all(
                any(s <= t[1] and t[2] <= e for s, e in spans) for t in inner
            )
        out["spans_outside_mask"] += sum(all(e <= a or s >= b for a, b in masked) for s, e in spans)
    for source in ("written", "traffy"):
        negs = [s for s in by_id.values() if s.id.startswith(f"neg-{source}-")]
        out[f"{source}_negatives"] = len(negs)
        out[f"{source}_spans"] = sum(len(spans_from(n.tokens, probs[n.id], at)) for n in negs)
    return out


def cv_report(c1: float, c2: float, negatives: bool = True) -> dict[str, Any]:
    from nlp.personal_data.learnt_names import spans_from

    messages = [m for m in train_half() if m.mask or m.keep]
    everything = sequences(train_half()) + (negative_sequences() if negatives else [])
    probs = cross_validate(everything, c1, c2)
    by_id: dict[str, Labelled] = {s.id: s for s in everything}
    rules = {
        m.id: (redact(m.text, learnt=False).spans, redact_for_public(m.text, learnt=False).spans)
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
        report[f"with_tagger_at_{at}"] = _counts(rows) | _tagger_alone(messages, by_id, probs, at)
    report["officials_threshold"] = officials_threshold(report, len(everything))
    report["negatives_masked_at_0.9"] = [
        " ".join(f"[{t[0]}]" if t[1] < e and s < t[2] else t[0] for t in seq.tokens)
        for seq in everything
        if seq.id.startswith("neg-")
        for s, e in spans_from(seq.tokens, probs[seq.id], 0.9)
    ]
    return report


# What the tagger may add outside every must-mask span, out of fold, on the train rows and the
# held-out negatives together: one span per this many sequences.
_SEQUENCES_PER_STRAY_SPAN = 1000


def officials_threshold(report: dict[str, Any], sequences: int) -> float | None:
    """The lowest threshold at which the tagger, added to the officials' rules, touches no
    must-keep span more than the rules alone and strays outside the must-mask spans at most
    once per `_SEQUENCES_PER_STRAY_SPAN` sequences (None if none does)."""
    touched = report["rules_only"]["touched"]
    for at in THRESHOLDS:
        row = report[f"with_tagger_at_{at}"]
        stray = row["spans_outside_mask"] + row["written_spans"] + row["traffy_spans"]
        if row["touched"] <= touched and stray * _SEQUENCES_PER_STRAY_SPAN <= sequences:
            return at
    return None


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


def real_report(sample: int, data: Path = DEFAULT_DATA) -> dict[str, Any]:
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
    for at in (EAGER, CAREFUL):
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
        report = cv_report(c1, c2, negatives="--no-negatives" not in argv)
        print(json.dumps(report, ensure_ascii=False, indent=1))
    elif argv and argv[0] == "real":
        n = int(argv[1]) if len(argv) > 1 else 60
        print(json.dumps(real_report(n), ensure_ascii=False, indent=1))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
