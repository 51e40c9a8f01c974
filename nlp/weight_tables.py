"""The weights of a model bundle's heads as scoring reads them: some heads' columns side by side,
one row per shared n-gram, gathered for a message's n-grams in one read per table.

The heads that know at least ``DENSE_SHARE`` of the shared n-grams (sentiment: 96 %) keep every
shared n-gram's row; the others (category, Traffy tickets' correction, ticket style, hazard:
157,000 of the 360,000) only the rows of the n-grams one of them knows, plus a row of zeros,
found through one row map. Each table is built one head at a time, each head's weights read
from the bundle file only then (``StoredHead.read_weights``), so loading never holds every
head's weights and every table at once.
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
    each of ``members`` (head indices), in ``columns``."""

    members: list[int]
    columns: list[slice]
    table: np.ndarray  # float16 (float32 for idf)
    row_of: np.ndarray | None

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """The rows of shared n-grams ``ids`` as float32 (the stored numbers exactly)."""
        return self.at(self.row_numbers(ids))

    def row_numbers(self, ids: np.ndarray) -> np.ndarray:
        """Where the rows of shared n-grams ``ids`` are in ``table``."""
        return ids if self.row_of is None else self.row_of.take(ids)

    def at(self, rows: np.ndarray) -> np.ndarray:
        """Rows ``rows`` of ``table`` as float32 (the stored numbers exactly)."""
        if self.table.dtype == np.float16:
            return single_of_half(self.table.view(np.int16).take(rows, axis=0))
        return self.table.take(rows, axis=0).astype(np.float32, copy=False)


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
    heads: Sequence[StoredHead], rows_of: list[np.ndarray], shared: int
) -> list[WeightTable]:
    """Every head's weights in two tables (``rows_of[i]`` are head ``i``'s rows' shared ids)."""
    dense = [i for i, rows in enumerate(rows_of) if len(rows) >= DENSE_SHARE * shared]
    mapped = [i for i in range(len(heads)) if i not in dense]
    return [
        weight_table(members, heads, rows_of, shared, mapped=members is mapped)
        for members in (dense, mapped)
        if members
    ]


def weight_table(
    members: list[int],
    heads: Sequence[StoredHead],
    rows_of: list[np.ndarray],
    shared: int,
    *,
    mapped: bool,
) -> WeightTable:
    """One table of ``members``' weights, in shared row order or through a row map."""
    bounds = np.cumsum([0, *(len(heads[i].labels) for i in members)])
    columns = [slice(int(a), int(b)) for a, b in pairwise(bounds)]
    width = int(bounds[-1])
    if not mapped:
        table = np.zeros((shared, width), dtype=np.float16)
        for i, cols in zip(members, columns, strict=True):
            table[rows_of[i], cols] = heads[i].read_weights()
        return WeightTable(members, columns, table, None)
    known = np.unique(np.concatenate([rows_of[i] for i in members]))
    row_of = np.full(shared, len(known), dtype=np.int32)  # unknown: the zero row
    row_of[known] = np.arange(len(known), dtype=np.int32)
    table = np.zeros((len(known) + 1, width), dtype=np.float16)
    for i, cols in zip(members, columns, strict=True):
        table[row_of[rows_of[i]], cols] = heads[i].read_weights()
    return WeightTable(members, columns, table, row_of)


def idf_table(weights: WeightTable, idf: np.ndarray, columns: list[int]) -> WeightTable:
    """The ``columns`` of ``idf`` (shared n-grams x stored vocabularies, float32) over the rows
    of ``weights``: where it has no row map, every shared n-gram's; else the rows it keeps, and
    zeros for the others (the vocabularies of its heads know none of them, so their idf is 0)."""
    if weights.row_of is None:
        return WeightTable(weights.members, [], np.ascontiguousarray(idf[:, columns]), None)
    table = np.zeros((len(weights.table), len(columns)), dtype=np.float32)
    table[weights.row_of] = idf[:, columns]
    return WeightTable(weights.members, [], table, weights.row_of)
