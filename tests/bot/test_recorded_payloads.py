"""Webhook payloads nobody on this team wrote, replayed through the real endpoints.

The official LINE SDKs' (Python, PHP, Go, Java) webhook bodies and python-telegram-bot's test
updates, recorded with their source in `SOURCES.md` beside them. They live in the project's
shared data folder (`shared/data/sdk-webhooks/`, beside the repository, or the folder named by
`SIANG_TEST_SDK_PAYLOADS`), not in the repository: material fetched from other repositories is
not committed here. Where the folder is absent the replay is skipped, with the reason.
Each is signed with the test channel secret (LINE) or sent with the webhook secret (Telegram),
and must be acknowledged, stored once, and handled: answered or knowingly ignored, never a 500,
never left pending or failed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from bot.channels.line import _raw_event
from bot.texts import text
from storage.database import Database
from storage.models import EventStatus
from tests.bot.helpers import settle, stored_events
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi

_REPOSITORY = Path(__file__).resolve().parents[2]
# CI clones the repository with shared/ beside it; worktrees sit one folder deeper.
_CANDIDATES = [_REPOSITORY.parent / "shared", _REPOSITORY.parent.parent / "shared"]
_PAYLOADS = "data/sdk-webhooks"
_MESSAGES_SIANG_READS = {"text", "image", "location", "sticker"}


def _payloads(kind: str) -> list[Path]:
    """The recorded payloads of one platform (SIANG_TEST_SDK_PAYLOADS names another folder)."""
    given = os.environ.get("SIANG_TEST_SDK_PAYLOADS")
    folders = [Path(given)] if given else [shared / _PAYLOADS for shared in _CANDIDATES]
    for folder in folders:
        if (folder / kind).is_dir():
            return sorted((folder / kind).glob("*.json"))
    return []


@pytest.fixture
def line_bodies() -> Iterator[list[tuple[str, bytes]]]:
    found = _payloads("line")
    if not found:
        pytest.skip(f"the SDKs' recorded payloads are not in shared/{_PAYLOADS}/line")
    yield [(path.name, path.read_bytes()) for path in found]


@pytest.fixture
def telegram_updates() -> Iterator[list[tuple[str, bytes]]]:
    found = _payloads("telegram")
    if not found:
        pytest.skip(
            f"python-telegram-bot's recorded updates are not in shared/{_PAYLOADS}/telegram"
        )
    yield [(path.name, path.read_bytes()) for path in found]


def _one_by_one(bodies: list[tuple[str, bytes]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each event as its own body, from a user of its own, so its answers can be told apart
    (the SDKs' events share a handful of user ids; nothing else is changed)."""
    for name, body in bodies:
        document = json.loads(body)
        for index, event in enumerate(document["events"]):
            source = event.get("source")
            if isinstance(source, dict) and source.get("userId"):
                source["userId"] = f"U{name.removesuffix('.json')}-{index}"
            yield name, {"destination": document.get("destination"), "events": [event]}


def _reads_it(event: dict[str, Any]) -> bool:
    """A citizen's text, photo, place or sticker, in a one-to-one chat Siang answers."""
    message = event.get("message") or {}
    return (
        event.get("type") == "message"
        and message.get("type") in _MESSAGES_SIANG_READS
        and (event.get("source") or {}).get("type") == "user"
        and event.get("mode", "active") == "active"
    )


async def test_line_sdk_events_are_stored_once_and_handled(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    line_api: FakeLineApi,
    line_bodies: list[tuple[str, bytes]],
) -> None:
    expected: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, document in _one_by_one(line_bodies):
        body = json.dumps(document, ensure_ascii=False).encode()
        headers = {"content-type": "application/json", "x-line-signature": line.sign(body)}
        response = await client.post("/webhooks/line", content=body, headers=headers)
        assert response.status_code == 200, (name, response.text)
        [event] = document["events"]
        expected.setdefault(_raw_event(event).external_id, (name, event))
    await settle(app)

    stored = {row.external_id: row for row in await stored_events(database)}
    assert set(stored) == set(expected)  # each event once: none lost, none twice
    refusals = {text("th", "unsupported"), text("en", "unsupported")}
    for external_id, (name, event) in expected.items():
        row = stored[external_id]
        where = (name, event.get("type"), (event.get("message") or {}).get("type"), row.error)
        assert row.status in (EventStatus.PROCESSED, EventStatus.IGNORED), where
        if _reads_it(event):
            answers = line_api.texts(event["source"]["userId"])
            assert row.status is EventStatus.PROCESSED, where
            assert answers and not refusals & set(answers), (where, answers)


async def test_python_telegram_bot_updates_are_stored_once_and_handled(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    telegram_api: FakeTelegramApi,
    telegram_updates: list[tuple[str, bytes]],
) -> None:
    for name, body in telegram_updates:
        headers = {
            "content-type": "application/json",
            "x-telegram-bot-api-secret-token": telegram.WEBHOOK_SECRET,
        }
        response = await client.post("/webhooks/telegram", content=body, headers=headers)
        assert response.status_code == 200, (name, response.text)
    await settle(app)

    stored = {row.external_id: row for row in await stored_events(database)}
    sent = {str(json.loads(body)["update_id"]): name for name, body in telegram_updates}
    assert set(stored) == set(sent)
    for external_id, name in sent.items():
        row = stored[external_id]
        assert row.status in (EventStatus.PROCESSED, EventStatus.IGNORED), (name, row.error)
    handled = {sent[i] for i, row in stored.items() if row.status is EventStatus.PROCESSED}
    assert {"ptb__message.json", "ptb__callback_query.json"} <= handled
    assert "ptb__edited_message.json" not in handled  # an edit is not a new message
