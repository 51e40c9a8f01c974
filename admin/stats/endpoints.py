"""GET /api/v1/stats/…: scoped aggregates with the work queue's filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from admin.auth.dependencies import CurrentUser
from admin.dependencies import SessionDep, ZoneDep
from admin.stats import service
from admin.stats.filters import StatsFilterDep
from admin.stats.schemas import (
    OverdueStats,
    ResolutionStats,
    SatisfactionStats,
    SentimentStats,
    VolumeStats,
)
from storage.repositories.stats_figures import GroupBy
from storage.types import utcnow

router = APIRouter(prefix="/stats", tags=["stats"])

OptionalGroupBy = Annotated[
    GroupBy | None, Query(description="one row per group; without it, one total row")
]


@router.get("/sentiment", response_model=SentimentStats)
async def sentiment(
    session: SessionDep,
    zone: ZoneDep,
    principal: CurrentUser,
    filters: StatsFilterDep,
    group_by: Annotated[GroupBy, Query()],
) -> SentimentStats:
    """Items and their sentiment per province, district, agency, category or ISO week."""
    return await service.sentiment_stats(
        session,
        principal=principal,
        filters=filters,
        group_by=group_by,
        timezone=zone.key,
    )


@router.get("/volumes", response_model=VolumeStats)
async def volumes(
    session: SessionDep,
    zone: ZoneDep,
    principal: CurrentUser,
    filters: StatsFilterDep,
    group_by: OptionalGroupBy = None,
) -> VolumeStats:
    """Items created in the period (created_from/created_to, default the last 7 days) against
    the same-length period before it."""
    return await service.volume_stats(
        session,
        principal=principal,
        filters=filters,
        group_by=group_by,
        now=utcnow(),
        timezone=zone.key,
    )


@router.get("/resolution", response_model=ResolutionStats)
async def resolution(
    session: SessionDep,
    zone: ZoneDep,
    principal: CurrentUser,
    filters: StatsFilterDep,
    group_by: OptionalGroupBy = None,
) -> ResolutionStats:
    """How the filtered items ended: fixed or not, citizen-confirmed, reopened, median and p90
    hours from filing to resolution."""
    return await service.resolution_stats(
        session,
        principal=principal,
        filters=filters,
        group_by=group_by,
        timezone=zone.key,
    )


@router.get("/overdue", response_model=OverdueStats)
async def overdue(
    session: SessionDep,
    zone: ZoneDep,
    principal: CurrentUser,
    filters: StatsFilterDep,
    group_by: OptionalGroupBy = None,
) -> OverdueStats:
    """Open items past their due date, now."""
    return await service.overdue_stats(
        session,
        principal=principal,
        filters=filters,
        group_by=group_by,
        now=utcnow(),
        timezone=zone.key,
    )


@router.get("/satisfaction", response_model=SatisfactionStats)
async def satisfaction(
    session: SessionDep,
    zone: ZoneDep,
    principal: CurrentUser,
    filters: StatsFilterDep,
    group_by: OptionalGroupBy = None,
) -> SatisfactionStats:
    """Citizens' ratings of how their items were handled (1–5)."""
    return await service.satisfaction_stats(
        session,
        principal=principal,
        filters=filters,
        group_by=group_by,
        timezone=zone.key,
    )
