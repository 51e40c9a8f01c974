"""What a consultation and a survey share as questions put to the citizens of some areas: how
many options a question may have, where, about what and until when a new one asks, opening and
closing (draft → published → closed), one message to each person through the outbox, the area
a citizen answers from, and what an answer did.

A consultation and a survey are two models (`services.surveys` says why); the rules here are
the ones that are the same for both, so each is written once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from sqlmodel.ext.asyncio.session import AsyncSession

from services.errors import ConflictError, InvalidInputError
from services.outbox import BroadcastRecipient, queue_broadcast
from services.topics import valid_topics
from storage.repositories.consultations import Audience, ConsultationRepository

MAX_OPTIONS = 10  # a LINE quick reply holds 13 buttons: the options, a free answer, the menu
MAX_OPTION_CHARS = 60


class Answered(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    SAME = "same"


class Reach(Protocol):
    """Where, about what and until when a new consultation (or survey) asks."""

    @property
    def province_codes(self) -> list[str]: ...

    @property
    def district_codes(self) -> list[str]: ...

    @property
    def topics(self) -> list[str]: ...  # `services.topics` codes

    @property
    def closes_at(self) -> datetime: ...


def check_reach(body: Reach, now: datetime) -> None:
    """Refuse a new consultation (or survey) that asks no province, or closes in the past."""
    if not body.province_codes:
        raise InvalidInputError("Name at least one province.")
    if body.closes_at <= now:
        raise InvalidInputError("closes_at is in the past.")


@dataclass(frozen=True)
class Owner:
    """Whose a consultation (or survey) is: an agency's, a province's board's, or nobody's (an
    admin's, or one made by a script); and the account that wrote it."""

    agency_id: int | None = None
    board_id: int | None = None
    created_by: int | None = None


NOBODY = Owner()


def draft_columns(body: Reach, owner: Owner, *, now: datetime) -> dict[str, Any]:
    """The columns a new consultation and a new survey share: its areas (each once, in order),
    its topics (an unknown one is refused), its owner and its closing time, created now."""
    return {
        "province_codes": sorted(set(body.province_codes)),
        "district_codes": sorted(set(body.district_codes)),
        "topics": valid_topics(body.topics),
        "owner_agency_id": owner.agency_id,
        "owner_board_id": owner.board_id,
        "created_by": owner.created_by,
        "closes_at": body.closes_at,
        "created_at": now,
    }


class Asked(Protocol):
    """A consultation or a survey, as opening and closing it reads and changes it."""

    status: Any  # ConsultationStatus or SurveyStatus: draft, published, closed
    closes_at: datetime
    published_at: datetime | None
    closed_at: datetime | None


def is_open(asked: Asked, now: datetime) -> bool:
    """Taking answers: published, and its closing time not yet come."""
    return asked.status == "published" and now < asked.closes_at


def open_to_answers(session: AsyncSession, asked: Asked, *, noun: str, now: datetime) -> None:
    """Publish a draft (publishing again leaves it as it is); refused once it is closed or its
    closing time has passed. `noun` names it in the refusal ("consultation", "survey")."""
    if asked.status == "closed":
        raise ConflictError(f"The {noun} is closed.")
    if asked.closes_at <= now:
        raise ConflictError(f"The {noun}'s closing time has passed.")
    if asked.status == "draft":
        asked.status = type(asked.status).PUBLISHED
        asked.published_at = now
        session.add(asked)


async def close_to_answers(session: AsyncSession, asked: Asked, *, now: datetime) -> None:
    """Stop taking answers (closing again leaves it as it is); a draft was never published, so
    there is nothing to close."""
    if asked.status == "draft":
        raise ConflictError("A draft was never published; there is nothing to close.")
    if asked.status == "published":
        asked.status = type(asked.status).CLOSED
        asked.closed_at = now
        session.add(asked)
        await session.flush()


async def queue_to(
    session: AsyncSession,
    people: Sequence[Audience],
    *,
    kind: str,
    key: str,
    payload: dict[str, Any],
) -> int:
    """One message to each of these people through the outbox (once each, whatever reruns)."""
    recipients = [
        BroadcastRecipient(person.citizen_id, person.channel, person.channel_user_id)
        for person in people
    ]
    return await queue_broadcast(session, recipients, kind=kind, payload=payload, broadcast_key=key)


async def answering_area(
    session: AsyncSession, citizen_id: int, province_codes: Sequence[Any]
) -> tuple[str | None, str | None]:
    """(province, district) the citizen answers from: the first area they hear news of among
    the provinces asked; (None, None) when none is (their answer counts, from no known area)."""
    for subscription in await ConsultationRepository(session).subscriptions_of(citizen_id):
        if subscription.province_code in province_codes:
            return subscription.province_code, subscription.district_code or None
    return None, None
