"""The surveys API's work: create, list, publish, close and read the results per question, for
the same owners and readers as consultations (`admin.asking.owners`). Every write is audited;
the rules of surveys live in `services.surveys`."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking import owners
from admin.asking.results import free_answers, option_counts
from admin.asking.service import AskedApi, public_fields
from admin.auth.scope import Principal
from admin.surveys.schemas import (
    QuestionResults,
    QuestionWrite,
    SurveyPublic,
    SurveyResults,
    SurveySent,
    SurveyWrite,
)
from services import surveys
from services.asking_citizens import Owner
from services.surveys import NewSurvey, Question
from storage.models import Survey
from storage.repositories.surveys import SurveyRepository


async def public(session: AsyncSession, survey: Survey) -> SurveyPublic:
    assert survey.id is not None
    return SurveyPublic(
        id=survey.id,
        title=survey.title,
        intro=survey.intro,
        questions=[QuestionWrite.model_validate(q) for q in survey.questions],
        **await public_fields(session, survey),
    )


SURVEYS: AskedApi[Survey, SurveyPublic] = AskedApi(
    noun="survey", repository=SurveyRepository, public=public
)
readable = SURVEYS.readable
visible = SURVEYS.visible
listed = SURVEYS.listed
one = SURVEYS.one


async def create(
    session: AsyncSession, principal: Principal, body: SurveyWrite, *, now: datetime
) -> SurveyPublic:
    asked = await owners.areas_and_owner(session, principal, body)
    survey = await surveys.create(
        session,
        NewSurvey(
            title=body.title,
            intro=body.intro,
            questions=[
                Question(q.text, tuple(q.options), q.free_answer, q.optional)
                for q in body.questions
            ],
            province_codes=asked.province_codes,
            district_codes=asked.district_codes,
            topics=body.topics,
            closes_at=body.closes_at,
        ),
        now=now,
        owner=Owner(asked.owner_agency_id, asked.owner_board_id, created_by=principal.user_id),
    )
    return await SURVEYS.created(session, principal, survey, provinces=asked.province_codes)


async def publish(
    session: AsyncSession, principal: Principal, survey_id: int, *, now: datetime
) -> SurveySent:
    """Send it to the citizens of its areas (again: only to those who have not had it)."""
    step = partial(surveys.publish, session, survey_id, now=now)
    shown, queued = await SURVEYS.moved(session, principal, survey_id, step, action="published")
    return SurveySent(survey=shown, queued=queued)


async def close(
    session: AsyncSession, principal: Principal, survey_id: int, *, now: datetime
) -> SurveySent:
    """Stop taking answers and send the results to everyone who answered."""
    step = partial(surveys.close, session, survey_id, now=now)
    shown, queued = await SURVEYS.moved(session, principal, survey_id, step, action="closed")
    return SurveySent(survey=shown, queued=queued)


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
                options=option_counts(q.options),
                free_answers=free_answers(q.free_answer_count, q.themes),
            )
            for q in summary.questions
        ],
    )
