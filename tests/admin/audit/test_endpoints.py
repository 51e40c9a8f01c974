"""The audit log: writes and personal-data views are recorded; only admins read the log."""

from __future__ import annotations

import httpx

from storage.models import UserRole
from tests.admin.conftest import Account, Accounts, Items


class TestAuditLog:
    async def test_views_and_exports_of_personal_data_are_listed_filterable(
        self, client: httpx.AsyncClient, admin: Account, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add()
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        analyst = await accounts.make(UserRole.ANALYST)
        await client.get(f"/api/v1/feedback/{item.id}", headers=official.headers)
        await client.get(f"/api/v1/feedback/{item.id}", headers=analyst.headers)  # redacted only
        await client.get("/api/v1/exports/feedback.csv", headers=official.headers)
        await client.get("/api/v1/exports/feedback.csv", headers=analyst.headers)
        response = await client.get("/api/v1/audit", headers=admin.headers)
        assert response.status_code == 200
        entries = response.json()["items"]
        summary = [(e["actor"], e["action"]) for e in entries]
        assert summary == [
            (analyst.email, "feedback.exported"),
            (official.email, "personal_data.exported"),
            (official.email, "personal_data.viewed"),
        ]
        assert entries[1]["detail"]["original_text_rows"] == 1
        viewed = await client.get(
            "/api/v1/audit",
            params={"action": "personal_data.viewed", "entity_id": str(item.id)},
            headers=admin.headers,
        )
        assert [e["actor_user_id"] for e in viewed.json()["items"]] == [official.user_id]
        by_actor = await client.get(
            "/api/v1/audit", params={"actor_user_id": analyst.user_id}, headers=admin.headers
        )
        assert [e["action"] for e in by_actor.json()["items"]] == ["feedback.exported"]

    async def test_pages_with_a_cursor(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add()
        for _ in range(3):
            await client.get(f"/api/v1/feedback/{item.id}", headers=admin.headers)
        first = (
            await client.get("/api/v1/audit", params={"limit": 2}, headers=admin.headers)
        ).json()
        assert len(first["items"]) == 2 and first["next_cursor"]
        second = (
            await client.get(
                "/api/v1/audit",
                params={"limit": 2, "cursor": first["next_cursor"]},
                headers=admin.headers,
            )
        ).json()
        assert len(second["items"]) == 1 and second["next_cursor"] is None

    async def test_only_admins_read_it(
        self, client: httpx.AsyncClient, accounts: Accounts, admin: Account
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        assert (await client.get("/api/v1/audit", headers=official.headers)).status_code == 403
        naive = await client.get(
            "/api/v1/audit", params={"created_from": "2026-01-01T00:00:00"}, headers=admin.headers
        )
        assert naive.status_code == 422
