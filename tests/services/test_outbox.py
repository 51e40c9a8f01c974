"""The outbox queues each message once."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from services.outbox import queue_message
from storage.models import (
    FeedbackStatus,
    RecipientType,
)
from tests.services.conftest import (
    outbox,
)

S = FeedbackStatus


async def test_the_same_message_is_queued_once(session: AsyncSession) -> None:
    arguments = {
        "recipient_type": RecipientType.CITIZEN,
        "channel": "line",
        "target": "U1",
        "kind": "status_changed",
        "payload": {"reference": "SG-2345-6X"},
        "dedupe_key": "status_changed:test:citizen:1",
    }
    assert await queue_message(session, **arguments) is not None  # type: ignore[arg-type]
    assert await queue_message(session, **arguments) is None  # type: ignore[arg-type]
    assert len(await outbox(session, dedupe_key="status_changed:test:citizen:1")) == 1
