"""Shared steps for chat tests: post signed webhooks, wait for processing, read stored events,
sign an official in."""

from __future__ import annotations

import json
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from admin.auth.service import issue_access_token
from siang.runtime import app_runtime
from siang.settings import Settings
from storage.database import Database
from storage.models import InboundEvent, OutboundMessage, UserRole
from storage.repositories.users import create_user
from tests.fakes import line_api as line
from tests.fakes import telegram_api as telegram


async def post_line(
    client: httpx.AsyncClient, *events: dict[str, Any], signature: str | None = None
) -> httpx.Response:
    body = line.webhook_body(*events)
    headers = {
        "content-type": "application/json",
        "x-line-signature": signature if signature is not None else line.sign(body),
    }
    return await client.post("/webhooks/line", content=body, headers=headers)


async def post_telegram(
    client: httpx.AsyncClient, update: dict[str, Any], *, secret: str | None = None
) -> httpx.Response:
    headers = {"content-type": "application/json"}
    headers["x-telegram-bot-api-secret-token"] = (
        telegram.WEBHOOK_SECRET if secret is None else secret
    )
    if secret == "":
        del headers["x-telegram-bot-api-secret-token"]
    body = json.dumps(update, ensure_ascii=False).encode()
    return await client.post("/webhooks/telegram", content=body, headers=headers)


async def settle(app: FastAPI) -> None:
    """Wait until background processing and delivery triggered so far have finished."""
    await app_runtime(app).background.wait_idle()


async def stored_events(database: Database) -> list[InboundEvent]:
    async with database.unit_of_work() as session:
        rows = await session.scalars(select(InboundEvent).order_by(InboundEvent.id))  # type: ignore[arg-type]
        return list(rows)


async def count_events(database: Database) -> int:
    async with database.unit_of_work() as session:
        return int(await session.scalar(select(func.count()).select_from(InboundEvent)) or 0)


async def outbox(database: Database) -> list[OutboundMessage]:
    async with database.unit_of_work() as session:
        rows = await session.scalars(select(OutboundMessage).order_by(OutboundMessage.id))  # type: ignore[arg-type]
        return list(rows)


async def official_headers(database: Database, settings: Settings, *, email: str) -> dict[str, str]:
    """A new official of the Chiang Mai waterworks (pwa-50), signed in: their request headers."""
    async with database.unit_of_work() as session:
        user = await create_user(
            session,
            email=email,
            role=UserRole.OFFICIAL,
            password="ร้องเรียน-2569-ok",
            agency_codes=["pwa-50"],
        )
    token = issue_access_token(settings=settings, user=user).token
    return {"Authorization": f"Bearer {token}"}
