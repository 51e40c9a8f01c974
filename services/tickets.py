"""Tickets: filing feedback, and every move in its life (the only way tickets are written).

All functions take the caller's session and never commit. Each status change is checked against
`services.lifecycle`, claims the item's version (optimistic locking: a concurrent change gets a
ConflictError, never a lost update), stores a StatusChange with actor, time and note, and queues
the outbox messages the change owes (the citizen and every follower, the agency when it has new
work) — each exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import col, update
from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.analysis import MessageAnalysis
from nlp.personal_data import redact
from services import notify
from services.actors import Actor
from services.duplicates import find_open_duplicate
from services.errors import ConflictError, ForbiddenError, InvalidInputError, NotFoundError
from services.lifecycle import NOTE_REQUIRED, Operation, check_transition
from services.policy import ServiceLevelPolicy, current_policy
from services.reference_rows import get_reference
from services.references import new_reference, normalise_reference
from services.routing import ensure_rules, route
from storage.models import (
    ActorType,
    Agency,
    Board,
    Channel,
    District,
    FeedbackItem,
    FeedbackKind,
    FeedbackMedia,
    FeedbackStatus,
    Province,
    RoutingCorrection,
    Sentiment,
    StatusChange,
    Subdistrict,
    Urgency,
    UserAccount,
    UserRole,
)
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.tickets import TicketRepository
from storage.types import utcnow

S = FeedbackStatus
MAX_NOTE_CHARS = 2000


@dataclass(frozen=True)
class NewMedia:
    content_type: str
    storage_key: str
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class FiledFeedback:
    item: FeedbackItem
    agency: Agency | None
    board: Board | None
    duplicate_of: FeedbackItem | None
    follower_count: int


# ---------------------------------------------------------------------------------------------
# Filing


async def _area(
    session: AsyncSession,
    province_code: str | None,
    district_code: str | None,
    subdistrict_code: str | None,
) -> tuple[str | None, str | None, str | None]:
    """Codes that exist and agree; a missing wider code is taken from the narrower one."""
    if subdistrict_code is not None:
        subdistrict = await session.get(Subdistrict, subdistrict_code)
        if subdistrict is None:
            raise InvalidInputError(f"unknown subdistrict code {subdistrict_code!r}")
        if district_code not in (None, subdistrict.district_code):
            raise InvalidInputError(
                f"subdistrict {subdistrict_code} is not in district {district_code}"
            )
        district_code = subdistrict.district_code
    if district_code is not None:
        district = await get_reference(session, District, district_code)
        if district is None:
            raise InvalidInputError(f"unknown district code {district_code!r}")
        if province_code not in (None, district.province_code):
            raise InvalidInputError(f"district {district_code} is not in province {province_code}")
        province_code = district.province_code
    if province_code is not None and await get_reference(session, Province, province_code) is None:
        raise InvalidInputError(f"unknown province code {province_code!r}")
    return province_code, district_code, subdistrict_code


def _clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidInputError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    return note or None


async def file_feedback(
    session: AsyncSession,
    *,
    channel: Channel,
    text: str,
    analysis: MessageAnalysis | None,
    citizen_id: int | None = None,
    kind: FeedbackKind | None = None,
    category: str | None = None,
    province_code: str | None = None,
    district_code: str | None = None,
    subdistrict_code: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    location_text: str | None = None,
    media: Sequence[NewMedia] = (),
    target_board: bool = False,
    now: datetime | None = None,
    policy: ServiceLevelPolicy | None = None,
) -> FiledFeedback:
    """Store a citizen's feedback, route it, link the board, detect a duplicate, tell people.

    Explicit arguments (what the citizen confirmed) win over `analysis`."""
    now = now or utcnow()
    policy = policy or current_policy()
    text = text.strip()
    if not text and not media:
        raise InvalidInputError("feedback needs some text or a photo")
    place = analysis.place if analysis else None
    if province_code is None and district_code is None and subdistrict_code is None and place:
        province_code = place.province_code
        district_code = place.district_code
        subdistrict_code = place.subdistrict_code
    province_code, district_code, subdistrict_code = await _area(
        session, province_code, district_code, subdistrict_code
    )
    if kind is None:
        # follow-ups, greetings and unclear text are conversation, not feedback kinds
        kind = (
            FeedbackKind(analysis.intent.value)
            if analysis and analysis.intent.value in FeedbackKind._value2member_map_
            else FeedbackKind.COMPLAINT
        )
    category = category or (analysis.category if analysis else None)
    if category is not None and len(category) > 60:
        raise InvalidInputError("the category is longer than 60 characters")
    redacted = analysis.redacted if analysis else redact(text).text
    item = FeedbackItem(
        reference=await new_reference(session),
        citizen_id=citizen_id,
        channel=channel,
        kind=kind,
        original_text=text,
        redacted_text=redacted,
        category=category,
        categories=(
            [{"label": c.label, "score": round(c.score, 4)} for c in analysis.categories[:5]]
            if analysis
            else []
        ),
        province_code=province_code,
        district_code=district_code,
        subdistrict_code=subdistrict_code,
        latitude=latitude,
        longitude=longitude,
        location_text=(location_text or "").strip()[:500] or None,
        sentiment=Sentiment(analysis.sentiment.value) if analysis else None,
        sentiment_score=analysis.sentiment_score if analysis else None,
        urgency=Urgency(analysis.urgency.value) if analysis else Urgency.NORMAL,
        hazards=[hazard.value for hazard in analysis.hazards] if analysis else [],
        language=analysis.language[:5] if analysis else "th",
        status=S.RECEIVED,
        created_at=now,
        updated_at=now,
    )
    board = await BoardRepository(session).of_province(province_code) if province_code else None
    item.board_id = board.id if board else None
    session.add(item)
    await session.flush()
    assert item.id is not None
    actor = Actor.citizen(citizen_id) if citizen_id is not None else Actor.system()
    _record(session, item, S.RECEIVED, actor=actor, note=None, now=now, initial=True)
    _add_media(session, item, media, added_by=ActorType.CITIZEN, now=now)

    duplicate_of = await find_open_duplicate(session, item, now=now)
    if duplicate_of is not None:
        lead_agency = await get_reference(session, Agency, duplicate_of.agency_id)
        item.duplicate_of_id = duplicate_of.id
        item.agency_id = duplicate_of.agency_id
        item.routing_reason = f"ซ้ำกับเรื่อง {duplicate_of.reference} (same problem, same place)"
        _record(
            session,
            item,
            S.CLOSED,
            actor=Actor.system(),
            note=f"รวมกับเรื่อง {duplicate_of.reference} ที่มีผู้แจ้งไว้แล้ว",
            now=now,
        )
        item.closed_at = now
        session.add(item)
        await session.flush()
        followers = await TicketRepository(session).follower_count(duplicate_of.id or 0)
        await notify.ticket_filed(
            session,
            item,
            agency=lead_agency,
            board=board,
            duplicate_of=duplicate_of,
            follower_count=followers,
        )
        return FiledFeedback(item, lead_agency, board, duplicate_of, followers)

    agency: Agency | None = None
    if target_board and board is not None:
        item.routing_reason = f"ส่งถึง{board.name_th} ตามที่ผู้แจ้งเลือก"
        change = _record(session, item, S.ROUTED, actor=Actor.system(), note=None, now=now)
    else:
        await ensure_rules(session)  # a fresh deployment routes with the starter rules
        decision = await route(session, item)
        item.routing_reason = decision.reason
        agency = decision.agency
        change = None
        if agency is not None:
            item.agency_id = agency.id
            item.routing_rule_id = decision.rule.id if decision.rule else None
            if kind is not FeedbackKind.PRAISE:  # thanks asks for no action: never overdue
                item.due_at = policy.due_at(category, item.urgency, now)
            change = _record(
                session, item, S.ROUTED, actor=Actor.system(), note=decision.reason, now=now
            )
    session.add(item)
    await session.flush()
    await notify.ticket_filed(
        session, item, agency=agency, board=board, duplicate_of=None, follower_count=0
    )
    if agency is not None and change is not None:
        await notify.agency_new_item(session, item, agency, cause=f"change-{change.id}")
    return FiledFeedback(item, agency, board, None, 0)


# ---------------------------------------------------------------------------------------------
# Moving an item


def _record(
    session: AsyncSession,
    item: FeedbackItem,
    to: FeedbackStatus,
    *,
    actor: Actor,
    note: str | None,
    now: datetime,
    initial: bool = False,
) -> StatusChange:
    """Set the status and add its history row (flushed by the caller)."""
    change = StatusChange(
        feedback_id=item.id or 0,
        from_status=None if initial else item.status,
        to_status=to,
        actor_type=actor.type,
        actor_user_id=actor.user_id,
        agency_id=item.agency_id,
        note=note,
        created_at=now,
    )
    item.status = to
    item.updated_at = now
    session.add(change)
    session.add(item)
    return change


def _add_media(
    session: AsyncSession,
    item: FeedbackItem,
    media: Sequence[NewMedia],
    *,
    added_by: ActorType,
    now: datetime,
) -> list[FeedbackMedia]:
    rows = [
        FeedbackMedia(
            feedback_id=item.id or 0,
            content_type=m.content_type,
            storage_key=m.storage_key,
            size_bytes=m.size_bytes,
            sha256=m.sha256,
            added_by=added_by,
            created_at=now,
        )
        for m in media
    ]
    session.add_all(rows)
    return rows


async def _load(session: AsyncSession, item_id: int) -> FeedbackItem:
    item = await TicketRepository(session).get_for_update(item_id)
    if item is None:
        raise NotFoundError(f"no feedback item {item_id}")
    return item


async def _claim(session: AsyncSession, item: FeedbackItem, expected_version: int | None) -> None:
    """Take the item's next version, or refuse: someone changed it since it was read."""
    if expected_version is not None and expected_version != item.version:
        raise ConflictError(
            f"feedback item {item.id} has changed (version {item.version}, "
            f"you had {expected_version}); reload it and try again",
            detail={"current_version": item.version},
        )
    if not await TicketRepository(session).claim_version(item.id or 0, item.version):
        raise ConflictError(
            f"feedback item {item.id} was changed by someone else at the same time; reload it",
            detail={"expected_version": item.version},
        )
    item.version += 1


async def change_status(
    session: AsyncSession,
    item_id: int,
    *,
    to: FeedbackStatus,
    actor: Actor,
    note: str | None = None,
    expected_version: int | None = None,
    media: Sequence[NewMedia] = (),
    now: datetime | None = None,
) -> FeedbackItem:
    """An official's decision: accept, start, resolve (a note is required, photos may be
    attached), reject (a reason is required), or close a resolved or rejected item."""
    now = now or utcnow()
    to = FeedbackStatus(to)
    if actor.type is ActorType.CITIZEN:
        raise ForbiddenError("citizens rate, confirm or reopen; they do not set a status")
    item = await _load(session, item_id)
    check_transition(item.status, to, Operation.CHANGE_STATUS)
    note = _clean_note(note)
    if to in NOTE_REQUIRED and not note:
        what = "what was done" if to is S.RESOLVED else "the reason"
        raise InvalidInputError(f"moving to {to.value} needs a note saying {what}")
    await _claim(session, item, expected_version)
    change = _record(session, item, to, actor=actor, note=note, now=now)
    if to is S.RESOLVED:
        item.resolved_at = now
        item.citizen_confirmed_fix = None
    if to is S.CLOSED:
        item.closed_at = now
    rows = _add_media(session, item, media, added_by=actor.type, now=now)
    await session.flush()
    await notify.status_changed(session, item, change, media=rows)
    if to is S.RESOLVED:
        await notify.resolution_check(session, item, change)
    return item


async def forward(
    session: AsyncSession,
    item_id: int,
    *,
    agency_code: str,
    actor: Actor,
    reason: str,
    expected_version: int | None = None,
    category: str | None = None,
    now: datetime | None = None,
    policy: ServiceLevelPolicy | None = None,
) -> FeedbackItem:
    """Send the item to the agency that is really responsible. The wrong routing is kept as a
    labelled example (RoutingCorrection) for retraining; the new agency gets a fresh due date."""
    now = now or utcnow()
    policy = policy or current_policy()
    reason_text = _clean_note(reason)
    if not reason_text:
        raise InvalidInputError("forwarding needs a reason")
    if category is not None and not category.strip():
        raise InvalidInputError("the corrected category is empty")
    item = await _load(session, item_id)
    check_transition(item.status, S.FORWARDED, Operation.FORWARD)
    target = await AgencyRepository(session).by_code(agency_code)
    if target is None or not target.is_active:
        raise NotFoundError(f"no active agency with code {agency_code!r}")
    if target.id == item.agency_id:
        raise InvalidInputError(f"the item is already with {agency_code}")
    await _claim(session, item, expected_version)
    session.add(
        RoutingCorrection(
            feedback_id=item.id or 0,
            redacted_text=item.redacted_text,
            predicted_category=item.category,
            corrected_category=category,
            from_agency_id=item.agency_id,
            to_agency_id=target.id,
            reason=reason_text,
            created_at=now,
        )
    )
    forwarded = _record(
        session,
        item,
        S.FORWARDED,
        actor=actor,
        note=f"ส่งต่อถึง {target.name_th}: {reason_text}",
        now=now,
    )
    if category is not None:
        item.category = category.strip()
    item.agency_id = target.id
    item.routing_rule_id = None
    item.routing_reason = f"ส่งต่อโดยเจ้าหน้าที่: {reason_text}"[:500]
    item.assigned_user_id = None
    item.due_at = policy.due_at(item.category, item.urgency, now)
    item.escalation_level = 0
    item.escalated_at = None
    routed = _record(session, item, S.ROUTED, actor=actor, note=item.routing_reason, now=now)
    await session.flush()
    await notify.status_changed(session, item, forwarded)
    await notify.agency_new_item(session, item, target, cause=f"change-{routed.id}")
    return item


async def _root(session: AsyncSession, item: FeedbackItem) -> FeedbackItem:
    seen = {item.id}
    while item.duplicate_of_id is not None and item.duplicate_of_id not in seen:
        lead = await session.get(FeedbackItem, item.duplicate_of_id)
        if lead is None:
            break
        seen.add(lead.id)
        item = lead
    return item


async def merge(
    session: AsyncSession,
    item_id: int,
    *,
    into_id: int,
    actor: Actor,
    note: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """Close the item as a duplicate of `into_id`: its citizen and its followers follow that
    ticket from now on and hear each of its changes. A merged item never counts as fixed."""
    now = now or utcnow()
    if item_id == into_id:
        raise InvalidInputError("an item cannot be merged into itself")
    item = await _load(session, item_id)
    lead = await _root(session, await _load(session, into_id))
    if lead.id == item.id:
        raise InvalidInputError("an item cannot be merged into one of its own duplicates")
    if lead.status not in (S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS):
        raise ConflictError(
            f"cannot merge into {lead.reference}: it is {lead.status.value}, not open",
            detail={"into_status": lead.status.value},
        )
    check_transition(item.status, S.CLOSED, Operation.MERGE)
    note = _clean_note(note)
    await _claim(session, item, expected_version)
    item.duplicate_of_id = lead.id
    item.closed_at = now
    text = f"รวมกับเรื่อง {lead.reference}" + (f": {note}" if note else "")
    change = _record(session, item, S.CLOSED, actor=actor, note=text, now=now)
    await session.flush()
    await notify.status_changed(session, item, change)  # the item's citizen and its followers
    await session.exec(
        update(FeedbackItem)
        .where(col(FeedbackItem.duplicate_of_id) == item.id)
        .values(duplicate_of_id=lead.id)
        .execution_options(synchronize_session="fetch")
    )
    return item


async def assign(
    session: AsyncSession,
    item_id: int,
    *,
    user_id: int,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """Give the item to one official of its agency."""
    now = now or utcnow()
    if actor.type is ActorType.CITIZEN:
        raise ForbiddenError("citizens cannot assign items")
    item = await _load(session, item_id)
    user = await session.get(UserAccount, user_id)
    if user is None or not user.is_active:
        raise NotFoundError(f"no active user {user_id}")
    if item.agency_id is None:
        raise ConflictError("the item has no agency yet; forward it to one first")
    if user.role is not UserRole.OFFICIAL or not await TicketRepository(session).is_member(
        user_id, item.agency_id
    ):
        raise InvalidInputError(f"user {user_id} is not an official of the item's agency")
    await _claim(session, item, expected_version)
    item.assigned_user_id = user_id
    item.updated_at = now
    session.add(item)
    await session.flush()
    return item


# ---------------------------------------------------------------------------------------------
# The citizen's side: rating, confirming, reopening


async def _own(session: AsyncSession, item_id: int, citizen_id: int) -> FeedbackItem:
    item = await _load(session, item_id)
    if item.citizen_id != citizen_id:
        raise NotFoundError(f"no feedback item {item_id} of this citizen")
    return item


def _was_resolved(item: FeedbackItem) -> bool:
    return item.status is S.RESOLVED or (item.status is S.CLOSED and item.resolved_at is not None)


async def rate(
    session: AsyncSession,
    item_id: int,
    *,
    citizen_id: int,
    rating: int,
    comment: str | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """The citizen's 1–5 rating of a resolved item; it closes the item."""
    now = now or utcnow()
    if not 1 <= rating <= 5:
        raise InvalidInputError("a rating is a whole number from 1 to 5")
    item = await _own(session, item_id, citizen_id)
    if not _was_resolved(item):
        raise ConflictError(
            f"only a resolved item can be rated; {item.reference} is {item.status.value}",
            detail={"status": item.status.value},
        )
    if item.rating is not None:
        raise ConflictError(f"{item.reference} is already rated", detail={"rating": item.rating})
    await _claim(session, item, None)
    item.rating = rating
    item.rating_comment = _clean_note(comment)
    if item.status is S.RESOLVED:
        check_transition(item.status, S.CLOSED, Operation.RATE)
        item.closed_at = now
        change = _record(
            session,
            item,
            S.CLOSED,
            actor=Actor.citizen(citizen_id),
            note=f"ประเมิน {rating}/5",
            now=now,
        )
        await session.flush()
        await notify.status_changed(session, item, change, skip_citizen_id=citizen_id)
    else:
        session.add(item)
        await session.flush()
    return item


async def confirm_fixed(
    session: AsyncSession, item_id: int, *, citizen_id: int, now: datetime | None = None
) -> FeedbackItem:
    """The citizen says the problem really is fixed (counted in every resolution statistic)."""
    now = now or utcnow()
    item = await _own(session, item_id, citizen_id)
    if not _was_resolved(item):
        raise ConflictError(
            f"{item.reference} is {item.status.value}, not resolved",
            detail={"status": item.status.value},
        )
    if item.citizen_confirmed_fix is True:
        return item
    await _claim(session, item, None)
    item.citizen_confirmed_fix = True
    item.updated_at = now
    session.add(item)
    await session.flush()
    return item


async def reopen_by_citizen(
    session: AsyncSession,
    item_id: int,
    *,
    citizen_id: int,
    note: str | None = None,
    now: datetime | None = None,
    policy: ServiceLevelPolicy | None = None,
) -> FeedbackItem:
    """ยังไม่แก้: within the reopen window (14 days) the item goes back to its agency
    (``accepted``), with a new due date, and the reopen is counted."""
    now = now or utcnow()
    policy = policy or current_policy()
    item = await _own(session, item_id, citizen_id)
    if not _was_resolved(item) or item.resolved_at is None:
        raise ConflictError(
            f"only a resolved item can be reopened; {item.reference} is {item.status.value}",
            detail={"status": item.status.value},
        )
    if now - item.resolved_at > policy.reopen_window:
        raise ConflictError(
            f"{item.reference} was resolved more than {policy.reopen_days} days ago; "
            "please file a new report",
            detail={"resolved_at": item.resolved_at.isoformat()},
        )
    check_transition(item.status, S.ACCEPTED, Operation.REOPEN)
    await _claim(session, item, None)
    item.reopen_count += 1
    item.resolved_at = None
    item.closed_at = None
    item.rating = None
    item.rating_comment = None
    item.citizen_confirmed_fix = False
    item.due_at = policy.due_at(item.category, item.urgency, now)
    item.escalation_level = 0
    item.escalated_at = None
    text = "ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข" + (f": {_clean_note(note)}" if _clean_note(note) else "")
    change = _record(session, item, S.ACCEPTED, actor=Actor.citizen(citizen_id), note=text, now=now)
    await session.flush()
    await notify.status_changed(session, item, change, skip_citizen_id=citizen_id)
    agency = await get_reference(session, Agency, item.agency_id)
    if agency is not None:
        await notify.agency_new_item(
            session, item, agency, cause=f"change-{change.id}", reopened=True
        )
    return item


# ---------------------------------------------------------------------------------------------
# Reading


async def citizen_items(
    session: AsyncSession, citizen_id: int, *, open_only: bool = True
) -> list[FeedbackItem]:
    """A citizen's items, newest first. With `open_only`, those still in progress or awaiting
    the citizen's answer (resolved), and duplicates whose ticket is (their `duplicate_of_id`
    names the ticket whose status to show)."""
    return list(await TicketRepository(session).of_citizen(citizen_id, open_only=open_only))


async def find_by_reference(session: AsyncSession, reference: str) -> FeedbackItem | None:
    """The item a reference names, however it was typed (case, spaces and hyphens ignored)."""
    repository = TicketRepository(session)
    canonical = normalise_reference(reference)
    if canonical is not None:
        found = await repository.by_reference(canonical)
        if found is not None:
            return found
    cleaned = reference.strip()
    return await repository.by_reference(cleaned) if cleaned else None


async def history(session: AsyncSession, item_id: int) -> list[StatusChange]:
    if await session.get(FeedbackItem, item_id) is None:
        raise NotFoundError(f"no feedback item {item_id}")
    return list(await TicketRepository(session).history(item_id))


async def follower_count(session: AsyncSession, item_id: int) -> int:
    return await TicketRepository(session).follower_count(item_id)


# ---------------------------------------------------------------------------------------------
# Scheduled work (see services.service_levels)


async def escalate_item(
    session: AsyncSession, item: FeedbackItem, *, now: datetime, policy: ServiceLevelPolicy
) -> bool:
    """Raise an overdue item to the level it has reached; False when nothing was due."""
    if item.due_at is None or item.agency_id is None:
        return False
    target = 0
    if now >= item.due_at:
        target = 1
    board_at = policy.board_escalation_at(item)
    if board_at is not None and now >= board_at:
        target = 2
    if target <= item.escalation_level:
        return False
    try:
        await _claim(session, item, None)
    except ConflictError:
        return False  # changed meanwhile; the next run sees the new state
    agency = await get_reference(session, Agency, item.agency_id)
    payload_base = {
        "reference": item.reference,
        "due_at": item.due_at.isoformat(),
        "agency_name": agency.name_th if agency else None,
        "url": notify.item_url(item),
        "category": item.category,
    }
    cycle = f"{item.id}:a{item.agency_id}:r{item.reopen_count}"
    for level in range(item.escalation_level + 1, target + 1):
        payload = payload_base | {"level": level}
        cause = f"{cycle}:L{level}"
        if level == 1:
            supervisors = await TicketRepository(session).supervisors(item.agency_id)
            for user in supervisors:
                await notify.to_user(
                    session, item, user, kind="escalation", payload=payload, cause=cause
                )
            if not supervisors and agency is not None:
                await notify.to_agency(
                    session, item, agency, kind="escalation", payload=payload, cause=cause
                )
        else:
            board = await get_reference(session, Board, item.board_id)
            if board is not None:
                await notify.to_board(
                    session, item, board, kind="escalation", payload=payload, cause=cause
                )
    item.escalation_level = target
    item.escalated_at = now
    session.add(item)
    await session.flush()
    return True


async def close_unrated(session: AsyncSession, *, now: datetime, policy: ServiceLevelPolicy) -> int:
    """Close items resolved more than `close_after_days` ago that nobody rated or reopened."""
    before = now - timedelta(days=policy.close_after_days)
    closed = 0
    for item in await TicketRepository(session).unrated_resolved(resolved_before=before):
        try:
            await _claim(session, item, None)
        except ConflictError:
            continue
        check_transition(item.status, S.CLOSED, Operation.AUTO_CLOSE)
        item.closed_at = now
        change = _record(
            session,
            item,
            S.CLOSED,
            actor=Actor.system(),
            note=f"ปิดเรื่องอัตโนมัติ: ไม่มีการประเมินภายใน {policy.close_after_days} วันหลังแก้ไข",
            now=now,
        )
        await session.flush()
        await notify.status_changed(session, item, change)
        closed += 1
    return closed


__all__ = [
    "FiledFeedback",
    "NewMedia",
    "assign",
    "change_status",
    "citizen_items",
    "close_unrated",
    "confirm_fixed",
    "escalate_item",
    "file_feedback",
    "find_by_reference",
    "follower_count",
    "forward",
    "history",
    "merge",
    "rate",
    "reopen_by_citizen",
]
