"""Well-known places people name instead of an area (มช., สนามบินสุวรรณภูมิ, ตลาดวโรรส, หาดป่าตอง),
each with the district it lies in, so a message naming one is placed there (or, for a place on
a district border, the districts either side to choose from).

The table is team-written (`data/places/landmarks.json`; see `data/places/SOURCE.md`): every
landmark has an official name, a kind, its geothai district code (checked against the gazetteer
when the place finder loads) and the other ways people write it. A few written forms are derived
here so the file need not repeat them: a name without its spaces (เซ็นทรัลเฟสติวัล เชียงใหม่ →
เซ็นทรัลเฟสติวัลเชียงใหม่) and the usual short forms of a name's leading word (โรงพยาบาล → รพ.,
มหาวิทยาลัย → ม., ท่าอากาศยาน → สนามบิน, นิคมอุตสาหกรรม → นิคมฯ).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANDMARKS_FILE = Path(__file__).resolve().parent / "data" / "places" / "landmarks.json"

KINDS = frozenset(
    {
        "university",
        "hospital",
        "airport",
        "train_station",
        "bus_station",
        "mall",
        "market",
        "temple",
        "monument",
        "historic_site",
        "beach",
        "island",
        "national_park",
        "nature",  # a waterfall, mountain, lake, dam or viewpoint outside a national park's name
        "park",
        "industrial_estate",
        "port",  # a seaport or a pier (ท่าเรือแหลมฉบัง, ท่าเรือทับละมุ, ท่าช้าง)
        "government",
        "venue",  # a stadium, exhibition centre, zoo or theme park
        "border_crossing",
        "street",  # a street or quarter people name as a place (ถนนข้าวสาร, นิมมานเหมินท์)
    }
)

# The leading word of a name, and the short forms people write for it.
_SHORT_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("โรงพยาบาล", ("รพ.", "รพ")),
    ("มหาวิทยาลัย", ("ม.", "มหาลัย")),
    ("ท่าอากาศยาน", ("สนามบิน",)),
    ("นิคมอุตสาหกรรม", ("นิคมฯ", "นิคม")),
    ("อุทยานแห่งชาติ", ("อุทยานฯ", "อุทยาน")),
    ("สถานีรถไฟ", ("สถานี",)),
)


@dataclass(frozen=True, slots=True)
class Landmark:
    """One well-known place and the district (geothai code) it lies in."""

    name: str
    kind: str
    district_code: str
    aliases: tuple[str, ...] = ()
    # districts across a border the place lies on (สวนลุมพินี: บางรัก and สาทร across พระราม 4):
    # "in front of it" may be either side, so its name alone does not settle the district
    across: tuple[str, ...] = ()

    @property
    def district_codes(self) -> frozenset[str]:
        """The districts a report naming this place may be in: its own and those across."""
        return frozenset({self.district_code, *self.across})

    def written_forms(self) -> Iterator[str]:
        """The name, its aliases and the forms derived from them (lower case, unique)."""
        seen: set[str] = set()
        for written in (self.name, *self.aliases):
            for form in _derived(written.lower()):
                if form not in seen:
                    seen.add(form)
                    yield form


def _derived(written: str) -> Iterator[str]:
    """`written`, its short forms (with and without a space after them) and each of those
    without spaces."""
    variants = [written.strip()]
    for word, shorts in _SHORT_FORMS:
        if written.startswith(word) and len(written) > len(word):
            rest = written[len(word) :].strip()
            for short in shorts:
                variants += [short + rest, f"{short} {rest}"]
    for variant in variants:
        yield variant
        if " " in variant:
            yield variant.replace(" ", "")


class Landmarks:
    """Every landmark, and each written form mapped to its one landmark."""

    def __init__(self, landmarks: Iterable[Landmark]) -> None:
        self.all: tuple[Landmark, ...] = tuple(landmarks)
        self.by_form: dict[str, Landmark] = {}
        for landmark in self.all:
            if landmark.kind not in KINDS:
                raise ValueError(f"landmarks: {landmark.name!r} has unknown kind {landmark.kind!r}")
            for form in landmark.written_forms():
                other = self.by_form.setdefault(form, landmark)
                if other.district_code != landmark.district_code:
                    raise ValueError(
                        f"landmarks: {form!r} names {other.name!r} and {landmark.name!r}, "
                        "which lie in different districts"
                    )

    def __len__(self) -> int:
        return len(self.all)

    @classmethod
    @cache
    def load(cls, path: Path = LANDMARKS_FILE) -> Landmarks:
        """The shipped table (read once per process)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            Landmark(
                name=entry["name"],
                kind=entry["kind"],
                district_code=entry["district"],
                aliases=tuple(entry.get("aliases", ())),
                across=tuple(entry.get("across", ())),
            )
            for entry in data["landmarks"]
        )
