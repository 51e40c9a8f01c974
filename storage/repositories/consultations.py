"""Queries over consultations, their answers and the citizens who asked to hear about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, case, delete, func, update
from sqlmodel import col, select

from storage.models import (
    Agency,
    Citizen,
    Consultation,
    ConsultationAnswer,
    ConsultationStatus,
    NewsSubscription,
)
from storage.repositories.asked_of_citizens import AskedRepository
from storage.upsert import insert_one_if_new


@dataclass(frozen=True, slots=True)
class Audience:
    """A citizen a published consultation goes to, and the area they subscribed for."""

    citizen_id: int
    channel: str
    channel_user_id: str
    language: str
    province_code: str
    district_code: str


@dataclass(frozen=True, slots=True)
class OptionCount:
    province_code: str | None
    district_code: str | None
    option_index: int | None
    count: int


@dataclass(frozen=True, slots=True)
class AgencyConsultations:
    """The participation indicator's counts for one agency: consultations it held (published)
    and whose results it published (closed) in a period."""

    agency_id: int
    held: int
    results_published: int


def _people(province: Any, district: Any) -> Any:
    """Whom to send to (citizen id, channel, platform id, language) and the area they are in."""
    return sqlalchemy.select(
        col(Citizen.id),
        col(Citizen.channel),
        col(Citizen.channel_user_id),
        col(Citizen.language),
        col(province),
        col(district),
    )


class ConsultationRepository(AskedRepository[Consultation]):
    model = Consultation
    closed_status = ConsultationStatus.CLOSED

    async def agency_counts(
        self,
        *,
        start: datetime,
        end: datetime,
        agency_ids: frozenset[int] | None = None,
        province_code: str | None = None,
    ) -> list[AgencyConsultations]:
        """Per owning agency (of `agency_ids`, or in `province_code`; None: every one): how many
        consultations were published, and how many closed with results, in [start, end)."""
        held = case(
            (
                (col(Consultation.published_at) >= start) & (col(Consultation.published_at) < end),
                1,
            ),
            else_=0,
        )
        published = case(
            ((col(Consultation.closed_at) >= start) & (col(Consultation.closed_at) < end), 1),
            else_=0,
        )
        statement = (
            sqlalchemy.select(
                col(Consultation.owner_agency_id), func.sum(held), func.sum(published)
            )
            .where(col(Consultation.owner_agency_id).is_not(None))
            .group_by(col(Consultation.owner_agency_id))
            .order_by(col(Consultation.owner_agency_id))
        )
        if agency_ids is not None:
            statement = statement.where(col(Consultation.owner_agency_id).in_(list(agency_ids)))
        if province_code is not None:
            statement = statement.join(
                Agency, col(Agency.id) == col(Consultation.owner_agency_id)
            ).where(col(Agency.province_code) == province_code)
        rows = (await self.session.execute(statement)).all()
        return [
            AgencyConsultations(int(agency), int(h or 0), int(p or 0))
            for agency, h, p in rows
            if (h or p)
        ]

    async def audience(self, consultation: Consultation) -> Sequence[Audience]:
        """The citizens subscribed to the consultation's areas and topics who still accept
        messages: one row per citizen (the first matching subscription), in a stable order."""
        return await self.audience_in(
            list(consultation.province_codes),
            list(consultation.district_codes),
            topics=list(consultation.topics),
        )

    async def audience_in(
        self, province_codes: list[str], district_codes: list[str], *, topics: list[str]
    ) -> Sequence[Audience]:
        """Subscribers of these provinces (of these districts, or of their whole province, when
        districts are named) who still accept messages and hear about one of these topics (a
        subscription with no topics hears about all; one with topics never hears of what names
        none); what surveys are sent to as well."""
        area: ColumnElement[bool] = col(NewsSubscription.province_code).in_(province_codes)
        if district_codes:
            # A district consultation reaches the district's subscribers and the province's.
            area = area & (col(NewsSubscription.district_code).in_([*district_codes, ""]))
        statement = (
            _people(NewsSubscription.province_code, NewsSubscription.district_code)
            .add_columns(col(NewsSubscription.topics))
            .join(NewsSubscription, col(NewsSubscription.citizen_id) == col(Citizen.id))
            .where(
                area,
                col(Citizen.erased_at).is_(None),
                col(Citizen.notifications_enabled).is_(True),
            )
            .order_by(col(Citizen.id), col(NewsSubscription.id))
        )
        wanted = set(topics)
        seen: set[int] = set()
        out = []
        # The topics are a JSON list, matched here as the provinces are (see `closed`).
        for citizen_id, channel, user_id, language, province, district, chosen in (
            await self.session.execute(statement)
        ).all():
            if citizen_id is None or citizen_id in seen:
                continue
            if chosen and not wanted.intersection(chosen):
                continue
            seen.add(citizen_id)
            out.append(
                Audience(citizen_id, str(channel), user_id, language, province, district or "")
            )
        return out

    # --- answers -----------------------------------------------------------------------------

    async def answer_of(self, consultation_id: int, citizen_id: int) -> ConsultationAnswer | None:
        statement = select(ConsultationAnswer).where(
            col(ConsultationAnswer.consultation_id) == consultation_id,
            col(ConsultationAnswer.citizen_id) == citizen_id,
        )
        return (await self.session.exec(statement)).first()

    async def add_answer_if_new(self, answer: ConsultationAnswer) -> bool:
        """Insert the citizen's first answer; False when one exists (a redelivery or a race)."""
        table = ConsultationAnswer.__table__  # type: ignore[attr-defined]
        row = answer.model_dump(exclude={"id"})
        new_id = await insert_one_if_new(self.session, table, row, returning=table.c.id)
        return new_id is not None

    async def option_counts(self, consultation_id: int) -> Sequence[OptionCount]:
        statement = (
            select(
                ConsultationAnswer.province_code,
                ConsultationAnswer.district_code,
                ConsultationAnswer.option_index,
                func.count(),
            )
            .where(col(ConsultationAnswer.consultation_id) == consultation_id)
            .group_by(
                col(ConsultationAnswer.province_code),
                col(ConsultationAnswer.district_code),
                col(ConsultationAnswer.option_index),
            )
        )
        rows = (await self.session.exec(statement)).all()
        return [OptionCount(p, d, option, int(count)) for p, d, option, count in rows]

    async def answer_totals(self, consultation_ids: Sequence[int]) -> dict[int, int]:
        """How many citizens answered each consultation (one query for a whole list)."""
        if not consultation_ids:
            return {}
        statement = (
            sqlalchemy.select(col(ConsultationAnswer.consultation_id), func.count())
            .where(col(ConsultationAnswer.consultation_id).in_(list(consultation_ids)))
            .group_by(col(ConsultationAnswer.consultation_id))
        )
        rows = (await self.session.execute(statement)).all()
        return {int(consultation_id): int(count) for consultation_id, count in rows}

    async def free_answers(self, consultation_id: int) -> Sequence[ConsultationAnswer]:
        statement = (
            select(ConsultationAnswer)
            .where(
                col(ConsultationAnswer.consultation_id) == consultation_id,
                col(ConsultationAnswer.free_text).is_not(None),
            )
            .order_by(col(ConsultationAnswer.id))
        )
        return (await self.session.exec(statement)).all()

    async def participants(self, consultation_id: int) -> Sequence[Audience]:
        """Who answered, to tell them the results."""
        return await self.took_part(
            ConsultationAnswer, col(ConsultationAnswer.consultation_id) == consultation_id
        )

    async def took_part(self, rows: Any, which: ColumnElement[bool]) -> Sequence[Audience]:
        """The citizens with a row in `rows` (a consultation's answers, a survey's responses:
        a table with citizen_id, province_code, district_code) matching `which`, who still
        accept messages; the area is the row's."""
        statement = (
            _people(rows.province_code, rows.district_code)
            .join(rows, col(rows.citizen_id) == col(Citizen.id))
            .where(
                which,
                col(Citizen.erased_at).is_(None),
                col(Citizen.notifications_enabled).is_(True),
            )
            .order_by(col(Citizen.id))
        )
        return [
            Audience(cid, str(ch), uid, lang, prov or "", dist or "")
            for cid, ch, uid, lang, prov, dist in (await self.session.execute(statement)).all()
            if cid is not None
        ]

    # --- subscriptions -----------------------------------------------------------------------

    async def subscribe(
        self, citizen_id: int, province_code: str, district_code: str, topics: list[str]
    ) -> NewsSubscription | None:
        """None when the subscription is new; else the one the citizen already has there."""
        table = NewsSubscription.__table__  # type: ignore[attr-defined]
        row = NewsSubscription(
            citizen_id=citizen_id,
            province_code=province_code,
            district_code=district_code,
            topics=topics,
        ).model_dump(exclude={"id"})
        if await insert_one_if_new(self.session, table, row, returning=table.c.id) is not None:
            return None
        statement = select(NewsSubscription).where(
            col(NewsSubscription.citizen_id) == citizen_id,
            col(NewsSubscription.province_code) == province_code,
            col(NewsSubscription.district_code) == district_code,
        )
        return (await self.session.exec(statement)).one()

    async def save_subscription(self, subscription: NewsSubscription) -> None:
        self.session.add(subscription)
        await self.session.flush()

    async def subscriptions_of(self, citizen_id: int) -> Sequence[NewsSubscription]:
        statement = (
            select(NewsSubscription)
            .where(col(NewsSubscription.citizen_id) == citizen_id)
            .order_by(col(NewsSubscription.id))
        )
        return (await self.session.exec(statement)).all()

    async def unsubscribe_one(self, citizen_id: int, subscription_id: int) -> bool:
        """Drop one of the citizen's subscriptions; False when they have no such one."""
        statement = delete(NewsSubscription).where(
            col(NewsSubscription.citizen_id) == citizen_id,
            col(NewsSubscription.id) == subscription_id,
        )
        result = await self.session.exec(statement)
        return bool(result.rowcount)

    async def unsubscribe_all(self, citizen_id: int) -> int:
        statement = delete(NewsSubscription).where(col(NewsSubscription.citizen_id) == citizen_id)
        result = await self.session.exec(statement)
        return int(result.rowcount or 0)

    async def forget_citizen(self, citizen_id: int) -> None:
        """PDPA erasure: the subscriptions go, and the answers lose their typed words; the
        option and the theme stay, so results still count them."""
        await self.unsubscribe_all(citizen_id)
        await self.session.exec(
            update(ConsultationAnswer)
            .where(col(ConsultationAnswer.citizen_id) == citizen_id)
            .values(free_text=None)
            .execution_options(synchronize_session=False)
        )
