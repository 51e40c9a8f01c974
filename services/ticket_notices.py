"""The outbox messages a ticket's life owes people: its citizen, its followers, its agency.

Every message is keyed by what caused it (a status change's id, an item and a level …) and the
recipient, so doing the same thing twice never queues a second message. The payloads are the
structured ones `bot/notice_messages.py` renders (see docs/architecture.md, "Outbox").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.outbox import queue_message
from services.privacy import masked_note
from services.session_cache import get_reference
from storage.models import (
    Agency,
    Board,
    Channel,
    Citizen,
    District,
    FeedbackItem,
    FeedbackMedia,
    NotifyChannel,
    Province,
    RecipientType,
    StatusChange,
    UserAccount,
)
from storage.repositories.feedback_items import FeedbackItemRepository

MEDIA_URL_PREFIX = "/media/"


def media_urls(media: Sequence[FeedbackMedia]) -> list[str]:
    """Paths under the public base URL (delivery makes them absolute)."""
    return [MEDIA_URL_PREFIX + m.storage_key for m in media]


def item_url(item: FeedbackItem) -> str:
    return f"/admin/feedback/{item.id}"


async def _citizen_target(session: AsyncSession, citizen_id: int | None) -> Citizen | None:
    if citizen_id is None:
        return None
    citizen = await session.get(Citizen, citizen_id)
    if citizen is None or citizen.erased_at is not None or not citizen.notifications_enabled:
        return None
    if citizen.channel is Channel.OPEN311:
        return None  # an Open311 client polls; there is no one to push to
    return citizen


async def to_citizen(
    session: AsyncSession,
    item: FeedbackItem,
    citizen_id: int | None,
    *,
    kind: str,
    payload: dict[str, Any],
    cause: str,
) -> int | None:
    citizen = await _citizen_target(session, citizen_id)
    if citizen is None or citizen.id is None:
        return None
    return await queue_message(
        session,
        recipient_type=RecipientType.CITIZEN,
        channel=citizen.channel.value,
        target=citizen.channel_user_id,
        kind=kind,
        payload=payload,
        dedupe_key=f"{kind}:{cause}:citizen:{citizen.id}",
        citizen_id=citizen.id,
        feedback_id=item.id,
    )


async def to_agency(
    session: AsyncSession,
    item: FeedbackItem,
    agency: Agency,
    *,
    kind: str,
    payload: dict[str, Any],
    cause: str,
) -> int | None:
    if agency.notify_channel is NotifyChannel.NONE or not agency.notify_target:
        return None
    return await queue_message(
        session,
        recipient_type=RecipientType.AGENCY,
        channel=agency.notify_channel.value,
        target=agency.notify_target,
        kind=kind,
        payload=payload,
        dedupe_key=f"{kind}:{cause}:agency:{agency.id}",
        agency_id=agency.id,
        feedback_id=item.id,
    )


async def to_board(
    session: AsyncSession,
    item: FeedbackItem,
    board: Board,
    *,
    kind: str,
    payload: dict[str, Any],
    cause: str,
) -> int | None:
    if board.notify_channel is NotifyChannel.NONE or not board.notify_target:
        return None
    return await queue_message(
        session,
        recipient_type=RecipientType.BOARD,
        channel=board.notify_channel.value,
        target=board.notify_target,
        kind=kind,
        payload=payload,
        dedupe_key=f"{kind}:{cause}:board:{board.id}",
        board_id=board.id,
        feedback_id=item.id,
    )


async def to_user(
    session: AsyncSession,
    item: FeedbackItem,
    user: UserAccount,
    *,
    kind: str,
    payload: dict[str, Any],
    cause: str,
) -> int | None:
    return await queue_message(
        session,
        recipient_type=RecipientType.USER,
        channel=NotifyChannel.EMAIL.value,
        target=user.email,
        kind=kind,
        payload=payload,
        dedupe_key=f"{kind}:{cause}:user:{user.id}",
        feedback_id=item.id,
    )


async def ticket_filed(
    session: AsyncSession,
    item: FeedbackItem,
    *,
    agency: Agency | None,
    board: Board | None,
    duplicate_of: FeedbackItem | None,
    follower_count: int,
) -> None:
    payload: dict[str, Any] = {
        "reference": item.reference,
        "agency_name": agency.name_th if agency else None,
        "agency_name_en": agency.name_en if agency else None,
        "board_name": board.name_th if board else None,
        "board_name_en": board.name_en if board else None,
        "category": item.category,
        "status": item.status.value,
        "duplicate_of_reference": duplicate_of.reference if duplicate_of else None,
        "follower_count": follower_count,
        # "you are the Nth to report this": the first reporter is 1, each follower one more
        "reporter_number": follower_count + 1 if duplicate_of else 1,
    }
    await to_citizen(
        session, item, item.citizen_id, kind="ticket_filed", payload=payload, cause=str(item.id)
    )


async def agency_new_item(
    session: AsyncSession, item: FeedbackItem, agency: Agency, *, cause: str, reopened: bool = False
) -> None:
    if agency.notify_channel is NotifyChannel.NONE or not agency.notify_target:
        return  # the agency has not said where it wants to hear of new work
    province = await get_reference(session, Province, item.province_code)
    district = await get_reference(session, District, item.district_code)
    payload: dict[str, Any] = {
        "reference": item.reference,
        "category": item.category,
        "district": district.name_th if district else None,
        "province": province.name_th if province else None,
        "redacted_text": item.redacted_text,
        "due_at": item.due_at.isoformat() if item.due_at else None,
        "url": item_url(item),
        "urgency": item.urgency.value,
        "reopened": reopened,
        "reopen_count": item.reopen_count,
    }
    await to_agency(session, item, agency, kind="agency_new_item", payload=payload, cause=cause)


async def status_changed(
    session: AsyncSession,
    item: FeedbackItem,
    change: StatusChange,
    *,
    media: Sequence[FeedbackMedia] = (),
    skip_citizen_id: int | None = None,
) -> None:
    """Tell the item's citizen and every follower (each once) that its status changed.

    The payload carries the system's facts (`note_facts`, rendered in each citizen's language
    on delivery) and the words an official typed (`note`): those reach the item's own reporter
    as written; followers are other citizens, so they read them with personal data masked."""
    agency = await get_reference(session, Agency, item.agency_id)
    payload: dict[str, Any] = {
        "reference": item.reference,
        "from_status": change.from_status.value if change.from_status else None,
        "to_status": change.to_status.value,
        "note": change.note,
        "note_facts": change.note_facts,
        "agency_name": agency.name_th if agency else None,
        "agency_name_en": agency.name_en if agency else None,
        "media_urls": media_urls(media),
    }
    await _to_reporters(
        session,
        item,
        change,
        kind="status_changed",
        payload=payload,
        follower_reference="your_reference",
        skip_citizen_id=skip_citizen_id,
    )


async def _to_reporters(
    session: AsyncSession,
    item: FeedbackItem,
    change: StatusChange,
    *,
    kind: str,
    payload: dict[str, Any],
    follower_reference: str,
    skip_citizen_id: int | None = None,
) -> None:
    """The item's citizen, then every follower (each citizen once): a follower's copy carries
    their own reference under `follower_reference` and the official's note masked (they are
    other citizens)."""
    cause = f"change-{change.id}"
    told: set[int | None] = {skip_citizen_id, None}
    if item.citizen_id not in told:
        await to_citizen(session, item, item.citizen_id, kind=kind, payload=payload, cause=cause)
        told.add(item.citizen_id)
    for follower in await FeedbackItemRepository(session).followers(item.id or 0):
        if follower.citizen_id in told:
            continue
        told.add(follower.citizen_id)
        await to_citizen(
            session,
            follower,
            follower.citizen_id,
            kind=kind,
            payload=payload
            | {follower_reference: follower.reference, "note": masked_note(change.note)},
            cause=cause,
        )


async def resolution_check(session: AsyncSession, item: FeedbackItem, change: StatusChange) -> None:
    """Ask the citizen whether the problem is really fixed (ยืนยันว่าแก้แล้ว / ยังไม่แก้), and
    every other citizen who reported the same problem (each once, with their own reference,
    the official's note masked): they live there too, and "ยังไม่แก้" from any of them sends
    it back (`citizen_side.reopen_by_citizen`)."""
    payload = {"reference": item.reference, "note": change.note, "note_facts": change.note_facts}
    await _to_reporters(
        session,
        item,
        change,
        kind="resolution_check",
        payload=payload,
        follower_reference="reference",  # the taps carry their own reference
    )
