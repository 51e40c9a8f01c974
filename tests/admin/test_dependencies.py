"""The request's unit of work: committed before the answer, then delivery woken for what it queued."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event

from bot.texts import text
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, Citizen, FeedbackItem, FeedbackStatus, UserRole
from tests.admin.conftest import Accounts, Items
from tests.bot.helpers import outbox, settle
from tests.fakes.fixtures import with_fake_platforms
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi

CITIZEN = "Ustatus-somchai"


@pytest.fixture
def settings(settings: Settings, line_api: FakeLineApi, telegram_api: FakeTelegramApi) -> Settings:
    return with_fake_platforms(settings, line_api, telegram_api)


@pytest.fixture
async def reported(database: Database, items: Items) -> FeedbackItem:
    """A LINE citizen's report, routed to the Chiang Mai waterworks."""
    async with database.unit_of_work() as session:
        citizen = Citizen(channel=Channel.LINE, channel_user_id=CITIZEN)
        session.add(citizen)
        await session.flush()
    return await items.add(citizen_id=citizen.id)


@contextmanager
def commits_refused(database: Database) -> Iterator[None]:
    """The database refuses to commit (a lost connection, a full disk …) inside the block."""

    def refuse(_connection: Any) -> None:
        raise ConnectionResetError("the database went away at commit")

    event.listen(database.engine.sync_engine, "commit", refuse)
    yield
    event.remove(database.engine.sync_engine, "commit", refuse)


@pytest.fixture
async def answering_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client that gets the app's error answer instead of the exception behind it."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as http:
        yield http


def _accepted_note(item: FeedbackItem) -> str:
    status = text("th", "status.accepted")
    return text("th", "notify.status_changed", reference=item.reference, status=status)


class TestSessionDep:
    async def test_an_officials_status_change_reaches_the_citizen_at_once(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        accounts: Accounts,
        reported: FeedbackItem,
        line_api: FakeLineApi,
    ) -> None:
        """No scheduler runs here: only the wake-up after the commit can send the notice."""
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])

        response = await client.post(
            f"/api/v1/feedback/{reported.id}/status",
            json={"status": "accepted"},
            headers=official.headers,
        )
        await settle(app)

        assert response.status_code == 200, response.text
        notices = line_api.sent(CITIZEN)
        assert {notice.via for notice in notices} == {"push"}
        assert _accepted_note(reported) in " ".join(notice.text for notice in notices)

    async def test_a_refused_change_sends_nothing(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        accounts: Accounts,
        reported: FeedbackItem,
        database: Database,
        line_api: FakeLineApi,
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])

        response = await client.post(
            f"/api/v1/feedback/{reported.id}/status",
            json={"status": "resolved", "note": "ซ่อมแล้ว"},  # not straight from routed
            headers=official.headers,
        )
        await settle(app)

        assert response.status_code == 409
        assert line_api.sent(CITIZEN) == [] and await outbox(database) == []

    async def test_a_commit_that_fails_is_an_error_answer_and_stores_nothing(
        self,
        app: FastAPI,
        answering_client: httpx.AsyncClient,
        accounts: Accounts,
        reported: FeedbackItem,
        database: Database,
        line_api: FakeLineApi,
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])

        with commits_refused(database):
            response = await answering_client.post(
                f"/api/v1/feedback/{reported.id}/status",
                json={"status": "accepted"},
                headers=official.headers,
            )
            await settle(app)

        assert response.status_code == 500
        assert response.json()["error"]["code"] == "internal_error"
        async with database.unit_of_work() as session:
            item = await session.get(FeedbackItem, reported.id)
        assert item is not None and item.status is FeedbackStatus.ROUTED
        assert line_api.sent(CITIZEN) == [] and await outbox(database) == []
