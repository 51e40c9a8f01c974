"""/open311/v2/: services.{json,xml}, services/{code}, requests (GET, POST) and requests/{id}."""

from __future__ import annotations

from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Response

from admin.auth.dependencies import AuthSettingsDep
from admin.auth.service import authenticate
from admin.dependencies import AnalyzerDep, SessionDep, SettingsDep, ZoneDep
from admin.language import ReaderLanguage
from admin.open311 import service
from admin.open311.errors import Open311Route
from admin.open311.formats import Format, render
from admin.runtime import AdminSettings
from services.errors import UnauthorizedError

router = APIRouter(prefix="/open311/v2", tags=["open311"], route_class=Open311Route)
discovery_router = APIRouter(tags=["open311"], route_class=Open311Route)

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Bad request: `[{"code": 400, "description": "…"}]`'},
    404: {"description": "Not found, in the same error format."},
}
Jurisdiction = Annotated[
    str | None, Query(max_length=200, description="Ignored: Siang serves one jurisdiction.")
]


@router.get("/discovery.{fmt}", responses=_ERRORS)
async def discovery_under_v2(settings: SettingsDep, zone: ZoneDep, fmt: Format) -> Response:
    """Service discovery (required by GeoReport v2): where the API is, in which formats."""
    return render(_discovery(settings, zone), fmt=fmt, root="discovery", item="endpoint")


@discovery_router.get("/open311/discovery.{fmt}", responses=_ERRORS)
async def discovery(settings: SettingsDep, zone: ZoneDep, fmt: Format) -> Response:
    """Service discovery at the jurisdiction's Open311 root, as the discovery spec places it."""
    return render(_discovery(settings, zone), fmt=fmt, root="discovery", item="endpoint")


def _discovery(settings: AdminSettings, zone: ZoneInfo) -> dict[str, Any]:
    base_url = str(settings.public_base_url).rstrip("/")
    return service.discovery(base_url=base_url, zone=zone)


@router.get("/services.{fmt}", responses=_ERRORS)
async def list_services(fmt: Format, jurisdiction_id: Jurisdiction = None) -> Response:
    """The service types people can report: one per Siang category."""
    return render(service.services(), fmt=fmt, root="services", item="service")


@router.get("/services/{service_code}.{fmt}", responses=_ERRORS)
async def get_service_definition(
    service_code: str, fmt: Format, jurisdiction_id: Jurisdiction = None
) -> Response:
    """A service's definition (Siang's services need no extra attributes)."""
    body = service.service_definition(service_code)
    return render(body, fmt=fmt, root="service_definition", item="attribute")


def _listed(description: str) -> Any:
    # A list parameter may come comma-separated, repeated, or both; empty values are ignored.
    return Query(description=description + " Comma-separated or repeated; empty is ignored.")


@router.get("/requests.{fmt}", responses=_ERRORS)
async def list_requests(
    session: SessionDep,
    zone: ZoneDep,
    fmt: Format,
    language: ReaderLanguage,
    jurisdiction_id: Jurisdiction = None,
    service_request_id: Annotated[
        list[str] | None, _listed("Siang references; with any given, the rest is ignored.")
    ] = None,
    service_code: Annotated[list[str] | None, _listed("Service codes.")] = None,
    start_date: Annotated[
        list[str] | None,
        Query(description="w3 date-time with a zone; alone, everything since (newest 1000)."),
    ] = None,
    end_date: Annotated[
        list[str] | None,
        Query(description="w3 date-time with a zone; alone, the 90 days before it."),
    ] = None,
    status: Annotated[list[str] | None, _listed("open, closed or both.")] = None,
) -> Response:
    """Service requests (the last 90 days by default, at most 1000), with redacted descriptions."""
    query = service.RequestQuery(
        service_request_id=service.joined("service_request_id", service_request_id),
        service_code=service.joined("service_code", service_code),
        start_date=service.moment("start_date", start_date),
        end_date=service.moment("end_date", end_date),
        status=service.joined("status", status),
    )
    found = await service.requests(session, query=query, zone=zone, language=language)
    return render(found, fmt=fmt, root="service_requests", item="request")


@router.get("/requests/{service_request_id}.{fmt}", responses=_ERRORS)
async def get_request(
    session: SessionDep,
    zone: ZoneDep,
    service_request_id: str,
    fmt: Format,
    language: ReaderLanguage,
    jurisdiction_id: Jurisdiction = None,
) -> Response:
    """One service request by its id (Siang's reference, e.g. SG-…)."""
    found = await service.one_request(
        session, request_id=service_request_id, zone=zone, language=language
    )
    return render([found], fmt=fmt, root="service_requests", item="request")


Field = Annotated[str | None, Form(max_length=500)]


@router.post(
    "/requests.{fmt}", responses={**_ERRORS, 403: {"description": "api_key missing or invalid."}}
)
async def create_request(
    session: SessionDep,
    settings: AuthSettingsDep,
    analyzer: AnalyzerDep,
    fmt: Format,
    service_code: Annotated[str, Form(min_length=1, max_length=60)],
    api_key: Annotated[str | None, Form(max_length=200, description="A Siang API key.")] = None,
    jurisdiction_id: Field = None,
    lat: Annotated[float | None, Form(ge=-90, le=90)] = None,
    long: Annotated[float | None, Form(ge=-180, le=180)] = None,
    address_string: Field = None,
    address_id: Annotated[str | None, Form(max_length=100)] = None,
    description: Annotated[str | None, Form(max_length=4000)] = None,
    email: Field = None,
    device_id: Field = None,
    account_id: Field = None,
    first_name: Field = None,
    last_name: Field = None,
    phone: Field = None,
    media_url: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    """File a request (form-encoded, as the spec says). It goes through the same Thai NLP and
    routing as a chat report. Siang does not keep the submitter's name, phone or e-mail: the
    requester follows the request by its service_request_id."""
    if not api_key:
        raise UnauthorizedError("api_key is required to create a request")
    principal = await authenticate(session, settings=settings, bearer=api_key)
    filed = await service.file_request(
        session,
        principal=principal,
        new=service.NewRequest(
            service_code=service_code,
            lat=lat,
            long=long,
            address_string=address_string,
            address_id=address_id,
            description=description,
        ),
        analyzer=await analyzer(),
    )
    return render([service.filed_entry(filed)], fmt=fmt, root="service_requests", item="request")
