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

from services.routing.matching import RoutingDecision, kind_of_agency, route
from services.routing.rule_catalogue import (
    STARTER_RULES,
    LoadReport,
    RoutingRuleSet,
    coverage,
    ensure_rules,
    load_rules,
    save_rules,
    validate_rules,
)
from services.routing.rule_files import RuleFileError, RuleSpec, load_rule_file, parse_rules

__all__ = [
    "STARTER_RULES",
    "LoadReport",
    "RoutingDecision",
    "RoutingRuleSet",
    "RuleFileError",
    "RuleSpec",
    "coverage",
    "ensure_rules",
    "kind_of_agency",
    "load_rule_file",
    "load_rules",
    "parse_rules",
    "route",
    "save_rules",
    "validate_rules",
]
