"""POST requests: api_key, the spec's arguments and errors, and a request routed like any other."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import col, select

from storage.database import Database
from storage.models import Agency, AuditEntry, Channel, FeedbackItem, UserRole
from tests.admin.conftest import Accounts


@pytest.fixture
async def api_key(client: httpx.AsyncClient, accounts: Accounts) -> str:
    integrator = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    created = await client.post(
        "/api/v1/auth/api-keys", json={"name": "city 311 app"}, headers=integrator.headers
    )
    key: str = created.json()["key"]
    return key


class TestPostRequest:
    @pytest.mark.parametrize("role", [UserRole.ANALYST, UserRole.BOARD])
    async def test_read_only_roles_may_not_file(
        self, client: httpx.AsyncClient, accounts: Accounts, database: Database, role: UserRole
    ) -> None:
        reader = await accounts.make(role, province="50" if role is UserRole.BOARD else None)
        created = await client.post(
            "/api/v1/auth/api-keys", json={"name": "read only"}, headers=reader.headers
        )
        data = {
            "api_key": created.json()["key"],
            "service_code": "road",
            "lat": "13.75",
            "long": "100.5",
        }

        response = await client.post("/open311/v2/requests.json", data=data)

        assert response.status_code == 403
        [error] = response.json()
        assert error["code"] == 403 and "read-only" in error["description"]
        async with database.unit_of_work() as session:
            assert (await session.exec(select(FeedbackItem))).all() == []

    async def test_a_request_goes_through_nlp_and_routing(
        self, app: FastAPI, client: httpx.AsyncClient, api_key: str, database: Database
    ) -> None:
        response = await client.post(
            "/open311/v2/requests.json",
            data={
                "api_key": api_key,
                "service_code": "water-supply",
                "lat": "18.7883",
                "long": "98.9853",
                "address_string": "ถนนท่าแพ อำเภอเมืองเชียงใหม่",
                "description": "น้ำประปาไม่ไหลมาสองวันแล้ว ที่อำเภอเมืองเชียงใหม่ โทร 0812345678",
                "first_name": "สมชาย",
                "phone": "0812345678",
            },
        )
        assert response.status_code == 200, response.text
        [created] = response.json()
        assert set(created) == {"service_request_id", "service_notice", "account_id"}
        async with database.unit_of_work() as session:
            item = (
                await session.exec(
                    select(FeedbackItem).where(
                        col(FeedbackItem.reference) == created["service_request_id"]
                    )
                )
            ).one()
            agency = await session.get(Agency, item.agency_id) if item.agency_id else None
            audited = (
                await session.exec(
                    select(AuditEntry).where(col(AuditEntry.action) == "feedback.filed")
                )
            ).all()
        assert item.channel is Channel.OPEN311
        assert item.category == "ประปา"
        assert item.province_code == "50"
        assert agency is not None and agency.code == "pwa-50"
        assert created["service_notice"] == f"ส่งเรื่องถึง {agency.name_th} แล้ว"
        assert "0812345678" not in item.redacted_text
        assert "สมชาย" not in item.original_text  # contact fields are not kept
        assert [a.entity_id for a in audited] == [str(item.id)]
        public = await client.get(f"/open311/v2/requests/{item.reference}.json")
        assert public.json()[0]["status"] == "open"
        assert public.json()[0]["agency_responsible"] == agency.name_th

    async def test_xml_answer_for_xml_path(self, client: httpx.AsyncClient, api_key: str) -> None:
        response = await client.post(
            "/open311/v2/requests.xml",
            data={"api_key": api_key, "service_code": "road", "address_string": "ถนนนิมมานเหมินท์"},
        )
        assert response.status_code == 200
        assert b"<service_requests><request><service_request_id>" in response.content

    async def test_the_spec_errors(self, client: httpx.AsyncClient, api_key: str) -> None:
        place = {"lat": "13.75", "long": "100.5"}
        cases = [
            ({"service_code": "road", **place}, 403, "api_key is required"),
            ({"api_key": "siang_nope", "service_code": "road", **place}, 403, "API key"),
            ({"api_key": api_key, "service_code": "teleport", **place}, 404, "teleport"),
            ({"api_key": api_key, "service_code": "road"}, 400, "a location is required"),
            ({"api_key": api_key, "service_code": "road", "lat": "13.7"}, 400, "together"),
            ({"api_key": api_key, "service_code": "road", "lat": "x", "long": "1"}, 400, "lat"),
            ({"api_key": api_key, **place}, 400, "service_code"),
        ]
        for data, status, words in cases:
            response = await client.post("/open311/v2/requests.json", data=data)
            assert response.status_code == status, (data, response.text)
            [error] = response.json()
            assert error["code"] == status and words in error["description"], error
