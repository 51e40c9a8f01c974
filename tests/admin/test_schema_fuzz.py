"""Schemathesis against the OpenAPI schema, over real HTTP on loopback: no input gets a 5xx."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Ok

from admin.auth.service import issue_access_token
from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from storage.models import UserRole
from storage.repositories.users import create_user

MAX_EXAMPLES = 12


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def live_server(settings: Settings) -> Iterator[str]:
    """The app served by uvicorn in a thread, with its own event loop and database pool."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_config=None)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def admin_token(settings: Settings) -> str:
    async def make() -> str:
        database = Database(settings.database_url)
        try:
            async with database.unit_of_work() as session:
                user = await create_user(session, email="fuzz@admin.example", role=UserRole.ADMIN)
                return issue_access_token(settings=settings, user=user).token
        finally:
            await database.dispose()

    return asyncio.run(make())


def _server_errors(base_url: str, token: str) -> list[str]:
    """Fuzz every operation; the first 5xx per operation, as a line (none when all is well)."""
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    found: list[str] = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_server_error(case: schemathesis.Case[Any]) -> None:
            response = case.call(headers={"Authorization": f"Bearer {token}"}, timeout=30)
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} query={case.query} body={case.body!r}"
                f" → {response.status_code}: {response.text[:200]}"
            )

        try:
            no_server_error()
        except AssertionError as failure:
            found.append(str(failure).splitlines()[0])
    return found


def test_no_input_makes_a_server_error(live_server: str, admin_token: str) -> None:
    errors = _server_errors(live_server, admin_token)
    assert not errors, "\n".join(errors)
