"""The web chat trusts only the ids it issued, and one page or one address cannot flood it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import col, select

from bot.texts import text
from storage.database import Database
from storage.models import Channel, Citizen


def _page(app: FastAPI, address: str = "10.9.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 50_000))
    return httpx.AsyncClient(transport=transport, base_url="http://siang.test")


@pytest.fixture
async def page(chat_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with _page(chat_app) as http:
        yield http


async def _say(http: httpx.AsyncClient, words: str) -> httpx.Response:
    return await http.post(
        "/chat/api/messages", json={"client_id": uuid.uuid4().hex, "text": words}
    )


async def _web_citizens(database: Database) -> list[str]:
    async with database.unit_of_work() as session:
        rows = await session.exec(
            select(Citizen.channel_user_id).where(col(Citizen.channel) == Channel.WEB)
        )
        return list(rows)


class TestSessionCookie:
    async def test_a_cookie_the_server_did_not_issue_is_replaced(
        self, page: httpx.AsyncClient, database: Database
    ) -> None:
        chosen = "A" * 43  # looks like an id, but Siang never issued it
        page.cookies.set("siang_chat", chosen, domain="siang.test", path="/chat")

        answer = await _say(page, "เมนู")

        assert answer.status_code == 200
        issued = answer.cookies.get("siang_chat")
        assert issued and chosen not in issued
        assert chosen not in await _web_citizens(database)

    async def test_the_issued_cookie_is_signed_and_lasts_a_month_not_a_year(
        self, page: httpx.AsyncClient
    ) -> None:
        first = await page.get("/chat/api/session")
        header = first.headers["set-cookie"]
        assert "Max-Age=2592000" in header and "HttpOnly" in header
        cookie = first.cookies["siang_chat"]

        await _say(page, "เมนู")
        page.cookies.set("siang_chat", cookie[:-2] + "xx", domain="siang.test", path="/chat")
        tampered = await _say(page, "เมนู")

        assert tampered.cookies.get("siang_chat") not in (None, cookie)


class TestFlooding:
    async def test_one_page_sending_too_fast_waits_while_others_chat_on(
        self, chat_app: FastAPI, page: httpx.AsyncClient
    ) -> None:
        answers = [await _say(page, "เมนู") for _ in range(21)]
        async with _page(chat_app, "10.9.0.2") as someone_else:
            other = await _say(someone_else, "เมนู")

        assert [a.status_code for a in answers[:20]] == [200] * 20
        refused = answers[20]
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) <= 60
        assert refused.json()["error"]["message"] == text("th", "rate.messages")
        assert other.status_code == 200

    async def test_forty_people_behind_one_address_all_start_chatting(
        self, chat_app: FastAPI, database: Database
    ) -> None:
        statuses = []
        for _ in range(40):  # a classroom behind the school's one address, each a new browser
            async with _page(chat_app, "10.9.0.5") as browser:
                statuses.append((await _say(browser, "เมนู")).status_code)

        assert statuses == [200] * 40
        assert len(await _web_citizens(database)) == 40
