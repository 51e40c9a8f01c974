"""The app's runtime: everything its endpoints work with, built once as the app starts.

`Runtime` holds the settings, the database, the media storage, the Thai analyzer, the rate-limit
store, the chat platforms, the conversation engine and the background work. `create_app` installs
one on the app; the officials' API reads it as `admin.runtime.AdminRuntime` and the chat side as
`bot.runtime.ChatRuntime`, both through `services.runtime.runtime_of`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.channels.base import ChatChannel
from bot.event_store import EventStore
from bot.intake import ConversationHandler
from bot.media import MediaStorage
from bot.messages import Channel
from services.runtime import HasState, runtime_of
from siang.analyzer import AnalyzerProvider
from siang.settings import Settings
from siang.worker import BackgroundWork
from storage.database import Database
from storage.rate_limits import RateLimitStore

if TYPE_CHECKING:
    from admin.runtime import AdminRuntime
    from bot.runtime import ChatRuntime


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    database: Database
    analyzer: AnalyzerProvider
    rate_limits: RateLimitStore
    conversations: ConversationHandler
    background: BackgroundWork

    @property
    def media(self) -> MediaStorage:
        return self.background.media

    @property
    def channels(self) -> Mapping[Channel, ChatChannel]:
        return self.background.channels

    @property
    def event_store(self) -> EventStore:
        return self.background.event_store


if TYPE_CHECKING:  # mypy checks here that the runtime has everything each package reads

    def _read_by_packages(runtime: Runtime) -> tuple[AdminRuntime, ChatRuntime]:
        return runtime, runtime


def app_runtime(app: HasState) -> Runtime:
    """The runtime `create_app` installed (the CLI and tests reach background work through it)."""
    return runtime_of(app, Runtime)
