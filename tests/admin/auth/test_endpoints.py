"""Signing in: access tokens, API keys, and the 401s for everything that is not one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import jwt

from admin.auth.service import signing_key
from siang.app import create_app
from siang.settings import Settings
from storage.models import UserRole
from tests.admin.conftest import PASSWORD, Account, Accounts


class TestIssueToken:
    async def test_right_password_gives_a_token_that_signs_in(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.post(
            "/api/v1/auth/token", json={"email": official.email.upper(), "password": PASSWORD}
        )
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer" and body["expires_in"] == 3600
        me = await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
        )
        assert me.status_code == 200
        assert me.json()["email"] == official.email
        assert me.json()["role"] == "official"
        assert me.json()["may_read_personal_data"] is True

    async def test_oauth2_password_form_works_too(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        response = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": admin.email, "password": PASSWORD},
        )
        assert response.status_code == 200
        assert response.json()["access_token"]

    async def test_wrong_password_and_unknown_email_get_the_same_401(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        wrong = await client.post(
            "/api/v1/auth/token", json={"email": admin.email, "password": "nope"}
        )
        unknown = await client.post(
            "/api/v1/auth/token", json={"email": "nobody@example.go.th", "password": PASSWORD}
        )
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json()
        assert wrong.json()["error"]["message"] == "wrong e-mail or password"

    async def test_a_body_without_password_is_a_clear_422(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/auth/token", json={"email": "a@b.c"})
        assert response.status_code == 422
        assert "password" in response.json()["error"]["message"]
        broken = await client.post(
            "/api/v1/auth/token",
            content=b"{not json",
            headers={"Content-Type": "application/json"},
        )
        assert broken.status_code == 422


class TestBearer:
    async def test_no_header_is_401_naming_the_header(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/auth/me")
        assert response.status_code == 401
        assert "Authorization: Bearer" in response.json()["error"]["message"]

    async def test_garbage_and_foreign_signatures_are_401(
        self, client: httpx.AsyncClient, admin: Account
    ) -> None:
        forged = jwt.encode(
            {"sub": str(admin.user_id), "exp": datetime.now(UTC) + timedelta(hours=1)},
            b"someone-elses-secret-of-32-bytes",
            algorithm="HS256",
        )
        for token in ("garbage", forged, admin.token[:-4] + "AAAA"):
            response = await client.get(
                "/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}
            )
            assert response.status_code == 401, token
            assert response.json()["error"]["message"] == "the access token is not valid"

    async def test_an_expired_token_is_401_saying_so(
        self, client: httpx.AsyncClient, admin: Account, settings: Settings
    ) -> None:
        past = datetime.now(UTC) - timedelta(hours=2)
        expired = jwt.encode(
            {
                "sub": str(admin.user_id),
                "typ": "access",
                "iat": past,
                "exp": past + timedelta(hours=1),
            },
            signing_key(settings),
            algorithm="HS256",
        )
        response = await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {expired}"}
        )
        assert response.status_code == 401
        assert "expired" in response.json()["error"]["message"]


class TestApiKeys:
    async def test_a_key_works_until_revoked(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        analyst = await accounts.make(UserRole.ANALYST)
        created = await client.post(
            "/api/v1/auth/api-keys", json={"name": "dashboard sync"}, headers=analyst.headers
        )
        assert created.status_code == 201
        key = created.json()["key"]
        assert key.startswith("siang_")
        as_key = {"Authorization": f"Bearer {key}"}
        me = await client.get("/api/v1/auth/me", headers=as_key)
        assert me.status_code == 200 and me.json()["email"] == analyst.email

        listed = (await client.get("/api/v1/auth/api-keys", headers=analyst.headers)).json()
        assert [k["name"] for k in listed] == ["dashboard sync"]
        assert "key" not in listed[0] and listed[0]["last_used_at"] is not None

        revoked = await client.delete(
            f"/api/v1/auth/api-keys/{created.json()['id']}", headers=analyst.headers
        )
        assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
        after = await client.get("/api/v1/auth/me", headers=as_key)
        assert after.status_code == 401
        assert after.json()["error"]["message"] == "the API key is not valid or was revoked"

    async def test_nobody_revokes_someone_elses_key(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        owner = await accounts.make(UserRole.ANALYST)
        other = await accounts.make(UserRole.ANALYST)
        created = await client.post(
            "/api/v1/auth/api-keys", json={"name": "mine"}, headers=owner.headers
        )
        response = await client.delete(
            f"/api/v1/auth/api-keys/{created.json()['id']}", headers=other.headers
        )
        assert response.status_code == 404


class TestSignOut:
    async def test_signing_out_revokes_the_token(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        assert (await client.get("/api/v1/auth/me", headers=official.headers)).status_code == 200

        response = await client.post("/api/v1/auth/logout", headers=official.headers)

        assert response.status_code == 204
        after = await client.get("/api/v1/auth/me", headers=official.headers)
        assert after.status_code == 401
        assert "signed out" in after.json()["error"]["message"]

    async def test_a_token_revoked_in_one_process_is_refused_by_another(
        self, client: httpx.AsyncClient, accounts: Accounts, settings: Settings
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        other_process = create_app(settings)  # its own engine and pool on the same database
        async with (
            other_process.router.lifespan_context(other_process),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=other_process), base_url="http://other.test"
            ) as other,
        ):
            assert (await other.get("/api/v1/auth/me", headers=official.headers)).status_code == 200
            await client.post("/api/v1/auth/logout", headers=official.headers)
            assert (await other.get("/api/v1/auth/me", headers=official.headers)).status_code == 401

    async def test_signing_in_again_after_signing_out_works(
        self, client: httpx.AsyncClient, accounts: Accounts
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await client.post("/api/v1/auth/logout", headers=official.headers)
        fresh = await client.post(
            "/api/v1/auth/token", json={"email": official.email, "password": PASSWORD}
        )
        token = fresh.json()["access_token"]
        me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200
