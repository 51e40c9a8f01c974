"""The web chat's app, with the engine's analyzer at its boundary replaced by the scripted one."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from bot.dependencies import get_conversations
from siang.settings import Settings
from tests.bot.conversations.conftest import make_engine


@pytest.fixture
async def chat_app(app: FastAPI, settings: Settings) -> FastAPI:
    engine = make_engine(settings)
    app.dependency_overrides[get_conversations] = lambda: engine
    return app


@pytest.fixture
async def browser_client(chat_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client that keeps cookies, like the page's browser."""
    transport = httpx.ASGITransport(app=chat_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as http:
        yield http
