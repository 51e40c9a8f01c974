"""Health and readiness, as a load balancer or an operator sees them."""

from __future__ import annotations

import httpx

from siang.app import create_app
from siang.settings import Settings


class TestHealth:
    async def test_healthz_says_the_process_is_up(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    async def test_readyz_says_the_database_answers(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/readyz")
        assert response.status_code == 200
        assert response.json()["database"] == "up"

    async def test_readyz_is_503_when_the_database_is_down(self) -> None:
        settings = Settings(
            _env_file=None,
            database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none",
        )
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["database"] == "down"

    async def test_unknown_path_is_a_json_404(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/no/such/page")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
