"""Security headers: pages with personal data are never cached, framed or given inline scripts."""

from __future__ import annotations

import httpx
import pytest

from admin.digests.links import digest_link
from siang.settings import Settings

NO_STORE = ["/admin/login", "/chat", "/api/v1/auth/me", "/api/v1/feedback"]


@pytest.mark.parametrize("path", NO_STORE)
async def test_pages_and_api_answers_with_personal_data_are_not_stored(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/admin/login", "/chat"])
async def test_html_pages_carry_a_content_security_policy_without_inline_script(
    client: httpx.AsyncClient, path: str
) -> None:
    policy = (await client.get(path)).headers["content-security-policy"]
    directives = {}
    for part in filter(None, (p.strip() for p in policy.split(";"))):
        name, _, value = part.partition(" ")
        directives[name] = value
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


async def test_a_digest_page_keeps_its_link_out_of_referrers_and_caches(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    link = digest_link("", settings.secret_key, subject_key="board:50", week="2026-W46")
    response = await client.get(link)
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_public_open311_lists_may_be_cached(client: httpx.AsyncClient) -> None:
    response = await client.get("/open311/v2/services.json")
    assert response.headers.get("cache-control") != "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
