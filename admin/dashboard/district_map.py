"""The place of an item drawn without any tile server: its district's outline from the
boundaries Siang ships (`nlp.geo`), and the citizen's point, as an inline SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass

from nlp.geo import DistrictLocator

WIDTH = 320
_MARGIN = 12


@dataclass(frozen=True)
class DistrictMap:
    """What the template draws: SVG path data, the point (if any) and the view box's size."""

    outline: str  # path data, "M x y L … Z" per ring (holes drawn with even-odd fill)
    point: tuple[float, float] | None
    width: int
    height: int


def district_map(
    district_code: str | None, latitude: float | None, longitude: float | None
) -> DistrictMap | None:
    """The district with the point in it, north up; None without a district outline."""
    rings = DistrictLocator.load().outline(district_code) if district_code else []
    xs = [x for (ring_xs, _), _ in rings for x in ring_xs]
    ys = [y for (_, ring_ys), _ in rings for y in ring_ys]
    point_at = (longitude, latitude) if longitude is not None and latitude is not None else None
    if point_at is not None:
        xs.append(point_at[0])
        ys.append(point_at[1])
    if not rings:  # a point alone, with no outline around it, tells an official nothing
        return None
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    # Degrees of longitude shrink with latitude: scale x so the district keeps its shape.
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * squeeze, 0.01)
    span_y = max(north - south, 0.01)
    scale = (WIDTH - 2 * _MARGIN) / span_x
    height = round(span_y * scale) + 2 * _MARGIN

    def at(lon: float, lat: float) -> tuple[float, float]:
        x = _MARGIN + (lon - west) * squeeze * scale
        y = _MARGIN + (north - lat) * scale
        return round(x, 1), round(y, 1)

    paths = []
    for (ring_xs, ring_ys), _hole in rings:
        points = [at(lon, lat) for lon, lat in zip(ring_xs, ring_ys, strict=True)]
        paths.append("M" + " L".join(f"{x} {y}" for x, y in points) + " Z")
    point = at(*point_at) if point_at is not None else None
    return DistrictMap(outline=" ".join(paths), point=point, width=WIDTH, height=height)
