"""PDPA erasure of one citizen: personal data removed, anonymous statistics kept.

Every text that can hold what the citizen told us, or what an official wrote about them, keeps
only a scrubbed form (`scrub`): their items' texts, rating comments and typed places, the status
notes on their items, the routing corrections of their items, and the notices that quote those
notes to the people following the same problem. The messages sent to the citizen lose their
content and their platform id; the raw inbound events lose their payload (a web chat id inside an
event id is replaced); photos are deleted (rows now, files once the erasure is committed, and only
files no other report uses); their labelled examples are deleted; coordinates keep ~1 km; the
platform id becomes a pseudonym, the display name goes, consent is withdrawn (the caller resets
the conversation). Items keep category, area, status, dates and sentiment, so every statistic
still counts them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.personal_data import redact
from services import labelled_examples
from storage.models import Citizen, ConsentState, FeedbackItem
from storage.repositories.citizens import CitizenRepository

logger = logging.getLogger(__name__)

ERASED_MARK = "[ลบแล้ว]"  # where something the citizen told us about themselves stood
NUMBER_MARK = "[ตัวเลข]"
# Any run of digits (Thai digits too) with the separators people write inside numbers: house
# numbers (99/123), phone numbers and plates the masker did not recognise as such.
_NUMBER = re.compile(r"\d(?:[\d/.,:\-]*\d)?")
# Coordinates kept after erasure: 2 decimals (~1.1 km), enough for a map of a district's reports.
KEPT_COORDINATE_DECIMALS = 2
# Outbox payload fields that carry free text written by or about a citizen.
_TEXT_FIELDS = frozenset({"note", "redacted_text", "text", "original_text", "comment"})


@dataclass(frozen=True)
class Erased:
    items: int
    media: int


def scrub(text: str, known: Iterable[str] = ()) -> str:
    """A text with the masker's personal data, the `known` strings (what the citizen's own
    messages revealed about them) and every number masked: erasure must not depend on the masker
    recognising a house number or a name written without a title."""
    scrubbed = redact(text).text
    for value in sorted(set(known), key=len, reverse=True):
        scrubbed = scrubbed.replace(value, ERASED_MARK)
    return _NUMBER.sub(NUMBER_MARK, scrubbed)


def _known_personal_data(citizen: Citizen, items: Iterable[FeedbackItem]) -> set[str]:
    """What the citizen revealed about themselves: the masker's finds in their texts, their
    display name (and each part of it) and their platform id."""
    known = {citizen.channel_user_id}
    if citizen.display_name:
        known.add(citizen.display_name)
        known.update(part for part in citizen.display_name.split() if len(part) > 1)
    for item in items:
        for text in (item.original_text, item.rating_comment or "", item.location_text or ""):
            known.update(text[span.start : span.end] for span in redact(text).spans)
    return {value for value in known if len(value.strip()) > 1}


def _scrub_payload(payload: dict[str, Any], known: set[str]) -> dict[str, Any]:
    def clean(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: clean(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v, key) for v in value]
        if isinstance(value, str) and key in _TEXT_FIELDS:
            return scrub(value, known)
        return value

    cleaned: dict[str, Any] = clean(payload, None)
    return cleaned


def _media_file(media_dir: Path, storage_key: str) -> Path | None:
    """The file behind a storage key, refusing anything outside the media directory."""
    root = media_dir.resolve()
    path = (root / storage_key).resolve()
    return path if path.is_relative_to(root) and path != root else None


def _delete_after_commit(session: AsyncSession, files: list[Path]) -> None:
    """Files go only once the rows that point at them are gone for good: a rolled-back erasure
    leaves every photo in place."""

    def delete(_: Session) -> None:
        for path in files:
            path.unlink(missing_ok=True)
        logger.info("erased photos deleted", extra={"files": len(files)})

    event.listen(session.sync_session, "after_commit", delete, once=True)


async def erase_citizen(
    session: AsyncSession,
    citizen: Citizen,
    *,
    now: datetime,
    media_dir: Path | None,
    draft_media: Iterable[str] = (),
) -> Erased:
    """Erase the citizen (`draft_media`: storage keys of photos of a report not yet filed)."""
    assert citizen.id is not None
    repository = CitizenRepository(session)
    items = await repository.items_of(citizen.id)
    item_ids = [item.id for item in items if item.id is not None]
    known = _known_personal_data(citizen, items)
    for item in items:
        item.original_text = scrub(item.redacted_text or item.original_text, known)
        item.redacted_text = scrub(item.redacted_text, known)
        if item.rating_comment:
            item.rating_comment = scrub(item.rating_comment, known)
        if item.location_text:
            item.location_text = scrub(item.location_text, known)
        if item.latitude is not None and item.longitude is not None:
            item.latitude = round(item.latitude, KEPT_COORDINATE_DECIMALS)
            item.longitude = round(item.longitude, KEPT_COORDINATE_DECIMALS)
        session.add(item)
    for change in await repository.status_changes_of(item_ids):
        if change.note:
            change.note = scrub(change.note, known)
            session.add(change)
    for correction in await repository.routing_corrections_of(item_ids):
        correction.redacted_text = scrub(correction.redacted_text, known)
        correction.reason = scrub(correction.reason, known)
        session.add(correction)
    about = [*item_ids, *await repository.follower_ids(item_ids)]
    for message in await repository.messages_about(about):
        message.payload = _scrub_payload(dict(message.payload), known)
        session.add(message)
    media = await repository.citizen_media(item_ids)
    await repository.delete_media([photo.id for photo in media if photo.id is not None])
    keys = {photo.storage_key for photo in media} | set(draft_media)
    unused = keys - await repository.media_keys_in_use(list(keys))
    if media_dir is not None:
        files = [path for key in sorted(unused) if (path := _media_file(media_dir, key))]
        _delete_after_commit(session, files)
    await labelled_examples.forget_citizen(session, citizen.id, item_ids)
    pseudonym = f"erased-{citizen.public_id}"
    await repository.forget_inbound_events(citizen.channel, citizen.channel_user_id, pseudonym)
    await repository.forget_outbox_target(citizen, pseudonym)
    citizen.channel_user_id = pseudonym
    citizen.display_name = None
    citizen.consent_state = ConsentState.WITHDRAWN
    citizen.notifications_enabled = False
    citizen.erased_at = now
    session.add(citizen)
    await session.flush()
    logger.info("citizen erased", extra={"citizen_id": citizen.id, "items": len(items)})
    return Erased(items=len(items), media=len(media))
