"""GET /api/v1/indicators: the strategy's indicators for the caller's scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from fastapi import APIRouter

from admin.auth.dependencies import CurrentUser
from admin.dependencies import SessionDep, ZoneDep
from admin.indicators.schemas import Indicators
from admin.indicators.service import strategy_indicators
from admin.stats.filters import StatsFilterDep, start_of_local_day
from admin.stats.service import checked_period
from storage.models import UserRole
from storage.types import utcnow

router = APIRouter(tags=["indicators"])

DEFAULT_PERIOD = timedelta(days=365)


@router.get("/indicators", response_model=Indicators)
async def indicators(
    session: SessionDep, principal: CurrentUser, filters: StatsFilterDep, zone: ZoneDep
) -> Indicators:
    """Share of agencies running participation activities, year-on-year growth of complaints
    (target ≤ 20 %) and citizens' satisfaction, for created_from–created_to (default: the 365
    days up to today) and the place/agency filters. Officials see their agencies, board
    members their province, analysts and admins the nation."""
    start, end = checked_period(
        filters.created_from,
        filters.created_to,
        default_end=start_of_local_day(utcnow(), zone) + timedelta(days=1),
        length=DEFAULT_PERIOD,
    )
    if principal.role is UserRole.BOARD and filters.province_code is None:
        filters = replace(filters, province_code=principal.board_province_code)
    return await strategy_indicators(
        session,
        scope=principal.feedback_scope,
        agency_ids=principal.agency_scope,
        filters=filters,
        start=start,
        end=end,
    )
