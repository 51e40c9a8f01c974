"""Train the person-name tagger (`nlp.personal_data.learnt_names`): a CRF over the tokeniser's
words, from the civic corpus's train half only (the test half is never read here).

Each train row's name spans are its `mask` entries that are names (`is_name_span`: no digit,
no @, no handle, e-mail or spelt-out number); every occurrence of one in the text labels the
tokens it overlaps B-NAME/I-NAME, all other tokens O (`keep` spans and ordinary words are the
negatives). A title, kinship word or rank at the start of a span ("นาย", "ลุง", "ผู้กอง") stays O:
the masker needs only the name after it, and labelling it would teach the tagger to mask every
ลุง. Beside the train rows, sequences without a name (`name_negatives`: sentences written from
knowledge of Thai, windows of Traffy tickets) teach what follows a kinship word when no one is
named. c1 and c2 are chosen by 5-fold cross-validation (folds by a hash of the row id, the
written negatives by what follows their form of address: `_fold`), on token-level F1 of the
name tokens.

``python -m nlp.training.names`` cross-validates, trains on the whole train half, writes
``nlp/models/names.crfsuite`` and its record (``names.json``, shown in ``RECORD.md``).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycrfsuite

from nlp.personal_data.learnt_names import MODEL_FILE, RECORD_NAME, name_marginals
from nlp.personal_data.name_features import Token, features, tokens_of
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.name_words import _STRONG_TITLES
from nlp.text_model import sha256_of
from nlp.training.civic import CORPUS_FILE, CivicMessage, fold_of, read_corpus

MODELS = Path(__file__).resolve().parents[1] / "models"
FOLDS = 5
GRID = ((0.05, 0.01), (0.1, 0.01), (0.1, 0.05), (0.3, 0.01))
ITERATIONS = 150
NEGATIVES_SOURCE = (
    "nlp.training.name_negatives: sentences written from knowledge of Thai and windows of "
    "the shared data's Traffy tickets where no rule finds a name, every token O"
)

# Not a name: digits (phones, IDs, plates, house numbers), @ and handles, spelt e-mails.
_NOT_A_NAME = re.compile(r"[0-9๐-๙@_:/]|[A-Za-z]\.[A-Za-z]|\b(?:at|dot)\b|แอท|ดอท|ไลน์", re.I)
# A phone number, ID or plate spelt out in words: two number words in a row ("สองแปด",
# "หนึ่ง สอง"), which no name holds.
_NUMBER_WORD = (
    r"(?:ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|zero|one|two|three|four|five|six|seven|eight|nine)"
)
_SPELT_NUMBER = re.compile(rf"{_NUMBER_WORD}[\s,.-]*{_NUMBER_WORD}", re.I)
_LEADING = frozenset({"คุณ", "ชื่อ"}) | _STRONG_TITLES


def is_name_span(span: str) -> bool:
    """Whether a `mask` entry is a person's name (the rule the tagger is trained by)."""
    return not _NOT_A_NAME.search(span) and not _SPELT_NUMBER.search(span)


@dataclass(frozen=True, slots=True)
class Labelled:
    id: str
    tokens: list[Token]
    labels: list[str]


def leads_a_name(token: str) -> bool:
    """A word a name follows (a title, คุณ, ชื่อ, a kinship word or a role), not the name."""
    from nlp.personal_data.name_features import _address_words

    return token in _LEADING or token in _address_words()


def label(text: str, names: Iterable[str]) -> tuple[list[Token], list[str]]:
    """The tokens of `text` and their BIO labels from the name spans `names`."""
    tokens = tokens_of(text)
    labels = ["O"] * len(tokens)
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            inside = [i for i, (_, s, e, _) in enumerate(tokens) if s < end and e > at]
            while len(inside) > 1 and leads_a_name(tokens[inside[0]][0]):
                inside = inside[1:]
            for n, i in enumerate(inside):
                labels[i] = "B-NAME" if n == 0 else "I-NAME"
            at = text.find(name, end)
    return tokens, labels


def sequences(messages: Iterable[CivicMessage]) -> list[Labelled]:
    """Every train row as tokens and labels (the caller passes only train rows)."""
    out = []
    for m in messages:
        if m.split != "train":
            raise ValueError(f"{m.id} is not in the train half")
        tokens, labels = label(m.text, [s for s in m.mask if is_name_span(s)])
        if tokens:
            out.append(Labelled(m.id, tokens, labels))
    return out


def train_half(corpus: Path = CORPUS_FILE) -> list[CivicMessage]:
    return [m for m in read_corpus((corpus,)) if m.split == "train"]


def negative_sequences() -> list[Labelled]:
    """The sequences without a name (`name_negatives`), every token O."""
    from nlp.training.name_negatives import negatives

    return [Labelled(i, tokens, ["O"] * len(tokens)) for i, tokens in negatives() if tokens]


def fit(train: Sequence[Labelled], c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for seq in train:
        trainer.append(features(seq.tokens), seq.labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": ITERATIONS,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def _fold(sequence_id: str) -> int:
    """A sequence's fold, by the hash of its id up to "~": the written negatives that share what
    follows the form of address ("neg-written-แถวบ้าน~…") fall in one fold together, so the
    figures say how the tagger reads such words it has not been shown."""
    return fold_of(sequence_id.split("~")[0], FOLDS)


def cross_validate(seqs: Sequence[Labelled], c1: float, c2: float) -> dict[str, list[float]]:
    """Out-of-fold name probabilities of every token, by row id (5 folds by the id's hash)."""
    out: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(FOLDS):
            path = Path(tmp) / f"fold{fold}.crfsuite"
            fit([s for s in seqs if _fold(s.id) != fold], c1, c2, path)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            for s in seqs:
                if _fold(s.id) == fold:
                    out[s.id] = name_marginals(tagger, s.tokens)
            tagger.close()
    return out


def token_scores(
    seqs: Sequence[Labelled], probs: dict[str, list[float]], at: float
) -> dict[str, float]:
    """Precision, recall and F1 of name tokens when a probability of `at` or more masks one."""
    tp = fp = fn = 0
    for s in seqs:
        for gold, p in zip(s.labels, probs[s.id], strict=True):
            named = gold != "O"
            tp += named and p >= at
            fp += (not named) and p >= at
            fn += named and p < at
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def choose(seqs: Sequence[Labelled]) -> tuple[tuple[float, float], dict[str, Any]]:
    """The (c1, c2) with the best cross-validated F1 at a probability of 0.5."""
    results: dict[str, Any] = {}
    best: tuple[float, float] = GRID[0]
    best_f1 = -1.0
    for c1, c2 in GRID:
        probs = cross_validate(seqs, c1, c2)
        scores = token_scores(seqs, probs, 0.5)
        results[f"c1={c1},c2={c2}"] = scores
        print(f"c1={c1} c2={c2}: {scores}", flush=True)
        if scores["f1"] > best_f1:
            best, best_f1 = (c1, c2), scores["f1"]
    return best, results


def write_model(seqs: Sequence[Labelled], c1: float, c2: float, figures: dict[str, Any]) -> Path:
    path = MODELS / MODEL_FILE
    fit(seqs, c1, c2, path)
    record = {
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m nlp.training.names",
        "model": "linear-chain CRF (python-crfsuite 0.9.12, L-BFGS), labels B-NAME/I-NAME/O",
        "source": "nlp/corpus/civic.jsonl, split == train only",
        "negatives": NEGATIVES_SOURCE,
        "corpus_sha256": sha256_of(CORPUS_FILE),
        "rows": sum(not s.id.startswith("neg-") for s in seqs),
        "negative_sequences": sum(s.id.startswith("neg-") for s in seqs),
        "name_tokens": sum(lab != "O" for s in seqs for lab in s.labels),
        "tokens": sum(len(s.labels) for s in seqs),
        "c1": c1,
        "c2": c2,
        "max_iterations": ITERATIONS,
        "artefact": {"file": MODEL_FILE, "bytes": path.stat().st_size, "sha256": sha256_of(path)},
        "figures": figures,
    }
    (MODELS / RECORD_NAME).write_text(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    from nlp.training.bundle import rewrite_markdown

    rewrite_markdown(MODELS)
    return path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _name_lists()
    seqs = sequences(train_half()) + negative_sequences()
    print(
        f"{len(seqs)} sequences (train rows and negatives), "
        f"{sum(lab != 'O' for s in seqs for lab in s.labels)} name tokens"
    )
    if "--c1" in argv:
        c1, c2 = float(argv[argv.index("--c1") + 1]), float(argv[argv.index("--c2") + 1])
        results: dict[str, Any] = {}
    else:
        (c1, c2), results = choose(seqs)
    path = write_model(seqs, c1, c2, {"cross_validated_token_scores_at_0.5": results})
    print(f"wrote {path} (c1={c1}, c2={c2})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
