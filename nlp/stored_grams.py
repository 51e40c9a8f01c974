"""A word vocabulary as the model bundle stores it, read without a str for each n-gram."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from itertools import chain
from typing import overload

import numpy as np


class StoredGrams(Sequence[str]):
    """A word vocabulary as the bundle stores it (UTF-8, one n-gram a line), hashed and indexed
    without a str for each of its n-grams: loading the bundle held 180,000 of them, 17 MB, only
    to hash them."""

    __slots__ = ("_bounds", "_count", "_data")

    def __init__(self, encoded: np.ndarray) -> None:
        self._data = encoded.tobytes()
        self._count = self._data.count(b"\n") + 1 if self._data else 0
        self._bounds: np.ndarray | None = None  # where each n-gram's line ends, found on first use

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(self._count)[index]]
        return self.utf8_at([range(self._count)[index]])[0].decode("utf-8")

    def utf8_at(self, indices: list[int]) -> list[bytes]:
        """The UTF-8 bytes of the n-grams in rows ``indices``."""
        if self._bounds is None:
            newlines = np.flatnonzero(np.frombuffer(self._data, dtype=np.uint8) == ord("\n"))
            self._bounds = np.concatenate(([-1], newlines, [len(self._data)]))
        starts = (self._bounds[indices] + 1).tolist()
        ends = self._bounds[np.asarray(indices, dtype=np.int64) + 1].tolist()
        return [self._data[start:end] for start, end in zip(starts, ends, strict=True)]

    def hashes(self) -> np.ndarray:
        """``_word_hash`` of each n-gram, in row order."""
        # n-grams hold no newline: each line is one n-gram (the last one may be empty)
        lines = chain((line.rstrip(b"\n") for line in BytesIO(self._data)), [b""])
        return np.fromiter(map(hash, lines), np.int64, self._count)
