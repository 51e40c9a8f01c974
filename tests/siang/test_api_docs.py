"""/docs works without internet: Swagger UI comes from the app itself, under its own policy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.async_api import Route, expect

from siang.app import create_app
from siang.settings import Settings
from tests.fixtures.live_server import browser_context, refusals, serve

expect.set_options(timeout=20_000)


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    with serve(create_app(settings)) as base_url:
        yield base_url


async def _offline(route: Route, elsewhere: list[str], server: str) -> None:
    """Like a closed network: only the app answers; anything else is recorded and refused."""
    if route.request.url.startswith(server):
        await route.continue_()
    else:
        elsewhere.append(route.request.url)
        await route.abort()


async def test_swagger_ui_lists_the_api_with_nothing_from_elsewhere(server: str) -> None:
    async with browser_context() as context:
        elsewhere: list[str] = []
        await context.route("**/*", lambda route: _offline(route, elsewhere, server))
        tab = await context.new_page()
        refused = refusals(tab)
        page = await tab.goto(server + "/docs")
        assert page is not None and page.status == 200
        await expect(tab.locator(".swagger-ui .info .title")).to_contain_text("Siang API")
        await expect(tab.locator(".opblock").first).to_be_visible()
        assert await tab.locator(".opblock").count() > 20
        assert elsewhere == [] and refused == []
        assert "script-src 'self' 'unsafe-inline'" in page.headers["content-security-policy"]
