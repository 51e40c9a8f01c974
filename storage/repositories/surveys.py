"""Queries over surveys, each citizen's response and their answers to its questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy
from sqlalchemy import func, update
from sqlmodel import col, select

from storage.models import Survey, SurveyAnswer, SurveyResponse, SurveyStatus
from storage.repositories.asked_of_citizens import AskedRepository
from storage.repositories.consultations import Audience, ConsultationRepository
from storage.upsert import insert_one_if_new


@dataclass(frozen=True, slots=True)
class QuestionCount:
    """How many answered one question with one option (None: a free answer only), or skipped."""

    question_index: int
    option_index: int | None
    skipped: bool
    count: int


class SurveyRepository(AskedRepository[Survey]):
    model = Survey
    closed_status = SurveyStatus.CLOSED

    async def audience(self, survey: Survey) -> Sequence[Audience]:
        """The citizens who asked to hear about the survey's areas and topics."""
        return await ConsultationRepository(self.session).audience_in(
            list(survey.province_codes), list(survey.district_codes), topics=list(survey.topics)
        )

    async def participants(self, survey_id: int) -> Sequence[Audience]:
        """Who answered at least one question, to tell them the results."""
        return await ConsultationRepository(self.session).took_part(
            SurveyResponse, col(SurveyResponse.survey_id) == survey_id
        )

    # --- responses and answers ---------------------------------------------------------------

    async def response_of(self, survey_id: int, citizen_id: int) -> SurveyResponse | None:
        statement = select(SurveyResponse).where(
            col(SurveyResponse.survey_id) == survey_id,
            col(SurveyResponse.citizen_id) == citizen_id,
        )
        return (await self.session.exec(statement)).first()

    async def add_response_if_new(self, response: SurveyResponse) -> SurveyResponse | None:
        """Insert the citizen's response; None when one exists (a redelivery or a race)."""
        table = SurveyResponse.__table__  # type: ignore[attr-defined]
        row = response.model_dump(exclude={"id"})
        new_id = await insert_one_if_new(self.session, table, row, returning=table.c.id)
        if new_id is None:
            return None
        return await self.session.get(SurveyResponse, int(new_id))

    async def answers_of(self, response_id: int) -> dict[int, SurveyAnswer]:
        """The response's answers by question index."""
        statement = select(SurveyAnswer).where(col(SurveyAnswer.response_id) == response_id)
        return {a.question_index: a for a in (await self.session.exec(statement)).all()}

    async def add_answer_if_new(self, answer: SurveyAnswer) -> bool:
        """Insert the first answer to a question; False when one exists (a race)."""
        table = SurveyAnswer.__table__  # type: ignore[attr-defined]
        row = answer.model_dump(exclude={"id"})
        return await insert_one_if_new(self.session, table, row, returning=table.c.id) is not None

    async def save(self, row: SurveyAnswer | SurveyResponse) -> None:
        self.session.add(row)
        await self.session.flush()

    async def unfinished_of(self, citizen_id: int) -> Sequence[Survey]:
        """The published surveys the citizen started and has not finished, latest started first."""
        statement = (
            select(Survey)
            .join(SurveyResponse, col(SurveyResponse.survey_id) == col(Survey.id))
            .where(
                col(SurveyResponse.citizen_id) == citizen_id,
                col(SurveyResponse.completed_at).is_(None),
                col(Survey.status) == SurveyStatus.PUBLISHED,
            )
            .order_by(col(SurveyResponse.started_at).desc(), col(SurveyResponse.id).desc())
        )
        return (await self.session.exec(statement)).all()

    # --- results -----------------------------------------------------------------------------

    async def question_counts(self, survey_id: int) -> Sequence[QuestionCount]:
        statement = (
            sqlalchemy.select(
                col(SurveyAnswer.question_index),
                col(SurveyAnswer.option_index),
                col(SurveyAnswer.skipped),
                func.count(),
            )
            .where(col(SurveyAnswer.survey_id) == survey_id)
            .group_by(
                col(SurveyAnswer.question_index),
                col(SurveyAnswer.option_index),
                col(SurveyAnswer.skipped),
            )
        )
        rows = (await self.session.execute(statement)).all()
        return [QuestionCount(int(q), o, bool(s), int(n)) for q, o, s, n in rows]

    async def response_totals(self, survey_id: int) -> tuple[int, int]:
        """(responses started, responses completed)."""
        statement = sqlalchemy.select(
            func.count(), func.count(col(SurveyResponse.completed_at))
        ).where(col(SurveyResponse.survey_id) == survey_id)
        started, completed = (await self.session.execute(statement)).one()
        return int(started), int(completed)

    async def respondent_totals(self, survey_ids: Sequence[int]) -> dict[int, int]:
        """How many citizens answered each survey (one query for a whole list)."""
        if not survey_ids:
            return {}
        statement = (
            sqlalchemy.select(col(SurveyResponse.survey_id), func.count())
            .where(col(SurveyResponse.survey_id).in_(list(survey_ids)))
            .group_by(col(SurveyResponse.survey_id))
        )
        rows = (await self.session.execute(statement)).all()
        return {int(survey_id): int(count) for survey_id, count in rows}

    async def free_answers(self, survey_id: int) -> Sequence[SurveyAnswer]:
        statement = (
            select(SurveyAnswer)
            .where(
                col(SurveyAnswer.survey_id) == survey_id,
                col(SurveyAnswer.free_text).is_not(None),
            )
            .order_by(col(SurveyAnswer.question_index), col(SurveyAnswer.id))
        )
        return (await self.session.exec(statement)).all()

    async def forget_citizen(self, citizen_id: int) -> None:
        """PDPA erasure: the answers lose their typed words; options, skips and themes stay, so
        results still count them."""
        responses = select(SurveyResponse.id).where(col(SurveyResponse.citizen_id) == citizen_id)
        await self.session.exec(
            update(SurveyAnswer)
            .where(col(SurveyAnswer.response_id).in_(responses))
            .values(free_text=None)
            .execution_options(synchronize_session=False)
        )
