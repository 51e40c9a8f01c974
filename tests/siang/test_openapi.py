"""The API says what it answers: Allow on a 405, WWW-Authenticate on a 401, every error declared."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from tests.fixtures.databases import DatabaseTemplate


@pytest.fixture(scope="module")
async def schema(
    database_template: DatabaseTemplate, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[dict[str, Any]]:
    """The document the app serves at /openapi.json, fetched once a module on each backend: it
    is the same for every test, and each test's own app took about half a second to make it."""
    folder = tmp_path_factory.mktemp("openapi")
    url = database_template.clone(folder)
    database = Database(url)
    settings = Settings(
        _env_file=None,
        environment="test",
        database_url=url,
        media_dir=folder / "media",
        scheduler_enabled=False,
    )
    app = create_app(settings, database=database)
    try:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://siang.test"
            ) as client,
        ):
            response = await client.get("/openapi.json")
        assert response.status_code == 200
        yield response.json()
    finally:
        await database.dispose()
        database_template.drop(url)


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]


class TestHeaders:
    @pytest.mark.parametrize(
        ("method", "path", "allow"),
        [
            ("DELETE", "/api/v1/auth/me", "GET"),
            ("PUT", "/api/v1/users", "GET, POST"),
            ("GET", "/webhooks/line", "POST"),
        ],
    )
    async def test_a_405_names_the_allowed_methods(
        self, client: httpx.AsyncClient, method: str, path: str, allow: str
    ) -> None:
        response = await client.request(method, path)
        assert response.status_code == 405
        assert response.headers["allow"] == allow
        assert response.json()["error"]["code"] == "method_not_allowed"

    async def test_a_401_without_credentials_asks_for_a_bearer_token(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/api/v1/auth/me")
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == 'Bearer realm="siang"'

    async def test_a_401_for_a_bad_token_says_the_token_is_invalid(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/api/v1/auth/me", headers={"Authorization": "Bearer nope"})
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == 'Bearer realm="siang", error="invalid_token"'


class TestDeclaredResponses:
    async def test_every_signed_in_operation_declares_401_with_its_header_and_403(
        self, schema: dict[str, Any]
    ) -> None:
        secured = [(m, p, op) for m, p, op in _operations(schema) if op.get("security")]
        assert len(secured) > 20
        for method, path, operation in secured:
            responses = operation["responses"]
            assert {"401", "403"} <= set(responses), (method, path)
            assert "WWW-Authenticate" in responses["401"]["headers"], (method, path)
            error = responses["401"]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/Error"}

    async def test_422_is_declared_in_the_shape_it_is_sent(
        self, client: httpx.AsyncClient, schema: dict[str, Any]
    ) -> None:
        declared = schema["paths"]["/api/v1/users"]["post"]["responses"]["422"]
        assert declared["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }
        sent = await client.post("/api/v1/auth/token", json={"email": "x"})
        assert sent.status_code == 422 and set(sent.json()) == {"error"}
        assert "422" in schema["paths"]["/api/v1/auth/token"]["post"]["responses"]

    async def test_operations_on_one_thing_declare_404(self, schema: dict[str, Any]) -> None:
        for method, path, operation in _operations(schema):
            if "{" in path.replace("{fmt}", ""):
                assert "404" in operation["responses"], (method, path)

    @pytest.mark.parametrize(
        ("method", "path", "code"),
        [
            ("POST", "/api/v1/users", "409"),
            ("POST", "/api/v1/users", "400"),
            ("GET", "/api/v1/feedback", "404"),
            ("POST", "/api/v1/auth/token", "401"),
            ("POST", "/api/v1/feedback/{feedback_id}/status", "409"),
            ("PUT", "/api/v1/routing-rules/{rule_id}", "409"),
            ("POST", "/api/v1/digests/subscriptions", "409"),
            ("POST", "/webhooks/line", "400"),
            ("POST", "/webhooks/telegram", "401"),
            ("POST", "/webhooks/telegram", "403"),
            ("POST", "/chat/api/photos", "415"),
            ("POST", "/chat/api/photos", "413"),
        ],
    )
    async def test_the_errors_an_operation_can_answer_are_declared(
        self, schema: dict[str, Any], method: str, path: str, code: str
    ) -> None:
        assert code in schema["paths"][path][method.lower()]["responses"]

    async def test_open311_declares_its_own_errors_and_no_422(self, schema: dict[str, Any]) -> None:
        for method, path, operation in _operations(schema):
            if path.startswith("/open311/"):
                assert "422" not in operation["responses"], (method, path)
                assert "400" in operation["responses"], (method, path)
                for code, response in operation["responses"].items():
                    assert "text/xml" in response["content"], (method, path, code)
