"""Reading and editing routing rules; every write is checked by `services.routing` and audited."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import AuditAction, record
from admin.auth.scope import Principal
from admin.routing_rules.schemas import RoutingRulePublic, RoutingRuleWrite
from services.errors import ConflictError, NotFoundError
from services.routing import RuleSpec, save_rules, validate_rules
from storage.models import RoutingRule
from storage.repositories.agencies import AgencyRepository
from storage.repositories.routing_rules import RoutingRuleRepository, rule_order


def _spec(body: RoutingRuleWrite) -> RuleSpec:
    return RuleSpec(
        name=body.name.strip(),
        priority=body.priority,
        category=body.category or None,
        keywords=tuple(k.strip() for k in body.keywords),
        province_code=body.province or None,
        district_code=body.district or None,
        agency_type_code=body.agency_type or None,
        agency_code=body.agency or None,
        description=body.description,
        is_active=body.active,
    )


async def _public(session: AsyncSession, rules: Sequence[RoutingRule]) -> list[RoutingRulePublic]:
    ids = sorted({r.agency_id for r in rules if r.agency_id is not None})
    codes = {a.id: a.code for a in await AgencyRepository(session).by_ids(ids)}
    return [
        RoutingRulePublic(
            id=rule.id or 0,
            name=rule.name,
            description=rule.description,
            priority=rule.priority,
            category=rule.category,
            keywords=list(rule.keywords),
            province=rule.province_code,
            district=rule.district_code,
            agency_type=rule.agency_type_code,
            agency=codes.get(rule.agency_id) if rule.agency_id else None,
            active=rule.is_active,
            created_at=rule.created_at,
        )
        for rule in rules
    ]


async def list_rules(
    session: AsyncSession, *, active: bool | None, category: str | None
) -> list[RoutingRulePublic]:
    """Rules in the order routing tries them."""
    rules = [
        r
        for r in await RoutingRuleRepository(session).all()
        if (active is None or r.is_active is active)
        and (category is None or r.category == category)
    ]
    return await _public(session, sorted(rules, key=rule_order))


async def _store(
    session: AsyncSession, *, principal: Principal, spec: RuleSpec, action: str
) -> RoutingRulePublic:
    await validate_rules(session, [spec], source="request")
    report = await save_rules(session, [spec], replace=False)
    [rule] = report.rules
    await record(
        session,
        principal=principal,
        action=action,
        entity_type="routing_rule",
        entity_id=rule.id,
        detail={"name": rule.name, "category": rule.category, "priority": rule.priority},
    )
    [public] = await _public(session, [rule])
    return public


async def create_rule(
    session: AsyncSession, *, principal: Principal, body: RoutingRuleWrite
) -> RoutingRulePublic:
    spec = _spec(body)
    if spec.name in await RoutingRuleRepository(session).by_names():
        raise ConflictError(f"a routing rule named {spec.name!r} exists; PUT to change it")
    return await _store(
        session, principal=principal, spec=spec, action=AuditAction.ROUTING_RULE_CREATED
    )


async def update_rule(
    session: AsyncSession, *, principal: Principal, rule_id: int, body: RoutingRuleWrite
) -> RoutingRulePublic:
    rules = RoutingRuleRepository(session)
    rule = await rules.get(rule_id)
    if rule is None:
        raise NotFoundError(f"no routing rule {rule_id}")
    spec = _spec(body)
    if spec.name != rule.name:
        if spec.name in await rules.by_names():
            raise ConflictError(f"another routing rule is named {spec.name!r}")
        await validate_rules(session, [spec], source="request")  # before renaming anything
        rule.name = spec.name
        session.add(rule)
        await session.flush()
    return await _store(
        session, principal=principal, spec=spec, action=AuditAction.ROUTING_RULE_UPDATED
    )
