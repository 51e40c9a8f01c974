"""How a model bundle finds its n-grams' rows: sorted 64-bit keys in two tiers, common first.

The keys are the word n-grams' hashes and the character n-grams' codes (``nlp.ngram_codes``),
together: a message's n-grams are looked up in one pass, not one for each kind. Most of them are
common ones: of the known n-grams of 3,000 Traffy texts, 84 % are among the bundle's 24,576
commonest (by idf; 86 % of the character n-grams, 61 % of the word n-grams). So the bundle
numbers its n-grams commonest first and looks each key up in the small sorted array of the
common ones (192 kB, which stays in the core's cache between messages) before the large array of
the rest (3 MB, where each step of a binary search is a cache miss), and the table rows of the
common n-grams are side by side too, so gathering a message's rows reads a few hot pages rather
than a cold page a row. A key's id is its place in its tier's array (the rest's ids follow the
common ones'), so the index holds nothing but the keys, 8 bytes each as in one sorted array.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class GramIndex:
    """Keys (word-n-gram hashes and character-n-gram codes) in two sorted tiers: ``common``,
    whose ids are 0, 1, ..., and ``rest``, whose ids follow."""

    common: np.ndarray
    rest: np.ndarray

    def __len__(self) -> int:
        return len(self.common) + len(self.rest)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ids of ``keys`` that are known, in the keys' order, and which keys those are."""
        ids, found = _search(self.common, keys)
        missing = (~found).nonzero()[0]
        if missing.size:
            rest_ids, rest_found = _search(self.rest, keys[missing])
            rest_ids += len(self.common)
            ids[missing] = rest_ids
            found[missing] = rest_found
        return ids[found], found

    @classmethod
    def of(cls, keys: np.ndarray, rarity: np.ndarray, common: int) -> tuple[GramIndex, np.ndarray]:
        """The index of ``keys`` (sorted, distinct) whose ``common`` keys of least ``rarity``
        (ties: the smaller key) are the common tier, and each key's id in it (by position in
        ``keys``)."""
        is_common = np.zeros(len(keys), dtype=bool)
        is_common[np.argsort(rarity, kind="stable")[:common]] = True
        common_at = is_common.nonzero()[0]
        rest_at = (~is_common).nonzero()[0]
        ids = np.empty(len(keys), dtype=np.int64)
        ids[common_at] = np.arange(len(common_at))
        ids[rest_at] = np.arange(len(common_at), len(keys))
        return cls(keys[common_at], keys[rest_at]), ids


def _search(known: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each key is in ``known`` (sorted), and whether it is there."""
    if not len(known):
        return np.zeros(len(keys), dtype=np.intp), np.zeros(len(keys), dtype=bool)
    at = known.searchsorted(keys)
    np.minimum(at, len(known) - 1, out=at)
    return at, known[at] == keys
