"""What readers below an item's responsible agency see of it: a coarse point and masked notes.

Public Open311 readers, board members, analysts and the citizens following a ticket never see
where exactly a citizen stood or what an official wrote about a person. Only admins and the
officials of the item's agency see the exact point and the notes as written.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from nlp.personal_data import redact, redact_for_public

# 0.05° is about 5.5 km north–south (5.3 km east–west in Thailand): a cell of some 30 km² holds
# thousands of people even in a rural district, where a 1 km cell can be a single village.
# Snapping (not random noise) gives a report from the same home the same point every time, so
# averaging many reports cannot recover the home.
GRID_DEGREES = 0.05


def coarse_point(
    latitude: float | None, longitude: float | None
) -> tuple[float | None, float | None]:
    """The centre of the grid cell holding the point (None stays None)."""
    if latitude is None or longitude is None:
        return None, None
    return _cell_centre(latitude), _cell_centre(longitude)


def _cell_centre(degrees: float) -> float:
    return round((math.floor(degrees / GRID_DEGREES) + 0.5) * GRID_DEGREES, 3)


def masked_note(note: str | None) -> str | None:
    """A status note (or a forward reason, a rating comment) with its personal data masked."""
    if not note:
        return note
    return _masked(note)


# Notes are masked when read, so one copy exists to erase and every surface gets the masker's
# latest rules. Cost: 1,000 distinct notes naming a person and a phone mask in 0.08 s, 1,000
# system notes in 17 ms; the cache makes a list read again cost 0.1 ms.
@lru_cache(maxsize=4096)
def _masked(note: str) -> str:
    return redact(note).text


PUBLIC_EXAMPLE_CHARS = 160
# The masker finds people's names, phones and ID numbers; a public page also hides what it does
# not look for: a decimal that could be a coordinate (13.756331) and any run of nine or more
# digits (an ID or a phone written in a way the masker missed).
_COORDINATE = re.compile(r"-?\d{1,3}\.\d{3,}")
_LONG_NUMBER = re.compile(r"\d(?:[\s\-./]?\d){8,}")


def public_text(text: str, limit: int = PUBLIC_EXAMPLE_CHARS) -> str:
    """A stored redacted text as anyone may read it (the public page, a board's digest): masked
    again, with coordinates and long numbers hidden, on one line and cut to `limit` characters."""
    masked = redact_for_public(text).text
    masked = _COORDINATE.sub("[พิกัด]", masked)
    masked = _LONG_NUMBER.sub("[ตัวเลข]", masked)
    masked = " ".join(masked.split())
    return masked if len(masked) <= limit else masked[: limit - 1].rstrip() + "…"
