"""Shared steps for chat tests: post signed webhooks, wait for processing, read stored events."""

from __future__ import annotations

import json
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from siang.runtime import app_runtime
from storage.database import Database
from storage.models import InboundEvent, OutboundMessage
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
