"""The lean predict path shared by every classifier, and the verified model bundle it reads.

A message is normalised and tokenised once (``TextInput``); its word 1–2-grams and character
n-grams are built once and looked up in each head's vocabulary. A head is a linear model over
TF-IDF features exactly as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` computes them
(1 + log count, times the idf, each block L2-normalised), so the few lines here reproduce the
trained models without scikit-learn objects or pickles.

The bundle is one ``.npz`` file (read with ``allow_pickle=False``): per head its vocabularies
(UTF-8, one n-gram a line), idf vectors, weights (float16) and bias, plus a JSON header. The
record file next to it (``record.json``) holds the bundle's SHA-256; ``load_bundle`` refuses a
bundle whose bytes do not match it.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from nlp.normalise import normalise
from nlp.tokenise import tokenise

MODEL_DIR = Path(__file__).resolve().parent / "models"
BUNDLE_FILE = "classifiers.npz"
RECORD_FILE = "record.json"


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
        return self.text.lower()

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


# Character n-grams are looked up by a 64-bit polynomial code of their code points rather than
# by string: numpy computes every n-gram's code of a message in a few vectorised steps, and a
# sorted code array replaces a dictionary of several hundred thousand strings (whose lookups
# are cache misses). Codes of the vocabulary are checked for collisions when the bundle is saved.
_BASE = np.uint64(1_000_003)
_SALTS = [np.uint64((size * 1_000_003**size) % 2**64) for size in range(17)]  # n * B^n mod 2^64


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) + np.uint64(1)


def char_codes(text: str, shortest: int, longest: int) -> np.ndarray:
    """The code of every character n-gram of ``text`` (lengths ``shortest``..``longest``).

    The code of a gram p0..p(n-1) is n*B^n + p0*B^(n-1) + ... + p(n-1) (mod 2^64); the running
    sum for length n+1 extends the one for length n, so each length costs two array steps.
    """
    points = _code_points(text)
    parts = []
    running = np.zeros(len(points), dtype=np.uint64)
    for size in range(1, min(longest, len(points)) + 1):
        count = len(points) - size + 1
        running = running[:count] * _BASE + points[size - 1 : size - 1 + count]
        if size >= shortest:
            parts.append(running + _SALTS[size])
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)


def gram_codes(grams: list[str]) -> np.ndarray:
    """The codes of whole n-grams, in order (what ``char_codes`` gives for each as a substring)."""
    codes = np.zeros(len(grams), dtype=np.uint64)
    by_size: dict[int, list[int]] = {}
    for position, gram in enumerate(grams):
        by_size.setdefault(len(gram), []).append(position)
    for size, positions in by_size.items():
        points = _code_points("".join(grams[p] for p in positions)).reshape(len(positions), size)
        code = np.full(len(positions), size, dtype=np.uint64)
        for k in range(size):
            code = code * _BASE + points[:, k]
        codes[positions] = code
    return codes


@dataclass(frozen=True, slots=True)
class HeadWeights:
    """One trained head as stored: its vocabularies, idf vectors, weights and output kind."""

    name: str
    labels: list[str]
    char_range: tuple[int, int]
    word_grams: list[str]  # row order of the word block
    char_codes: np.ndarray  # row order of the character block (after the word rows): gram codes
    word_idf: np.ndarray
    char_idf: np.ndarray
    weights: np.ndarray  # (word rows + char rows) x labels
    bias: np.ndarray
    output: str  # "sigmoid" (independent labels) or "softmax" (one of them)


class _Encoded:
    """A message's distinct n-grams as ids in the bundle's shared vocabulary, with counts."""

    __slots__ = ("char_counts", "char_ids", "owner", "word_counts", "word_ids")

    def __init__(
        self, owner: int, word_ids: list[int], chars: tuple[np.ndarray, np.ndarray]
    ) -> None:
        self.owner = owner
        self.word_ids, self.word_counts = _distinct(word_ids)
        self.char_ids, self.char_counts = chars


def _distinct(ids: list[int] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if not len(ids):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    unique, counts = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
    return unique, counts


class LinearHead:
    """A linear classifier over word and character TF-IDF blocks (sublinear tf, L2 per block)."""

    def __init__(self, weights: HeadWeights, bundle: ModelBundle) -> None:
        self.name = weights.name
        self.labels = weights.labels
        self.output = weights.output
        self._bundle = bundle
        self._word_map = bundle.row_map(weights.word_grams, bundle.word_ids)
        self._char_map = bundle.code_map(weights.char_codes)
        self._word_idf = weights.word_idf.astype(np.float64)
        self._char_idf = weights.char_idf.astype(np.float64)
        self._char_offset = len(weights.word_grams)
        self._weights = weights.weights  # float16 as stored; rows are widened when used
        self._bias = weights.bias.astype(np.float32)

    def decision(self, text: TextInput) -> np.ndarray:
        """Raw linear scores, one per label."""
        encoded = self._bundle.encode(text)
        result = self._bias.copy()
        for ids, counts, mapping, idf, offset in (
            (encoded.word_ids, encoded.word_counts, self._word_map, self._word_idf, 0),
            (
                encoded.char_ids,
                encoded.char_counts,
                self._char_map,
                self._char_idf,
                self._char_offset,
            ),
        ):
            if not ids.size:
                continue
            rows = mapping[ids]
            known = rows >= 0
            if not known.any():
                continue
            rows = rows[known]
            values = (1.0 + np.log(counts[known])) * idf[rows]
            values /= math.sqrt(float(values @ values)) or 1.0
            result += values.astype(np.float32) @ self._weights[rows + offset].astype(np.float32)
        return result

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
    """Every trained head, sharing one n-gram vocabulary so a message is looked up once."""

    def __init__(self, heads: list[HeadWeights], header: dict[str, Any] | None = None) -> None:
        ranges = {head.char_range for head in heads}
        if len(ranges) > 1:
            raise ValueError(f"heads disagree on the character n-gram range: {sorted(ranges)}")
        self.char_range: tuple[int, int] = ranges.pop() if ranges else (1, 4)
        self.header = header or {}
        self.word_ids: dict[str, int] = {}
        for head in heads:
            for gram in head.word_grams:
                self.word_ids.setdefault(gram, len(self.word_ids))
        self.char_codes: np.ndarray = np.unique(
            np.concatenate([head.char_codes for head in heads] or [np.zeros(0, np.uint64)])
        )
        self.heads = {head.name: LinearHead(head, self) for head in heads}

    @staticmethod
    def row_map(grams: list[str], shared: dict[str, int]) -> np.ndarray:
        """For every shared id, the head's row for that n-gram, or -1 if the head lacks it."""
        mapping = np.full(len(shared), -1, dtype=np.int64)
        mapping[[shared[gram] for gram in grams]] = np.arange(len(grams), dtype=np.int64)
        return mapping

    def code_map(self, codes: np.ndarray) -> np.ndarray:
        """For every shared character code, the head's row for it, or -1 if the head lacks it."""
        mapping = np.full(len(self.char_codes), -1, dtype=np.int64)
        mapping[np.searchsorted(self.char_codes, codes)] = np.arange(len(codes), dtype=np.int64)
        return mapping

    def encode(self, text: TextInput) -> _Encoded:
        """The message's n-gram ids, computed once per message and bundle."""
        cached: _Encoded | None = text.__dict__.get("_encoded")
        if cached is None or cached.owner != id(self):
            words = self.word_ids.get
            cached = _Encoded(
                id(self),
                [i for gram in text.word_grams if (i := words(gram)) is not None],
                self._char_positions(text),
            )
            text.__dict__["_encoded"] = cached
        return cached

    def _char_positions(self, text: TextInput) -> tuple[np.ndarray, np.ndarray]:
        """Shared ids of the message's distinct known character n-grams, and their counts."""
        codes, counts = np.unique(char_codes(text.lowered, *self.char_range), return_counts=True)
        if not codes.size or not self.char_codes.size:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        positions = np.searchsorted(self.char_codes, codes)
        positions[positions == len(self.char_codes)] = 0
        known = self.char_codes[positions] == codes
        return positions[known], counts[known]

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
        heads = [
            HeadWeights(
                name=name,
                labels=list(spec["labels"]),
                char_range=(int(spec["char_range"][0]), int(spec["char_range"][1])),
                word_grams=_grams(arrays[f"{name}.word_vocab"]),
                char_codes=arrays[f"{name}.char_codes"],
                word_idf=arrays[f"{name}.word_idf"],
                char_idf=arrays[f"{name}.char_idf"],
                weights=arrays[f"{name}.weights"],
                bias=arrays[f"{name}.bias"],
                output=str(spec["output"]),
            )
            for name, spec in header["heads"].items()
        ]
    return ModelBundle(heads, header)


def _grams(encoded: np.ndarray) -> list[str]:
    text = encoded.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def encode_vocabulary(grams: list[str]) -> np.ndarray:
    """The on-disk form of a vocabulary: UTF-8 bytes, one n-gram a line, in row order."""
    if any("\n" in gram for gram in grams):
        raise ValueError("an n-gram contains a newline; normalise the text first")
    return np.frombuffer("\n".join(grams).encode("utf-8"), dtype=np.uint8)
