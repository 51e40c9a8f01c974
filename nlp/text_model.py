"""The lean predict path shared by every classifier, and the verified model bundle it reads.

A message is normalised and tokenised once (``TextInput``); its word 1–2-grams and character
n-grams are built once. A head is a linear model over TF-IDF features exactly as
scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` computes them (1 + log count, times the
idf, each block L2-normalised), so the few lines here reproduce the trained models without
scikit-learn objects or pickles. All heads of a bundle share one vocabulary and one table (per
n-gram: each head's idf and float16 weights), so a message's distinct n-grams are looked up once, their
rows gathered once, and every head scored by one small matrix product over only those rows.

The bundle is one ``.npz`` file (read with ``allow_pickle=False``): per head its vocabularies
(UTF-8, one n-gram a line), idf vectors, weights (float16) and bias, plus a JSON header. The
record file next to it (``record.json``) holds the bundle's SHA-256; ``load_bundle`` refuses a
bundle whose bytes do not match it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

import numpy as np

from nlp.gram_index import GramIndex
from nlp.ngram_codes import char_codes
from nlp.normalise import normalise
from nlp.stored_grams import StoredGrams
from nlp.tokenise import tokenise
from nlp.weight_tables import TableScores, weight_tables

MODEL_DIR = Path(__file__).resolve().parent / "models"
BUNDLE_FILE = "classifiers.npz"
RECORD_FILE = "record.json"
# How many of the bundle's n-grams (the commonest, by idf) are looked up first, in an array small
# enough to stay in the cache (nlp.gram_index)
COMMON_GRAMS = 24576


class ModelIntegrityError(RuntimeError):
    """The model bundle on disk is not the one the record describes (tampered or stale)."""


class TextInput:
    """One message, normalised and tokenised once, with its n-grams built on first use."""

    __slots__ = ("__dict__", "text", "words")

    def __init__(self, text: str, words: list[str]) -> None:
        self.text = text
        self.words = words

    @classmethod
    def of(cls, raw: str | TextInput) -> TextInput:
        if isinstance(raw, TextInput):
            return raw
        text = normalise(raw)
        return cls(text, tokenise(text))

    @cached_property
    def word_grams(self) -> list[str]:
        words = [word.lower() for word in self.words]
        return words + [f"{a} {b}" for a, b in pairwise(words)]

    @cached_property
    def lowered(self) -> str:
        """What the character n-grams are cut from: the text in lower case with a space at each
        end, so that how a message starts and ends counts (a question's closing ไหม, มั้ย, ?)."""
        return f" {self.text.lower()} " if self.text else ""

    def char_grams(self, shortest: int, longest: int) -> list[str]:
        key = f"_chars_{shortest}_{longest}"
        grams: list[str] | None = self.__dict__.get(key)
        if grams is None:
            text = self.lowered
            grams = [
                text[start : start + size]
                for size in range(shortest, longest + 1)
                for start in range(len(text) - size + 1)
            ]
            self.__dict__[key] = grams
        return grams


def word_grams_of(text: str) -> list[str]:
    """The word n-grams of already normalised text (training uses the same function)."""
    return TextInput(text, tokenise(text)).word_grams


def char_grams_of(text: str, shortest: int, longest: int) -> list[str]:
    return TextInput(text, []).char_grams(shortest, longest)


def _word_hash(gram: str) -> int:
    return hash(gram.encode("utf-8"))


def _hashes(grams: Sequence[str]) -> np.ndarray:
    if isinstance(grams, StoredGrams):
        return grams.hashes()
    return np.fromiter(map(_word_hash, grams), np.int64, len(grams))


_NO_HASHES = np.zeros(0, dtype=np.int64)
_LEAST_NORM = np.finfo(np.float64).tiny  # any other norm is at least 1 (an idf is)


def _check_distinct(heads: list[HeadWeights], hashes: list[np.ndarray]) -> None:
    """Refuse heads in which two different word n-grams share a hash (about one chance in
    10^9 per process start for this bundle's 90,000 n-grams)."""
    for head_hashes in hashes:
        if len(np.unique(head_hashes)) != len(head_hashes):
            raise ValueError("two word n-grams share a hash; load the bundle again")
    for (one, one_hashes), (other, other_hashes) in combinations(
        zip(heads, hashes, strict=True), 2
    ):
        _, mine, theirs = np.intersect1d(
            one_hashes, other_hashes, assume_unique=True, return_indices=True
        )
        for at in range(0, len(mine), _CHECKED_AT_ONCE):
            rows = slice(at, at + _CHECKED_AT_ONCE)
            mine_utf8 = _utf8_at(one.word_grams, mine[rows].tolist())
            if mine_utf8 != _utf8_at(other.word_grams, theirs[rows].tolist()):
                raise ValueError("two word n-grams share a hash; load the bundle again")


_CHECKED_AT_ONCE = 8192


def _utf8_at(grams: Sequence[str], indices: list[int]) -> list[bytes]:
    if isinstance(grams, StoredGrams):
        return grams.utf8_at(indices)
    return [grams[i].encode("utf-8") for i in indices]


def _shared_vocabularies(heads: list[HeadWeights]) -> list[int]:
    """For each head, the first head whose vocabulary and idf are the very same objects
    (read once from the bundle for all the heads that share them)."""
    owners: list[int] = []
    for head in heads:
        owners.append(
            next(
                (
                    owner
                    for owner in sorted(set(owners))
                    if heads[owner].word_grams is head.word_grams
                    and heads[owner].char_codes is head.char_codes
                    and heads[owner].word_idf is head.word_idf
                    and heads[owner].char_idf is head.char_idf
                ),
                len(owners),
            )
        )
    return owners


@dataclass(frozen=True, slots=True)
class HeadWeights:
    """One trained head as stored: its vocabularies, idf vectors, weights and output kind."""

    name: str
    labels: list[str]
    char_range: tuple[int, int]
    word_grams: Sequence[str]  # row order of the word block (a list, or as stored)
    char_codes: np.ndarray  # row order of the character block (after the word rows): gram codes
    word_idf: np.ndarray
    char_idf: np.ndarray
    # (word rows + char rows) x labels, or what reads them from the bundle file when needed
    weights: np.ndarray | Callable[[], np.ndarray]
    bias: np.ndarray
    output: str  # "sigmoid" (independent labels) or "softmax" (one of them)

    def read_weights(self) -> np.ndarray:
        return self.weights() if callable(self.weights) else self.weights


class LinearHead:
    """A linear classifier over word and character TF-IDF blocks (sublinear tf, L2 per block).

    Its weights live in the bundle's shared table, so every head of a bundle is scored in the
    one pass over a message's n-grams (``ModelBundle.decisions``)."""

    def __init__(
        self, name: str, labels: list[str], output: str, bundle: ModelBundle, index: int
    ) -> None:
        self.name = name
        self.labels = labels
        self.output = output
        self._bundle = bundle
        self._index = index  # its place among the bundle's heads

    def decision(self, text: TextInput) -> np.ndarray:
        """Raw linear scores, one per label (read-only: shared by every caller of this text)."""
        return self._bundle.decisions(text)[self._index]

    def probabilities(self, text: TextInput) -> np.ndarray:
        return to_probabilities(self.decision(text), self.output)


def to_probabilities(decision: np.ndarray, output: str) -> np.ndarray:
    if output == "sigmoid":
        result: np.ndarray = 1.0 / (1.0 + np.exp(-decision))
        return result
    shifted = np.exp(decision - decision.max(axis=-1, keepdims=True))
    result = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


class ModelBundle:
    """Every trained head over one shared n-gram vocabulary and one table, so a message's
    n-grams are looked up and its weights gathered once for all heads.

    The shared vocabulary holds the word n-grams of all heads (as the hashes of their UTF-8
    bytes) and their character n-grams (as codes), numbered commonest first: since December 2026
    the 24,576 of least idf, then the others, each part in key order, so that a message's
    lookups and rows mostly fall in a small part that stays in the cache (``nlp.gram_index``).
    Row ``i`` of ``_idf`` holds each head's idf for shared n-gram ``i`` (0 where the head lacks
    it). The weights, the stored float16 numbers exactly, are kept in two tables, each with its
    heads' columns side by side: the heads that know at least ``DENSE_SHARE`` of the shared
    n-grams (sentiment) in shared row order, the others (category, hazard) only over the n-grams
    one of them knows, plus a row of zeros, found through one row map (``nlp.weight_tables``).
    Since batch 14: the category and hazard heads know 157,000 of the 359,000 shared n-grams, so
    one table of all heads side by side held 32 MB, mostly zeros, and these hold 17 MB; a
    message's rows are still gathered in two reads, not one per head (three separate tables were
    as small but 25 % slower to score). The scores are those of the trained heads up to the
    order of float additions. The word hashes are those of this process (Python salts its hashes
    per process), so a bundle is rebuilt in each process, never pickled.
    """

    def __init__(self, heads: list[HeadWeights], header: dict[str, Any] | None = None) -> None:
        ranges = {head.char_range for head in heads}
        if len(ranges) > 1:
            raise ValueError(f"heads disagree on the character n-gram range: {sorted(ranges)}")
        self.char_range: tuple[int, int] = ranges.pop() if ranges else (1, 4)
        self.header = header or {}
        # Word n-grams are found by the hash of their UTF-8 bytes (fixed for the life of the
        # process; str hashes are not used because a str is hashed in its internal form, where
        # "00" and "〰" are the same bytes) in sorted arrays rather than in a dictionary of
        # ~90,000 strings: 0.7 MB instead of about 14 MB.
        # Heads read from one stored vocabulary (the category head, Traffy tickets' correction
        # and the ticket-style head) share its hashes, rows and idf column.
        vocabulary_of = _shared_vocabularies(heads)
        owners = sorted(set(vocabulary_of))
        hashes_of = {owner: _hashes(heads[owner].word_grams) for owner in owners}
        word_hashes = np.unique(np.concatenate(list(hashes_of.values()) or [_NO_HASHES]))
        _check_distinct([heads[owner] for owner in owners], list(hashes_of.values()))
        codes = np.unique(
            np.concatenate(
                [heads[owner].char_codes for owner in owners] or [np.zeros(0, np.uint64)]
            )
        )
        words, chars = len(word_hashes), len(codes)
        shared = words + chars
        # idf per stored vocabulary as float32, weights as float16: both exactly as stored; first
        # in sorted order (the words' hashes, then the characters' codes), then renumbered
        idf = np.zeros((shared, len(owners)), dtype=np.float32)
        rows_by_owner: dict[int, np.ndarray] = {}
        for column, owner in enumerate(owners):
            head = heads[owner]
            rows = np.concatenate(
                (
                    np.searchsorted(word_hashes, hashes_of[owner]),
                    words + np.searchsorted(codes, head.char_codes),
                )
            )
            idf[rows, column] = np.concatenate((head.word_idf, head.char_idf))
            rows_by_owner[owner] = rows
        # one index for both: the words' hashes and the characters' codes are 64-bit keys alike
        # (one lookup a message, not two), and the commonest n-grams (least idf in any
        # vocabulary) come first (nlp.gram_index)
        keys = np.concatenate((word_hashes.view(np.uint64), codes))
        del word_hashes, codes
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        if np.any(keys[1:] == keys[:-1]):  # about one chance in 10^9 a process start
            raise ValueError("a word n-gram's hash is a character n-gram's code; load again")
        rarity = np.where(idf > 0.0, idf, np.inf).min(axis=1, initial=np.inf)
        self._grams, ids = GramIndex.of(keys, rarity[order], min(COMMON_GRAMS, shared))
        del keys, rarity
        new_id = np.empty(shared, dtype=np.int64)
        new_id[order] = ids
        by_new_id = np.empty(shared, dtype=np.int64)
        by_new_id[new_id] = np.arange(shared)
        idf = idf[by_new_id]
        del order, ids, by_new_id
        rows_by_owner = {owner: new_id[rows] for owner, rows in rows_by_owner.items()}
        rows_of = [rows_by_owner[owner] for owner in vocabulary_of]
        self._idf_column = [owners.index(owner) for owner in vocabulary_of]
        self._biases = [head.bias.astype(np.float32) for head in heads]
        # each table's rows hold its heads' idf columns too (the category and hazard idf only
        # over their own n-grams): 2.7 MB instead of 4.3 for all of them over all
        self._groups = weight_tables(heads, rows_of, shared, idf, self._idf_column)
        self._scoring = [TableScores.of(g, self._idf_column, self._biases) for g in self._groups]
        self._owner_count = len(owners)
        self._head_count = len(heads)
        self.heads = {
            head.name: LinearHead(head.name, head.labels, head.output, self, index)
            for index, head in enumerate(heads)
        }

    def __getstate__(self) -> None:
        raise TypeError("a ModelBundle holds this process's str hashes: load it in each process")

    def decisions(self, text: TextInput) -> list[np.ndarray]:
        """Every head's raw scores for the message, computed once per message and bundle."""
        cached: tuple[ModelBundle, list[np.ndarray]] | None = text.__dict__.get("_decisions")
        if cached is not None and cached[0] is self:
            return cached[1]
        ids, counts, word_rows = self._features(text)
        if ids.size:
            values = np.empty((len(ids), self._owner_count), dtype=np.float64)
            # each table's rows for the message's n-grams: its idf and weights, in one read
            rows = [group.gather(group.row_numbers(ids)) for group in self._groups]
            for group, (idf, _) in zip(self._groups, rows, strict=True):
                values[:, group.idf_columns] = idf
            values *= (1.0 + np.log(counts))[:, None]
            # sklearn's TfidfVectorizer: each block L2-normalised on its own (a block with no
            # n-gram of a vocabulary is all zeros: divided by the least float, it stays so)
            for block in (values[:word_rows], values[word_rows:]):
                if len(block):
                    norms = np.sqrt(np.einsum("ij,ij->j", block, block))
                    block /= np.maximum(norms, _LEAST_NORM, out=norms)
            weighted = values.T.astype(np.float32)
            result = list(self._biases)
            for group, scoring, (_, weights) in zip(self._groups, self._scoring, rows, strict=True):
                product = weighted[scoring.idf_columns] @ weights
                for index, scores in zip(group.members, scoring.scores(product), strict=True):
                    result[index] = scores
        else:
            result = [bias.copy() for bias in self._biases]
        for scores_of_head in result:
            scores_of_head.flags.writeable = False
        text.__dict__["_decisions"] = (self, result)
        return result

    def _features(self, text: TextInput) -> tuple[np.ndarray, np.ndarray, int]:
        """The message's distinct known n-grams as shared ids (word n-grams first), their counts,
        and how many of them are word n-grams."""
        word_counts = Counter(text.word_grams)
        codes = char_codes(text.lowered, *self.char_range)
        codes.sort()
        # where each run of equal codes starts, plus the end: the runs are the distinct codes
        edges = np.empty(codes.size + 1, dtype=bool)
        edges[0] = edges[-1] = True
        np.not_equal(codes[1:], codes[:-1], out=edges[1:-1])
        bounds = edges.nonzero()[0]
        size = len(word_counts)
        # _word_hash of each (UTF-8 is str.encode's default), without a Python call for each
        hashes = np.fromiter(map(hash, map(str.encode, word_counts)), np.int64, size)
        # the word n-grams (in the order first met), then the distinct character n-grams, looked
        # up together: a word n-gram unknown to the bundle whose hash were a known character
        # n-gram's code would be taken for it, as for a known word n-gram's hash, about one
        # chance in 10^12 a message
        keys = np.concatenate((hashes.view(np.uint64), codes[bounds[:-1]]))
        counts = np.concatenate(
            (np.fromiter(word_counts.values(), np.int64, size), bounds[1:] - bounds[:-1])
        )
        ids, found = self._grams.find(keys)
        return ids, counts[found], int(np.count_nonzero(found[:size]))

    def head(self, name: str) -> LinearHead:
        if name not in self.heads:
            raise KeyError(f"the model bundle has no {name!r} head (has {sorted(self.heads)})")
        return self.heads[name]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_against_record(bundle_path: Path) -> None:
    """Raise ``ModelIntegrityError`` unless the bundle's SHA-256 is the one recorded beside it."""
    record_path = bundle_path.parent / RECORD_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        expected = record["artefacts"][bundle_path.name]["sha256"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelIntegrityError(f"no usable record of {bundle_path.name}: {error}") from error
    actual = sha256_of(bundle_path)
    if actual != expected:
        raise ModelIntegrityError(
            f"{bundle_path} has SHA-256 {actual}, but {record_path.name} records {expected}: "
            "the file was changed after training; retrain with `siang nlp train` or restore it"
        )


def load_bundle(path: Path | None = None) -> ModelBundle:
    """Read (and verify) the bundle; the default one is read once per process."""
    if path is None:
        return _default_bundle()
    return _read_bundle(Path(path))


@cache
def _default_bundle() -> ModelBundle:
    return _read_bundle(MODEL_DIR / BUNDLE_FILE)


def _read_bundle(path: Path) -> ModelBundle:
    if path.is_dir():
        path = path / BUNDLE_FILE
    verify_against_record(path)
    with np.load(path, allow_pickle=False) as arrays:
        header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        vocabularies: dict[str, tuple[StoredGrams, np.ndarray, np.ndarray, np.ndarray]] = {}

        def vocabulary(owner: str) -> tuple[StoredGrams, np.ndarray, np.ndarray, np.ndarray]:
            """A stored vocabulary, read once for every head that names it."""
            if owner not in vocabularies:
                vocabularies[owner] = (
                    StoredGrams(arrays[f"{owner}.word_vocab"]),
                    arrays[f"{owner}.char_codes"],
                    arrays[f"{owner}.word_idf"],
                    arrays[f"{owner}.char_idf"],
                )
            return vocabularies[owner]

        def weights(key: str) -> Callable[[], np.ndarray]:
            return lambda: arrays[key]

        heads = []
        for name, spec in header["heads"].items():
            word_grams, codes, word_idf, char_idf = vocabulary(spec.get("vocabulary", name))
            heads.append(
                HeadWeights(
                    name=name,
                    labels=list(spec["labels"]),
                    char_range=(int(spec["char_range"][0]), int(spec["char_range"][1])),
                    word_grams=word_grams,
                    char_codes=codes,
                    word_idf=word_idf,
                    char_idf=char_idf,
                    # read while the tables are built, one head at a time, not all at once
                    weights=weights(f"{name}.weights"),
                    bias=arrays[f"{name}.bias"],
                    output=str(spec["output"]),
                )
            )
        return ModelBundle(heads, header)


def encode_vocabulary(grams: list[str]) -> np.ndarray:
    """The on-disk form of a vocabulary: UTF-8 bytes, one n-gram a line, in row order."""
    if any("\n" in gram for gram in grams):
        raise ValueError("an n-gram contains a newline; normalise the text first")
    return np.frombuffer("\n".join(grams).encode("utf-8"), dtype=np.uint8)
