"""Many people behind one address (a school, an office, a carrier's NAT) can all chat; one
network still cannot make a citizen per request or flood the chat. Limits are set low here
(5 new chats an hour, 12 messages a minute per network) so a test shows where they bite."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import col, select

from bot.texts import text
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, Citizen

NEW_CHATS_AN_HOUR = 5
NETWORK_MESSAGES_A_MINUTE = 12


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "web_chat_sessions_per_hour": NEW_CHATS_AN_HOUR,
            "web_chat_network_messages_per_minute": NETWORK_MESSAGES_A_MINUTE,
        }
    )


def browser(app: FastAPI, address: str) -> httpx.AsyncClient:
    """A fresh browser (no cookie yet) at `address`, keeping the cookie it is given."""
    transport = httpx.ASGITransport(app=app, client=(address, 50_000))
    return httpx.AsyncClient(transport=transport, base_url="http://siang.test")


async def say(http: httpx.AsyncClient, words: str = "เมนู") -> httpx.Response:
    return await http.post(
        "/chat/api/messages", json={"client_id": uuid.uuid4().hex, "text": words}
    )


async def web_citizens(database: Database) -> int:
    async with database.unit_of_work() as session:
        rows = await session.exec(select(Citizen.id).where(col(Citizen.channel) == Channel.WEB))
        return len(list(rows))


async def test_opening_the_page_is_not_a_new_chat(chat_app: FastAPI) -> None:
    statuses = []
    for _ in range(3 * NEW_CHATS_AN_HOUR):  # a class opening the page, some twice
        async with browser(chat_app, "10.20.0.1") as page:
            statuses.append((await page.get("/chat/api/session")).status_code)

    assert statuses == [200] * (3 * NEW_CHATS_AN_HOUR)
    async with browser(chat_app, "10.20.0.1") as page:
        assert (await say(page)).status_code == 200  # nothing was used up by opening


async def test_one_network_cannot_start_chat_after_chat_but_those_chatting_carry_on(
    chat_app: FastAPI, database: Database
) -> None:
    pages = [browser(chat_app, "10.20.0.2") for _ in range(NEW_CHATS_AN_HOUR + 1)]
    first = [await say(page) for page in pages]
    again = await say(pages[0])  # someone who already started keeps chatting
    async with browser(chat_app, "10.20.0.3") as elsewhere:
        other_network = await say(elsewhere)
    for page in pages:
        await page.aclose()

    assert [a.status_code for a in first] == [200] * NEW_CHATS_AN_HOUR + [429]
    refused = first[-1]
    assert refused.json()["error"]["message"] == text("th", "rate.sessions")
    assert 0 < int(refused.headers["retry-after"]) <= 3600
    assert again.status_code == 200 and other_network.status_code == 200
    assert await web_citizens(database) == NEW_CHATS_AN_HOUR + 1  # the refused one made none


async def test_an_ipv6_network_counts_as_one_however_many_addresses_it_uses(
    chat_app: FastAPI,
) -> None:
    statuses = []
    for host in range(1, NEW_CHATS_AN_HOUR + 2):  # one /64, a new address each time
        async with browser(chat_app, f"2001:db8:1:2::{host:x}") as page:
            statuses.append((await say(page)).status_code)
    async with browser(chat_app, "2001:db8:1:3::1") as neighbour:  # the next /64
        elsewhere = await say(neighbour)

    assert statuses == [200] * NEW_CHATS_AN_HOUR + [429]
    assert elsewhere.status_code == 200


async def test_many_browsers_of_one_network_cannot_add_up_to_a_flood(chat_app: FastAPI) -> None:
    pages = [browser(chat_app, "10.20.0.4") for _ in range(3)]
    statuses = [(await say(page)).status_code for _ in range(5) for page in pages]
    async with browser(chat_app, "10.20.0.5") as elsewhere:
        other_network = await say(elsewhere)
    for page in pages:
        await page.aclose()

    assert statuses[:NETWORK_MESSAGES_A_MINUTE] == [200] * NETWORK_MESSAGES_A_MINUTE
    assert set(statuses[NETWORK_MESSAGES_A_MINUTE:]) == {429}  # each page is under its own 20
    assert other_network.status_code == 200
