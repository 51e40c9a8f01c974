"""PDPA erasure of one citizen: personal data removed, anonymous statistics kept.

Every text that can hold what the citizen told us, or what an official wrote about them, keeps
only a scrubbed form (`scrubbing.scrub`): their items' texts, rating comments and typed places,
the status notes on their items, the routing corrections of their items, and the notices that
quote those notes to the people following the same problem. The messages sent to the citizen
lose their content and their platform id; their consultation answers lose their typed words
(the option and theme stay counted) and their news subscriptions go; their volunteer sign-ups
lose the contact they gave the organiser (the status stays counted); the raw inbound events
lose their payload (a web chat id inside an event id is replaced); their photos' rows and labelled examples are deleted;
coordinates keep ~1 km; the platform id becomes a pseudonym, the display name goes, consent is
withdrawn and notifications stop. Items keep category, area, status, dates and sentiment, so
every statistic still counts them.

Nothing here commits, and no file is touched: the answer names the photo files no one uses any
more, for the caller to delete once its unit of work has committed (a rolled-back erasure must
leave every photo in place).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services import labelled_examples
from services.citizen_data import consent
from services.citizen_data.scrubbing import known_personal_data, scrub, scrub_payload
from storage.models import Citizen
from storage.repositories import inbound_events, outbound_messages
from storage.repositories.consultations import ConsultationRepository
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.feedback_media import FeedbackMediaRepository
from storage.repositories.internal_notes import InternalNoteRepository
from storage.repositories.routing_rules import RoutingCorrectionRepository
from storage.repositories.status_changes import StatusChangeRepository
from storage.repositories.surveys import SurveyRepository
from storage.repositories.volunteering import VolunteerRepository

logger = logging.getLogger(__name__)

# Coordinates kept after erasure: 2 decimals (~1.1 km), enough for a map of a district's reports.
KEPT_COORDINATE_DECIMALS = 2


@dataclass(frozen=True)
class Erasure:
    """What an erasure did, and the photo files to delete after the commit."""

    items: int
    photos: int
    # Storage keys of files no remaining report uses (a file is stored once per content).
    files_to_delete: tuple[str, ...]


async def erase_citizen(
    session: AsyncSession,
    citizen: Citizen,
    *,
    now: datetime,
    unfiled_photos: Iterable[str] = (),
) -> Erasure:
    """Erase the citizen (`unfiled_photos`: storage keys of photos of a report not yet filed).

    The caller resets the citizen's conversation and deletes `files_to_delete` after commit."""
    assert citizen.id is not None
    feedback_items, media = FeedbackItemRepository(session), FeedbackMediaRepository(session)
    items = await feedback_items.all_of_citizen(citizen.id)
    item_ids = [item.id for item in items if item.id is not None]
    known = known_personal_data(citizen, items)
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
    for change in await StatusChangeRepository(session).of_items(item_ids):
        if change.note:
            change.note = scrub(change.note, known)
            session.add(change)
    for internal in await InternalNoteRepository(session).of_items(item_ids):
        if internal.note:  # officials may quote the citizen in them
            internal.note = scrub(internal.note, known)
            session.add(internal)
    for correction in await RoutingCorrectionRepository(session).of_items(item_ids):
        correction.redacted_text = scrub(correction.redacted_text, known)
        correction.reason = scrub(correction.reason, known)
        session.add(correction)
    about = [*item_ids, *await feedback_items.follower_ids(item_ids)]
    for message in await outbound_messages.about_items(session, about):
        message.payload = scrub_payload(dict(message.payload), known)
        session.add(message)
    photos = await media.of_citizen(item_ids)
    await media.delete([photo.id for photo in photos if photo.id is not None])
    keys = {photo.storage_key for photo in photos} | set(unfiled_photos)
    unused = keys - await media.keys_in_use(list(keys))
    await labelled_examples.forget_citizen(session, citizen.id, item_ids)
    await ConsultationRepository(session).forget_citizen(citizen.id)
    await VolunteerRepository(session).forget_citizen(citizen.id)
    await SurveyRepository(session).forget_citizen(citizen.id)
    pseudonym = f"erased-{citizen.public_id}"
    await inbound_events.forget_citizen_events(
        session, citizen.channel, citizen.channel_user_id, pseudonym
    )
    await outbound_messages.forget_citizen(session, citizen, pseudonym)
    citizen.channel_user_id = pseudonym
    citizen.display_name = None
    citizen.notifications_enabled = False
    citizen.erased_at = now
    consent.withdraw(session, citizen)
    await session.flush()
    logger.info("citizen erased", extra={"citizen_id": citizen.id, "items": len(items)})
    return Erasure(items=len(items), photos=len(photos), files_to_delete=tuple(sorted(unused)))
