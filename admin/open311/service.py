"""Open311 GeoReport v2 on top of the queue: services, public request lists, filing requests."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import AuditAction, record
from admin.auth.scope import Principal
from admin.open311.catalogue import (
    BY_CODE,
    CLOSED_STATUSES,
    KNOWN_CATEGORIES,
    OPEN_STATUSES,
    OTHER,
    SERVICES,
    UNLISTED_CATEGORIES,
    Open311Service,
    open311_status,
    service_for,
)
from services import filing
from services.errors import ForbiddenError, InvalidInputError, NotFoundError
from services.filing import FiledFeedback
from services.privacy import coarse_point, masked_note
from services.ticket_notes import render_note
from storage.models import Channel, FeedbackStatus
from storage.repositories.feedback_queue import (
    FeedbackFilter,
    FeedbackQueueRepository,
    FeedbackRow,
    FeedbackScope,
)
from storage.repositories.status_changes import StatusChangeRepository
from storage.types import utcnow

if TYPE_CHECKING:
    from nlp.pipeline import ThaiAnalyzer

MAX_REQUESTS = 1000
MAX_SPAN = timedelta(days=90)
_PUBLIC = FeedbackScope(everything=True)


def service_entry(service: Open311Service) -> dict[str, Any]:
    return {
        "service_code": service.code,
        "service_name": service.category,
        "description": service.description,
        "metadata": False,
        "type": "realtime",
        "keywords": service.keywords,
        "group": service.group,
    }


def services() -> list[dict[str, Any]]:
    return [service_entry(s) for s in SERVICES]


def service_definition(code: str) -> dict[str, Any]:
    """Our services ask for no extra attributes; the definition says so."""
    service = BY_CODE.get(code)
    if service is None:
        raise NotFoundError(f"service_code {code!r} was not found")
    return {"service_code": service.code, "attributes": []}


def _w3(moment: datetime | None, zone: ZoneInfo) -> str | None:
    return moment.astimezone(zone).isoformat(timespec="seconds") if moment else None


def _address(row: FeedbackRow) -> str | None:
    # Areas only: a citizen's own words about where may name their house.
    parts = [row.district_name, row.province_name]
    return ", ".join(p for p in parts if p) or None


def request_entry(row: FeedbackRow, *, note: str | None, zone: ZoneInfo) -> dict[str, Any]:
    """One public request: the point is the grid cell's centre, `note` already masked."""
    item = row.item
    latitude, longitude = coarse_point(item.latitude, item.longitude)
    service = service_for(item.category)
    closed = item.status in CLOSED_STATUSES
    updated = (item.closed_at or item.resolved_at) if closed else None
    return {
        "service_request_id": item.reference,
        "status": open311_status(item.status),
        "status_notes": note,
        "service_name": item.category or service.category,
        "service_code": service.code,
        "description": item.redacted_text,
        "agency_responsible": row.agency_name,
        "service_notice": None,
        "requested_datetime": _w3(item.created_at, zone),
        "updated_datetime": _w3(updated or item.updated_at, zone),
        "expected_datetime": _w3(item.due_at, zone),
        "address": _address(row),
        "address_id": None,
        "zipcode": None,
        "lat": latitude,
        "long": longitude,
        "media_url": None,  # photos show faces, house fronts and plates that no masker hides
    }


GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2"
# When the service list or a definition last changed (clients refresh cached lists after it).
SERVICES_CHANGED = datetime(2026, 11, 1, tzinfo=UTC)


def discovery(*, base_url: str, zone: ZoneInfo) -> dict[str, Any]:
    """The Service Discovery document: one production GeoReport v2 endpoint, XML and JSON."""
    changeset = _w3(SERVICES_CHANGED, zone)
    return {
        "changeset": changeset,
        "contact": f"The Siang administrators of this jurisdiction: {base_url}/",
        "key_service": (
            "API keys for POST requests are created by an official's account "
            f"(POST {base_url}/api/v1/auth/api-keys); ask the Siang administrators for one."
        ),
        "endpoints": [
            {
                "specification": GEOREPORT_V2,
                "url": f"{base_url}/open311/v2",
                "changeset": changeset,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def joined(name: str, values: Sequence[str] | None) -> str | None:
    """A list parameter's values, repeated or comma-separated, as one comma-separated string."""
    parts = [part for value in values or () for part in _split(value)]
    if len(parts) > MAX_REQUESTS:
        raise InvalidInputError(f"{name} lists at most {MAX_REQUESTS} values")
    return ",".join(parts) or None


def moment(name: str, values: Sequence[str] | None) -> datetime | None:
    """A date parameter: None when absent or empty; a w3 date-time with a zone otherwise."""
    given = [value.strip() for value in values or () if value.strip()]
    if not given:
        return None
    if len(given) > 1:
        raise InvalidInputError(f"{name} may be given once")
    try:
        parsed = datetime.fromisoformat(given[0])
    except ValueError as bad:
        raise InvalidInputError(
            f"{name} must be a w3 date-time, e.g. 2026-01-01T00:00:00Z"
        ) from bad
    if parsed.tzinfo is None:
        raise InvalidInputError(f"{name} must include a time zone, e.g. 2026-01-01T00:00:00Z")
    return parsed


@dataclass(frozen=True)
class RequestQuery:
    """GET requests' parameters as the spec names them (comma-separated lists allowed; dates
    read by `moment`, so with a zone)."""

    service_request_id: str | None = None
    service_code: str | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None
    status: str | None = None


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _filter(query: RequestQuery) -> FeedbackFilter:
    references = _split(query.service_request_id)
    if references:  # the spec: with ids given, the other parameters are ignored
        return FeedbackFilter(
            references=tuple(r.upper() for r in references[:MAX_REQUESTS]),
            exclude_categories=UNLISTED_CATEGORIES,
        )
    end = query.end_date or utcnow()
    start = query.start_date or end - MAX_SPAN
    if start >= end:
        raise InvalidInputError("start_date must be before end_date")
    # The spec's 90-day limit is for a pair; start_date alone means "since then" (newest 1000).
    both = query.start_date is not None and query.end_date is not None
    if both and end - start > MAX_SPAN:
        raise InvalidInputError("start_date and end_date may not span more than 90 days")
    statuses: set[FeedbackStatus] = set()
    for status in _split(query.status):
        if status not in ("open", "closed"):
            raise InvalidInputError(f"status must be open or closed, not {status!r}")
        statuses |= OPEN_STATUSES if status == "open" else CLOSED_STATUSES
    codes = _split(query.service_code)
    unknown = [code for code in codes if code not in BY_CODE]
    if unknown:
        raise InvalidInputError(f"unknown service_code {', '.join(unknown)}")
    categories = tuple(BY_CODE[c].category for c in codes if c != OTHER.code)
    return FeedbackFilter(
        statuses=tuple(sorted(statuses)),
        categories=categories,
        category_other_than=KNOWN_CATEGORIES if OTHER.code in codes else None,
        created_from=start,
        created_to=end + timedelta(microseconds=1),  # end_date is inclusive
        exclude_categories=UNLISTED_CATEGORIES,
    )


async def requests(
    session: AsyncSession, *, query: RequestQuery, zone: ZoneInfo, language: str
) -> list[dict[str, Any]]:
    """Public service requests, newest first, at most 1000 (the spec's default volume), their
    status notes in `language`."""
    queue = FeedbackQueueRepository(session)
    rows: Sequence[FeedbackRow] = await queue.page(
        scope=_PUBLIC, filters=_filter(query), after=None, limit=MAX_REQUESTS
    )
    latest = await StatusChangeRepository(session).latest(
        [r.item.id for r in rows if r.item.id is not None]
    )
    # A full list of notes naming people masks in up to about 0.1 s: off the event loop.
    masked = await asyncio.to_thread(lambda: {i: masked_note(c.note) for i, c in latest.items()})
    notes = {i: render_note(c.note_facts, masked[i], language) for i, c in latest.items()}
    return [request_entry(r, note=notes.get(r.item.id or 0), zone=zone) for r in rows]


async def one_request(
    session: AsyncSession, *, request_id: str, zone: ZoneInfo, language: str
) -> dict[str, Any]:
    found = []
    if "," not in request_id:
        query = RequestQuery(service_request_id=request_id)
        found = await requests(session, query=query, zone=zone, language=language)
    if not found:
        raise NotFoundError(f"service_request_id {request_id!r} was not found")
    return found[0]


@dataclass(frozen=True)
class NewRequest:
    """POST requests' arguments; the submitter's name, phone and e-mail are not kept."""

    service_code: str
    lat: float | None = None
    long: float | None = None
    address_string: str | None = None
    address_id: str | None = None
    description: str | None = None


def _checked(new: NewRequest) -> Open311Service:
    service = BY_CODE.get(new.service_code.strip())
    if service is None:
        raise NotFoundError(f"service_code {new.service_code!r} was not found")
    if (new.lat is None) != (new.long is None):
        raise InvalidInputError("lat and long must be sent together")
    if new.lat is None and not (new.address_string or "").strip() and not new.address_id:
        raise InvalidInputError(
            "a location is required: lat and long, address_string or address_id"
        )
    return service


async def file_request(
    session: AsyncSession,
    *,
    principal: Principal,
    new: NewRequest,
    analyzer: ThaiAnalyzer | None,
) -> FiledFeedback:
    """File through the same NLP and routing as a chat report (channel open311)."""
    if not principal.may_file_feedback:
        raise ForbiddenError(
            f"this API key belongs to a read-only account ({principal.role.value}): "
            "only officials and admins may file requests"
        )
    service = _checked(new)
    text = (new.description or "").strip() or service.category
    analysis = (
        await asyncio.to_thread(analyzer.analyze, text, new.lat, new.long) if analyzer else None
    )
    filed = await filing.file_feedback(
        session,
        channel=Channel.OPEN311,
        text=text,
        analysis=analysis,
        category=None if service is OTHER else service.category,
        latitude=new.lat,
        longitude=new.long,
        location_text=(new.address_string or "").strip() or None,
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.FEEDBACK_FILED,
        entity_type="feedback",
        entity_id=filed.item.id,
        detail={"channel": "open311", "service_code": service.code},
    )
    return filed


def filed_entry(filed: FiledFeedback) -> dict[str, Any]:
    if filed.duplicate_of is not None:
        notice = f"มีผู้แจ้งเรื่องนี้ไว้แล้ว ({filed.duplicate_of.reference}) ติดตามเรื่องนั้นได้เลย"
    elif filed.agency is not None:
        notice = f"ส่งเรื่องถึง {filed.agency.name_th} แล้ว"
    else:
        notice = "รับเรื่องแล้ว กำลังหาหน่วยงานที่รับผิดชอบ"
    return {
        "service_request_id": filed.item.reference,
        "service_notice": notice,
        "account_id": None,
    }
