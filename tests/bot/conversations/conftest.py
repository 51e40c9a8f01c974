"""A citizen chatting with the engine, one unit of work per message, as the channels do."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import pytest

from bot.conversations.engine import ConversationEngine
from bot.messages import Inbound, InboundKind, Outgoing, StoredMedia
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel
from tests.bot.conversations.scripted_analyzer import scripted_analyzer

_ids = itertools.count(1)


def all_text(replies: list[Outgoing]) -> str:
    """Everything a citizen would read: message texts, card titles and fields."""
    parts: list[str] = []
    for reply in replies:
        parts.append(reply.text)
        if reply.card is not None:
            parts.append(reply.card.title)
            parts += [f"{label}: {value}" for label, value in reply.card.fields]
    return "\n".join(parts)


def labels(replies: list[Outgoing]) -> list[str]:
    return [button.label for reply in replies for button in reply.buttons]


def tap_data(replies: list[Outgoing], label: str) -> str:
    """The data of the last button with this label (what tapping it sends back)."""
    for reply in reversed(replies):
        for button in reply.buttons:
            if button.label == label:
                return button.data
    raise AssertionError(f"no button {label!r} among {labels(replies)}")


class Chat:
    """One citizen on one channel talking to the engine."""

    def __init__(
        self, engine: ConversationEngine, database: Database, user_id: str, channel: Channel
    ) -> None:
        self.engine, self.database = engine, database
        self.user_id, self.channel = user_id, channel
        self.replies: list[Outgoing] = []

    async def send(
        self,
        text: str | None = None,
        *,
        kind: InboundKind | None = None,
        postback: str | None = None,
        latitude: float | None = None,
        longitude: float | None = None,
        media: StoredMedia | None = None,
        language: str | None = None,
        now: datetime | None = None,
    ) -> list[Outgoing]:
        if kind is None:
            kind = InboundKind.POSTBACK if postback is not None else InboundKind.TEXT
        inbound = Inbound(
            channel=self.channel,
            user_id=self.user_id,
            kind=kind,
            external_id=f"event-{next(_ids)}",
            text=text,
            postback=postback,
            latitude=latitude,
            longitude=longitude,
            media=media,
            language=language,
        )
        async with self.database.unit_of_work() as session:
            self.replies = await self.engine.handle(session, inbound, now=now)
        return self.replies

    async def tap_data(self, data: str, *, now: datetime | None = None) -> list[Outgoing]:
        """Send a button's data directly (a tap on a button shown earlier)."""
        return await self.send(postback=data, now=now)

    async def tap(self, label: str, *, now: datetime | None = None) -> list[Outgoing]:
        """Tap the button with this label under the last replies."""
        return await self.send(postback=tap_data(self.replies, label), now=now)


def make_engine(settings: Settings) -> ConversationEngine:
    return ConversationEngine(
        scripted_analyzer,
        max_message_chars=settings.max_message_chars,
        media_dir=Path(settings.media_dir),
    )


@pytest.fixture
def engine(settings: Settings) -> ConversationEngine:
    return make_engine(settings)


@pytest.fixture
def citizen(engine: ConversationEngine, database: Database) -> Chat:
    return Chat(engine, database, "U-somchai", Channel.LINE)


POTHOLE = "ถนนหน้าบ้านเป็นหลุมใหญ่มาก รถล้มไปสองคันแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง"


async def file_report(chat: Chat, message: str = POTHOLE) -> str:
    """Report a problem from first message to reference; the reference."""
    await chat.send(message)
    replies = await chat.tap("ยืนยัน")
    if any(button.label == "ยอมรับ" for reply in replies for button in reply.buttons):
        replies = await chat.tap("ยอมรับ")
    data = tap_data(replies, "ดูความคืบหน้า")
    return data.removeprefix("ref:")
