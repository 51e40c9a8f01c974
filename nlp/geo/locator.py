"""Which district a point (a shared LINE/Telegram location) lies in, from shipped boundaries.

The boundaries (`data/places/district_boundaries.npz`, built by `nlp.geo.build`; source and
licence in `data/places/SOURCE.md`) are simplified polygons of Thailand's 928 districts. A point
inside a polygon gets that district; a point in a sliver between simplified polygons, or just off
the coast, gets the nearest district edge within `MAX_GAP_METRES`.

Lookup: a grid of 0.05° cells lists the rings whose bounding box touches each cell; the point's
cell gives a handful of candidate rings, tested by even–odd ray casting. A lookup costs a few
tens of microseconds; loading, a few tens of milliseconds.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, pairwise
from pathlib import Path

import numpy as np

BOUNDARIES_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "places" / "district_boundaries.npz"
)
SCALE = 100_000  # stored coordinates are degrees × 1e5 (about 1 m)
MAX_GAP_METRES = 2_000.0
_METRES_PER_DEGREE = 111_320.0
_CELL = 0.05  # degrees (about 5.5 km)

Ring = tuple[Sequence[float], Sequence[float]]  # xs, ys


@dataclass(frozen=True, slots=True)
class Located:
    """The district found for a point, and how far outside its drawn boundary the point was."""

    district_code: str
    distance_m: float  # 0 when inside the polygon

    @property
    def inside(self) -> bool:
        return self.distance_m == 0.0


def _cell(value: float) -> int:
    return math.floor(value / _CELL)


def _cell_key(cx: int, cy: int) -> int:
    """One int per grid cell (distinct for any latitude; a far-off point that shared a key
    would only add candidate rings, which their bounding boxes then rule out)."""
    return cx << 32 | (cy & 0xFFFFFFFF)


def _inside(ring: Ring, lon: float, lat: float) -> bool:
    xs, ys = ring
    inside = False
    previous = len(xs) - 1
    for current in range(len(xs)):
        y1, y2 = ys[current], ys[previous]
        if (y1 > lat) != (y2 > lat):
            x1, x2 = xs[current], xs[previous]
            if lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                inside = not inside
        previous = current
    return inside


class DistrictLocator:
    def __init__(
        self,
        vertices: np.ndarray,
        offsets: np.ndarray,
        ring_codes: np.ndarray,
        ring_parts: np.ndarray,
        ring_holes: np.ndarray,
    ) -> None:
        # Each ring's coordinates as arrays of doubles (8 bytes each, where a tuple of floats
        # takes 32): the same numbers, 0.7 MB for the 41,000 vertices instead of 2.7 MB.
        xs = array("d", (vertices[:, 0] / SCALE).tobytes())
        ys = array("d", (vertices[:, 1] / SCALE).tobytes())
        bounds = offsets.tolist()
        self._rings: list[Ring] = [(xs[a:b], ys[a:b]) for a, b in pairwise(bounds)]
        self._codes = [f"{code:04d}" for code in ring_codes.tolist()]
        self._parts: list[int] = ring_parts.tolist()
        self._holes: list[bool] = ring_holes.tolist()
        self._boxes = [(min(x), max(x), min(y), max(y)) for x, y in self._rings]
        cells: dict[int, list[int]] = {}
        for index, (min_x, max_x, min_y, max_y) in enumerate(self._boxes):
            for cx in range(_cell(min_x), _cell(max_x) + 1):
                for cy in range(_cell(min_y), _cell(max_y) + 1):
                    cells.setdefault(_cell_key(cx, cy), []).append(index)
        # 20,000 cells as three arrays (their sorted keys, where each one's rings start, the
        # rings): 0.3 MB, where a dict of (cx, cy) tuples and lists held 3.3 MB
        keys = sorted(cells)
        self._cell_keys = array("q", keys)
        self._cell_starts = array("l", accumulate((len(cells[key]) for key in keys), initial=0))
        self._cell_rings = array("H", (index for key in keys for index in cells[key]))

    def _rings_in(self, key: int) -> array[int]:
        """The rings whose bounding box touches the grid cell with this key."""
        at = bisect_left(self._cell_keys, key)
        if at == len(self._cell_keys) or self._cell_keys[at] != key:
            return array("H")
        return self._cell_rings[self._cell_starts[at] : self._cell_starts[at + 1]]

    @classmethod
    @cache
    def load(cls, path: Path = BOUNDARIES_FILE) -> DistrictLocator:
        with np.load(path) as data:
            return cls(
                data["vertices"],
                data["offsets"],
                data["ring_codes"],
                data["ring_parts"],
                data["ring_holes"],
            )

    def outline(self, district_code: str) -> list[tuple[Ring, bool]]:
        """A district's drawn boundary: each ring (longitudes, latitudes) and whether it is a
        hole; empty for a code the boundaries do not hold."""
        return [
            (ring, hole)
            for ring, code, hole in zip(self._rings, self._codes, self._holes, strict=True)
            if code == district_code
        ]

    def _candidates(self, lat: float, lon: float, margin: float = 0.0) -> set[int]:
        found: set[int] = set()
        for cx in range(_cell(lon - margin), _cell(lon + margin) + 1):
            for cy in range(_cell(lat - margin), _cell(lat + margin) + 1):
                found.update(self._rings_in(_cell_key(cx, cy)))
        return found

    def locate(self, lat: float, lon: float) -> Located | None:
        """The district containing (lat, lon), or the nearest within MAX_GAP_METRES, or None."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        containing: list[int] = []
        for index in self._rings_in(_cell_key(_cell(lon), _cell(lat))):
            min_x, max_x, min_y, max_y = self._boxes[index]
            inside_box = min_x <= lon <= max_x and min_y <= lat <= max_y
            if inside_box and _inside(self._rings[index], lon, lat):
                containing.append(index)
        holed = {self._parts[i] for i in containing if self._holes[i]}
        for index in sorted(containing):
            if not self._holes[index] and self._parts[index] not in holed:
                return Located(self._codes[index], 0.0)
        return self._nearest(lat, lon)

    def distance_m(self, district_code: str, lat: float, lon: float) -> float | None:
        """How far (metres) the point is from the district's drawn boundary (0 inside)."""
        located = self.locate(lat, lon)
        if located is not None and located.district_code == district_code:
            return located.distance_m
        nearest = self._nearest(lat, lon, only=district_code)
        return nearest.distance_m if nearest is not None else None

    def gap_m(self, district_code: str, other_code: str) -> float | None:
        """How far (metres) the two districts' drawn boundaries are apart at their nearest (0 when
        they touch), or None when more than MAX_GAP_METRES apart."""
        gaps = [
            self.distance_m(other_code, lat, lon)
            for (xs, ys), code in zip(self._rings, self._codes, strict=True)
            if code == district_code
            for lon, lat in zip(xs, ys, strict=True)
        ]
        known = [gap for gap in gaps if gap is not None]
        return min(known) if known else None

    def _nearest(self, lat: float, lon: float, only: str | None = None) -> Located | None:
        """The ring edge nearest to the point within MAX_GAP_METRES (equirectangular metres)."""
        margin = MAX_GAP_METRES / _METRES_PER_DEGREE * 1.5
        shrink = math.cos(math.radians(lat))
        ranked: list[tuple[float, int]] = []
        for index in self._candidates(lat, lon, margin):
            if self._holes[index] or (only is not None and self._codes[index] != only):
                continue
            min_x, max_x, min_y, max_y = self._boxes[index]
            gap_x = max(min_x - lon, 0.0, lon - max_x) * shrink
            gap_y = max(min_y - lat, 0.0, lat - max_y)
            ranked.append((math.hypot(gap_x, gap_y), index))
        ranked.sort()
        best: tuple[float, int] | None = None
        for lower_bound, index in ranked:
            if best is not None and lower_bound >= best[0]:
                break
            distance = _distance_to_ring(self._rings[index], lon, lat, shrink)
            if best is None or distance < best[0]:
                best = (distance, index)
        if best is None or best[0] * _METRES_PER_DEGREE > MAX_GAP_METRES:
            return None
        return Located(self._codes[best[1]], round(best[0] * _METRES_PER_DEGREE, 1))


def _distance_to_ring(ring: Ring, lon: float, lat: float, shrink: float) -> float:
    """Distance in (latitude) degrees from the point to the ring's nearest edge."""
    xs, ys = ring
    best = math.inf
    previous = len(xs) - 1
    for current in range(len(xs)):
        ax, ay = (xs[previous] - lon) * shrink, ys[previous] - lat
        bx, by = (xs[current] - lon) * shrink, ys[current] - lat
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else min(1.0, max(0.0, -(ax * dx + ay * dy) / length))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
        previous = current
    return best
