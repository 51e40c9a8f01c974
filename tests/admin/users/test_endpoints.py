"""Admins create and list accounts; nobody else may."""

from __future__ import annotations

from typing import Any

import httpx

from storage.models import UserRole
from tests.admin.conftest import Account, Accounts


class TestCreateUser:
    async def test_an_official_with_agencies_can_then_sign_in(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        response = await client.post(
            "/api/v1/users",
            json={
                "email": "somchai@pwa.example.go.th",
                "role": "official",
                "password": "long-enough-1",
                "agencies": ["pwa-50", "district-office-5001"],
            },
            headers=admin.headers,
        )
        assert response.status_code == 201
        assert response.json()["agencies"] == ["pwa-50", "district-office-5001"]
        token = await client.post(
            "/api/v1/auth/token",
            json={"email": "somchai@pwa.example.go.th", "password": "long-enough-1"},
        )
        assert token.status_code == 200

    async def test_a_board_member_joins_the_board_of_a_province_named_in_thai(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        response = await client.post(
            "/api/v1/users",
            json={"email": "board@cm.example", "role": "board", "province": "เชียงใหม่"},
            headers=admin.headers,
        )
        assert response.status_code == 201
        assert response.json()["board_id"] is not None

    async def test_bad_scopes_are_clear_422s_and_a_taken_email_is_409(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        cases: dict[str, dict[str, Any]] = {
            "no agency with code nope-1": {"role": "official", "agencies": ["nope-1"]},
            "an official needs at least one agency code": {"role": "official"},
            "a board member needs a province": {"role": "board"},
            "no provincial board for 'Atlantis'": {"role": "board", "province": "Atlantis"},
            "only officials belong to agencies": {"role": "analyst", "agencies": ["pwa-50"]},
        }
        for message, fields in cases.items():
            response = await client.post(
                "/api/v1/users", json={"email": "x@example.go.th", **fields}, headers=admin.headers
            )
            assert response.status_code == 422, fields
            assert message in response.json()["error"]["message"]
        taken = await client.post(
            "/api/v1/users", json={"email": admin.email, "role": "admin"}, headers=admin.headers
        )
        assert taken.status_code == 409

    async def test_only_admins_create_or_list(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        created = await client.post(
            "/api/v1/users",
            json={"email": "sneaky@example.go.th", "role": "admin"},
            headers=official.headers,
        )
        assert created.status_code == 403
        assert (await client.get("/api/v1/users", headers=official.headers)).status_code == 403


class TestListUsers:
    async def test_lists_roles_and_agency_codes(
        self, client: httpx.AsyncClient, admin: Account, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        listed = (await client.get("/api/v1/users", headers=admin.headers)).json()
        by_email = {u["email"]: u for u in listed}
        assert by_email[official.email]["agencies"] == ["pwa-50"]
        assert by_email[admin.email]["role"] == "admin"
