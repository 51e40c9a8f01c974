"""Routing rules checked against the agency catalogue and the gazetteer, stored by name, loaded
from the starter file on a fresh deployment, and how far each one reaches (`coverage`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.categories import LABELS
from services.routing.rule_files import RuleFileError, RuleSpec, load_rule_file, parse_rules
from services.session_cache import forget, session_cache
from storage.models import RoutingRule
from storage.repositories.agencies import AgencyLookup, AgencyRepository
from storage.repositories.areas import AreaRepository
from storage.repositories.routing_rules import RoutingRuleRepository

STARTER_RULES = (
    Path(__file__).resolve().parent.parent.parent / "storage" / "reference" / "routing_rules.yaml"
)


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    rules: list[RoutingRule] = field(default_factory=list)


async def validate_rules(
    session: AsyncSession, specs: Sequence[RuleSpec], *, source: str = "rules"
) -> None:
    """Every category, area, agency type and agency a rule names must exist; raises
    RuleFileError otherwise. A typed rule whose type serves none of its area is an error too."""
    problems: list[str] = []
    agency_repository, areas = AgencyRepository(session), AreaRepository(session)
    types = {t.code: t for t in await agency_repository.types()}
    provinces = await areas.province_codes()
    codes = sorted({s.agency_code for s in specs if s.agency_code})
    agencies = {a.code: a for a in await agency_repository.by_codes(codes)}
    districts = await areas.districts_by_code(
        sorted({s.district_code for s in specs if s.district_code})
    )
    lookup = AgencyLookup(session)
    names = set(LABELS)
    served_by_type: dict[str, set[str]] = {}
    for spec in specs:
        at = f"{source}:{spec.line}: rule {spec.name!r}"
        if spec.category is not None and spec.category not in names:
            problems.append(f"{at}: unknown category {spec.category!r}")
        if spec.province_code is not None and spec.province_code not in provinces:
            problems.append(f"{at}: unknown province code {spec.province_code!r}")
        if spec.district_code is not None:
            district = districts.get(spec.district_code)
            if district is None:
                problems.append(f"{at}: unknown district code {spec.district_code!r}")
            elif spec.province_code and district.province_code != spec.province_code:
                problems.append(
                    f"{at}: district {spec.district_code} is not in province {spec.province_code}"
                )
        if spec.agency_code is not None and spec.agency_code not in agencies:
            problems.append(f"{at}: no agency with code {spec.agency_code!r}")
        if spec.agency_type_code is not None:
            if spec.agency_type_code not in types:
                problems.append(f"{at}: unknown agency type {spec.agency_type_code!r}")
            else:
                if spec.agency_type_code not in served_by_type:
                    served_by_type[spec.agency_type_code] = await lookup.provinces_with_type(
                        spec.agency_type_code
                    )
                served = served_by_type[spec.agency_type_code]
                area = spec.province_code or (
                    districts[spec.district_code].province_code
                    if spec.district_code in districts
                    else None
                )
                # a national type has no province's agency: its one agency serves them all
                national = not served and await lookup.serves_every_province(spec.agency_type_code)
                if not national and (not served or (area is not None and area not in served)):
                    where = f"province {area}" if area else "any province"
                    problems.append(
                        f"{at}: agency type {spec.agency_type_code!r} has no agency in {where}"
                    )
    if problems:
        raise RuleFileError(problems)


async def save_rules(
    session: AsyncSession, specs: Sequence[RuleSpec], *, replace: bool = True
) -> LoadReport:
    """Store validated specs by name (adding or updating); with `replace`, rules not in `specs`
    are switched off (kept, since routed items point at them). Loading twice changes nothing."""
    repository = RoutingRuleRepository(session)
    existing = await repository.by_names()
    codes = sorted({s.agency_code for s in specs if s.agency_code})
    agency_ids = {a.code: a.id for a in await AgencyRepository(session).by_codes(codes)}
    report = LoadReport()
    for spec in specs:
        values: dict[str, Any] = {
            "priority": spec.priority,
            "category": spec.category,
            "keywords": list(spec.keywords),
            "hazards": list(spec.hazards),
            "province_code": spec.province_code,
            "district_code": spec.district_code,
            "agency_type_code": spec.agency_type_code,
            "agency_id": agency_ids.get(spec.agency_code) if spec.agency_code else None,
            "description": spec.description,
            "is_active": spec.is_active,
        }
        rule = existing.get(spec.name)
        if rule is None:
            rule = RoutingRule(name=spec.name, **values)
            session.add(rule)
            report.added += 1
        elif any(getattr(rule, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(rule, key, value)
            session.add(rule)
            report.updated += 1
        else:
            report.unchanged += 1
        report.rules.append(rule)
    await session.flush()
    if replace:
        report.deactivated = await repository.deactivate_except({s.name for s in specs})
    forget(session, "routing")  # routing in this session sees the new rules
    return report


@dataclass(frozen=True)
class RoutingRuleSet:
    """The rules of one file or text, ready to be checked against the catalogue and stored."""

    specs: tuple[RuleSpec, ...]
    source: str = "rules"

    @classmethod
    def from_file(cls, path: Path) -> RoutingRuleSet:
        return cls(tuple(load_rule_file(path)), path.name)

    @classmethod
    def from_text(cls, text: str, *, source: str = "rules") -> RoutingRuleSet:
        return cls(tuple(parse_rules(text, source=source)), source)

    async def validate(self, session: AsyncSession) -> None:
        await validate_rules(session, self.specs, source=self.source)

    async def store(self, session: AsyncSession, *, replace: bool = True) -> LoadReport:
        """Validate, then store (see `save_rules`)."""
        await self.validate(session)
        return await save_rules(session, self.specs, replace=replace)


async def load_rules(
    session: AsyncSession, path: Path = STARTER_RULES, *, replace: bool = True
) -> LoadReport:
    """Read, validate and store a rule file (what `siang routing load FILE` does)."""
    return await RoutingRuleSet.from_file(path).store(session, replace=replace)


async def ensure_rules(session: AsyncSession, path: Path = STARTER_RULES) -> LoadReport | None:
    """Load the starter rules when the database has none yet (a fresh deployment)."""
    cache = session_cache(session, "routing")
    if cache.get("present") or await RoutingRuleRepository(session).all():
        cache["present"] = True
        return None
    return await load_rules(session, path)


async def coverage(session: AsyncSession, category: str | None = None) -> dict[str, int]:
    """How many provinces each active rule can route to (for `siang routing show`)."""
    lookup = AgencyLookup(session)
    provinces = await AreaRepository(session).province_codes()
    counts: dict[str, int] = {}
    for rule in await RoutingRuleRepository(session).active():
        if category is not None and rule.category not in (None, category):
            continue
        if rule.agency_id is not None:
            counts[rule.name] = 1
        elif rule.agency_type_code is not None:
            served = await lookup.provinces_with_type(rule.agency_type_code)
            area = {rule.province_code} if rule.province_code else provinces
            counts[rule.name] = len(served & area)
    return counts
