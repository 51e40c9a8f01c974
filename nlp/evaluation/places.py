"""How well places are found, measured on Traffy tickets (`traffy_tickets.csv` in the data dir).

The gold `district`/`subdistrict`/`province` columns are where the ticket was pinned (Traffy's
reverse geocoding of the reporter's point), and the `*_in_text` flags say whether that name also
appears in the text. The figures:

* ``district_found``: of tickets whose district is named in the text, the share where the text
  alone gives that district (target ≥ 0.97);
* ``district_wrong``: of all tickets with a gold district, the share where the text alone gives a
  different district (target ≤ 0.01); of those, ``district_wrong_prefixed`` counts the tickets
  whose text names the district it gave with its prefix word (เขต: จตุจักร: the citizen's or the
  1555 call centre's own statement, pinned across a border) and ``district_wrong_point_agrees``
  the tickets whose own point lies in the district the text gave, by the shipped boundaries (the
  gold label is doubtful there), both as shares of the same denominator;
* ``district_from_location``: of tickets with coordinates, the share where text + coordinates give
  the gold district (target ≥ 0.85); ``district_from_coordinates_only`` the same without text;
* the same found/wrong pair for subdistricts and provinces, and the speed of `find`;
* ``text_agrees_with_point``: a check on other texts (``traffy_type.csv``, 12k tickets with
  coordinates but no place labels, not used to write the rules): of the tickets where the text
  alone gives a district, the share where the ticket's point lies in that district by the
  shipped boundaries (which themselves agree with Traffy's districts about 94% of the time);
* landmarks: ``landmarks`` (the size of the shipped table), ``landmark_tickets`` (tickets whose
  text names one) and ``landmark_district_right`` (of those with a gold district, the share where
  the text alone gives it);
* not settled: ``unsettled_share``, the share of tickets where the text alone names an area with
  several readings and offers ``candidates`` instead of guessing (none is filed into a guessed
  province); ``conflict_share``, of tickets with coordinates, the share where text and point
  disagree enough to ask the citizen (``conflict=True``), and ``conflict_point_is_gold``, of
  those, the share where the point's area (the one returned) is the gold district.

Traffy texts and coordinates are only read here; nothing from them is stored in the repository.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

from nlp.place_mentions import Strength, clean
from nlp.places import PlaceFinder

TICKETS = "traffy_tickets.csv"
TYPED = "traffy_type.csv"


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def evaluate_places(data_dir: Path, finder: PlaceFinder | None = None) -> dict[str, Any]:
    """Place-finding figures on `data_dir/traffy_tickets.csv` (see the module docstring)."""
    finder = finder or PlaceFinder.load()
    with (data_dir / TICKETS).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counts: dict[str, int] = dict.fromkeys(
        (
            "district_named",
            "district_found",
            "district_gold",
            "district_wrong",
            "district_wrong_prefixed",
            "district_wrong_point_agrees",
            "district_given",
            "subdistrict_named",
            "subdistrict_found",
            "subdistrict_gold",
            "subdistrict_wrong",
            "province_named",
            "province_found",
            "province_gold",
            "province_wrong",
            "located",
            "located_right",
            "located_coordinates_right",
            "located_coordinates_given",
            "landmark_tickets",
            "landmark_gold",
            "landmark_right",
            "unsettled",
            "conflicts",
            "conflict_point_is_gold",
        ),
        0,
    )
    started = time.perf_counter()
    text_results = [finder.find(row["text"]) for row in rows]
    text_seconds = time.perf_counter() - started
    for row, found in zip(rows, text_results, strict=True):
        if row["district"] and found.district not in (None, row["district"]):
            counts["district_wrong_prefixed"] += _named_with_prefix(finder, row["text"])
            counts["district_wrong_point_agrees"] += _point_in(finder, row, found.district_code)
        for level in ("district", "subdistrict", "province"):
            gold = row[level]
            given = getattr(found, level)
            if not gold:
                continue
            counts[f"{level}_gold"] += 1
            if given is not None and given != gold:
                counts[f"{level}_wrong"] += 1
            if row[f"{level}_in_text"] == "True":
                counts[f"{level}_named"] += 1
                counts[f"{level}_found"] += given == gold
        counts["district_given"] += found.district is not None
        counts["unsettled"] += bool(found.candidates)
        if _names_landmark(finder, row["text"]):
            counts["landmark_tickets"] += 1
            if row["district"]:
                counts["landmark_gold"] += 1
                counts["landmark_right"] += found.district == row["district"]
    for row in rows:
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if lat is None or lon is None or not row["district"]:
            continue
        counts["located"] += 1
        both = finder.find(row["text"], lat, lon)
        counts["located_right"] += both.district == row["district"]
        if both.conflict:
            counts["conflicts"] += 1
            counts["conflict_point_is_gold"] += both.district == row["district"]
        alone = finder.find("", lat, lon)
        counts["located_coordinates_given"] += alone.district is not None
        counts["located_coordinates_right"] += alone.district == row["district"]
    agreement = _text_agrees_with_point(data_dir / TYPED, finder)
    return {
        "data": str(data_dir / TICKETS),
        "tickets": len(rows),
        "district_found": _ratio(counts["district_found"], counts["district_named"]),
        "district_named_in_text": counts["district_named"],
        "district_wrong": _ratio(counts["district_wrong"], counts["district_gold"]),
        "district_wrong_prefixed": _ratio(
            counts["district_wrong_prefixed"], counts["district_gold"]
        ),
        "district_wrong_point_agrees": _ratio(
            counts["district_wrong_point_agrees"], counts["district_gold"]
        ),
        "district_given": _ratio(counts["district_given"], len(rows)),
        "subdistrict_found": _ratio(counts["subdistrict_found"], counts["subdistrict_named"]),
        "subdistrict_named_in_text": counts["subdistrict_named"],
        "subdistrict_wrong": _ratio(counts["subdistrict_wrong"], counts["subdistrict_gold"]),
        "province_found": _ratio(counts["province_found"], counts["province_named"]),
        "province_named_in_text": counts["province_named"],
        "province_wrong": _ratio(counts["province_wrong"], counts["province_gold"]),
        "district_from_location": _ratio(counts["located_right"], counts["located"]),
        "district_from_coordinates_only": _ratio(
            counts["located_coordinates_right"], counts["located"]
        ),
        "coordinates_tickets": counts["located"],
        "landmarks": len(finder.text_matcher.finder.landmarks),
        "landmark_tickets": counts["landmark_tickets"],
        "landmark_district_right": _ratio(counts["landmark_right"], counts["landmark_gold"]),
        "unsettled_share": _ratio(counts["unsettled"], len(rows)),
        "conflict_share": _ratio(counts["conflicts"], counts["located"]),
        "conflict_point_is_gold": _ratio(counts["conflict_point_is_gold"], counts["conflicts"]),
        "text_messages_per_second": round(len(rows) / text_seconds) if text_seconds else None,
        **agreement,
    }


def _named_with_prefix(finder: PlaceFinder, text: str) -> bool:
    """Did the text itself name the district it gave, with its prefix word (เขต: จตุจักร)?"""
    best = finder.text_matcher.read(text).best
    mention = best.district_mention if best is not None else None
    return mention is not None and mention.strength == Strength.STRONG


def _point_in(finder: PlaceFinder, row: dict[str, str], district_code: str | None) -> bool:
    """Does the ticket's own point lie in `district_code` by the shipped boundaries?"""
    lat, lon = _float(row["lat"]), _float(row["lon"])
    if lat is None or lon is None or finder.locator is None:
        return False
    located = finder.locator.locate(lat, lon)
    return located is not None and located.district_code == district_code


def _names_landmark(finder: PlaceFinder, text: str) -> bool:
    return any(
        m.landmark is not None and m.strength >= Strength.PLAIN
        for m in finder.text_matcher.mentions(clean(text))
    )


def _text_agrees_with_point(path: Path, finder: PlaceFinder) -> dict[str, Any]:
    if not path.exists() or finder.locator is None:
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    given = agree = 0
    for row in rows:
        lat, lon = _float(row.get("lat", "")), _float(row.get("lon", ""))
        if lat is None or lon is None:
            continue
        located = finder.locator.locate(lat, lon)
        if located is None:
            continue
        named = finder.find(row["text"])
        if named.district_code is None:
            continue
        given += 1
        agree += named.district_code == located.district_code
    return {
        "text_agrees_with_point": _ratio(agree, given),
        "text_agrees_with_point_tickets": given,
    }
