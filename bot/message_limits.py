"""How fast one citizen may write, on every channel: a flood is read up to the limit, the rest
is set aside, and the citizen is told once per window (not once per message).

The counts are shared through Redis when the deployment has it. While Redis is unreachable each
process counts on its own (a citizen may then get the limit once per process): refusing every
message, or failing the job, would silence everyone because of a counter.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from storage.rate_limits import Limit, RateLimitStore

WINDOW_SECONDS = 60.0


@dataclass(frozen=True)
class Admission:
    allowed: bool
    retry_after: float = 0.0
    tell: bool = False  # the first refusal in this window: say so to the citizen


class MessageLimits:
    """`per_minute` messages per citizen (by channel and platform id), counted in the store."""

    def __init__(self, store: RateLimitStore, *, per_minute: int) -> None:
        self.store = store
        self.limit = Limit(per_minute, WINDOW_SECONDS)

    async def admit(self, who: str) -> Admission:
        key = hashlib.sha256(who.encode()).hexdigest()[:32]  # no platform ids in the store
        wait = await self.store.hit(f"messages:{key}", self.limit, count_here_if_unreachable=True)
        if wait is None:
            return Admission(allowed=True)
        told = await self.store.hit(
            f"messages-told:{key}", Limit(1, max(wait, 1.0)), count_here_if_unreachable=True
        )
        return Admission(allowed=False, retry_after=wait, tell=told is None)
