"""The consultations API's work: create, list, publish, close and read the results, for those
who may (`admin.asking.owners`: an agency's officials for their agency, a board's members for
their province, admins for anyone). Every write is audited; the rules live in
`services.consultations`."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking import owners
from admin.asking.areas import area_names
from admin.asking.results import free_answers, option_counts
from admin.asking.service import AskedApi, public_fields
from admin.auth.scope import Principal
from admin.consultations.schemas import (
    AreaResult,
    ConsultationPublic,
    ConsultationResults,
    ConsultationWrite,
    Sent,
)
from services import consultations
from services.asking_citizens import Owner
from services.consultations import NewConsultation
from storage.models import Consultation
from storage.repositories.consultations import ConsultationRepository


async def public(session: AsyncSession, consultation: Consultation) -> ConsultationPublic:
    assert consultation.id is not None
    return ConsultationPublic(
        id=consultation.id,
        title=consultation.title,
        question=consultation.question,
        context=consultation.context,
        options=[str(o) for o in consultation.options],
        free_answer=consultation.free_answer,
        opens_at=consultation.opens_at,
        **await public_fields(session, consultation),
    )


CONSULTATIONS: AskedApi[Consultation, ConsultationPublic] = AskedApi(
    noun="consultation", repository=ConsultationRepository, public=public
)
readable = CONSULTATIONS.readable
visible = CONSULTATIONS.visible
listed = CONSULTATIONS.listed
one = CONSULTATIONS.one


async def create(
    session: AsyncSession, principal: Principal, body: ConsultationWrite, *, now: datetime
) -> ConsultationPublic:
    asked = await owners.areas_and_owner(session, principal, body)
    consultation = await consultations.create(
        session,
        NewConsultation(
            title=body.title,
            question=body.question,
            context=body.context,
            options=body.options,
            free_answer=body.free_answer,
            province_codes=asked.province_codes,
            district_codes=asked.district_codes,
            topics=body.topics,
            opens_at=body.opens_at,
            closes_at=body.closes_at,
        ),
        now=now,
        owner=Owner(asked.owner_agency_id, asked.owner_board_id, created_by=principal.user_id),
    )
    return await CONSULTATIONS.created(
        session, principal, consultation, provinces=asked.province_codes
    )


async def publish(
    session: AsyncSession, principal: Principal, consultation_id: int, *, now: datetime
) -> Sent:
    """Send it to the citizens of its areas (again: only to those who have not had it)."""
    step = partial(consultations.publish, session, consultation_id, now=now)
    shown, queued = await CONSULTATIONS.moved(
        session, principal, consultation_id, step, action="published"
    )
    return Sent(consultation=shown, queued=queued)


async def close(
    session: AsyncSession, principal: Principal, consultation_id: int, *, now: datetime
) -> Sent:
    """Stop taking answers and send the results to everyone who took part."""
    step = partial(consultations.close, session, consultation_id, now=now)
    shown, queued = await CONSULTATIONS.moved(
        session, principal, consultation_id, step, action="closed"
    )
    return Sent(consultation=shown, queued=queued)


async def results(
    session: AsyncSession, principal: Principal, consultation_id: int
) -> ConsultationResults:
    consultation = await readable(session, principal, consultation_id)
    summary = await consultations.results(session, consultation)
    provinces = {
        a.code: a.name
        for a in await area_names(
            session, [a.key for a in summary.by_province if a.key], districts=False
        )
    }
    districts = {
        a.code: a.name
        for a in await area_names(session, [a.key for a in summary.by_district], districts=True)
    }

    def shown(areas: list[consultations.AreaResult], names: dict[str, str]) -> list[AreaResult]:
        return [
            AreaResult(
                key=area.key,
                name=names.get(area.key, ""),
                total=area.total,
                options=option_counts(area.options),
            )
            for area in areas
        ]

    return ConsultationResults(
        total=summary.total,
        options=option_counts(summary.options),
        by_province=shown(summary.by_province, provinces),
        by_district=shown(summary.by_district, districts),
        free_answers=free_answers(summary.free_answer_count, summary.themes),
    )
