"""GET /api/v1/agencies: codes and names, by province, type, text, or the caller's own."""

from __future__ import annotations

import httpx

from storage.models import UserRole
from tests.admin.conftest import Account, Accounts


class TestListAgencies:
    async def test_filters_by_province_name_and_type(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        response = await client.get(
            "/api/v1/agencies",
            params={"province": "เชียงใหม่", "type": "pwa"},
            headers=admin.headers,
        )
        assert response.status_code == 200
        body = response.json()
        assert body["total"] == 1
        assert body["items"][0]["code"] == "pwa-50"
        assert body["items"][0]["province_code"] == "50"

    async def test_pages_through_thousands(self, client: httpx.AsyncClient, admin: Account) -> None:
        first = (
            await client.get("/api/v1/agencies", params={"limit": 5}, headers=admin.headers)
        ).json()
        second = (
            await client.get(
                "/api/v1/agencies", params={"limit": 5, "offset": 5}, headers=admin.headers
            )
        ).json()
        assert first["total"] > 2000
        assert {a["code"] for a in first["items"]}.isdisjoint(a["code"] for a in second["items"])

    async def test_mine_lists_an_officials_own_agencies(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50", "pea-50"])
        response = await client.get(
            "/api/v1/agencies", params={"mine": "true"}, headers=official.headers
        )
        assert sorted(a["code"] for a in response.json()["items"]) == ["pea-50", "pwa-50"]

    async def test_needs_sign_in_and_a_known_province(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        assert (await client.get("/api/v1/agencies")).status_code == 401
        unknown = await client.get(
            "/api/v1/agencies", params={"province": "Atlantis"}, headers=admin.headers
        )
        assert unknown.status_code == 404
