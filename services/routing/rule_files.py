"""Reading a routing rule file: YAML in, one `RuleSpec` per rule and category out, and every
structural problem reported with the file's line number (`RuleFileError`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from nlp.analysis import Hazard
from services.errors import InvalidInputError

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


class _RuleFields:
    """One rule's keys as written, read one at a time; each problem is added to `problems`."""

    def __init__(
        self, fields: dict[str, tuple[yaml.Node, int]], line: int, source: str, problems: list[str]
    ) -> None:
        self.fields, self.line, self.source, self.problems = fields, line, source, problems

    def where(self, key: str) -> str:
        return f"{self.source}:{self.fields[key][1] if key in self.fields else self.line}"

    def problem(self, key: str, message: str) -> None:
        self.problems.append(f"{self.where(key)}: {message}")

    def text(self, key: str) -> str | None:
        if key not in self.fields:
            return None
        value = _scalar(self.fields[key][0])
        if value is None or value == "":
            self.problem(key, f"{key!r} must be a single value")
            return None
        return value

    def name(self, names: dict[str, int]) -> str | None:
        name = self.text("name")
        if "name" not in self.fields:
            self.problems.append(f"{self.source}:{self.line}: a rule needs a `name`")
        elif name is not None:
            if len(name) > 180:
                self.problem("name", "the name is longer than 180 characters")
            if name in names:
                self.problem("name", f"rule name {name!r} already used on line {names[name]}")
            names[name] = self.fields["name"][1]
        return name

    def priority(self) -> int:
        if "priority" not in self.fields:
            return 100
        raw = self.text("priority")
        try:
            return int(raw or "")
        except ValueError:
            self.problem("priority", f"priority must be a whole number, got {raw!r}")
            return 100

    def categories(self) -> list[str | None]:
        if "category" in self.fields and "categories" in self.fields:
            self.problem("categories", "give `category` or `categories`, not both")
        categories: list[str | None] = [None]
        for key in ("category", "categories"):
            if key in self.fields:
                values = _strings(self.fields[key][0])
                if not values:
                    self.problem(key, f"{key!r} must be a category or a list of them")
                else:
                    categories = list(values)
        return categories

    def words(self, key: str, allowed: set[str] | None, expected: str) -> list[str]:
        """A list of words (`allowed`: the only words it may hold)."""
        if key not in self.fields:
            return []
        values = _strings(self.fields[key][0])
        if values is None or any(
            not v.strip() or (allowed is not None and v.strip() not in allowed) for v in values
        ):
            self.problem(key, f"{key} must be {expected}")
            return []
        return [v.strip() for v in values]

    def active(self) -> bool:
        if "active" not in self.fields:
            return True
        raw_active = (self.text("active") or "").lower()
        if raw_active not in {"true", "false", "yes", "no"}:
            self.problem("active", "active must be true or false")
        return raw_active in {"true", "yes"}


def _rule_specs(
    fields: dict[str, tuple[yaml.Node, int]],
    line: int,
    source: str,
    names: dict[str, int],
    problems: list[str],
) -> list[RuleSpec]:
    rule = _RuleFields(fields, line, source, problems)
    before = len(problems)
    name = rule.name(names)
    priority = rule.priority()
    categories = rule.categories()
    keywords = rule.words("keywords", None, "a list of words")
    known = {hazard.value for hazard in Hazard}
    hazards = rule.words("hazards", known, f"a list of {sorted(known)}")
    if ("agency_type" in fields) == ("agency" in fields):
        problems.append(f"{source}:{line}: a rule needs exactly one of `agency_type` or `agency`")
    active = rule.active()
    description = rule.text("description") or ""
    province, district = rule.text("province"), rule.text("district")
    agency_type, agency = rule.text("agency_type"), rule.text("agency")
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
