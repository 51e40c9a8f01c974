"""Who hears about consultations and surveys: a citizen opts in per area (a province, or one
district), on some topics or on all of them, lists what they receive and stops any of it at
any time. Nothing is sent to a citizen who did not opt in for that area and topic (the
audience query, `ConsultationRepository.audience_in`, reads these rows)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel.ext.asyncio.session import AsyncSession

from services.errors import InvalidInputError
from services.topics import valid_topics
from storage.repositories.areas import AreaRepository
from storage.repositories.consultations import ConsultationRepository


class Subscribed(StrEnum):
    NEW = "new"  # the citizen did not hear about this area before
    WIDENED = "widened"  # more topics (or all of them) in an area they already heard about
    ALREADY = "already"  # nothing changed


@dataclass(frozen=True)
class Outcome:
    change: Subscribed
    topics: tuple[str, ...]  # what the area's subscription now covers; (): every topic


@dataclass(frozen=True)
class Subscription:
    id: int
    province_code: str
    district_code: str  # "": the whole province
    topics: tuple[str, ...]  # (): every topic


async def subscribe(
    session: AsyncSession,
    citizen_id: int,
    *,
    province_code: str,
    district_code: str = "",
    topics: Collection[str] = (),
) -> Outcome:
    """The citizen asked to hear about an area, on these topics (none: on every topic). Topics
    chosen one after another add up; "every topic" includes whatever was chosen before."""
    wanted = valid_topics(topics)
    await _check_area(session, province_code, district_code)
    repository = ConsultationRepository(session)
    existing = await repository.subscribe(citizen_id, province_code, district_code, wanted)
    if existing is None:
        return Outcome(Subscribed.NEW, tuple(wanted))
    had = list(existing.topics)
    if not had:
        return Outcome(Subscribed.ALREADY, ())  # already every topic
    merged = [] if not wanted else valid_topics([*had, *wanted])
    if merged == had:
        return Outcome(Subscribed.ALREADY, tuple(had))
    existing.topics = merged
    await repository.save_subscription(existing)
    return Outcome(Subscribed.WIDENED, tuple(merged))


async def _check_area(session: AsyncSession, province_code: str, district_code: str) -> None:
    areas = AreaRepository(session)
    province = await areas.province(province_code)
    if province is None or province.code != province_code:
        raise InvalidInputError(f"No province {province_code!r}.")
    if district_code:
        district = await areas.district(district_code)
        if district is None or district.province_code != province_code:
            raise InvalidInputError(f"District {district_code!r} is not in {province_code!r}.")


async def subscriptions(session: AsyncSession, citizen_id: int) -> list[Subscription]:
    """What the citizen receives, in the order they asked for it."""
    rows = await ConsultationRepository(session).subscriptions_of(citizen_id)
    return [
        Subscription(row.id, row.province_code, row.district_code, tuple(row.topics))
        for row in rows
        if row.id is not None
    ]


async def unsubscribe_one(session: AsyncSession, citizen_id: int, subscription_id: int) -> bool:
    """Stop one area's news; False when the citizen had no such subscription (already gone)."""
    return await ConsultationRepository(session).unsubscribe_one(citizen_id, subscription_id)


async def unsubscribe(session: AsyncSession, citizen_id: int) -> int:
    """หยุดรับข่าว: nothing more, from anywhere, on any topic; returns how many were dropped."""
    return await ConsultationRepository(session).unsubscribe_all(citizen_id)
