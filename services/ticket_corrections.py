"""What officials keep for each other on a ticket: corrections of its category, kind or place,
and internal notes. Both are `InternalNote` rows, never status changes, so the citizen, Open311
and the digests never see them; each correction is also kept as a labelled example.

A corrected place moves the item to its new province's Citizen Advisory Board at once (the board
follows the area). The agency does not change by itself: a correction may mean the item belongs
elsewhere, so `suggested_agency` says where the routing rules would send it now, and the
official forwards it (with a reason the citizen is told) or keeps it."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.categories import LABELS
from services import labelled_examples
from services.actors import Actor
from services.errors import ForbiddenError, InvalidInputError, NotFoundError
from services.routing import route
from services.ticket_changes import claim_version, clean_note, load_for_update
from services.ticket_notes import NoteFacts, facts
from services.ticket_notes.facts import NoteCode
from storage.models import (
    ActorType,
    Agency,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    InternalNote,
)
from storage.repositories.agencies import BoardRepository
from storage.repositories.areas import AreaRepository
from storage.types import utcnow


def _official(actor: Actor) -> int | None:
    if actor.type is ActorType.CITIZEN:
        raise ForbiddenError("only officials correct an item or write internal notes")
    return actor.user_id


async def correct(
    session: AsyncSession,
    item_id: int,
    *,
    actor: Actor,
    category: str | None = None,
    kind: FeedbackKind | None = None,
    district_code: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> list[NoteFacts]:
    """Set what was wrong; each real change is an internal note and a labelled example (the
    redacted text and the right answer). Returns the facts recorded (none if nothing changed)."""
    now = now or utcnow()
    author = _official(actor)
    item = await load_for_update(session, item_id)
    recorded: list[NoteFacts] = []
    if category is not None and category.strip() and category.strip() != item.category:
        chosen = category.strip()
        if chosen not in LABELS:
            raise InvalidInputError(f"there is no category {chosen!r}")
        recorded.append(facts.category_corrected(before=item.category, after=chosen))
        await _keep(session, item, "category", chosen, item.category, now)
        item.category = chosen
    if kind is not None and kind is not item.kind:
        recorded.append(facts.kind_corrected(before=item.kind.value, after=kind.value))
        await _keep(session, item, "kind", kind.value, item.kind.value, now)
        item.kind = kind
    if district_code and district_code != item.district_code:
        recorded.append(await _move_place(session, item, district_code, now))
    if not recorded:
        return recorded
    await claim_version(session, item, expected_version)
    item.updated_at = now
    session.add(item)
    for fact in recorded:
        session.add(
            InternalNote(
                feedback_id=item_id, author_user_id=author, note_facts=fact, created_at=now
            )
        )
    await session.flush()
    return recorded


async def _move_place(
    session: AsyncSession, item: FeedbackItem, district_code: str, now: datetime
) -> NoteFacts:
    areas = AreaRepository(session)
    after = await areas.district(district_code)
    if after is None:
        raise NotFoundError(f"no district {district_code!r}")
    before = await areas.district(item.district_code) if item.district_code else None
    await _keep(session, item, labelled_examples.DISTRICT, after.code, item.district_code, now)
    item.district_code = after.code
    if after.province_code != item.province_code:
        board = await BoardRepository(session).of_province(after.province_code)
        item.board_id = board.id if board else None
    item.province_code = after.province_code
    item.subdistrict_code = None
    return facts.place_corrected(before=before, after=after)


_STILL_OPEN = {
    FeedbackStatus.RECEIVED,
    FeedbackStatus.ROUTED,
    FeedbackStatus.ACCEPTED,
    FeedbackStatus.IN_PROGRESS,
}


async def suggested_agency(session: AsyncSession, item: FeedbackItem) -> Agency | None:
    """Where the routing rules would send an open item now, when that is not its agency; `None`
    when they agree, when nothing matches, or when an official chose its agency by hand (a
    forward is a decision the rules must not second-guess)."""
    if item.status not in _STILL_OPEN:
        return None
    if (item.routing_facts or {}).get("code") == NoteCode.FORWARDED_BY_OFFICIAL:
        return None
    decision = await route(session, item)
    if decision.agency is None or decision.agency.id == item.agency_id:
        return None
    return decision.agency


async def _keep(
    session: AsyncSession,
    item: FeedbackItem,
    field: str,
    chosen: str,
    proposed: str | None,
    now: datetime,
) -> None:
    await labelled_examples.keep_official_correction(
        session,
        field=field,
        chosen=chosen,
        proposed=proposed,
        text=item.redacted_text,
        feedback_id=item.id or 0,
        now=now,
    )


async def note_internally(
    session: AsyncSession,
    item_id: int,
    *,
    actor: Actor,
    text: str,
    now: datetime | None = None,
) -> InternalNote:
    """A note for the item's officials only: the citizen is never told of it."""
    author = _official(actor)
    written = clean_note(text)
    if not written:
        raise InvalidInputError("an internal note needs some words")
    await load_for_update(session, item_id)
    note = InternalNote(
        feedback_id=item_id, author_user_id=author, note=written, created_at=now or utcnow()
    )
    session.add(note)
    await session.flush()
    return note
