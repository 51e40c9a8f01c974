"""GeoReport v2 conformance: the specification's resources, parameters and errors, walked in turn.

Read against the spec (wiki.open311.org/GeoReport_v2 and /Service_Discovery): every format is
reachable as .xml and .json with UTF-8 and the right content type; errors are a list of
{code, description} (an <errors><error> document in XML) on every path under /open311/v2/;
optional parameters sent empty are ignored; list parameters are comma-separated (and repeated
ones add up); the 90-day limit is for a start_date and end_date pair.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest

from storage.models import FeedbackStatus
from tests.admin.conftest import Items

FORMATS = ("json", "xml")
CONTENT_TYPES = {"json": "application/json", "xml": "text/xml"}


def _body(response: httpx.Response, fmt: str) -> Any:
    assert response.headers["content-type"].startswith(CONTENT_TYPES[fmt]), response.headers
    assert "charset=utf-8" in response.headers["content-type"].lower()
    if fmt == "json":
        return response.json()
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ElementTree.fromstring(response.content)


def _errors(response: httpx.Response, fmt: str) -> list[tuple[int, str]]:
    """The spec's error list, read from either format."""
    body = _body(response, fmt)
    if fmt == "json":
        assert isinstance(body, list) and body, body
        assert all(set(e) == {"code", "description"} for e in body), body
        return [(e["code"], e["description"]) for e in body]
    assert body.tag == "errors", ElementTree.tostring(body)
    return [(int(e.findtext("code") or 0), e.findtext("description") or "") for e in body]


def _day(days_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).isoformat(timespec="seconds")


class TestServiceDiscovery:
    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("base", ["/open311", "/open311/v2"])
    async def test_discovery_names_the_georeport_v2_endpoint_and_its_formats(
        self, client: httpx.AsyncClient, fmt: str, base: str
    ) -> None:
        response = await client.get(f"{base}/discovery.{fmt}")
        assert response.status_code == 200
        body = _body(response, fmt)
        if fmt == "json":
            assert {"changeset", "contact", "key_service", "endpoints"} <= set(body)
            [endpoint] = body["endpoints"]
            assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
            assert endpoint["url"].endswith("/open311/v2")
            assert endpoint["type"] == "production"
            assert set(endpoint["formats"]) == {"text/xml", "application/json"}
            assert datetime.fromisoformat(body["changeset"]).tzinfo is not None
        else:
            assert body.tag == "discovery"
            endpoint = body.find("endpoints/endpoint")
            assert endpoint is not None
            assert endpoint.findtext("specification") == "http://wiki.open311.org/GeoReport_v2"
            formats = {f.text for f in endpoint.findall("formats/format")}
            assert formats == {"text/xml", "application/json"}


class TestServiceList:
    @pytest.mark.parametrize("fmt", FORMATS)
    async def test_jurisdiction_id_given_or_empty_is_accepted(
        self, client: httpx.AsyncClient, fmt: str
    ) -> None:
        for params in ({}, {"jurisdiction_id": "siang.go.th"}, {"jurisdiction_id": ""}):
            response = await client.get(f"/open311/v2/services.{fmt}", params=params)
            assert response.status_code == 200, (params, response.text)
            _body(response, fmt)

    @pytest.mark.parametrize("fmt", FORMATS)
    async def test_an_unknown_service_definition_is_404_in_the_error_format(
        self, client: httpx.AsyncClient, fmt: str
    ) -> None:
        response = await client.get(f"/open311/v2/services/teleport.{fmt}")
        assert response.status_code == 404
        assert _errors(response, fmt)[0][0] == 404


class TestGetServiceRequestsParameters:
    @pytest.mark.parametrize(
        "name",
        [
            "jurisdiction_id",
            "service_request_id",
            "service_code",
            "start_date",
            "end_date",
            "status",
        ],
    )
    async def test_an_optional_parameter_sent_empty_is_ignored(
        self, client: httpx.AsyncClient, items: Items, name: str
    ) -> None:
        item = await items.add()
        response = await client.get(f"/open311/v2/requests.json?{name}=")
        assert response.status_code == 200, response.text
        assert [r["service_request_id"] for r in response.json()] == [item.reference]

    async def test_repeated_list_parameters_add_up_like_commas(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        road = await items.add(category="ถนน")
        flood = await items.add(category="น้ำท่วม", status=FeedbackStatus.RESOLVED)
        await items.add(category="ต้นไม้")

        async def refs(query: str) -> set[str]:
            response = await client.get(f"/open311/v2/requests.json?{query}")
            assert response.status_code == 200, response.text
            return {r["service_request_id"] for r in response.json()}

        both = {road.reference, flood.reference}
        assert await refs("service_code=road&service_code=flooding") == both
        assert await refs("service_code=road,flooding") == both
        assert await refs("status=open&status=closed&service_code=road,flooding") == both
        ids = f"service_request_id={road.reference}&service_request_id={flood.reference}"
        assert await refs(ids) == both

    async def test_start_date_alone_reaches_back_past_90_days(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        old = await items.add(age=timedelta(days=200))
        new = await items.add(age=timedelta(days=1))
        older = await items.add(age=timedelta(days=400))

        response = await client.get("/open311/v2/requests.json", params={"start_date": _day(365)})

        assert response.status_code == 200, response.text
        assert {r["service_request_id"] for r in response.json()} == {old.reference, new.reference}
        assert older.reference not in response.text

    async def test_end_date_alone_gives_the_90_days_before_it(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        inside = await items.add(age=timedelta(days=150))
        await items.add(age=timedelta(days=250))
        await items.add(age=timedelta(days=1))

        response = await client.get("/open311/v2/requests.json", params={"end_date": _day(100)})

        assert response.status_code == 200, response.text
        assert [r["service_request_id"] for r in response.json()] == [inside.reference]

    async def test_service_request_id_makes_the_other_parameters_ignored(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        closed = await items.add(status=FeedbackStatus.CLOSED, age=timedelta(days=300))
        params = {
            "service_request_id": closed.reference,
            "status": "open",
            "service_code": "flooding",
            "start_date": _day(10),
        }
        response = await client.get("/open311/v2/requests.json", params=params)
        assert [r["service_request_id"] for r in response.json()] == [closed.reference]


class TestErrors:
    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize(
        ("params", "words"),
        [
            ({"start_date": _day(200), "end_date": _day(10)}, "90 days"),
            ({"start_date": _day(10), "end_date": _day(20)}, "before end_date"),
            ({"start_date": "yesterday"}, "start_date"),
            ({"end_date": "2026-01-01T00:00:00"}, "time zone"),
            ({"start_date": [_day(20), _day(10)]}, "once"),
            ({"status": "pending"}, "open or closed"),
            ({"service_code": "road,teleport"}, "teleport"),
        ],
    )
    async def test_bad_parameters_are_400_in_the_error_format(
        self, client: httpx.AsyncClient, fmt: str, params: dict[str, Any], words: str
    ) -> None:
        response = await client.get(f"/open311/v2/requests.{fmt}", params=params)
        assert response.status_code == 400, response.text
        [(code, description)] = _errors(response, fmt)
        assert code == 400 and words in description, description

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize(
        "path", ["/open311/v2/nothing-here.{fmt}", "/open311/v2/requests/SG-NOPE/notes.{fmt}"]
    )
    async def test_unknown_paths_are_404_in_the_error_format(
        self, client: httpx.AsyncClient, fmt: str, path: str
    ) -> None:
        response = await client.get(path.format(fmt=fmt))
        assert response.status_code == 404
        [(code, _description)] = _errors(response, fmt)
        assert code == 404

    async def test_an_unknown_format_is_404_in_the_error_format(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/open311/v2/services.csv")
        assert response.status_code == 404
        assert _errors(response, "json")[0][0] == 404

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize(
        ("method", "path", "allowed"),
        [
            ("DELETE", "/open311/v2/requests.{fmt}", {"GET", "POST"}),
            ("PUT", "/open311/v2/services.{fmt}", {"GET"}),
            ("POST", "/open311/v2/requests/SG-1.{fmt}", {"GET"}),
        ],
    )
    async def test_a_method_the_resource_lacks_is_405_with_allow_in_the_error_format(
        self, client: httpx.AsyncClient, fmt: str, method: str, path: str, allowed: set[str]
    ) -> None:
        response = await client.request(method, path.format(fmt=fmt))
        assert response.status_code == 405
        assert set(response.headers["allow"].replace(" ", "").split(",")) >= allowed
        [(code, _description)] = _errors(response, fmt)
        assert code == 405
