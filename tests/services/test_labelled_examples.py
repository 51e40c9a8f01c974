"""Citizens' picks kept as labelled examples: redacted text only, linked when filed, erased."""

from __future__ import annotations

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import labelled_examples
from services.filing import file_feedback
from services.labelled_examples import CitizenPick
from storage.models import Channel
from storage.repositories.labelled_examples import LabelledExampleRepository
from tests.services.conftest import NOW, add_citizen

TEXT = "ไฟทางเดินดับทั้งซอย เขตบางนา ติดต่อสมชาย 081-234-5678"
PICK = CitizenPick("category", "แสงสว่าง", proposed="ไฟฟ้า", offered=("ไฟฟ้า", "แสงสว่าง"))


class TestKeepPick:
    async def test_only_the_redacted_text_is_kept(self, session: AsyncSession) -> None:
        citizen = await add_citizen(session)
        example = await labelled_examples.keep_pick(
            session, PICK, text=TEXT, citizen_id=citizen.id, now=NOW
        )
        assert "5678" not in example.redacted_text and "ไฟทางเดินดับ" in example.redacted_text
        assert (example.field, example.chosen, example.proposed) == ("category", "แสงสว่าง", "ไฟฟ้า")
        assert example.offered == ["ไฟฟ้า", "แสงสว่าง"] and example.source == "citizen"
        assert example.created_at == NOW and example.feedback_id is None

    async def test_a_citizen_labels_a_category_or_a_kind_only(self, session: AsyncSession) -> None:
        with pytest.raises(ValueError):
            await labelled_examples.keep_pick(
                session, CitizenPick("sentiment", "positive"), text=TEXT, citizen_id=None, now=NOW
            )

    async def test_kept_examples_are_linked_to_the_item_they_became(
        self, session: AsyncSession
    ) -> None:
        citizen = await add_citizen(session)
        example = await labelled_examples.keep_pick(
            session, PICK, text=TEXT, citizen_id=citizen.id, now=NOW
        )
        filed = await file_feedback(
            session,
            channel=Channel.LINE,
            text=TEXT,
            analysis=None,
            citizen_id=citizen.id,
            category="แสงสว่าง",
            province_code="10",
            district_code="1047",
            now=NOW,
        )
        assert filed.item.id is not None and example.id is not None
        linked = await labelled_examples.link_to_feedback(
            session, [example.id], feedback_id=filed.item.id
        )
        assert linked == 1
        [found] = await LabelledExampleRepository(session).of_feedback(filed.item.id)
        assert found.id == example.id


class TestForgetCitizen:
    async def test_erasure_deletes_the_citizens_examples_and_no_one_elses(
        self, session: AsyncSession
    ) -> None:
        erased, neighbour = await add_citizen(session), await add_citizen(session)
        assert erased.id is not None and neighbour.id is not None
        for who in (erased, neighbour):
            await labelled_examples.keep_pick(session, PICK, text=TEXT, citizen_id=who.id, now=NOW)
        removed = await labelled_examples.forget_citizen(session, erased.id, [])
        assert removed == 1
        repository = LabelledExampleRepository(session)
        assert await repository.of_citizen(erased.id) == []
        assert len(await repository.of_citizen(neighbour.id)) == 1
