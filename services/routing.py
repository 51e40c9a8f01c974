"""Routing rules as data: category × area (× words) → the responsible agency, with a fallback.

A rule matches on facts: the item's category, the hazards the NLP found happening now
(``live_wire``, ``fire`` …: a wire down reaches the electricity authority whatever its
category), its area, and words of the message matched on word boundaries (``สาย`` of a bus
line is not ``สายไฟ``). A rule names either an agency type (``pwa``: the provincial waterworks branch of the item's
province; ``bkk-district-office``: the office of the item's Bangkok khet) or one agency by code.
A rule whose type has no agency in the item's area does not fire, so one rule serves every
province that has such an agency: ``ประปา → pwa`` and ``ประปา → mwa`` together cover the country.
The highest priority rule that matches and resolves wins; the starter file ends with the
province's ศูนย์ดำรงธรรมจังหวัด for everything. Every decision says which rule fired and why.

Rule files are YAML (``storage/reference/routing_rules.yaml``)::

    rules:
      - name: ประปา-นอกเขตนครหลวง       # unique; loading again updates rules by name
        priority: 500                   # higher is tried first (default 100)
        categories: [ประปา]              # or category: ประปา; none means any category
        keywords: [ท่อประปาแตก]           # any one of them in the text, on word boundaries
        hazards: [live_wire]            # any one of these found now; none means any item
        province: "10"                  # optional area: a province code, a district code
        district: "1004"
        agency_type: pwa                # or agency: bma-public-works-10
        description: why this rule exists

``load_rule_file`` checks the structure and ``validate_rules`` checks every name against the
agency catalogue and the gazetteer; both report problems with the file's line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.analysis import Hazard
from nlp.categories import LABELS
from nlp.tokenise import segment
from services.errors import InvalidInputError
from services.session_cache import forget, get_reference, session_cache
from services.ticket_notes import NoteFacts, facts
from storage.models import Agency, AgencyType, District, FeedbackItem, Province, RoutingRule
from storage.repositories.routing import AgencyLookup, RoutingRuleRepository

STARTER_RULES = (
    Path(__file__).resolve().parent.parent / "storage" / "reference" / "routing_rules.yaml"
)

_RULE_KEYS = {
    "name",
    "description",
    "priority",
    "category",
    "categories",
    "keywords",
    "hazards",
    "province",
    "district",
    "agency_type",
    "agency",
    "active",
}
_SPACES = re.compile(r"\s+")


class RuleFileError(InvalidInputError):
    """A rule file with problems; `problems` lists each as ``FILE:LINE: message``."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(
            f"{len(problems)} problem(s) in the routing rules:\n" + "\n".join(problems),
            detail={"problems": list(problems)},
        )
        self.problems = list(problems)


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written (a rule with several categories becomes one spec per category)."""

    name: str
    priority: int = 100
    category: str | None = None
    keywords: tuple[str, ...] = ()
    hazards: tuple[str, ...] = ()
    province_code: str | None = None
    district_code: str | None = None
    agency_type_code: str | None = None
    agency_code: str | None = None
    description: str = ""
    is_active: bool = True
    line: int = 0  # where it is written (1-based), for error messages


@dataclass(frozen=True)
class RoutingDecision:
    """Where an item goes, by which rule, and why (facts `services.ticket_notes` renders)."""

    agency: Agency | None
    rule: RoutingRule | None
    reason: NoteFacts


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    rules: list[RoutingRule] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Reading a rule file


def _scalar(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def _strings(node: yaml.Node) -> list[str] | None:
    if isinstance(node, yaml.ScalarNode):
        return [str(node.value)]
    if isinstance(node, yaml.SequenceNode) and all(
        isinstance(item, yaml.ScalarNode) for item in node.value
    ):
        return [str(item.value) for item in node.value]
    return None


def parse_rules(text: str, *, source: str = "rules") -> list[RuleSpec]:
    """Rule specs from YAML text; raises RuleFileError listing every structural problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise RuleFileError([f"{source}:{line}: not valid YAML: {problem}"]) from error
    problems: list[str] = []
    if root is None:
        raise RuleFileError([f"{source}:1: the file is empty (expected a `rules:` list)"])
    rules_node: yaml.Node | None = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if _scalar(key) == "rules":
                rules_node = value
            else:
                problems.append(
                    f"{source}:{key.start_mark.line + 1}: unknown top-level key {_scalar(key)!r}"
                )
    if not isinstance(rules_node, yaml.SequenceNode):
        raise RuleFileError([f"{source}:{root.start_mark.line + 1}: expected `rules:` with a list"])
    specs: list[RuleSpec] = []
    names: dict[str, int] = {}
    for rule_node in rules_node.value:
        line = rule_node.start_mark.line + 1
        if not isinstance(rule_node, yaml.MappingNode):
            problems.append(f"{source}:{line}: each rule must be a mapping of keys to values")
            continue
        fields: dict[str, tuple[yaml.Node, int]] = {}
        for key, value in rule_node.value:
            name = _scalar(key)
            key_line = key.start_mark.line + 1
            if name not in _RULE_KEYS:
                known = ", ".join(sorted(_RULE_KEYS))
                problems.append(f"{source}:{key_line}: unknown key {name!r} (known: {known})")
            elif name in fields:
                problems.append(f"{source}:{key_line}: {name!r} given twice in one rule")
            else:
                fields[name] = (value, key_line)
        specs.extend(_rule_specs(fields, line, source, names, problems))
    if problems:
        raise RuleFileError(problems)
    return specs


def _rule_specs(
    fields: dict[str, tuple[yaml.Node, int]],
    line: int,
    source: str,
    names: dict[str, int],
    problems: list[str],
) -> list[RuleSpec]:
    def where(key: str) -> str:
        return f"{source}:{fields[key][1] if key in fields else line}"

    def text(key: str) -> str | None:
        if key not in fields:
            return None
        value = _scalar(fields[key][0])
        if value is None or value == "":
            problems.append(f"{where(key)}: {key!r} must be a single value")
            return None
        return value

    before = len(problems)
    name = text("name")
    if "name" not in fields:
        problems.append(f"{source}:{line}: a rule needs a `name`")
    elif name is not None:
        if len(name) > 180:
            problems.append(f"{where('name')}: the name is longer than 180 characters")
        if name in names:
            problems.append(
                f"{where('name')}: rule name {name!r} already used on line {names[name]}"
            )
        names[name] = fields["name"][1]
    priority = 100
    if "priority" in fields:
        raw = text("priority")
        try:
            priority = int(raw or "")
        except ValueError:
            problems.append(f"{where('priority')}: priority must be a whole number, got {raw!r}")
    if "category" in fields and "categories" in fields:
        problems.append(f"{where('categories')}: give `category` or `categories`, not both")
    categories: list[str | None] = [None]
    for key in ("category", "categories"):
        if key in fields:
            values = _strings(fields[key][0])
            if not values:
                problems.append(f"{where(key)}: {key!r} must be a category or a list of them")
            else:
                categories = list(values)
    keywords: list[str] = []
    if "keywords" in fields:
        values = _strings(fields["keywords"][0])
        if values is None or any(not v.strip() for v in values):
            problems.append(f"{where('keywords')}: keywords must be a list of words")
        else:
            keywords = [v.strip() for v in values]
    hazards: list[str] = []
    if "hazards" in fields:
        values = _strings(fields["hazards"][0])
        known = {hazard.value for hazard in Hazard}
        if values is None or any(v.strip() not in known for v in values):
            problems.append(f"{where('hazards')}: hazards must be a list of {sorted(known)}")
        else:
            hazards = [v.strip() for v in values]
    if ("agency_type" in fields) == ("agency" in fields):
        problems.append(f"{source}:{line}: a rule needs exactly one of `agency_type` or `agency`")
    active = True
    if "active" in fields:
        raw_active = (text("active") or "").lower()
        if raw_active not in {"true", "false", "yes", "no"}:
            problems.append(f"{where('active')}: active must be true or false")
        active = raw_active in {"true", "yes"}
    description = text("description") or ""
    province, district = text("province"), text("district")
    agency_type, agency = text("agency_type"), text("agency")
    if len(problems) > before or name is None:
        return []
    return [
        RuleSpec(
            name=name if len(categories) == 1 else f"{name} · {category}",
            priority=priority,
            category=category,
            keywords=tuple(keywords),
            hazards=tuple(hazards),
            province_code=province,
            district_code=district,
            agency_type_code=agency_type,
            agency_code=agency,
            description=description[:500],
            is_active=active,
            line=line,
        )
        for category in categories
    ]


def load_rule_file(path: Path) -> list[RuleSpec]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RuleFileError([f"{path}: cannot read the file ({error.strerror})"]) from error
    return parse_rules(text, source=path.name)


# ---------------------------------------------------------------------------------------------
# Checking rules against the catalogue, and storing them


async def validate_rules(
    session: AsyncSession, specs: Sequence[RuleSpec], *, source: str = "rules"
) -> None:
    """Every category, area, agency type and agency a rule names must exist; raises
    RuleFileError otherwise. A typed rule whose type serves none of its area is an error too."""
    problems: list[str] = []
    types = {t.code: t for t in (await session.exec(select(AgencyType))).all()}
    provinces = set((await session.exec(select(col(Province.code)))).all())
    codes = {s.agency_code for s in specs if s.agency_code}
    agencies = {
        a.code: a for a in (await session.exec(select(Agency).where(col(Agency.code).in_(codes))))
    }
    district_codes = {s.district_code for s in specs if s.district_code}
    districts = {
        d.code: d
        for d in (
            await session.exec(select(District).where(col(District.code).in_(district_codes)))
        )
    }
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
                if not served or (area is not None and area not in served):
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
    codes = {s.agency_code for s in specs if s.agency_code}
    agency_ids = {
        a.code: a.id
        for a in (await session.exec(select(Agency).where(col(Agency.code).in_(codes))))
    }
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


async def _active_rules(session: AsyncSession) -> list[RoutingRule]:
    cache = session_cache(session, "routing")
    if "active" not in cache:
        cache["active"] = list(await RoutingRuleRepository(session).active())
    rules: list[RoutingRule] = cache["active"]
    return rules


def _lookup(session: AsyncSession) -> AgencyLookup:
    cache = session_cache(session, "routing")
    if "lookup" not in cache:
        cache["lookup"] = AgencyLookup(session)
    lookup: AgencyLookup = cache["lookup"]
    return lookup


# ---------------------------------------------------------------------------------------------
# Routing one item


def _flat(text: str) -> str:
    return _SPACES.sub("", text).lower()


class _Words:
    """A message's text without spaces, and where its words begin and end (the tokeniser's
    cuts), so a keyword counts only as whole words: ``สายไฟ`` is not in ``รถเมล์สายไฟฟ้า…``
    unless a word starts there."""

    def __init__(self, text: str) -> None:
        self.flat = _flat(text)
        self.cuts = {0, len(self.flat)}
        position = 0
        for piece in segment(self.flat):
            position += len(piece)
            self.cuts.add(position)

    def has(self, keyword: str) -> bool:
        word = _flat(keyword)
        start = self.flat.find(word)
        while start >= 0:
            if start in self.cuts and start + len(word) in self.cuts:
                return True
            start = self.flat.find(word, start + 1)
        return False


def _keyword_hit(rule: RoutingRule, words: _Words) -> str | None:
    for keyword in rule.keywords or []:
        if words.has(keyword):
            return keyword
    return None


def _hazard_hit(rule: RoutingRule, item: FeedbackItem) -> str | None:
    found = set(item.hazards or [])
    for hazard in rule.hazards or []:
        if hazard in found:
            return hazard
    return None


async def route(session: AsyncSession, item: FeedbackItem) -> RoutingDecision:
    """The agency for an item from the active rules (the first that matches and resolves)."""
    rules = await _active_rules(session)
    lookup = _lookup(session)
    words: _Words | None = None
    for rule in rules:
        if rule.category is not None and rule.category != item.category:
            continue
        hazard = _hazard_hit(rule, item) if rule.hazards else None
        if rule.hazards and hazard is None:
            continue
        if rule.province_code is not None and rule.province_code != item.province_code:
            continue
        if rule.district_code is not None and rule.district_code != item.district_code:
            continue
        keyword = None
        if rule.keywords:
            words = words or _Words(f"{item.original_text or ''} {item.location_text or ''}")
            keyword = _keyword_hit(rule, words)
            if keyword is None:
                continue
        agency: Agency | None
        if rule.agency_id is not None:
            agency = await get_reference(session, Agency, rule.agency_id)
            if agency is None or not agency.is_active:
                continue
        elif rule.agency_type_code is not None:
            agency = await lookup.of_type(
                rule.agency_type_code,
                province_code=item.province_code,
                district_code=item.district_code,
            )
            if agency is None:
                continue
        else:
            continue
        return RoutingDecision(agency, rule, _reason(rule, agency, keyword, hazard))
    reason = facts.no_province() if item.province_code is None else facts.no_rule()
    return RoutingDecision(None, None, reason)


def _reason(
    rule: RoutingRule,
    agency: Agency,
    keyword: str | None,
    hazard: str | None = None,
) -> NoteFacts:
    return facts.rule_matched(
        rule=rule.name,
        agency=agency,
        category=rule.category,
        hazard=hazard,
        keyword=keyword,
        area=rule.district_code or rule.province_code,
        description=rule.description,
    )


async def coverage(session: AsyncSession, category: str | None = None) -> dict[str, int]:
    """How many provinces each active rule can route to (for `siang routing show`)."""
    lookup = AgencyLookup(session)
    provinces = set((await session.exec(select(col(Province.code)))).all())
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
