"""GET /api/v1/routing-rules for everyone signed in; POST and PUT for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from admin.auth.dependencies import AdminUser, CurrentUser
from admin.dependencies import SessionDep
from admin.routing_rules import service
from admin.routing_rules.schemas import RoutingRulePublic, RoutingRuleWrite

router = APIRouter(prefix="/routing-rules", tags=["routing rules"])

RuleId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("", response_model=list[RoutingRulePublic])
async def list_routing_rules(
    _principal: CurrentUser,
    session: SessionDep,
    active: Annotated[bool | None, Query(description="Only active (or inactive) rules.")] = None,
    category: Annotated[str | None, Query(max_length=60)] = None,
) -> list[RoutingRulePublic]:
    """The rules in the order routing tries them (highest priority first)."""
    return await service.list_rules(session, active=active, category=category)


@router.post("", response_model=RoutingRulePublic, status_code=status.HTTP_201_CREATED)
async def create_routing_rule(
    body: RoutingRuleWrite, admin: AdminUser, session: SessionDep
) -> RoutingRulePublic:
    """A new rule; every category, area, agency type and agency it names must exist."""
    return await service.create_rule(session, principal=admin, body=body)


@router.put("/{rule_id}", response_model=RoutingRulePublic)
async def update_routing_rule(
    rule_id: RuleId, body: RoutingRuleWrite, admin: AdminUser, session: SessionDep
) -> RoutingRulePublic:
    """Change a rule (items it routed before keep their agency); `active: false` switches it off."""
    return await service.update_rule(session, principal=admin, rule_id=rule_id, body=body)
