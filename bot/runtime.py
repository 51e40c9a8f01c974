"""What the chat side needs of the running app: `ChatRuntime`, read through `bot.dependencies`
(the composition root's runtime has it all)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from pydantic import SecretStr

from bot.channels.base import ChatChannel
from bot.event_store import EventStore
from bot.intake import ConversationHandler
from bot.media import MediaStorage
from bot.messages import Channel
from storage.database import Database
from storage.rate_limits import RateLimitStore


class ChatSettings(Protocol):
    """The settings the chat endpoints read (the app's `Settings` has them)."""

    @property
    def secret_key(self) -> SecretStr: ...

    @property
    def chat_messages_per_minute(self) -> int: ...

    @property
    def web_chat_sessions_per_hour(self) -> int: ...

    @property
    def web_chat_network_messages_per_minute(self) -> int: ...

    @property
    def web_chat_session_days(self) -> int: ...


@runtime_checkable
class ChatRuntime(Protocol):
    @property
    def settings(self) -> ChatSettings: ...

    @property
    def database(self) -> Database: ...

    @property
    def media(self) -> MediaStorage:
        """Where citizens' photos are kept, and officials' photos served from."""
        ...

    @property
    def channels(self) -> Mapping[Channel, ChatChannel]:
        """The chat platforms configured here (a webhook for any other is 404)."""
        ...

    @property
    def event_store(self) -> EventStore:
        """Where webhooks' events are stored, several webhooks to a transaction."""
        ...

    @property
    def conversations(self) -> ConversationHandler:
        """The conversation engine; the web chat answers through it within the request."""
        ...

    @property
    def rate_limits(self) -> RateLimitStore:
        """Each citizen's message count and new web sessions per address (Redis when set)."""
        ...
