"""Guessing passwords: the hash never stalls the server, and too many wrong guesses wait (429)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI

from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from storage.models import UserAccount, UserRole
from tests.admin.conftest import PASSWORD, Account, Accounts
from tests.fixtures.databases import skip_or_fail
from tests.fixtures.live_server import serve


def _client(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40_000))
    return httpx.AsyncClient(transport=transport, base_url="http://siang.test")


async def _sign_in(http: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await http.post("/api/v1/auth/token", json={"email": email, "password": password})


@pytest.fixture
async def official(accounts: Accounts) -> Account:
    return await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])


class TestHashingOffTheEventLoop:
    async def test_sixteen_wrong_logins_at_once_leave_healthz_answering(
        self, settings: Settings, official: Account, database: Database
    ) -> None:
        """While 16 wrong passwords are checked, /healthz keeps answering between them: with the
        hashes on the event loop it can answer at most once in each gap between two hashes
        (fewer than 17 times), off the loop many times. Counted, not timed, so a busy machine
        does not decide the result. The account's hash has the real cost (the suite's own
        accounts are made at argon2's test profile)."""
        async with database.unit_of_work() as session:
            user = await session.get(UserAccount, official.user_id)
            assert user is not None
            user.password_hash = PasswordHasher().hash(PASSWORD)
            session.add(user)
        answered = 0
        with serve(create_app(settings)) as base_url:
            async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
                await http.get("/healthz")
                guesses = asyncio.gather(
                    *(_sign_in(http, official.email, f"guess-{n}") for n in range(16))
                )
                while not guesses.done():
                    assert (await http.get("/healthz")).status_code == 200
                    answered += 1
                answers = await guesses

        assert {a.status_code for a in answers} <= {401, 429}
        assert answered >= 2 * len(answers), f"/healthz answered {answered} times meanwhile"


class TestLockout:
    async def test_ten_wrong_passwords_lock_the_account_with_retry_after(
        self, app: FastAPI, accounts: Accounts, official: Account
    ) -> None:
        async with _client(app, "10.2.0.1") as http:
            wrong = [await _sign_in(http, official.email, f"guess-{n}") for n in range(10)]
            locked = await _sign_in(http, official.email, PASSWORD)  # even the right one waits
        async with _client(app, "10.2.0.2") as elsewhere:
            also_locked = await _sign_in(elsewhere, official.email.upper(), PASSWORD)
            someone_else = await accounts.make(UserRole.ANALYST)
            unaffected = await _sign_in(elsewhere, someone_else.email, PASSWORD)

        assert [r.status_code for r in wrong] == [401] * 10
        for response in (locked, also_locked):
            assert response.status_code == 429
            assert response.json()["error"]["code"] == "too_many_requests"
            assert 0 < int(response.headers["retry-after"]) <= 15 * 60
            assert "minutes" in response.json()["error"]["message"]
        assert unaffected.status_code == 200

    async def test_a_right_password_clears_the_count(self, app: FastAPI, official: Account) -> None:
        async with _client(app, "10.3.0.1") as http:
            for _ in range(2):
                for n in range(9):
                    assert (await _sign_in(http, official.email, f"x{n}")).status_code == 401
                assert (await _sign_in(http, official.email, PASSWORD)).status_code == 200

    async def test_one_address_guessing_many_accounts_waits(
        self, app: FastAPI, official: Account
    ) -> None:
        async with _client(app, "10.4.0.1") as http:
            answers = [await _sign_in(http, f"nobody{n}@example.go.th", "guess") for n in range(31)]
        async with _client(app, "10.4.0.2") as other_address:
            fine = await _sign_in(other_address, official.email, PASSWORD)

        assert [a.status_code for a in answers[:30]] == [401] * 30
        assert answers[30].status_code == 429
        assert "retry-after" in answers[30].headers
        assert fine.status_code == 200

    async def test_the_dashboard_sign_in_is_limited_too(
        self, app: FastAPI, official: Account
    ) -> None:
        async with _client(app, "10.5.0.1") as http:
            for n in range(10):
                await http.post("/admin/login", data={"email": official.email, "password": f"{n}"})
            page = await http.post(
                "/admin/login", data={"email": official.email, "password": PASSWORD}
            )

        assert page.status_code == 429
        assert "retry-after" in page.headers
        assert "นาที" in page.text  # "wait N minutes", in Thai


@pytest.fixture
def redis_settings(settings: Settings) -> Settings:
    url = os.environ.get("SIANG_TEST_REDIS_URL")
    if not url:
        skip_or_fail("SIANG_TEST_REDIS_URL is not set, so the shared lockout test did not run")
    return settings.model_copy(
        update={"redis_url": url, "redis_queue": f"siang-test-{uuid.uuid4().hex[:8]}"}
    )


@pytest.fixture
async def two_processes(
    redis_settings: Settings, database: Database
) -> AsyncIterator[tuple[FastAPI, FastAPI]]:
    first = create_app(redis_settings, database=database)
    second = create_app(redis_settings, database=database)
    async with first.router.lifespan_context(first), second.router.lifespan_context(second):
        yield first, second


class TestLockoutAcrossProcesses:
    async def test_failures_counted_by_one_process_lock_the_account_in_another(
        self, two_processes: tuple[FastAPI, FastAPI], official: Account
    ) -> None:
        first, second = two_processes
        async with _client(first, "10.6.0.1") as http:
            for n in range(10):
                assert (await _sign_in(http, official.email, f"x{n}")).status_code == 401
        async with _client(second, "10.6.0.2") as http:
            locked = await _sign_in(http, official.email, PASSWORD)

        assert locked.status_code == 429
        assert int(locked.headers["retry-after"]) > 0
