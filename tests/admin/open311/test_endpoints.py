"""Open311 GeoReport v2: shapes, filters and the error format as the specification gives them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import httpx

from storage.models import FeedbackStatus
from tests.admin.conftest import REDACTED, Items

SERVICE_FIELDS = {
    "service_code", "service_name", "description", "metadata", "type", "keywords", "group",
}  # fmt: skip
REQUEST_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code",
    "description", "agency_responsible", "service_notice", "requested_datetime",
    "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
    "long", "media_url",
}  # fmt: skip


def _has_zone(value: str) -> bool:
    return datetime.fromisoformat(value).tzinfo is not None


class TestServices:
    async def test_json_list_has_the_spec_fields(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/open311/v2/services.json")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        services = response.json()
        assert all(set(s) == SERVICE_FIELDS for s in services)
        road = next(s for s in services if s["service_code"] == "road")
        assert road["service_name"] == "ถนน"
        assert road["metadata"] is False and road["type"] == "realtime"

    async def test_xml_list_declares_utf8(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/open311/v2/services.xml")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/xml")
        assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
        root = ElementTree.fromstring(response.content)
        assert root.tag == "services"
        names = [s.findtext("service_name") for s in root.findall("service")]
        assert "ถนน" in names
        assert root.find("service/metadata") is not None
        assert root.findtext("service/metadata") == "false"

    async def test_definition_and_unknown_code(self, client: httpx.AsyncClient) -> None:
        found = await client.get("/open311/v2/services/flooding.json")
        assert found.json() == {"service_code": "flooding", "attributes": []}
        missing = await client.get("/open311/v2/services/teleport.json")
        assert missing.status_code == 404
        assert missing.json() == [
            {"code": 404, "description": "service_code 'teleport' was not found"}
        ]
        xml = await client.get("/open311/v2/services/teleport.xml")
        assert xml.status_code == 404
        root = ElementTree.fromstring(xml.content)
        assert root.tag == "errors" and root.findtext("error/code") == "404"


class TestGetRequests:
    async def test_requests_carry_the_spec_fields_redacted(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        item = await items.add(latitude=18.79, longitude=98.98)
        response = await client.get("/open311/v2/requests.json")
        assert response.status_code == 200
        [found] = response.json()
        assert set(found) == REQUEST_FIELDS
        assert found["service_request_id"] == item.reference
        assert found["status"] == "open"
        assert found["service_code"] == "road" and found["service_name"] == "ถนน"
        assert found["description"] == REDACTED
        assert found["agency_responsible"].startswith("การประปาส่วนภูมิภาค")
        assert found["address"].endswith("เชียงใหม่")
        assert (found["lat"], found["long"]) == (18.775, 98.975)  # the 0.05° cell, not the point
        for field in ("requested_datetime", "updated_datetime", "expected_datetime"):
            assert _has_zone(found[field]), field

    async def test_filters_by_id_code_status_and_dates(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        road = await items.add(category="ถนน")
        flood = await items.add(category="น้ำท่วม", status=FeedbackStatus.RESOLVED)
        odd = await items.add(category="หมวดที่ไม่มีในรายการ")
        old = await items.add(age=timedelta(days=120))

        async def refs(**params: str) -> set[str]:
            response = await client.get("/open311/v2/requests.json", params=params)
            assert response.status_code == 200, response.text
            return {r["service_request_id"] for r in response.json()}

        assert await refs(service_code="road") == {road.reference}
        assert await refs(service_code="flooding,other") == {flood.reference, odd.reference}
        assert await refs(status="closed") == {flood.reference}
        assert await refs(status="open") == {road.reference, odd.reference}
        assert await refs(service_request_id=f"{old.reference},{road.reference}") == {
            old.reference,
            road.reference,
        }
        start = (datetime.now(UTC) - timedelta(days=130)).isoformat()
        end = (datetime.now(UTC) - timedelta(days=100)).isoformat()
        assert await refs(start_date=start, end_date=end) == {old.reference}

    async def test_bad_parameters_are_400_in_the_error_format(
        self, client: httpx.AsyncClient
    ) -> None:
        cases = {
            "status must be open or closed": {"status": "pending"},
            "unknown service_code teleport": {"service_code": "teleport"},
            "may not span more than 90 days": {
                "start_date": "2026-01-01T00:00:00Z",
                "end_date": "2026-06-01T00:00:00Z",
            },
            "must include a time zone": {"start_date": "2026-01-01T00:00:00"},
            "start_date": {"start_date": "yesterday"},
        }
        for words, params in cases.items():
            response = await client.get("/open311/v2/requests.json", params=params)
            assert response.status_code == 400, params
            [error] = response.json()
            assert error["code"] == 400 and words in error["description"], error

    async def test_control_characters_in_a_description_keep_the_xml_well_formed(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        await items.add(redacted_text="ไฟดับ\x1b[0m\x0bทั้งซอย\x7f\x01")
        response = await client.get("/open311/v2/requests.xml")
        assert response.status_code == 200
        root = ElementTree.fromstring(response.content)
        assert root.findtext("request/description") == "ไฟดับ[0mทั้งซอย"
        assert (await client.get("/open311/v2/requests.json")).json()[0]["description"] == (
            "ไฟดับ[0mทั้งซอย"
        )


class TestGetRequest:
    async def test_one_request_by_reference_json_and_xml(
        self, client: httpx.AsyncClient, items: Items
    ) -> None:
        item = await items.add(status=FeedbackStatus.CLOSED)
        response = await client.get(f"/open311/v2/requests/{item.reference}.json")
        assert response.status_code == 200
        [found] = response.json()
        assert found["service_request_id"] == item.reference and found["status"] == "closed"
        xml = await client.get(f"/open311/v2/requests/{item.reference}.xml")
        root = ElementTree.fromstring(xml.content)
        assert root.tag == "service_requests"
        assert root.findtext("request/service_request_id") == item.reference

    async def test_unknown_request_is_404_in_the_error_format(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/open311/v2/requests/SG-NOPE.json")
        assert response.status_code == 404
        assert response.json()[0]["code"] == 404
        bad_format = await client.get("/open311/v2/requests/SG-NOPE.yaml")
        assert bad_format.status_code == 404  # no such resource: the formats are json and xml
