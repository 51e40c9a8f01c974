"""The weights of a model bundle's heads as scoring reads them: some heads' columns side by side,
one row per shared n-gram, gathered for a message's n-grams in one read per table.

Two shapes, chosen per group of heads by how many of the shared n-grams they know:

* ``DenseTable``: every shared n-gram's row, float16 (the sentiment head knows 96 % of them);
* ``SparseTable``: only the nonzero weights, row by row (compressed sparse rows: a float16 value
  and a one-byte column each, and where each row starts). The category, ticket and hazard heads
  know 157,000 of the 360,000 shared n-grams, and only 38 % of their weights on those rows are
  not zero (a linear SVM's weights are a sum over its support vectors, so an n-gram found only
  in other texts weighs exactly 0 for that label): 3.5 million numbers, 12 MB, where the dense
  rows held 24 MB.

Both give ``rows(ids)``: the rows of the given shared n-grams as one float32 block, each the
stored float16 numbers exactly (zeros where a head lacks the n-gram), so scores computed from it
are those of the dense table to the last bit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import numpy as np

# A head whose n-grams are at least this share of the bundle's shared n-grams keeps its weights
# dense, in shared row order; the others keep only their nonzero weights.
DENSE_SHARE = 0.75
# Head rows read at a time while building a sparse table (bounds the build's scratch memory).
_CHUNK_ROWS = 2048


class StoredHead(Protocol):
    """What a table reads of a head: its labels and its weights (head rows x labels)."""

    @property
    def labels(self) -> list[str]: ...

    def read_weights(self) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class DenseTable:
    """``table[i]`` holds shared n-gram ``i``'s weights for each of ``members`` (head indices),
    in ``columns``."""

    members: list[int]
    columns: list[slice]
    table: np.ndarray

    def rows(self, ids: np.ndarray) -> np.ndarray:
        block: np.ndarray = self.table[ids].astype(np.float32)
        return block


@dataclass(frozen=True, slots=True)
class SparseTable:
    """Shared n-gram ``i``'s nonzero weights are ``values[starts[i]:starts[i + 1]]``, in the
    columns ``column_of[starts[i]:starts[i + 1]]`` of ``width``; ``members`` and ``columns`` as
    in ``DenseTable``."""

    members: list[int]
    columns: list[slice]
    width: int
    starts: np.ndarray  # int32, one more than the shared n-grams
    column_of: np.ndarray  # uint8 (uint16 for more than 256 columns)
    values: np.ndarray  # float16

    def rows(self, ids: np.ndarray) -> np.ndarray:
        first = self.starts[ids]
        lengths = self.starts[ids + 1] - first
        block = np.zeros((len(ids), self.width), dtype=np.float32)
        total = int(lengths.sum())
        if total:
            ends = np.cumsum(lengths)
            at = np.arange(total) + np.repeat(first - (ends - lengths), lengths)
            block[np.repeat(np.arange(len(ids)), lengths), self.column_of[at]] = self.values[at]
        return block


WeightTable = DenseTable | SparseTable


def weight_table(
    members: list[int],
    heads: Sequence[StoredHead],
    rows_of: list[np.ndarray],
    shared: int,
    *,
    dense: bool,
) -> WeightTable:
    """The table of ``members``' weights; ``rows_of[i]`` are head ``i``'s rows' shared ids."""
    widths = [len(heads[i].labels) for i in members]
    bounds = np.cumsum([0, *widths])
    columns = [slice(int(a), int(b)) for a, b in pairwise(bounds)]
    width = int(bounds[-1])
    if dense:
        table = np.zeros((shared, width), dtype=np.float16)
        for i, cols in zip(members, columns, strict=True):
            table[rows_of[i], cols] = heads[i].read_weights()
        return DenseTable(members, columns, table)
    counts = np.zeros(shared, dtype=np.int64)
    for i in members:  # the weights are read twice (count, then copy) rather than all kept
        _count_nonzero(heads[i].read_weights(), rows_of[i], counts)
    starts = np.zeros(shared + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    del counts
    values = np.empty(int(starts[-1]), dtype=np.float16)
    column_of = np.empty(int(starts[-1]), dtype=np.uint8 if width <= 256 else np.uint16)
    filled = starts[:-1].copy()  # where each shared row's next weight goes
    for i, cols in zip(members, columns, strict=True):
        _copy_nonzero(heads[i].read_weights(), rows_of[i], cols.start, filled, values, column_of)
    del filled
    return SparseTable(members, columns, width, starts.astype(np.int32), column_of, values)


def _count_nonzero(weights: np.ndarray, rows: np.ndarray, counts: np.ndarray) -> None:
    """Add each of a head's rows' nonzero weights to ``counts`` at its shared row."""
    for start in range(0, len(weights), _CHUNK_ROWS):
        part = weights[start : start + _CHUNK_ROWS]
        counts[rows[start : start + _CHUNK_ROWS]] += np.count_nonzero(part, axis=1)


def _copy_nonzero(
    weights: np.ndarray,
    rows: np.ndarray,
    first_column: int,
    filled: np.ndarray,
    values: np.ndarray,
    column_of: np.ndarray,
) -> None:
    """Put a head's nonzero weights after what each shared row holds already."""
    for start in range(0, len(weights), _CHUNK_ROWS):
        part = weights[start : start + _CHUNK_ROWS]
        shared_rows = rows[start : start + _CHUNK_ROWS]  # a head's rows are distinct
        in_part, column = np.nonzero(part)  # row by row, so each row's weights are a run
        per_row = np.count_nonzero(part, axis=1)
        run_start = np.cumsum(per_row) - per_row
        at = filled[shared_rows[in_part]] + (np.arange(len(in_part)) - run_start[in_part])
        values[at] = part[in_part, column]
        column_of[at] = column + first_column
        filled[shared_rows] += per_row
