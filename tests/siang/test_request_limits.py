"""Every endpoint refuses an oversized body with a clear 413 before reading it all, and odd
input (JSON nested a hundred thousand deep, a NUL in a media path) is a 4xx, never a 500."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from siang.settings import Settings
from tests.fakes import line_api as line
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import WEBHOOK_SECRET, FakeTelegramApi

MB = 1024 * 1024
NESTED_ARRAY = b"[" * 100_000 + b"]" * 100_000
NESTED_OBJECT = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)


class _CountingBody(httpx.AsyncByteStream):
    """A body sent in 64 KiB chunks without Content-Length, counting what the server pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunk = b"x" * 65_536
        while self.pulled < self.total:
            self.pulled += len(chunk)
            yield chunk


class TestBodySize:
    @pytest.mark.parametrize(
        "path", ["/api/v1/auth/token", "/chat/api/messages", "/open311/v2/requests.json"]
    )
    async def test_a_declared_oversized_body_is_413_naming_the_limit(
        self, client: httpx.AsyncClient, path: str
    ) -> None:
        response = await client.post(
            path,
            content=b"{" + b" " * (2 * MB) + b"}",
            headers={"content-type": "application/json"},
        )

        assert response.status_code == 413
        error = response.json()["error"]
        assert error["code"] == "body_too_large"
        assert "1048576 bytes" in error["message"]

    async def test_a_streamed_body_is_cut_off_once_it_passes_the_limit(
        self, client: httpx.AsyncClient
    ) -> None:
        body = _CountingBody(total=400 * MB)
        request = client.build_request(
            "POST",
            "/api/v1/auth/token",
            headers={"content-type": "application/json"},
            content=body,
        )
        assert "content-length" not in request.headers

        response = await client.send(request)

        assert response.status_code == 413
        assert response.json()["error"]["code"] == "body_too_large"
        assert body.pulled <= 2 * MB  # read until the limit, not the 400 MB

    async def test_a_photo_may_be_larger_than_other_bodies_up_to_the_media_limit(
        self, client: httpx.AsyncClient
    ) -> None:
        not_an_image = b"x" * (3 * MB)
        allowed = await client.post(
            "/chat/api/photos",
            data={"client_id": "photo-0001"},
            files={"photo": ("a.jpg", not_an_image, "image/jpeg")},
        )
        assert allowed.status_code == 415  # read whole and judged by its bytes, not cut off

        too_big = await client.post(
            "/chat/api/photos",
            data={"client_id": "photo-0002"},
            files={"photo": ("a.jpg", b"x" * (12 * MB), "image/jpeg")},
        )
        assert too_big.status_code == 413

    async def test_a_small_body_still_works(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/api/v1/auth/token", json={"email": "nobody@example.go.th", "password": "x"}
        )
        assert response.status_code == 401


class TestOddInput:
    @pytest.mark.parametrize("body", [NESTED_ARRAY, NESTED_OBJECT], ids=["array", "object"])
    async def test_deeply_nested_json_is_a_clear_4xx_everywhere(
        self, client: httpx.AsyncClient, body: bytes
    ) -> None:
        json_type = {"content-type": "application/json"}
        answers = {
            "token": await client.post("/api/v1/auth/token", content=body, headers=json_type),
            "chat": await client.post("/chat/api/messages", content=body, headers=json_type),
            "line": await client.post(
                "/webhooks/line",
                content=body,
                headers={**json_type, "x-line-signature": line.sign(body)},
            ),
            "telegram": await client.post(
                "/webhooks/telegram",
                content=body,
                headers={**json_type, "x-telegram-bot-api-secret-token": WEBHOOK_SECRET},
            ),
        }

        for where, response in answers.items():
            assert 400 <= response.status_code < 500, (where, response.text)
            assert "nested" in response.text or "JSON" in response.text, (where, response.text)

    async def test_a_nul_byte_in_a_media_path_is_404(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/media/ab/cd%00.jpg")

        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
