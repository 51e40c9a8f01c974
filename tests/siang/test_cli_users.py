"""`siang users create` as an operator runs it: the last line is a bearer token that works."""

from __future__ import annotations

import httpx
from sqlmodel import select

from storage.database import Database
from storage.models import UserAccount
from tests.siang.test_cli import run_siang


class TestUsersCreate:
    async def test_print_token_last_line_signs_in_to_the_api(
        self, database_url: str, client: httpx.AsyncClient
    ) -> None:
        env = {"SIANG_DATABASE_URL": database_url}
        result = run_siang(
            "users", "create", "--email", "first@admin.example", "--role", "admin",
            "--print-token", env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        lines = result.stdout.strip().splitlines()
        assert any(line.startswith("password: ") for line in lines)
        token = lines[-1]
        me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200
        assert me.json()["email"] == "first@admin.example"
        assert me.json()["role"] == "admin"

    async def test_a_password_is_stored_at_argon2s_full_cost(
        self, database_url: str, database: Database
    ) -> None:
        # the suite itself hashes at argon2's test profile (tests/conftest.py); the command does not
        env = {"SIANG_DATABASE_URL": database_url}
        result = run_siang(
            "users", "create", "--email", "cost@admin.example", "--role", "admin",
            "--password", "a-long-password", env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        async with database.unit_of_work() as session:
            users = (await session.exec(select(UserAccount))).all()
        [stored] = [u.password_hash for u in users if u.email == "cost@admin.example"]
        assert stored is not None and stored.startswith("$argon2id$")
        assert "m=65536,t=3" in stored  # 64 MiB, three passes: RFC 9106's low-memory profile

    async def test_an_official_with_several_agencies(
        self, database_url: str, client: httpx.AsyncClient
    ) -> None:
        env = {"SIANG_DATABASE_URL": database_url}
        result = run_siang(
            "users", "create", "--email", "o@pwa.example", "--role", "official",
            "--agency", "pwa-50", "--agency", "pea-50", "--password", "a-long-password",
            "--print-token", env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "password:" not in result.stdout
        token = result.stdout.strip().splitlines()[-1]
        mine = await client.get(
            "/api/v1/agencies",
            params={"mine": "true"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert sorted(a["code"] for a in mine.json()["items"]) == ["pea-50", "pwa-50"]
        signed_in = await client.post(
            "/api/v1/auth/token", json={"email": "o@pwa.example", "password": "a-long-password"}
        )
        assert signed_in.status_code == 200

    def test_an_unknown_agency_fails_with_a_message(self, database_url: str) -> None:
        result = run_siang(
            "users", "create", "--email", "o@x.example", "--role", "official",
            "--agency", "nope-1", env={"SIANG_DATABASE_URL": database_url},
        )  # fmt: skip
        assert result.returncode == 1
        assert "no agency with code nope-1" in result.stderr
