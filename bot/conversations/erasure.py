"""PDPA erasure of one citizen: personal data removed, anonymous statistics kept.

Texts keep only their redacted form, rating comments are redacted too, the citizen's photos are
deleted (files and rows), the labels they gave their messages (labelled examples for retraining)
are deleted, the platform id is replaced by a pseudonym (on the citizen, the raw inbound events
and the outbox), consent is withdrawn (the caller resets the conversation). Items keep their
category, area, status, dates and sentiment, so every statistic still counts them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.personal_data import redact
from services import labelled_examples
from storage.models import Citizen, ConsentState
from storage.repositories.citizens import CitizenRepository

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Erased:
    items: int
    media: int


def _media_file(media_dir: Path, storage_key: str) -> Path | None:
    """The file behind a storage key, refusing anything outside the media directory."""
    root = media_dir.resolve()
    path = (root / storage_key).resolve()
    return path if path.is_relative_to(root) and path != root else None


async def erase_citizen(
    session: AsyncSession, citizen: Citizen, *, now: datetime, media_dir: Path | None
) -> Erased:
    assert citizen.id is not None
    repository = CitizenRepository(session)
    items = await repository.items_of(citizen.id)
    for item in items:
        item.original_text = item.redacted_text or redact(item.original_text).text
        if item.rating_comment:
            item.rating_comment = redact(item.rating_comment).text
        session.add(item)
    media = await repository.citizen_media([item.id for item in items if item.id is not None])
    if media_dir is not None:
        for photo in media:
            path = _media_file(media_dir, photo.storage_key)
            if path is not None:
                path.unlink(missing_ok=True)
    await repository.delete_media([photo.id for photo in media if photo.id is not None])
    await labelled_examples.forget_citizen(
        session, citizen.id, [item.id for item in items if item.id is not None]
    )
    pseudonym = f"erased-{citizen.public_id}"
    await repository.forget_inbound_events(citizen.channel, citizen.channel_user_id)
    await repository.forget_outbox_target(citizen.id, pseudonym)
    citizen.channel_user_id = pseudonym
    citizen.display_name = None
    citizen.consent_state = ConsentState.WITHDRAWN
    citizen.notifications_enabled = False
    citizen.erased_at = now
    session.add(citizen)
    await session.flush()
    logger.info("citizen erased", extra={"citizen_id": citizen.id, "items": len(items)})
    return Erased(items=len(items), media=len(media))
