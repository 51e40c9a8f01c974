"""How well text similarity tells the same problem from a different one, on Traffy tickets.

Traffy has no duplicate labels, so the reporters' own coordinates stand in for them: among
tickets of the same district and first category, a pair pinned within `SAME_METRES` of each other
counts as the same problem, and a pair more than `APART_METRES` apart as different ones. For each
threshold the figures are the share of same-problem pairs whose texts reach it (``recall``) and
the share of different-problem pairs that also reach it (``false_merge``): what text alone would
merge if the place were known only to the district. (Texts and coordinates are only read here.)
"""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from pathlib import Path
from typing import Any

from nlp.duplicates import SAME_PROBLEM_THRESHOLD, distance_m, numbers_conflict, similarity

TICKETS = "traffy_tickets.csv"
SAME_METRES = 30.0
APART_METRES = 500.0
THRESHOLDS = (0.4, SAME_PROBLEM_THRESHOLD, 0.6, 0.7)


def evaluate_duplicates(data_dir: Path) -> dict[str, Any]:
    """Recall and false-merge rate per threshold (see the module docstring)."""
    groups: dict[tuple[str, str], list[tuple[str, tuple[float, float]]]] = defaultdict(list)
    with (data_dir / TICKETS).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not (row["lat"] and row["lon"] and row["district"] and row["types"]):
                continue
            point = (float(row["lat"]), float(row["lon"]))
            groups[(row["district"], row["types"].split("|")[0])].append((row["text"], point))
    same: list[float] = []
    apart: list[float] = []
    for members in groups.values():
        for (a_text, a_point), (b_text, b_point) in itertools.combinations(members, 2):
            metres = distance_m(a_point, b_point)
            if SAME_METRES < metres <= APART_METRES:
                continue
            score = 0.0 if numbers_conflict(a_text, b_text) else similarity(a_text, b_text)
            (same if metres <= SAME_METRES else apart).append(score)
    return {
        "data": str(data_dir / TICKETS),
        "same_problem_pairs": len(same),
        "different_problem_pairs": len(apart),
        "threshold": SAME_PROBLEM_THRESHOLD,
        "by_threshold": {
            str(t): {
                "recall": round(sum(s >= t for s in same) / len(same), 4) if same else None,
                "false_merge": round(sum(s >= t for s in apart) / len(apart), 4) if apart else None,
            }
            for t in THRESHOLDS
        },
    }
