"""What a platform sees in a webhook's answer, whichever way the request took through the app
(a POST takes the fast route, `siang.fast_routes`): its request id, the security headers, a 413
for a body over the limit, the app's JSON errors, and a redelivery acknowledged but stored once."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence

import httpx
import pytest
from fastapi import FastAPI

from bot.channels.base import RawEvent
from siang.runtime import app_runtime
from storage.database import Database
from storage.models import Channel
from tests.bot.helpers import count_events, post_line, post_telegram
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi

SECURITY = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


def assert_marked(response: httpx.Response) -> None:
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
    for name, value in SECURITY.items():
        assert response.headers[name] == value, name
    assert response.headers.get_list("x-request-id") == [response.headers["x-request-id"]]


class TestEveryAnswerIsMarked:
    async def test_an_acknowledged_line_webhook(
        self, client: httpx.AsyncClient, line_api: FakeLineApi
    ) -> None:
        event = line.text_event("Uheaders", "เมนู", reply_token=line_api.issue_reply_token("U"))

        response = await post_line(client, event)

        assert response.status_code == 200
        assert response.json() == {"received": 1, "new": 1}
        assert response.headers["content-type"] == "application/json"
        assert_marked(response)

    async def test_an_acknowledged_telegram_webhook(self, client: httpx.AsyncClient) -> None:
        response = await post_telegram(client, telegram.text_update(701, "ไฟดับ"))

        assert response.status_code == 200
        assert_marked(response)

    async def test_a_refused_signature(self, client: httpx.AsyncClient) -> None:
        event = line.text_event("Uforged", "hi")
        forged = line.sign(line.webhook_body(event), secret="not-the-secret")

        response = await post_line(client, event, signature=forged)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_signature"
        assert_marked(response)

    async def test_the_platforms_request_id_is_echoed(self, client: httpx.AsyncClient) -> None:
        body = line.webhook_body(line.follow_event("Uechoed"))
        headers = {"x-line-signature": line.sign(body), "x-request-id": "lb-42.a"}

        response = await client.post("/webhooks/line", content=body, headers=headers)

        assert response.headers["x-request-id"] == "lb-42.a"

    async def test_another_method_is_405_naming_post(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/webhooks/line")

        assert response.status_code == 405
        assert response.headers["allow"] == "POST"
        assert response.json()["error"]["code"] == "method_not_allowed"
        assert_marked(response)


class _Chunks(httpx.AsyncByteStream):
    """A body sent in 64 KiB chunks with no Content-Length, counting what the server pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.pulled < self.total:
            self.pulled += 65_536
            yield b" " * 65_536


class TestBodyLimit:
    async def test_a_declared_oversized_body_is_413_with_the_headers(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        body = b"{" + b" " * 1_000_001 + b"}"

        response = await client.post(
            "/webhooks/line", content=body, headers={"x-line-signature": line.sign(body)}
        )

        assert response.status_code == 413
        assert response.json()["error"]["code"] == "body_too_large"
        assert response.headers["connection"] == "close"
        assert_marked(response)
        assert await count_events(database) == 0

    async def test_a_streamed_oversized_body_is_cut_off_at_the_limit(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        body = _Chunks(total=50 * 1024 * 1024)
        request = client.build_request(
            "POST", "/webhooks/line", headers={"x-line-signature": "x"}, content=body
        )
        assert "content-length" not in request.headers

        response = await client.send(request)

        assert response.status_code == 413
        assert response.json()["error"]["code"] == "body_too_large"
        assert_marked(response)
        assert body.pulled <= 2 * 1024 * 1024
        assert await count_events(database) == 0


class TestStoredOnce:
    async def test_a_redelivered_event_is_acknowledged_and_stored_once(
        self, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        event = line.text_event("Uagain", "เมนู", reply_token=line_api.issue_reply_token("U"))

        first = await post_line(client, event)
        again = await post_line(client, {**event, "deliveryContext": {"isRedelivery": True}})

        assert first.json() == {"received": 1, "new": 1}
        assert again.status_code == 200
        assert again.json() == {"received": 1, "new": 0}
        assert await count_events(database) == 1


@pytest.fixture
async def failing_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app, its event store failing as a lost database would; the client sees the 500s
    (the app raises the error again for the server's log, as for any route)."""

    async def lost(channel: Channel, events: Sequence[RawEvent]) -> list[int]:
        raise ConnectionResetError("the database went away")

    store = app_runtime(app).background.event_store
    kept = store.store
    store.store = lost  # type: ignore[method-assign]
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as http:
        yield http
    store.store = kept  # type: ignore[method-assign]


async def test_a_failed_write_is_a_500_the_platform_sends_again(
    failing_client: httpx.AsyncClient, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    response = await post_line(failing_client, line.follow_event("Ulost"))

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert_marked(response)
    assert "unhandled error" in caplog.text
    assert await count_events(database) == 0
