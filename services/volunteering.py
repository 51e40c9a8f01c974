"""Volunteer programmes ("act together"): an agency posts what it needs people for, where,
when and for how many; citizens near it sign up by chat, and past capacity join a waiting list
that moves up when someone cancels; the day before, each confirmed volunteer is reminded; the
organiser records who came.

Every place is taken with the programme's row locked, so two citizens taking the last place at
once cannot both get it. Every message goes through the outbox with a key per sign-up (and per
time it was made), so a rerun sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.outbox import queue_message
from storage.models import (
    ProgrammeStatus,
    RecipientType,
    SignUpStatus,
    VolunteerProgramme,
    VolunteerSignUp,
)
from storage.repositories.consultations import ConsultationRepository
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.volunteering import (
    HOLDING_A_PLACE,
    Recipient,
    SignUpCounts,
    VolunteerRepository,
)

REMIND_AHEAD = timedelta(days=1)  # "the day before": within a day of the start
MAX_CAPACITY = 10_000
MAX_CONTACT_CHARS = 200
ACTIVE = (SignUpStatus.CONFIRMED, SignUpStatus.WAITLISTED)


@dataclass(frozen=True)
class NewProgramme:
    title: str
    place: str
    province_code: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    description: str = ""
    requirements: str = ""
    district_code: str | None = None


def _validated(body: NewProgramme, now: datetime) -> NewProgramme:
    if not body.title.strip():
        raise InvalidInputError("A programme needs a title.")
    if not body.place.strip():
        raise InvalidInputError("Say where the volunteers meet (place).")
    if not 1 <= body.capacity <= MAX_CAPACITY:
        raise InvalidInputError(f"capacity is between 1 and {MAX_CAPACITY}.")
    if body.starts_at <= now:
        raise InvalidInputError("starts_at is in the past.")
    if body.ends_at <= body.starts_at:
        raise InvalidInputError("ends_at is not after starts_at.")
    return NewProgramme(
        title=body.title.strip(),
        place=body.place.strip(),
        province_code=body.province_code,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        capacity=body.capacity,
        description=body.description.strip(),
        requirements=body.requirements.strip(),
        district_code=body.district_code or None,
    )


async def create(
    session: AsyncSession,
    body: NewProgramme,
    *,
    now: datetime,
    owner_agency_id: int,
    created_by: int | None = None,
) -> VolunteerProgramme:
    """A draft: no citizen sees it until it is published."""
    valid = _validated(body, now)
    programme = VolunteerProgramme(
        owner_agency_id=owner_agency_id,
        title=valid.title,
        description=valid.description,
        place=valid.place,
        province_code=valid.province_code,
        district_code=valid.district_code,
        starts_at=valid.starts_at,
        ends_at=valid.ends_at,
        capacity=valid.capacity,
        requirements=valid.requirements,
        created_by=created_by,
        created_at=now,
    )
    return await VolunteerRepository(session).add(programme)


async def get(session: AsyncSession, programme_id: int) -> VolunteerProgramme:
    programme = await VolunteerRepository(session).get(programme_id)
    if programme is None:
        raise NotFoundError(f"No volunteer programme {programme_id}.")
    return programme


async def _locked(session: AsyncSession, programme_id: int) -> VolunteerProgramme:
    programme = await VolunteerRepository(session).lock(programme_id)
    if programme is None:
        raise NotFoundError(f"No volunteer programme {programme_id}.")
    return programme


def is_open(programme: VolunteerProgramme, now: datetime) -> bool:
    """Citizens may sign up (and cancel) until it starts."""
    return programme.status is ProgrammeStatus.PUBLISHED and now < programme.starts_at


async def publish(session: AsyncSession, programme_id: int, *, now: datetime) -> bool:
    """Open it to sign-ups; False when it already was."""
    programme = await _locked(session, programme_id)
    if programme.status is ProgrammeStatus.PUBLISHED:
        return False
    if programme.status is not ProgrammeStatus.DRAFT:
        raise ConflictError(f"A {programme.status.value} programme cannot be published.")
    if programme.starts_at <= now:
        raise ConflictError("The programme's start has passed.")
    programme.status = ProgrammeStatus.PUBLISHED
    programme.published_at = now
    session.add(programme)
    await session.flush()
    return True


def _facts(programme: VolunteerProgramme) -> dict[str, Any]:
    """What a message about the programme says, rendered in the citizen's language."""
    return {
        "programme_id": programme.id,
        "title": programme.title,
        "place": programme.place,
        "starts_at": programme.starts_at.isoformat(),
        "ends_at": programme.ends_at.isoformat(),
        "requirements": programme.requirements,
    }


async def _tell(
    session: AsyncSession,
    person: Recipient,
    *,
    kind: str,
    key: str,
    payload: dict[str, Any],
) -> bool:
    new_id = await queue_message(
        session,
        recipient_type=RecipientType.CITIZEN,
        channel=person.channel,
        target=person.channel_user_id,
        kind=kind,
        payload=payload,
        dedupe_key=key,
        citizen_id=person.citizen_id,
    )
    return new_id is not None


def _stamp(moment: datetime) -> int:
    return int(moment.timestamp())


async def cancel_programme(session: AsyncSession, programme_id: int, *, now: datetime) -> int:
    """Call it off and tell everyone signed up or waiting; returns how many were told now."""
    programme = await _locked(session, programme_id)
    if programme.status is ProgrammeStatus.FINISHED:
        raise ConflictError("The programme has finished; its attendance is recorded.")
    if programme.status is not ProgrammeStatus.CANCELLED:
        programme.status = ProgrammeStatus.CANCELLED
        programme.cancelled_at = now
        session.add(programme)
        await session.flush()
    told = 0
    for person in await VolunteerRepository(session).recipients(programme_id, ACTIVE):
        told += await _tell(
            session,
            person,
            kind="volunteer_programme_cancelled",
            key=f"volunteer-cancelled:{programme_id}:citizen:{person.citizen_id}",
            payload=_facts(programme),
        )
    return told


# --- what a citizen sees ---------------------------------------------------------------------


async def areas_of(session: AsyncSession, citizen_id: int) -> list[tuple[str, str | None]]:
    """Where the citizen is: their latest report's area first, then the areas they asked to hear
    about consultations in."""
    areas: list[tuple[str, str | None]] = []
    for item in await FeedbackItemRepository(session).of_citizen(citizen_id, open_only=False):
        if item.province_code:
            areas.append((item.province_code, item.district_code))
            break
    for subscription in await ConsultationRepository(session).subscriptions_of(citizen_id):
        areas.append((subscription.province_code, subscription.district_code or None))
    return list(dict.fromkeys(areas))


@dataclass(frozen=True)
class OpenProgramme:
    programme: VolunteerProgramme
    places_left: int
    waiting: int


async def open_in(
    session: AsyncSession, areas: Sequence[tuple[str, str | None]], *, now: datetime, limit: int
) -> list[OpenProgramme]:
    """Published programmes not yet started in these areas, soonest first, with places left."""
    repository = VolunteerRepository(session)
    found = await repository.open_in(areas, now=now, limit=limit)
    counts = await repository.counts([p.id for p in found if p.id is not None])
    out = []
    for programme in found:
        assert programme.id is not None
        count = counts.get(programme.id, SignUpCounts())
        taken = count.confirmed + count.attended + count.no_show
        out.append(OpenProgramme(programme, max(programme.capacity - taken, 0), count.waitlisted))
    return out


# --- signing up and cancelling ---------------------------------------------------------------


@dataclass(frozen=True)
class SignUpOutcome:
    programme: VolunteerProgramme
    sign_up: VolunteerSignUp
    new: bool  # False: the citizen was already signed up (a second tap, a redelivery)
    position: int | None  # on the waiting list: 1 for the first


async def _outcome(
    session: AsyncSession, programme: VolunteerProgramme, sign_up: VolunteerSignUp, *, new: bool
) -> SignUpOutcome:
    position = None
    if sign_up.status is SignUpStatus.WAITLISTED:
        position = await VolunteerRepository(session).waiting_position(sign_up)
    return SignUpOutcome(programme, sign_up, new, position)


async def sign_up(
    session: AsyncSession, programme_id: int, *, citizen_id: int, now: datetime
) -> SignUpOutcome:
    """A place while there is one, else the end of the waiting list; once per citizen."""
    programme = await _locked(session, programme_id)
    if not is_open(programme, now):
        raise ConflictError("The programme no longer takes sign-ups.")
    repository = VolunteerRepository(session)
    existing = await repository.sign_up_of(programme_id, citizen_id)
    if existing is not None and existing.status is not SignUpStatus.CANCELLED:
        return await _outcome(session, programme, existing, new=False)
    full = await repository.places_taken(programme_id) >= programme.capacity
    status = SignUpStatus.WAITLISTED if full else SignUpStatus.CONFIRMED
    if existing is not None:  # signing up again after cancelling: at the back of the queue
        existing.status, existing.signed_up_at = status, now
        existing.cancelled_at = existing.reminded_at = None
        existing.confirmed_at = None if full else now
        session.add(existing)
        await session.flush()
        return await _outcome(session, programme, existing, new=True)
    row = VolunteerSignUp(
        programme_id=programme_id,
        citizen_id=citizen_id,
        status=status,
        signed_up_at=now,
        confirmed_at=None if full else now,
    )
    added = await repository.add_sign_up_if_new(row)
    if added is None:  # the same tap twice at once: the first one counts
        again = await repository.sign_up_of(programme_id, citizen_id)
        assert again is not None
        return await _outcome(session, programme, again, new=False)
    return await _outcome(session, programme, added, new=True)


async def give_contact(
    session: AsyncSession, programme_id: int, *, citizen_id: int, contact: str
) -> VolunteerSignUp:
    """What the citizen chose to give the organiser (a name, a phone number)."""
    found = await VolunteerRepository(session).sign_up_of(programme_id, citizen_id)
    if found is None or found.status not in ACTIVE:
        raise NotFoundError("You are not signed up to this programme.")
    found.contact = contact.strip()[:MAX_CONTACT_CHARS] or None
    session.add(found)
    await session.flush()
    return found


@dataclass(frozen=True)
class Cancellation:
    programme: VolunteerProgramme
    cancelled: bool  # False: nothing to cancel (never signed up, or cancelled already)
    promoted: VolunteerSignUp | None  # the first on the waiting list, who now has the place


async def cancel_sign_up(
    session: AsyncSession, programme_id: int, *, citizen_id: int, now: datetime
) -> Cancellation:
    """Give the place (or the waiting-list spot) back; a freed place goes to the first waiting,
    who is told by chat."""
    programme = await _locked(session, programme_id)
    repository = VolunteerRepository(session)
    found = await repository.sign_up_of(programme_id, citizen_id)
    if found is None or found.status is SignUpStatus.CANCELLED:
        return Cancellation(programme, cancelled=False, promoted=None)
    if found.status not in ACTIVE:
        raise ConflictError("Attendance is recorded; the sign-up cannot be cancelled.")
    if not is_open(programme, now):
        raise ConflictError("The programme has started or is over.")
    held_a_place = found.status is SignUpStatus.CONFIRMED
    found.status, found.cancelled_at = SignUpStatus.CANCELLED, now
    session.add(found)
    await session.flush()
    promoted = await _promote(session, programme, now=now) if held_a_place else None
    return Cancellation(programme, cancelled=True, promoted=promoted)


async def _promote(
    session: AsyncSession, programme: VolunteerProgramme, *, now: datetime
) -> VolunteerSignUp | None:
    repository = VolunteerRepository(session)
    assert programme.id is not None
    if await repository.places_taken(programme.id) >= programme.capacity:
        return None
    first = await repository.first_waiting(programme.id)
    if first is None or first.id is None:
        return None
    first.status, first.confirmed_at = SignUpStatus.CONFIRMED, now
    session.add(first)
    await session.flush()
    person = await repository.recipient_of(first.id)
    if person is not None:
        await _tell(
            session,
            person,
            kind="volunteer_promoted",
            key=f"volunteer-promoted:{first.id}:{_stamp(first.signed_up_at)}",
            payload=_facts(programme),
        )
    return first


# --- after the day ---------------------------------------------------------------------------


async def record_attendance(
    session: AsyncSession,
    programme_id: int,
    *,
    attended: Sequence[int],
    absent: Sequence[int] = (),
    now: datetime,
) -> VolunteerProgramme:
    """The organiser's record of who came (sign-up ids); the programme is then finished."""
    programme = await _locked(session, programme_id)
    if programme.status not in (ProgrammeStatus.PUBLISHED, ProgrammeStatus.FINISHED):
        raise ConflictError(f"A {programme.status.value} programme has no attendance.")
    if set(attended) & set(absent):
        raise InvalidInputError("A sign-up is both attended and absent.")
    repository = VolunteerRepository(session)
    marks = [(i, SignUpStatus.ATTENDED) for i in attended]
    marks += [(i, SignUpStatus.NO_SHOW) for i in absent]
    for sign_up_id, status in marks:
        found = await repository.sign_up(sign_up_id)
        if found is None or found.programme_id != programme_id:
            raise InvalidInputError(f"Sign-up {sign_up_id} is not of this programme.")
        if found.status not in HOLDING_A_PLACE:
            raise InvalidInputError(f"Sign-up {sign_up_id} has no place ({found.status.value}).")
        found.status, found.attendance_at = status, now
        session.add(found)
    programme.status = ProgrammeStatus.FINISHED
    session.add(programme)
    await session.flush()
    return programme


async def send_reminders(session: AsyncSession, *, now: datetime) -> int:
    """Remind every confirmed volunteer of a programme starting within a day, once each;
    returns how many reminders were queued."""
    repository = VolunteerRepository(session)
    due = await repository.due_reminders(starting_after=now, starting_by=now + REMIND_AHEAD)
    queued = 0
    for found, programme, citizen in due:
        assert found.id is not None and citizen.id is not None
        found.reminded_at = now
        session.add(found)
        if citizen.erased_at is not None or not citizen.notifications_enabled:
            continue
        person = Recipient(found.id, citizen.id, citizen.channel.value, citizen.channel_user_id)
        queued += await _tell(
            session,
            person,
            kind="volunteer_reminder",
            key=f"volunteer-reminder:{found.id}:{_stamp(found.signed_up_at)}",
            payload=_facts(programme),
        )
    await session.flush()
    return queued


# --- a citizen's own history -----------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    sign_up: VolunteerSignUp
    programme: VolunteerProgramme
    position: int | None  # on the waiting list


async def history(session: AsyncSession, citizen_id: int) -> list[HistoryEntry]:
    """ "My volunteering": every sign-up, the soonest programme first."""
    repository = VolunteerRepository(session)
    out = []
    for found, programme in await repository.of_citizen(citizen_id):
        position = None
        if found.status is SignUpStatus.WAITLISTED:
            position = await repository.waiting_position(found)
        out.append(HistoryEntry(found, programme, position))
    return out


def may_cancel(entry: HistoryEntry, now: datetime) -> bool:
    return entry.sign_up.status in ACTIVE and is_open(entry.programme, now)
