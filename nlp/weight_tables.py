"""The weights of a model bundle's heads as scoring reads them: some heads' columns side by side,
one row per shared n-gram, gathered for a message's n-grams in one read per table.

The heads that know at least ``DENSE_SHARE`` of the shared n-grams (sentiment: 96 %) keep every
shared n-gram's row; the others (category, Traffy tickets' correction, ticket style, hazard:
157,000 of the 360,000) only the rows of the n-grams one of them knows, plus a row of zeros,
found through one row map. Each table is built one head at a time, each head's weights read
from the bundle file only then (``StoredHead.read_weights``), so loading never holds every
head's weights and every table at once. Each row holds the n-gram's idf for the table's heads
after their weights: a message's rows are one read a table, not two (one for the idf, one for
the weights, as until December 2026).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import numpy as np

# A head whose n-grams are at least this share of the bundle's shared n-grams keeps its weights
# in shared row order (no row map); the others keep only their own rows.
DENSE_SHARE = 0.75


class StoredHead(Protocol):
    """What a table reads of a head: its labels and its weights (head rows x labels)."""

    @property
    def labels(self) -> list[str]: ...

    def read_weights(self) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class WeightTable:
    """``table[row_of[i]]`` (``table[i]`` without a map) holds shared n-gram ``i``'s weights for
    each of ``members`` (head indices), in ``columns``; the same row of ``stored`` holds them
    and, after them, the n-gram's idf in each of the stored vocabularies ``idf_columns`` (each
    float32 as two float16 columns' bits), so that one read gathers both."""

    members: list[int]
    columns: list[slice]
    table: np.ndarray  # float16: the weight columns of ``stored``
    row_of: np.ndarray | None
    stored: np.ndarray  # float16: the weights, then the idf bits (from an even column)
    idf_columns: list[int]

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """The rows of shared n-grams ``ids`` as float32 (the stored numbers exactly)."""
        return self.at(self.row_numbers(ids))

    def row_numbers(self, ids: np.ndarray) -> np.ndarray:
        """Where the rows of shared n-grams ``ids`` are in ``table``."""
        return ids if self.row_of is None else self.row_of.take(ids)

    def at(self, rows: np.ndarray) -> np.ndarray:
        """Rows ``rows`` of ``table`` as float32 (the stored numbers exactly)."""
        return single_of_half(self.table.view(np.int16).take(rows, axis=0))

    def gather(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rows ``rows``' idf (rows x ``idf_columns``) and weights (rows x the table's columns),
        both float32 and the stored numbers exactly, read together. Both are views of what was
        read (copying a few columns a row costs more than converting them all)."""
        raw = self.stored.view(np.int16).take(rows, axis=0)
        idf = raw.view(np.int32)[:, (self.stored.shape[1] - 2 * len(self.idf_columns)) // 2 :]
        return idf.view(np.float32), single_of_half(raw)[:, : self.table.shape[1]]


def single_of_half(halves: np.ndarray) -> np.ndarray:
    """float16 numbers (given as their 16 bits, int16) as float32, exactly (finite ones: weights).

    The bits are moved to where float32 keeps them (sign to bit 31, exponent and mantissa up by
    13), which reads as the number times 2^-112 (float16's exponent bias is 15, float32's 127),
    so one multiplication by 2^112 gives the number; zeros and subnormals come out exact too.
    Four passes over a message's rows, fewer instructions than looking each one up in a table of
    the 65,536 float32 values (256 kB, which the other stages pushed out of the cache between
    messages), and 6 times as fast as numpy's own float16 conversion."""
    bits = halves.astype(np.int32)
    bits <<= 13  # the sign, extended into bits 29..31, is cleared from bits 29 and 30 next
    bits &= _SIGN_EXPONENT_MANTISSA
    single = bits.view(np.float32)
    single *= _REBIAS
    return single


_SIGN_EXPONENT_MANTISSA = np.uint32(0x8FFFE000).view(np.int32)
_REBIAS = np.float32(2.0**112)


@dataclass(frozen=True, slots=True)
class TableScores:
    """How a table's product (one row per member: the message's features weighted by that
    member's idf, times the table's rows) becomes each member's scores: its own columns of its
    own row plus its bias, picked and added for all the members in one step."""

    idf_columns: list[int]  # the product's rows: each member's idf column
    rows: np.ndarray  # for each score picked: its row in the product
    columns: np.ndarray  # and its column
    biases: np.ndarray  # and its head's bias
    spans: list[slice]  # each member's scores among those picked

    @classmethod
    def of(
        cls, table: WeightTable, idf_columns: list[int], biases: list[np.ndarray]
    ) -> TableScores:
        rows: list[int] = []
        columns: list[int] = []
        spans = []
        for at, own in enumerate(table.columns):
            spans.append(slice(len(rows), len(rows) + own.stop - own.start))
            rows += [at] * (own.stop - own.start)
            columns += range(own.start, own.stop)
        return cls(
            [idf_columns[member] for member in table.members],
            np.array(rows, dtype=np.intp),
            np.array(columns, dtype=np.intp),
            np.concatenate([biases[member] for member in table.members]).astype(np.float32),
            spans,
        )

    def scores(self, product: np.ndarray) -> list[np.ndarray]:
        """Each member's scores (float32: the bias plus its own part of the product)."""
        picked = product[self.rows, self.columns] + self.biases
        return [picked[span] for span in self.spans]


def weight_tables(
    heads: Sequence[StoredHead],
    rows_of: list[np.ndarray],
    shared: int,
    idf: np.ndarray,
    idf_column: list[int],
) -> list[WeightTable]:
    """Every head's weights in two tables (``rows_of[i]`` are head ``i``'s rows' shared ids),
    each with its heads' idf columns (``idf``: shared n-grams x stored vocabularies, float32;
    ``idf_column[i]``: head ``i``'s vocabulary)."""
    dense = [i for i, rows in enumerate(rows_of) if len(rows) >= DENSE_SHARE * shared]
    mapped = [i for i in range(len(heads)) if i not in dense]
    return [
        weight_table(members, heads, rows_of, (idf, idf_column), mapped=members is mapped)
        for members in (dense, mapped)
        if members
    ]


def weight_table(
    members: list[int],
    heads: Sequence[StoredHead],
    rows_of: list[np.ndarray],
    idf_of: tuple[np.ndarray, list[int]],
    *,
    mapped: bool,
) -> WeightTable:
    """One table of ``members``' weights and idf, in shared row order or through a row map.
    Where it has a row map, the n-grams it keeps no row for are known to none of its heads'
    vocabularies (their idf is 0 there): the zero row stands for them."""
    idf, idf_column = idf_of
    idf_columns = sorted({idf_column[i] for i in members})
    bounds = np.cumsum([0, *(len(heads[i].labels) for i in members)])
    columns = [slice(int(a), int(b)) for a, b in pairwise(bounds)]
    width = int(bounds[-1])
    row_of: np.ndarray | None = None
    count = len(idf)
    if mapped:
        known = np.unique(np.concatenate([rows_of[i] for i in members]))
        row_of = np.full(count, len(known), dtype=np.int32)  # unknown: the zero row
        row_of[known] = np.arange(len(known), dtype=np.int32)
        count = len(known) + 1
    # the idf after the weights (and a column of zeros when they are odd), each float32 at a
    # float32's place in the row
    idf_start = width + width % 2
    stored = np.zeros((count, idf_start + 2 * len(idf_columns)), dtype=np.float16)
    table = stored[:, :width]
    for i, cols in zip(members, columns, strict=True):
        at = rows_of[i] if row_of is None else row_of[rows_of[i]]
        table[at, cols] = heads[i].read_weights()
    idf_bits = stored[:, idf_start:].view(np.float32)  # two float16 columns a float32
    if row_of is None:
        idf_bits[:] = idf[:, idf_columns]
    else:
        idf_bits[row_of] = idf[:, idf_columns]
    return WeightTable(members, columns, table, row_of, stored, idf_columns)
