"""Sign-in throttling: too many attempts on one account, or from one address, wait their turn.

Every attempt counts before the password is checked (so a burst cannot slip past the count
while its hashes run); a right password clears its account's count. The address count is not
cleared: it bounds how fast one client can guess across many accounts. Keys are hashes, so the
counter store holds no e-mail address or IP address.
"""

from __future__ import annotations

import hashlib
import math
from typing import Protocol

from services.errors import TooManyRequestsError
from storage.rate_limits import Limit, RateLimitStore


class LoginThrottleSettings(Protocol):
    """The settings sign-in throttling needs (the app's `Settings` has them)."""

    @property
    def login_attempts_per_account(self) -> int: ...

    @property
    def login_attempts_per_address(self) -> int: ...

    @property
    def login_window_minutes(self) -> int: ...


def _key(kind: str, value: str) -> str:
    return f"login:{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]


class LoginThrottle:
    def __init__(self, store: RateLimitStore, settings: LoginThrottleSettings) -> None:
        window = settings.login_window_minutes * 60.0
        self.store = store
        self.per_account = Limit(settings.login_attempts_per_account, window)
        self.per_address = Limit(settings.login_attempts_per_address, window)

    async def attempt(self, *, email: str, address: str) -> None:
        """Count an attempt; TooManyRequestsError (429) when the account or address must wait."""
        account_key = _key("account", email.strip().lower())
        waits = [
            await self.store.hit(account_key, self.per_account),
            await self.store.hit(_key("address", address), self.per_address),
        ]
        wait = max((w for w in waits if w is not None), default=None)
        if wait is not None:
            minutes = max(1, math.ceil(wait / 60))
            raise TooManyRequestsError(
                f"too many sign-in attempts; try again in {minutes} minutes", retry_after=wait
            )

    async def succeeded(self, *, email: str) -> None:
        await self.store.clear(_key("account", email.strip().lower()))
