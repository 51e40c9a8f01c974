"""Near-duplicate reports: the same problem at the same place, told in different words.

Similarity is the cosine between character-trigram count vectors of a lightly normalised text
(NFC, Thai digits to ASCII, lower case, only letters and digits kept, a letter typed three or more
times kept once). Trigrams need no word segmentation, so they tolerate typos, missing spaces and
different word cuts, which Thai chat is full of; the cosine (not Jaccard) keeps a short report
("ไฟดับซอย 15") close to a longer one that says the same thing.

`same_problem` also asks for the same category and the same place (equal codes, or one area
inside the other: district "1004" holds subdistrict "100401"); the time window is the caller's
(services look only at open items filed in the last days). `cluster` groups a week's items for a
digest's "top issues", biggest group first, each group led by its most typical report.

The thresholds were chosen on the Traffy dev tickets (see docs/nlp.md): among tickets of the same
district and category, pairs at cosine ≥ 0.5 read as the same problem when looked at by hand.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

SAME_PROBLEM_THRESHOLD = 0.5
# When the category or place of one side is unknown, the words alone must agree more.
UNPLACED_THRESHOLD = 0.7
# Two shared locations farther apart than this are different places.
NEARBY_METRES = 150.0

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NOT_WORD = re.compile(r"[^0-9a-zก-๙]+")
_REPEATS = re.compile(r"(.)\1{2,}")
_N = 3


@lru_cache(maxsize=8192)
def _profile(text: str) -> tuple[dict[str, int], float]:
    """Character-trigram counts of the normalised text and the vector's length."""
    flat = unicodedata.normalize("NFC", text).translate(_THAI_DIGITS).lower()
    flat = _REPEATS.sub(r"\1", _NOT_WORD.sub(" ", flat)).strip()
    grams: Counter[str] = Counter()
    for word in flat.split():
        padded = f" {word} "
        if len(padded) <= _N:
            grams[padded] += 1
            continue
        for i in range(len(padded) - _N + 1):
            grams[padded[i : i + _N]] += 1
    norm = math.sqrt(sum(c * c for c in grams.values()))
    return dict(grams), norm


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 (nothing shared) to 1 (the same after normalisation)."""
    grams_a, norm_a = _profile(a)
    grams_b, norm_b = _profile(b)
    if not norm_a or not norm_b:
        return 0.0
    if len(grams_a) > len(grams_b):
        grams_a, grams_b = grams_b, grams_a
    dot = sum(count * grams_b.get(gram, 0) for gram, count in grams_a.items())
    return min(1.0, dot / (norm_a * norm_b))


# A number followed by one of these is an amount, a size or a time, not part of an address.
_UNITS = (
    "ชั่วโมง|ชม|นาที|วัน|สัปดาห์|อาทิตย์|เดือน|ปี|ทุ่ม|โมง|น\\.|บาท|เมตร|ม\\.|ซม|เซน|กม|กิโล|"
    "คน|ตัว|คัน|ครั้ง|จุด|ต้น|เสา|หลัง|แห่ง|ชั้น|ลูก|ถุง|กอง|ราย|นิ้ว|ฟุต|%|cm|km|m\\b"
)
_PLACE_NUMBER = re.compile(
    r"(?<![0-9.,:/])([0-9]+(?:/[0-9]+)?)(?![0-9]|[.,:/][0-9]|\s?(?:" + _UNITS + "))"
)


@lru_cache(maxsize=8192)
def place_numbers(text: str) -> frozenset[str]:
    """Numbers that look like part of an address (soi 15, house 99/1, ลาดพร้าว 71), not amounts."""
    flat = unicodedata.normalize("NFC", text).translate(_THAI_DIGITS)
    return frozenset(m.group(1) for m in _PLACE_NUMBER.finditer(flat))


def numbers_conflict(a_text: str, b_text: str) -> bool:
    """Both texts give address numbers and share none: different sois or houses."""
    a, b = place_numbers(a_text), place_numbers(b_text)
    return bool(a) and bool(b) and not (a & b)


def same_place(a_code: str | None, b_code: str | None) -> bool | None:
    """True when one area code equals or contains the other; None when either is unknown."""
    if not a_code or not b_code:
        return None
    return a_code.startswith(b_code) or b_code.startswith(a_code)


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Metres between two (lat, lon) points (equirectangular: exact enough within a city)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return 6_371_000 * math.hypot(x, lat2 - lat1)


def same_problem(
    a_text: str,
    a_category: str | None,
    a_place_code: str | None,
    b_text: str,
    b_category: str | None,
    b_place_code: str | None,
    *,
    a_location: tuple[float, float] | None = None,
    b_location: tuple[float, float] | None = None,
    threshold: float = SAME_PROBLEM_THRESHOLD,
) -> bool:
    """Whether two reports are about the same problem at the same place.

    Never the same: different known categories, different known places (area codes), address
    numbers that disagree (ซอย 15 against ซอย 27), or shared locations (lat, lon) more than
    `NEARBY_METRES` apart. Otherwise the text similarity decides: ≥ `threshold` when category
    and place are known and agree to the district at least (or the two locations are within
    `NEARBY_METRES`), else ≥ `UNPLACED_THRESHOLD`.
    """
    place = same_place(a_place_code, b_place_code)
    if place is False:
        return False
    if a_category and b_category and a_category != b_category:
        return False
    near = None
    if a_location is not None and b_location is not None:
        near = distance_m(a_location, b_location) <= NEARBY_METRES
        if not near:
            return False
    if numbers_conflict(a_text, b_text):
        return False
    # A province alone ("10": all of Bangkok) is too coarse to call the place known.
    precise = place is True and min(len(a_place_code or ""), len(b_place_code or "")) >= 4
    known = (precise or near is True) and bool(a_category) and bool(b_category)
    needed = threshold if known else max(threshold, UNPLACED_THRESHOLD)
    return similarity(a_text, b_text) >= needed


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Issue(Generic[T]):
    """One group of reports about the same problem: the most typical one and all of them."""

    representative: T
    items: list[T]

    @property
    def count(self) -> int:
        return len(self.items)


def cluster(
    items: Sequence[T],
    *,
    text: Callable[[T], str] = lambda item: item.text,  # type: ignore[attr-defined]
    category: Callable[[T], str | None] = lambda item: item.category,  # type: ignore[attr-defined]
    place_code: Callable[[T], str | None] = lambda item: item.place_code,  # type: ignore[attr-defined]
    threshold: float = SAME_PROBLEM_THRESHOLD,
) -> list[list[T]]:
    """Group items that report the same problem; biggest group first, its representative first.

    Items are compared only within the same category and district (the first four digits of the
    place code; items without a place form their own bucket and need `UNPLACED_THRESHOLD`). Each
    item joins the group whose members it is most similar to on average, if that average reaches
    the threshold (average link: one loose match cannot chain two different problems together).
    Ties in size keep the order of the first item of each group (give items oldest first).
    """
    buckets: dict[tuple[str | None, str | None], list[int]] = {}
    for index, item in enumerate(items):
        code = place_code(item)
        buckets.setdefault((category(item), code[:4] if code else None), []).append(index)

    groups: list[list[int]] = []
    for (bucket_category, bucket_place), members in buckets.items():
        needed = (
            threshold if bucket_category and bucket_place else max(threshold, UNPLACED_THRESHOLD)
        )
        local: list[list[int]] = []
        for index in members:
            best, best_score = None, needed
            for group in local:
                if any(numbers_conflict(text(items[index]), text(items[m])) for m in group):
                    continue
                score = sum(similarity(text(items[index]), text(items[m])) for m in group) / len(
                    group
                )
                if score >= best_score:
                    best, best_score = group, score
            if best is None:
                local.append([index])
            else:
                best.append(index)
        groups.extend(local)

    ordered = sorted(groups, key=lambda group: (-len(group), group[0]))
    return [[items[i] for i in _representative_first(group, items, text)] for group in ordered]


def _representative_first(
    group: list[int], items: Sequence[T], text: Callable[[T], str]
) -> list[int]:
    """The group with its medoid (highest mean similarity to the others) moved to the front."""
    if len(group) <= 2:
        return group
    scores = [
        (sum(similarity(text(items[i]), text(items[j])) for j in group if j != i), -position)
        for position, i in enumerate(group)
    ]
    best = group[max(range(len(group)), key=lambda k: scores[k])]
    return [best] + [i for i in group if i != best]


def top_issues(
    items: Sequence[T],
    limit: int = 5,
    *,
    text: Callable[[T], str] = lambda item: item.text,  # type: ignore[attr-defined]
    category: Callable[[T], str | None] = lambda item: item.category,  # type: ignore[attr-defined]
    place_code: Callable[[T], str | None] = lambda item: item.place_code,  # type: ignore[attr-defined]
) -> list[Issue[T]]:
    """The `limit` biggest groups of the same problem, for a digest ("reported 12 times")."""
    groups = cluster(items, text=text, category=category, place_code=place_code)
    return [Issue(representative=group[0], items=group) for group in groups[:limit]]
