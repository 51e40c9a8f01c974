"""The webhooks refuse what is not from the platform, or not a webhook, and store nothing of it."""

from __future__ import annotations

import json

import httpx

from storage.database import Database
from tests.bot.helpers import count_events, post_line, post_telegram, stored_events
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


class TestLineSignature:
    async def test_forged_signature_is_refused_and_nothing_is_stored_or_sent(
        self, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        event = line.text_event("Uforger", "ถนนพัง", reply_token=line_api.issue_reply_token("U"))
        forged = line.sign(line.webhook_body(event), secret="not-the-channel-secret")

        response = await post_line(client, event, signature=forged)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_signature"
        assert await count_events(database) == 0
        assert line_api.calls == []

    async def test_missing_signature_is_refused(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        body = line.webhook_body(line.text_event("U1", "สวัสดี"))
        response = await client.post("/webhooks/line", content=body)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "missing_signature"
        assert await count_events(database) == 0

    async def test_signed_body_that_is_not_json_is_refused(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        body = b'{"events": [ {"type": "message",'
        headers = {"x-line-signature": line.sign(body)}
        response = await client.post("/webhooks/line", content=body, headers=headers)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "malformed_json"
        assert await count_events(database) == 0

    async def test_signed_json_without_events_is_refused(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        body = b'{"destination": "U", "events": "drop table"}'
        response = await client.post(
            "/webhooks/line", content=body, headers={"x-line-signature": line.sign(body)}
        )

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "malformed_body"

    async def test_verification_request_with_no_events_is_acknowledged(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        response = await post_line(client)

        assert response.status_code == 200
        assert response.json() == {"received": 0, "new": 0}
        assert await count_events(database) == 0


class TestTelegramSecret:
    async def test_missing_secret_is_unauthorised(
        self, client: httpx.AsyncClient, database: Database, telegram_api: FakeTelegramApi
    ) -> None:
        response = await post_telegram(client, telegram.text_update(501, "ไฟดับ"), secret="")

        assert response.status_code == 401
        assert await count_events(database) == 0
        assert telegram_api.calls == []

    async def test_wrong_secret_is_forbidden(
        self, client: httpx.AsyncClient, database: Database, telegram_api: FakeTelegramApi
    ) -> None:
        response = await post_telegram(client, telegram.text_update(501, "ไฟดับ"), secret="guess")

        assert response.status_code == 403
        assert response.json()["error"]["code"] == "invalid_secret"
        assert await count_events(database) == 0
        assert telegram_api.calls == []

    async def test_update_without_update_id_is_refused(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        response = await post_telegram(client, {"message": {"text": "hi"}})

        assert response.status_code == 400
        assert await count_events(database) == 0


class TestBodySize:
    async def test_oversized_telegram_body_is_refused(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        update = telegram.text_update(501, "ก" * 400_000)  # 1.2 MB in UTF-8

        response = await post_telegram(client, update)

        assert response.status_code == 413
        assert await count_events(database) == 0


class TestOddText:
    async def test_a_nul_character_is_dropped_and_the_rest_of_the_message_stored(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        """PostgreSQL's jsonb cannot hold a NUL; refusing the event would also refuse the
        webhooks stored with it in the same write."""
        response = await post_line(client, line.text_event("Unul", "ถนน\x00พัง"))

        assert response.status_code == 200
        assert response.json() == {"received": 1, "new": 1}
        [stored] = await stored_events(database)
        assert stored.payload["message"]["text"] == "ถนนพัง"
        assert json.loads(stored.raw_body) == stored.payload


class TestManyEventsInOneBody:
    async def test_each_stored_event_keeps_only_its_own_json(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        events = [line.follow_event(f"Umany{n}") for n in range(300)]
        body = line.webhook_body(*events)

        response = await post_line(client, *events)

        assert response.status_code == 200
        assert response.json() == {"received": 300, "new": 300}
        stored = await stored_events(database)
        assert len(stored) == 300
        for row in stored:
            assert json.loads(row.raw_body) == row.payload
        assert sum(len(row.raw_body.encode()) for row in stored) < len(body)

    async def test_a_body_as_full_of_events_as_the_limit_allows_is_stored_whole(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        """LINE does not redeliver a refused body: every event a signed body carries is kept."""
        events = [line.follow_event(f"Ufull{n:05d}") for n in range(2500)]
        assert len(line.webhook_body(*events)) < 1_000_000  # within the webhook byte limit

        response = await post_line(client, *events)

        assert response.status_code == 200
        assert response.json() == {"received": 2500, "new": 2500}
        assert await count_events(database) == 2500
