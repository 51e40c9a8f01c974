"""One inbound message being handled: the citizen, their saved state, and helpers for flows."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.conversations.draft import Draft
from bot.messages import Inbound
from nlp.analysis import MessageAnalysis
from storage.models import Citizen, ConversationState

logger = logging.getLogger(__name__)

IDLE = "idle"


class Analyzer(Protocol):
    """What the engine needs of `nlp.pipeline.ThaiAnalyzer`."""

    def analyze(
        self, text: str, lat: float | None = None, lon: float | None = None
    ) -> MessageAnalysis: ...


AnalyzerProvider = Callable[[], Awaitable[Analyzer]]


@dataclass
class Turn:
    """Everything a flow step may read or change while answering one message."""

    session: AsyncSession
    citizen: Citizen
    state: ConversationState
    inbound: Inbound
    now: datetime
    analyzer_provider: AnalyzerProvider
    media_dir: Path | None = None  # where stored photos live (PDPA erasure deletes them)
    # the citizen has already been shown the welcome (they wrote, followed or opened the web
    # chat before): a hello gets a short answer, not the whole welcome again
    welcomed: bool = False

    def after_commit(self, action: Callable[[], object]) -> None:
        """Run `action` once the caller's unit of work has committed this turn, never when it
        rolls back: work outside the database (deleting a file) must not run ahead of it."""
        # The one place to rewire when the unit of work gets its own after-commit hook.
        rolled_back = False

        def on_rollback(_: Session) -> None:
            nonlocal rolled_back
            rolled_back = True

        def on_commit(_: Session) -> None:
            if rolled_back:
                return
            try:
                action()
            except Exception:  # committed already: a failure here must not undo the turn
                logger.exception("work after a commit failed")

        sync_session = self.session.sync_session
        event.listen(sync_session, "after_rollback", on_rollback, once=True)
        event.listen(sync_session, "after_commit", on_commit, once=True)

    @property
    def language(self) -> str:
        return self.citizen.language

    @property
    def citizen_id(self) -> int:
        assert self.citizen.id is not None
        return self.citizen.id

    @property
    def flow(self) -> str:
        return self.state.flow

    @property
    def step(self) -> str:
        return self.state.step

    @property
    def data(self) -> dict[str, Any]:
        return dict(self.state.data or {})

    def go(self, flow: str, step: str, **data: Any) -> None:
        """Move to `flow`/`step`; `data` is merged into what the flow keeps."""
        merged = self.data if flow == self.state.flow else {}
        merged.update(data)
        self.state.flow, self.state.step, self.state.data = flow, step, merged

    def reset(self) -> None:
        self.state.flow, self.state.step, self.state.data = IDLE, "start", {}

    @property
    def draft(self) -> Draft:
        return Draft.from_json(self.data.get("draft"))

    def keep(self, draft: Draft, step: str | None = None) -> None:
        """Save the draft (and move to `step` of the current flow)."""
        self.go(self.state.flow, step or self.state.step, draft=draft.to_json())

    async def analyze(
        self, text: str, lat: float | None = None, lon: float | None = None
    ) -> MessageAnalysis:
        analyzer = await self.analyzer_provider()
        return analyzer.analyze(text, lat, lon)
