"""The work queue's query parameters, resolved to codes and ids and checked against scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.dependencies import CurrentUser
from admin.auth.scope import Principal
from admin.dependencies import SessionDep, ZoneDep
from services.errors import InvalidInputError, NotFoundError, SiangError
from services.ticket_references import normalise_reference
from storage.models import FeedbackKind, FeedbackStatus, Sentiment, Urgency
from storage.repositories.agencies import AgencyRepository
from storage.repositories.areas import AreaRepository
from storage.repositories.feedback_queue import FeedbackFilter
from storage.types import utcnow


def _moment(value: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A datetime from a query; one without a zone is read as local (Asia/Bangkok) time."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


async def resolve_filter(
    session: AsyncSession,
    principal: Principal,
    *,
    zone: ZoneInfo,
    status: list[FeedbackStatus] | None = None,
    kind: list[FeedbackKind] | None = None,
    category: list[str] | None = None,
    province: str | None = None,
    district: str | None = None,
    agency: str | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    sentiment: list[Sentiment] | None = None,
    urgency: list[Urgency] | None = None,
    q: str | None = None,
    overdue: bool = False,
) -> FeedbackFilter:
    """A `FeedbackFilter`; a place or agency outside the caller's scope is 404, as if unknown."""
    found = FeedbackFilter(
        statuses=tuple(status or ()),
        kinds=tuple(kind or ()),
        categories=tuple(c.strip() for c in category or () if c.strip()),
        created_from=_moment(created_from, zone),
        created_to=_moment(created_to, zone),
        sentiments=tuple(sentiment or ()),
        urgencies=tuple(urgency or ()),
        text=q.strip() if q and q.strip() else None,
        text_reference=normalise_reference(q) if q else None,
        overdue_at=utcnow() if overdue else None,
    )
    if found.created_from and found.created_to and found.created_from >= found.created_to:
        raise InvalidInputError("created_from must be before created_to")
    areas = AreaRepository(session)
    if province:
        place = await areas.province(province.strip())
        if place is None or not principal.may_filter_by_province(place.code):
            raise NotFoundError(f"no province {province!r}")
        found = replace(found, province_code=place.code)
    if district:
        area = await areas.district(district.strip())
        if area is None or not principal.may_filter_by_province(area.province_code):
            raise NotFoundError(f"no district {district!r}")
        found = replace(found, district_code=area.code)
    if agency:
        unit = await AgencyRepository(session).by_code(agency.strip())
        if unit is None or unit.id is None or not principal.may_filter_by_agency(unit.id):
            raise NotFoundError(f"no agency {agency!r}")
        found = replace(found, agency_id=unit.id)
    return found


class UnknownParameterError(SiangError):
    """400: the request names a query parameter the endpoint does not have."""

    code = "unknown_parameter"


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def refuse_unknown_parameters(request: Request) -> None:
    """A query parameter the endpoint does not know is a 400: a misspelt filter (`?refernce=`)
    must not return the whole queue as if it had been applied."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    unknown = sorted(set(request.query_params) - _query_names(route.dependant))
    if unknown:
        raise UnknownParameterError(
            f"unknown query parameter(s): {', '.join(unknown)}", detail={"unknown": unknown}
        )


async def feedback_filter(
    request: Request,
    session: SessionDep,
    principal: CurrentUser,
    zone: ZoneDep,
    status: Annotated[list[FeedbackStatus] | None, Query(description="Repeat for several.")] = None,
    kind: Annotated[list[FeedbackKind] | None, Query(description="Repeat for several.")] = None,
    category: Annotated[
        list[str] | None, Query(max_length=60, description="Category label, e.g. ถนน.")
    ] = None,
    province: Annotated[
        str | None, Query(max_length=100, description="Province code (10) or Thai/English name.")
    ] = None,
    district: Annotated[
        str | None, Query(max_length=4, description="4-digit district code.")
    ] = None,
    agency: Annotated[str | None, Query(max_length=60, description="Agency code.")] = None,
    created_from: Annotated[
        datetime | None, Query(description="Inclusive; without a zone it is Asia/Bangkok time.")
    ] = None,
    created_to: Annotated[datetime | None, Query(description="Exclusive.")] = None,
    sentiment: Annotated[list[Sentiment] | None, Query()] = None,
    urgency: Annotated[list[Urgency] | None, Query()] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words in the (redacted) text, Thai works; or a reference as the citizen "
            "reads it out (SG-…, any case, with or without hyphens).",
        ),
    ] = None,
    overdue: Annotated[bool, Query(description="Only open items past their due date.")] = False,
    reference: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Exactly this item, by the reference the citizen reads out (SG-…, any "
            "case, with or without hyphens).",
        ),
    ] = None,
) -> FeedbackFilter:
    """The filters shared by the queue, its exports and its figures; unknown ones are a 400."""
    refuse_unknown_parameters(request)
    found = await resolve_filter(
        session,
        principal,
        zone=zone,
        status=status,
        kind=kind,
        category=category,
        province=province,
        district=district,
        agency=agency,
        created_from=created_from,
        created_to=created_to,
        sentiment=sentiment,
        urgency=urgency,
        q=q,
        overdue=overdue,
    )
    if reference is None:
        return found
    wanted = normalise_reference(reference)
    if wanted is None:
        raise InvalidInputError(f"{reference!r} is not a reference (SG-XXXX-XX)")
    return replace(found, references=(wanted,))


FeedbackFilterDep = Annotated[FeedbackFilter, Depends(feedback_filter)]
