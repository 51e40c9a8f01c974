"""Syllables Thai given names are built of (since round 13): พร of สมพร and พรทิพย์, ชัย, ศรี.

A nickname is often the first or the last syllable of its owner's given name, and then it is a
dictionary word too (พร "a blessing", ฟ้า "the sky"), so no list of names holds it. Where the
layout says a name stands (a writer's opening "พรค่ะ อยู่ …", a sign-off), a word that starts
or ends many listed given names may be one; "ขยะ", "ถนน", "แอดมิน" start or end none.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from nlp.personal_data.name_lists import _name_lists

# A word that starts or ends at least this many listed given names is a syllable of names.
_FEWEST = 3
_SHORTEST = 2


@cache
def _name_part_counts() -> Counter[str]:
    """How many listed given names start or end with each run of letters (leaving two at
    least for the rest of the name)."""
    counts: Counter[str] = Counter()
    for name in _name_lists().first:
        for cut_at in range(_SHORTEST, len(name) - _SHORTEST + 1):
            counts[name[:cut_at]] += 1
            counts[name[cut_at:]] += 1
    return counts


def builds_names(word: str) -> bool:
    """Whether `word` starts or ends several listed given names (พร, ฟ้า, ทอง; not ขยะ)."""
    return len(word) >= _SHORTEST and _name_part_counts()[word] >= _FEWEST
