"""What the officials' API needs of the running app: `AdminRuntime`, read through
`admin.dependencies` (the composition root's runtime has it all)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pydantic import AnyHttpUrl

from admin.auth.service import AuthSettings
from admin.auth.throttle import LoginThrottleSettings
from admin.feedback.media import MediaStore
from storage.database import Database
from storage.rate_limits import RateLimitStore

if TYPE_CHECKING:
    from nlp.pipeline import ThaiAnalyzer

# `await provider()` gives the process's Thai analyzer, loaded on first use.
AnalyzerProvider = Callable[[], Awaitable["ThaiAnalyzer"]]


class AdminSettings(AuthSettings, LoginThrottleSettings, Protocol):
    """The settings the officials' API reads (the app's `Settings` has them)."""

    @property
    def timezone(self) -> str: ...

    @property
    def public_base_url(self) -> AnyHttpUrl: ...


@runtime_checkable
class AdminRuntime(Protocol):
    @property
    def settings(self) -> AdminSettings: ...

    @property
    def database(self) -> Database: ...

    @property
    def media(self) -> MediaStore:
        """Where the citizens' (and officials' after-) photos are kept."""
        ...

    @property
    def analyzer(self) -> AnalyzerProvider:
        """Open311 requests go through the same Thai NLP as a chat report."""
        ...

    @property
    def rate_limits(self) -> RateLimitStore:
        """Sign-in throttling counts here (Redis when configured)."""
        ...
