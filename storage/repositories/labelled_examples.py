"""Queries over citizens' labelled examples: keep them, link them to the filed item, erase them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import LabelledExample


class LabelledExampleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, example: LabelledExample) -> LabelledExample:
        self.session.add(example)
        await self.session.flush()
        return example

    async def link(self, example_ids: Sequence[int], *, feedback_id: int) -> int:
        """Point examples kept before filing at the item they became."""
        if not example_ids:
            return 0
        statement = (
            update(LabelledExample)
            .where(
                col(LabelledExample.id).in_(list(example_ids)),
                col(LabelledExample.feedback_id).is_(None),
            )
            .values(feedback_id=feedback_id)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.exec(statement)
        return int(result.rowcount or 0)

    async def of_feedback(self, feedback_id: int) -> Sequence[LabelledExample]:
        statement = (
            select(LabelledExample)
            .where(col(LabelledExample.feedback_id) == feedback_id)
            .order_by(col(LabelledExample.id))
        )
        return (await self.session.exec(statement)).all()

    async def of_citizen(self, citizen_id: int) -> Sequence[LabelledExample]:
        statement = (
            select(LabelledExample)
            .where(col(LabelledExample.citizen_id) == citizen_id)
            .order_by(col(LabelledExample.id))
        )
        return (await self.session.exec(statement)).all()

    async def delete_of_citizen(self, citizen_id: int, feedback_ids: Sequence[int]) -> int:
        """PDPA erasure: the citizen's examples, and any example of their items, are deleted."""
        condition = col(LabelledExample.citizen_id) == citizen_id
        if feedback_ids:
            condition = condition | col(LabelledExample.feedback_id).in_(list(feedback_ids))
        result = await self.session.exec(
            delete(LabelledExample).where(condition).execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)
