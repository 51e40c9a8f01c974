"""Computes the strategy's indicators for a scope, a place and a period."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.indicators.schemas import (
    COMPLAINT_GROWTH_TARGET_PCT,
    AgencyConsultations,
    ComplaintGrowth,
    Consultations,
    IndicatorPeriod,
    Indicators,
    Participation,
    Satisfaction,
)
from storage.models import FeedbackKind
from storage.repositories.agencies import AgencyRepository
from storage.repositories.consultations import ConsultationRepository
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.indicators import IndicatorRepository


def _pct(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(part * 100.0 / whole, 1)


def year_earlier(moment: datetime) -> datetime:
    """The same moment a year before (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:
        return moment.replace(year=moment.year - 1, day=28)


async def consultation_counts(
    session: AsyncSession,
    *,
    agency_ids: frozenset[int] | None,
    province_code: str | None,
    start: datetime,
    end: datetime,
) -> Consultations:
    """Consultations held and results published in [start, end) by each agency in scope (an
    agency's own; a board's consultations are the board's, not an agency's)."""
    counts = await ConsultationRepository(session).agency_counts(
        start=start, end=end, agency_ids=agency_ids, province_code=province_code
    )
    agencies = AgencyRepository(session)
    by_agency = []
    for count in counts:
        agency = await agencies.get(count.agency_id)
        if agency is None:
            continue
        by_agency.append(
            AgencyConsultations(
                agency=agency.code,
                name=agency.name_th,
                held=count.held,
                results_published=count.results_published,
            )
        )
    return Consultations(
        held=sum(a.held for a in by_agency),
        results_published=sum(a.results_published for a in by_agency),
        agencies_consulting=sum(1 for a in by_agency if a.held),
        by_agency=by_agency,
    )


async def strategy_indicators(
    session: AsyncSession,
    *,
    scope: FeedbackScope,
    agency_ids: frozenset[int] | None,
    filters: FeedbackFilter,
    start: datetime,
    end: datetime,
) -> Indicators:
    """Participation, year-on-year complaint growth and satisfaction in [start, end)."""
    repository = IndicatorRepository(session)
    place = replace(filters, created_from=None, created_to=None)
    if filters.agency_id is not None:
        agency_ids = frozenset({filters.agency_id}) & (agency_ids or {filters.agency_id})
    counts = await repository.participation(
        scope=scope,
        agency_ids=agency_ids,
        province_code=filters.province_code,
        start=start,
        end=end,
    )
    complaints = replace(place, kinds=(FeedbackKind.COMPLAINT,))
    last_start, last_end = year_earlier(start), year_earlier(end)
    now_count = await repository.count_items(scope=scope, filters=complaints, start=start, end=end)
    then_count = await repository.count_items(
        scope=scope, filters=complaints, start=last_start, end=last_end
    )
    growth = _pct(now_count - then_count, then_count)
    outcomes = await repository.resolved_outcomes(scope=scope, filters=place, start=start, end=end)
    spread, resolved, confirmed = outcomes.ratings, outcomes.resolved, outcomes.confirmed
    ratings = sum(spread.values())
    return Indicators(
        period=IndicatorPeriod(start=start, end=end),
        previous_year_period=IndicatorPeriod(start=last_start, end=last_end),
        province=filters.province_code,
        participation=Participation(
            agencies=counts.agencies,
            received=counts.received,
            answered=counts.answered,
            received_and_answered=counts.received_and_answered,
            share_pct=_pct(counts.received_and_answered, counts.agencies),
            consultations=await consultation_counts(
                session,
                agency_ids=agency_ids,
                province_code=filters.province_code,
                start=start,
                end=end,
            ),
        ),
        complaint_growth=ComplaintGrowth(
            complaints=now_count,
            previous_year=then_count,
            growth_pct=growth,
            target_pct=COMPLAINT_GROWTH_TARGET_PCT,
            meets_target=None if growth is None else growth <= COMPLAINT_GROWTH_TARGET_PCT,
        ),
        satisfaction=Satisfaction(
            ratings=ratings,
            average=(
                round(sum(s * n for s, n in spread.items()) / ratings, 2) if ratings else None
            ),
            satisfied_pct=_pct(spread[4] + spread[5], ratings),
            distribution={str(score): n for score, n in spread.items()},
            resolved=resolved,
            citizen_confirmed=confirmed,
            confirmed_pct=_pct(confirmed, resolved),
        ),
    )
