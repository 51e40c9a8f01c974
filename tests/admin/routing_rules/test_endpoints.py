"""Editable routing rules: checked against the catalogue, admins only, and routing follows them."""

from __future__ import annotations

import httpx

from storage.models import UserRole
from tests.admin.conftest import Account, Accounts

RULE = {
    "name": "ประปาเชียงใหม่ไปเทศบาล",
    "priority": 900,
    "category": "ประปา",
    "keywords": ["ท่อแตก"],
    "province": "50",
    "agency": "district-office-5001",
    "description": "ท่อแตกในเมืองเชียงใหม่ เทศบาลซ่อมก่อน",
}


class TestRoutingRules:
    async def test_admin_creates_lists_and_switches_off_a_rule(
        self, client: httpx.AsyncClient, admin: Account, accounts: Accounts
    ) -> None:
        created = await client.post("/api/v1/routing-rules", json=RULE, headers=admin.headers)
        assert created.status_code == 201, created.text
        rule = created.json()
        assert rule["agency"] == "district-office-5001" and rule["keywords"] == ["ท่อแตก"]
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        listed = await client.get(
            "/api/v1/routing-rules", params={"category": "ประปา"}, headers=official.headers
        )
        assert listed.status_code == 200
        assert listed.json()[0]["name"] == RULE["name"]  # highest priority first
        off = await client.put(
            f"/api/v1/routing-rules/{rule['id']}",
            json={**RULE, "active": False},
            headers=admin.headers,
        )
        assert off.status_code == 200 and off.json()["active"] is False
        active = await client.get(
            "/api/v1/routing-rules",
            params={"category": "ประปา", "active": "true"},
            headers=admin.headers,
        )
        assert RULE["name"] not in {r["name"] for r in active.json()}
        log = await client.get(
            "/api/v1/audit", params={"entity_type": "routing_rule"}, headers=admin.headers
        )
        assert [e["action"] for e in log.json()["items"]] == [
            "routing_rule.updated",
            "routing_rule.created",
        ]

    async def test_a_rule_naming_unknown_things_is_a_422_listing_each(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        bad = {**RULE, "category": "เวทมนตร์", "agency": "nope-1", "province": "99"}
        response = await client.post("/api/v1/routing-rules", json=bad, headers=admin.headers)
        assert response.status_code == 422
        problems = response.json()["error"]["problems"]
        assert any("unknown category" in p for p in problems)
        assert any("nope-1" in p for p in problems)
        assert any("99" in p for p in problems)
        both = await client.post(
            "/api/v1/routing-rules", json={**RULE, "agency_type": "pwa"}, headers=admin.headers
        )
        assert both.status_code == 422
        assert "exactly one of agency_type or agency" in both.json()["error"]["message"]

    async def test_names_are_unique_and_only_admins_write(
        self, client: httpx.AsyncClient, admin: Account, accounts: Accounts
    ) -> None:
        first = await client.post("/api/v1/routing-rules", json=RULE, headers=admin.headers)
        assert first.status_code == 201
        again = await client.post("/api/v1/routing-rules", json=RULE, headers=admin.headers)
        assert again.status_code == 409
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        refused = await client.post(
            "/api/v1/routing-rules", json={**RULE, "name": "x"}, headers=official.headers
        )
        assert refused.status_code == 403
        missing = await client.put("/api/v1/routing-rules/999999", json=RULE, headers=admin.headers)
        assert missing.status_code == 404

    async def test_open311_requests_follow_a_new_rule(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        await client.post("/api/v1/routing-rules", json=RULE, headers=admin.headers)
        key = await client.post(
            "/api/v1/auth/api-keys", json={"name": "311"}, headers=admin.headers
        )
        filed = await client.post(
            "/open311/v2/requests.json",
            data={
                "api_key": key.json()["key"],
                "service_code": "water-supply",
                "address_string": "ถนนห้วยแก้ว",
                "description": "ท่อแตกน้ำพุ่ง ที่อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่",
            },
        )
        assert filed.status_code == 200, filed.text
        reference = filed.json()[0]["service_request_id"]
        found = (await client.get(f"/open311/v2/requests/{reference}.json")).json()[0]
        assert found["agency_responsible"].startswith("ที่ว่าการอำเภอ")
