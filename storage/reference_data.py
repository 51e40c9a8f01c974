"""Reference data: Thailand's areas (from geothai), the agency catalogue and provincial boards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geothai
import yaml
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Agency, AgencyType, Board, BoardLevel, District, Province, Subdistrict
from storage.upsert import insert_ignoring_conflicts

AGENCY_CATALOGUE = Path(__file__).resolve().parent / "reference" / "agency_types.yaml"
BANGKOK = "10"
METROPOLITAN_AREA = {"10", "12", "11"}  # Bangkok, Nonthaburi, Samut Prakan (MEA/MWA service area)


@dataclass(frozen=True)
class SeedReport:
    """How many rows each kind of reference data added (0 everywhere on a rerun), and how many
    existing rows took a changed catalogue value (an agency type's hotline)."""

    added: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)


def _serves(serves: str, province_code: str) -> bool:
    return {
        "all": True,
        "bangkok": province_code == BANGKOK,
        "outside_bangkok": province_code != BANGKOK,
        "mea_area": province_code in METROPOLITAN_AREA,
        "outside_mea_area": province_code not in METROPOLITAN_AREA,
    }[serves]


def load_agency_catalogue(path: Path = AGENCY_CATALOGUE) -> list[dict[str, Any]]:
    """The agency types from the editable YAML catalogue."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    types: list[dict[str, Any]] = data["types"]
    return types


def official_district_name(name_th: str) -> str:
    """The district's name without its prefix (geothai writes Bangkok's khet as "เขตพระนคร")."""
    return name_th.removeprefix("เขต") if name_th.startswith("เขต") else name_th


def area_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Provinces, districts and subdistricts with official codes and Thai/English names."""
    provinces = [
        {"code": p.code, "name_th": p.name_th, "name_en": p.name_en} for p in geothai.provinces()
    ]
    districts: list[dict[str, Any]] = []
    subdistricts: list[dict[str, Any]] = []
    for province in geothai.provinces():
        for d in geothai.districts(province.code):
            districts.append(
                {
                    "code": d.code,
                    "province_code": d.province_code,
                    "name_th": official_district_name(d.name_th),
                    "name_en": d.name_en,
                }
            )
            for s in geothai.subdistricts(d.code):
                subdistricts.append(
                    {
                        "code": s.code,
                        "district_code": s.district_code,
                        "province_code": s.province_code,
                        "name_th": s.name_th,
                        "name_en": s.name_en,
                        "postal_codes": " ".join(s.postal_codes),
                    }
                )
    return provinces, districts, subdistricts


def agency_rows(
    catalogue: list[dict[str, Any]],
    provinces: list[dict[str, Any]],
    districts: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """One agency per province or district for each catalogue type that has a name template,
    one for the whole country for a national type."""
    rows: list[dict[str, Any]] = []
    for kind in catalogue:
        if "agency_th" not in kind:
            continue  # a type without a template (municipalities) is added by admins, not seeded
        if kind["level"] == "national":
            rows.append(_agency_row(kind, None, None, {"province_th": "", "province_en": ""}))
            continue
        for province in provinces:
            if not _serves(kind["serves"], province["code"]):
                continue
            names = {"province_th": province["name_th"], "province_en": province["name_en"]}
            if kind["level"] == "province":
                rows.append(_agency_row(kind, province["code"], None, names))
            else:
                for district in districts:
                    if district["province_code"] == province["code"]:
                        district_names = names | {
                            "district_th": district["name_th"],
                            "district_en": district["name_en"],
                        }
                        rows.append(
                            _agency_row(kind, province["code"], district["code"], district_names)
                        )
    return rows


def _agency_row(
    kind: dict[str, Any],
    province_code: str | None,
    district_code: str | None,
    names: dict[str, str],
) -> dict[str, Any]:
    """A seeded agency: coded by its type and area (a national type's by its type alone)."""
    area = district_code or province_code
    bangkok = province_code == BANGKOK
    template_th = kind.get("bangkok_th") if bangkok else None
    template_en = kind.get("bangkok_en") if bangkok else None
    name_th = (template_th or kind["agency_th"]).format(
        province=names["province_th"], district=names.get("district_th", "")
    )
    name_en = (template_en or kind["agency_en"]).format(
        province=names["province_en"], district=names.get("district_en", "")
    )
    return {
        "code": f"{kind['code']}-{area}" if area else kind["code"],
        "type_code": kind["code"],
        "name_th": name_th,
        "name_en": name_en,
        "province_code": province_code,
        "district_code": district_code,
        "notify_channel": "none",
        "is_active": True,
    }


def board_rows(provinces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One Citizen Advisory Board per province."""
    rows = []
    for province in provinces:
        bangkok = province["code"] == BANGKOK
        rows.append(
            {
                "code": f"cab-{province['code']}",
                "level": BoardLevel.PROVINCE.value,
                "name_th": "คณะกรรมการที่ปรึกษาภาคประชาชน"
                + (province["name_th"] if bangkok else f"จังหวัด{province['name_th']}"),
                "name_en": f"Citizen Advisory Board, {province['name_en']}",
                "province_code": province["code"],
                "district_code": None,
                "notify_channel": "none",
            }
        )
    return rows


async def seed_reference_data(session: AsyncSession) -> SeedReport:
    """Load areas, agency types, agencies and boards; safe to run again (adds only what is new)."""
    provinces, districts, subdistricts = area_rows()
    catalogue = load_agency_catalogue()
    now = datetime.now(UTC)
    types = [
        {k: t.get(k) for k in ("code", "name_th", "name_en", "level", "hotline")} for t in catalogue
    ]
    agencies = [row | {"created_at": now} for row in agency_rows(catalogue, provinces, districts)]
    boards = [row | {"created_at": now} for row in board_rows(provinces)]
    plan = [
        ("provinces", Province, provinces),
        ("districts", District, districts),
        ("subdistricts", Subdistrict, subdistricts),
        ("agency_types", AgencyType, types),
        ("agencies", Agency, agencies),
        ("boards", Board, boards),
    ]
    added: dict[str, int] = {}
    totals: dict[str, int] = {}
    for name, model, rows in plan:
        added[name] = await insert_ignoring_conflicts(session, model.__table__, rows)  # type: ignore[attr-defined]
        totals[name] = len(rows)
    updated = {"hotlines": await _update_hotlines(session, types)}
    return SeedReport(added=added, totals=totals, updated=updated)


async def _update_hotlines(session: AsyncSession, types: list[dict[str, Any]]) -> int:
    """Existing agency types take the catalogue's hotline (inserting skips rows that exist, and
    the catalogue is where a changed or new number is written)."""
    changed = 0
    table = AgencyType.__table__  # type: ignore[attr-defined]
    connection = await session.connection()
    for row in types:
        statement = (
            update(table)
            .where(table.c.code == row["code"])
            .where(table.c.hotline.is_distinct_from(row["hotline"]))
            .values(hotline=row["hotline"])
        )
        result = await connection.execute(statement)
        changed += max(result.rowcount or 0, 0)
    return changed
