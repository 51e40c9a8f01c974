"""Who may survey whom: the same owners and readers as consultations (an agency's officials
for their agency, a board's members for their province, admins for anyone, analysts read).
Every write is audited; the rules of surveys live in `services.surveys`."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import record
from admin.auth.scope import Principal
from admin.consultations.schemas import FreeAnswers, OptionCount, ThemeCount
from admin.consultations.service import (
    area_names,
    district_codes,
    may_manage,
    may_read,
    owner_names,
    owner_of,
    province_codes,
    visible_in,
)
from admin.surveys.schemas import (
    QuestionResults,
    QuestionWrite,
    SurveyPublic,
    SurveyResults,
    SurveySent,
    SurveyWrite,
)
from services import surveys
from services.errors import NotFoundError
from services.surveys import NewSurvey, Question
from storage.models import Survey, SurveyStatus
from storage.repositories.surveys import SurveyRepository


class SurveyAudit:
    CREATED = "survey.created"
    PUBLISHED = "survey.published"
    CLOSED = "survey.closed"


async def readable(session: AsyncSession, principal: Principal, survey_id: int) -> Survey:
    survey = await SurveyRepository(session).get(survey_id)
    if survey is None or not may_read(principal, survey):
        raise NotFoundError(f"No survey {survey_id} you may read.")
    return survey


async def _managed(session: AsyncSession, principal: Principal, survey_id: int) -> Survey:
    survey = await SurveyRepository(session).get(survey_id)
    if survey is None or not may_manage(principal, survey):
        raise NotFoundError(f"No survey {survey_id} of yours.")
    return survey


async def public(session: AsyncSession, survey: Survey) -> SurveyPublic:
    assert survey.id is not None
    agency, board_province = await owner_names(
        session, survey.owner_agency_id, survey.owner_board_id
    )
    return SurveyPublic(
        id=survey.id,
        title=survey.title,
        intro=survey.intro,
        questions=[QuestionWrite.model_validate(q) for q in survey.questions],
        provinces=await area_names(session, list(survey.province_codes), districts=False),
        districts=await area_names(session, list(survey.district_codes), districts=True),
        topics=[str(topic) for topic in survey.topics],
        status=survey.status.value,
        agency=agency,
        board_province=board_province,
        created_at=survey.created_at,
        closes_at=survey.closes_at,
        published_at=survey.published_at,
        closed_at=survey.closed_at,
    )


async def create(
    session: AsyncSession, principal: Principal, body: SurveyWrite, *, now: datetime
) -> SurveyPublic:
    provinces = await province_codes(session, body.provinces)
    districts = await district_codes(session, body.districts, provinces)
    agency_id, board_id = await owner_of(session, principal, body.agency, provinces)
    survey = await surveys.create(
        session,
        NewSurvey(
            title=body.title,
            intro=body.intro,
            questions=[
                Question(q.text, tuple(q.options), q.free_answer, q.optional)
                for q in body.questions
            ],
            province_codes=provinces,
            district_codes=districts,
            topics=body.topics,
            closes_at=body.closes_at,
        ),
        now=now,
        owner_agency_id=agency_id,
        owner_board_id=board_id,
        created_by=principal.user_id,
    )
    await record(
        session,
        principal=principal,
        action=SurveyAudit.CREATED,
        entity_type="survey",
        entity_id=survey.id,
        detail={"title": survey.title, "provinces": provinces},
    )
    return await public(session, survey)


async def visible(
    session: AsyncSession, principal: Principal, *, status: SurveyStatus | None = None
) -> list[Survey]:
    """The surveys the principal may read (`may_read`), newest first."""
    return await visible_in(SurveyRepository(session).listed, principal, status=status)


async def listed(
    session: AsyncSession, principal: Principal, *, status: SurveyStatus | None
) -> list[SurveyPublic]:
    return [await public(session, s) for s in await visible(session, principal, status=status)]


async def one(session: AsyncSession, principal: Principal, survey_id: int) -> SurveyPublic:
    return await public(session, await readable(session, principal, survey_id))


async def publish(
    session: AsyncSession, principal: Principal, survey_id: int, *, now: datetime
) -> SurveySent:
    await _managed(session, principal, survey_id)
    queued = await surveys.publish(session, survey_id, now=now)
    return await _audited(session, principal, survey_id, SurveyAudit.PUBLISHED, queued)


async def close(
    session: AsyncSession, principal: Principal, survey_id: int, *, now: datetime
) -> SurveySent:
    await _managed(session, principal, survey_id)
    queued = await surveys.close(session, survey_id, now=now)
    return await _audited(session, principal, survey_id, SurveyAudit.CLOSED, queued)


async def _audited(
    session: AsyncSession, principal: Principal, survey_id: int, action: str, queued: int
) -> SurveySent:
    await record(
        session,
        principal=principal,
        action=action,
        entity_type="survey",
        entity_id=survey_id,
        detail={"queued": queued},
    )
    return SurveySent(survey=await one(session, principal, survey_id), queued=queued)


async def results(session: AsyncSession, principal: Principal, survey_id: int) -> SurveyResults:
    summary = await surveys.results(session, await readable(session, principal, survey_id))
    return SurveyResults(
        respondents=summary.respondents,
        completed=summary.completed,
        questions=[
            QuestionResults(
                text=q.text,
                answered=q.answered,
                skipped=q.skipped,
                options=[OptionCount(label=o.label, count=o.count) for o in q.options],
                free_answers=FreeAnswers(
                    count=q.free_answer_count,
                    themes=[
                        ThemeCount(
                            label=t.label,
                            count=t.count,
                            example=t.example,
                            examples=list(t.examples),
                        )
                        for t in q.themes
                    ],
                ),
            )
            for q in summary.questions
        ],
    )
