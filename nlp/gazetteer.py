"""Thailand's provinces, districts and subdistricts by official name and code, for place finding.

Built straight from geothai (the same source that seeds the database), so names and codes agree
with the stored gazetteer: official Thai names without a prefix (geothai writes Bangkok's khet as
"เขตพระนคร"; we strip "เขต"), codes "10" / "1001" / "100101".

Alternative spellings that people really write (abbreviations such as กทม, common misspellings
such as สาธร for สาทร) come from the team-written `data/places/aliases.json`, plus one systematic
variant generated here (ฎ/ฏ confusion).
The team-written `data/places/common_names.json` lists the district names that are also everyday
words or the names of something else (สังคม, วิภาวดี): the place finder does not let them decide
alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import geothai

ALIASES_FILE = Path(__file__).resolve().parent / "data" / "places" / "aliases.json"
COMMON_NAMES_FILE = ALIASES_FILE.with_name("common_names.json")
BANGKOK = "10"
MUEANG = "เมือง"
_SHORTEST_TOWN_FORM = 3  # เมือง + a shorter form (เมืองกท) is no town anyone writes


class Level(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    SUBDISTRICT = "subdistrict"


@dataclass(frozen=True, slots=True)
class Area:
    """One administrative area: its code, official Thai name (no prefix) and its parents."""

    level: Level
    code: str
    name: str
    name_en: str
    province_code: str
    district_code: str | None = None  # for a subdistrict: its district; for a district: itself

    @property
    def in_bangkok(self) -> bool:
        return self.province_code == BANGKOK


def _district_name(name_th: str) -> str:
    return name_th.removeprefix("เขต")


def spelling_variants(name: str) -> set[str]:
    """Systematic misspellings of an official name that people type (never the name itself)."""
    variants = set()
    for a, b in (("ฎ", "ฏ"), ("ฏ", "ฎ")):
        if a in name:
            variants.add(name.replace(a, b))
    return variants - {name}


def latin_forms(name_en: str) -> set[str]:
    """How people write an area's English name: as geothai spells it, lower case, with and
    without its spaces and hyphens ("Hat Yai", "hatyai"; "Phang-nga", "phang nga"), an
    island's Ko as Koh ("Ko Lanta", "koh lanta"), and a capital district (Mueang Trang) as the
    town ("Trang town", "Trang city")."""
    name = name_en.lower().strip()
    forms = {name, name.replace("-", " "), name.replace("-", "").replace(" ", "")}
    forms |= {"koh " + form.removeprefix("ko ") for form in forms if form.startswith("ko ")}
    if name.startswith("mueang "):
        town = name.removeprefix("mueang ")
        forms |= {f"{town} town", f"{town} city"}
    return forms


class Gazetteer:
    """All areas, and every written form (official name, alias, variant) mapped to its areas."""

    def __init__(
        self,
        provinces: dict[str, Area],
        districts: dict[str, Area],
        subdistricts: dict[str, Area],
        aliases: dict[str, dict[str, list[str]]] | None = None,
        blocked: Iterable[str] = (),
        common_names: Iterable[str] = (),
        latin_words: Iterable[str] = (),
    ) -> None:
        self.provinces = provinces
        self.districts = districts
        self.subdistricts = subdistricts
        # written form -> level -> codes
        self.forms: dict[str, dict[Level, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.official_forms: set[str] = set()
        # names that contain an area's name but are something else (ดุสิตธานี, a hotel)
        self.blocked = frozenset(form.lower() for form in blocked)
        # district names that are also everyday words or the names of something else
        self.common_names = frozenset(common_names)
        for table in (provinces, districts, subdistricts):
            for area in table.values():
                self._add(area.name, area, official=True)
                for variant in spelling_variants(area.name):
                    self._add(variant, area)
        # Provinces' and districts' English names, as tourists and English-mixed chat write
        # them ("in Hat Yai", "Koh Lanta"); not the subdistricts' (thousands, many alike), nor
        # names that are English words or romanised chat ("Long", "Song", "Chana").
        not_names = frozenset(word.lower() for word in latin_words)
        for table in (provinces, districts):
            for area in table.values():
                for form in latin_forms(area.name_en) - not_names:
                    self._add(form, area)
        by_key = {
            Level.PROVINCE: {a.name: a for a in provinces.values()},
            Level.DISTRICT: {
                f"{provinces[a.province_code].name}/{a.name}": a for a in districts.values()
            },
            Level.SUBDISTRICT: {
                f"{provinces[a.province_code].name}/{districts[a.district_code or ''].name}/{a.name}": a
                for a in subdistricts.values()
            },
        }
        for level_name, by_name in (aliases or {}).items():
            table = by_key[Level(level_name)]
            for key, forms in by_name.items():
                if key not in table:
                    raise ValueError(f"aliases: no {level_name} named {key!r} in geothai")
                for form in forms:
                    self._add(form, table[key])
        self._add_town_forms((aliases or {}).get(Level.PROVINCE.value, {}))

    def _add_town_forms(self, province_aliases: dict[str, list[str]]) -> None:
        """The word เมือง and a province's short Thai name (เมืองโคราช, ในเมืองอุบล, ตัวเมืองสุพรรณ) is
        its capital district, as เมือง and the full name (เมืองนครราชสีมา) is officially."""
        by_name = {area.name: area for area in self.provinces.values()}
        capitals = {
            area.province_code: area
            for area in self.districts.values()
            if area.name == f"{MUEANG}{self.provinces[area.province_code].name}"
        }
        for name in by_name:
            forms = province_aliases.get(name, [])
            capital = capitals.get(by_name[name].code)
            if capital is None:
                continue
            for form in forms:
                if not form.isascii() and len(form) >= _SHORTEST_TOWN_FORM:
                    self._add(f"{MUEANG}{form.rstrip('ฯ')}", capital)
            # the city's municipality: "เทศบาลนครขอนแก่น", "ทน.อุดรธานี"
            for form in (name, *(f for f in forms if not f.isascii())):
                for municipality in ("เทศบาลนคร", "ทน.", "เทศบาลเมือง", "ทม."):
                    self._add(f"{municipality}{form.rstrip('ฯ')}", capital)

    def _add(self, form: str, area: Area, *, official: bool = False) -> None:
        self.forms[form.lower()][area.level].add(area.code)
        if official:
            self.official_forms.add(form.lower())

    def area(self, level: Level, code: str) -> Area:
        return {
            Level.PROVINCE: self.provinces,
            Level.DISTRICT: self.districts,
            Level.SUBDISTRICT: self.subdistricts,
        }[level][code]

    def districts_of(self, province_code: str) -> list[Area]:
        return [d for d in self.districts.values() if d.province_code == province_code]

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        """The gazetteer from geothai and the shipped aliases (built once per process)."""
        provinces: dict[str, Area] = {}
        districts: dict[str, Area] = {}
        subdistricts: dict[str, Area] = {}
        for p in geothai.provinces():
            provinces[p.code] = Area(Level.PROVINCE, p.code, p.name_th, p.name_en, p.code)
            for d in geothai.districts(p.code):
                districts[d.code] = Area(
                    Level.DISTRICT, d.code, _district_name(d.name_th), d.name_en, p.code, d.code
                )
                for s in geothai.subdistricts(d.code):
                    subdistricts[s.code] = Area(
                        Level.SUBDISTRICT, s.code, s.name_th, s.name_en, p.code, d.code
                    )
        aliases = json.loads(ALIASES_FILE.read_text(encoding="utf-8"))
        aliases.pop("_about", None)
        blocked = aliases.pop("not_places", [])
        common = json.loads(COMMON_NAMES_FILE.read_text(encoding="utf-8"))
        common_names = [*common["words"], *common["names_elsewhere"]]
        latin_words = common["latin_words"]
        return cls(provinces, districts, subdistricts, aliases, blocked, common_names, latin_words)
