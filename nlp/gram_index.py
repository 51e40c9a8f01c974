"""How a model bundle finds its n-grams' rows: a hash table of 64-bit keys in buckets of eight.

The keys are the word n-grams' hashes and the character n-grams' codes (``nlp.ngram_codes``),
together: a message's n-grams are looked up in one pass, not one for each kind. The bundle
numbers its n-grams commonest first (of the known n-grams of 3,000 Traffy texts, 84 % are among
the bundle's 24,576 commonest by idf), so that the table rows of the common ones sit side by side
and gathering a message's rows reads a few hot pages rather than a cold page a row.

A key is found in one step for the whole message: its bucket (the top bits of the key times an
odd constant) is one row of eight keys and their ids (96 bytes); the row is compared with the
key at once. Until December 2026 the keys were binary-searched in two sorted arrays (the common
ones first, in 192 kB, then the rest, 3 MB): about 19 dependent steps a key, 60–80 µs a
message; the buckets take about 6. With 395,000 keys in 131,072 buckets (3 keys a bucket on
average) about 700 keys find their bucket full; they are kept aside in a dictionary, asked
only for the few keys not found in their bucket. The table holds 12 MB (keys and ids) against 3 MB.

An empty place in a bucket holds a key that belongs to another bucket (the same one for every
empty place but those of that other bucket), so no key looked up there can equal it: the
lookup needs no check for empty places.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WIDTH = 8  # keys a bucket: 64 bytes, one cache line
_KEYS_PER_BUCKET = 4  # the table's size: a bucket for every four keys or fewer
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # 2^64 / golden ratio, odd


@dataclass(frozen=True, slots=True)
class GramIndex:
    """Keys (word-n-gram hashes and character-n-gram codes) and their ids: row ``b`` of
    ``table`` is bucket ``b``, its keys and their ids side by side (one read for both); keys
    whose bucket was full are in ``spilt``."""

    # a bucket a row: its WIDTH keys, then their WIDTH ids as int32 (-1 in an empty place)
    table: np.ndarray  # buckets x (WIDTH + WIDTH / 2), uint64
    spilt: dict[int, int]  # the keys whose bucket was full, and their ids
    shift: np.uint64  # 64 minus the bits of the bucket number
    count: int

    def __len__(self) -> int:
        return self.count

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ids of ``keys`` that are known, in the keys' order, and which keys those are."""
        buckets = _bucket_of(keys, self.shift)
        gathered = self.table.take(buckets, axis=0)
        match = gathered[:, :WIDTH] == keys[:, None]
        rows, places = match.nonzero()  # rows ascending: the found keys in order
        ids = gathered[:, WIDTH:].view(np.int32)[rows, places].astype(np.int64)
        found = match.any(axis=1)
        if len(rows) == len(keys) or not self.spilt:
            return ids, found
        missing = (~found).nonzero()[0]
        spilt = [self.spilt.get(key, -1) for key in keys[missing].tolist()]
        if max(spilt) < 0:  # the usual case: unknown n-grams, none of them spilt
            return ids, found
        every = np.full(len(keys), -1, dtype=np.int64)
        every[rows] = ids
        every[missing] = spilt
        found = every >= 0
        return every[found], found

    @classmethod
    def of(cls, keys: np.ndarray, rarity: np.ndarray, common: int) -> tuple[GramIndex, np.ndarray]:
        """The index of ``keys`` (sorted, distinct) numbered commonest first: the ``common``
        keys of least ``rarity`` (ties: the smaller key) get ids 0, 1, ... in key order, the
        others the ids after them, in key order; and each key's id (by position in ``keys``)."""
        is_common = np.zeros(len(keys), dtype=bool)
        is_common[np.argsort(rarity, kind="stable")[:common]] = True
        common_at = is_common.nonzero()[0]
        rest_at = (~is_common).nonzero()[0]
        ids = np.empty(len(keys), dtype=np.int64)
        ids[common_at] = np.arange(len(common_at))
        ids[rest_at] = np.arange(len(common_at), len(keys))
        return cls.of_ids(keys, ids), ids

    @classmethod
    def of_ids(cls, keys: np.ndarray, ids: np.ndarray) -> GramIndex:
        """The table of distinct ``keys`` (uint64) with their ``ids`` (non-negative, < 2^31)."""
        keys = np.asarray(keys, dtype=np.uint64)
        bits = max(1, int(np.ceil(np.log2(max(len(keys) / _KEYS_PER_BUCKET, 1.0)))))
        shift = np.uint64(64 - bits)
        buckets = _bucket_of(keys, shift)
        order = np.argsort(buckets, kind="stable")
        sorted_buckets = buckets[order]
        # each key's place in its bucket: its rank among the keys of that bucket
        first = np.searchsorted(sorted_buckets, sorted_buckets, side="left")
        places = np.arange(len(keys)) - first
        fits = places < WIDTH
        table = np.empty((1 << bits, WIDTH + WIDTH // 2), dtype=np.uint64)
        table[:, :WIDTH] = _empty_marks(bits, shift)[:, None]
        table_ids = table[:, WIDTH:].view(np.int32)
        table_ids[:] = -1
        kept = order[fits]
        table[sorted_buckets[fits], places[fits]] = keys[kept]
        table_ids[sorted_buckets[fits], places[fits]] = ids[kept]
        spilt_at = order[~fits]
        spilt = dict(zip(keys[spilt_at].tolist(), ids[spilt_at].tolist(), strict=True))
        return cls(table, spilt, shift, len(keys))


def _bucket_of(keys: np.ndarray, shift: np.uint64) -> np.ndarray:
    """Each key's bucket: the top bits of the key times an odd constant (mod 2^64)."""
    return ((keys * _MULTIPLIER) >> shift).astype(np.intp)


def _empty_marks(bits: int, shift: np.uint64) -> np.ndarray:
    """For each bucket, a key that belongs to another bucket: what its empty places hold."""
    candidates = np.arange(1, 64, dtype=np.uint64)
    candidate_buckets = _bucket_of(candidates, shift)
    other = int(np.flatnonzero(candidate_buckets != candidate_buckets[0])[0])
    marks = np.full(1 << bits, candidates[0], dtype=np.uint64)
    marks[candidate_buckets[0]] = candidates[other]
    return marks
