"""Routing one item: the first active rule that matches its category, hazards, area and words,
and resolves to an active agency, with the facts of why (`RoutingDecision`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.tokenise import segment
from services.session_cache import get_reference, session_cache
from services.ticket_notes import NoteFacts, facts
from storage.models import Agency, FeedbackItem, RoutingRule
from storage.repositories.agencies import AgencyLookup
from storage.repositories.routing_rules import RoutingRuleRepository

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RoutingDecision:
    """Where an item goes, by which rule, and why (facts `services.ticket_notes` renders)."""

    agency: Agency | None
    rule: RoutingRule | None
    reason: NoteFacts


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


@dataclass(frozen=True)
class _Hit:
    keyword: str | None
    hazard: str | None


class _FactMatcher:
    """Whether a rule's facts (category, hazards, words) hold for one item; the area is the
    caller's business. The item's words are cut once, on the first rule with keywords."""

    def __init__(self, item: FeedbackItem) -> None:
        self._item = item
        self._words: _Words | None = None

    def hit(self, rule: RoutingRule) -> _Hit | None:
        item = self._item
        if rule.category is not None and rule.category != item.category:
            return None
        hazard = _hazard_hit(rule, item) if rule.hazards else None
        if rule.hazards and hazard is None:
            return None
        keyword = None
        if rule.keywords:
            self._words = self._words or _Words(
                f"{item.original_text or ''} {item.location_text or ''}"
            )
            keyword = _keyword_hit(rule, self._words)
            if keyword is None:
                return None
        return _Hit(keyword, hazard)


async def route(session: AsyncSession, item: FeedbackItem) -> RoutingDecision:
    """The agency for an item from the active rules (the first that matches and resolves)."""
    rules = await _active_rules(session)
    lookup = _lookup(session)
    matcher = _FactMatcher(item)
    for rule in rules:
        if rule.province_code is not None and rule.province_code != item.province_code:
            continue
        if rule.district_code is not None and rule.district_code != item.district_code:
            continue
        hit = matcher.hit(rule)
        if hit is None:
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
        return RoutingDecision(agency, rule, _reason(rule, agency, hit.keyword, hit.hazard))
    reason = facts.no_province() if item.province_code is None else facts.no_rule()
    return RoutingDecision(None, None, reason)


async def kind_of_agency(session: AsyncSession, item: FeedbackItem) -> str | None:
    """With no area known: the agency type that would take the item in most of the country,
    by the same rules (the first whose facts match, that names a type, is tied to no one area,
    and serves most provinces, so not a Bangkok or metropolitan one). None when only the
    catch-all rule would match."""
    rules = await _active_rules(session)
    lookup = _lookup(session)
    matcher = _FactMatcher(item)
    for rule in rules:
        if rule.province_code is not None or rule.district_code is not None:
            continue
        if not (rule.category or rule.hazards or rule.keywords):
            continue  # the catch-all: "we cannot tell" is the honest answer
        if rule.agency_type_code is None or matcher.hit(rule) is None:
            continue
        if await lookup.serves_most_of_the_country(rule.agency_type_code):
            return rule.agency_type_code
    return None


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
