"""The satisfaction questions as a built-in survey: the survey engine decides what comes next,
and the answers land on the ticket the statistics read."""

from __future__ import annotations

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import satisfaction
from services.errors import InvalidInputError
from services.satisfaction import COMMENT, FIXED, RATING
from services.ticket_moves import change_status
from storage.models import FeedbackItem, FeedbackStatus
from tests.services.conftest import NOW, add_citizen, file_report, official_actor

S = FeedbackStatus


def test_fixed_leads_to_the_rating_then_the_optional_comment_and_not_fixed_ends_it() -> None:
    assert satisfaction.following(FIXED, option_index=satisfaction.YES) == RATING
    assert satisfaction.following(FIXED, option_index=satisfaction.NO) is None
    assert satisfaction.check_stars(5) == COMMENT
    assert satisfaction.following(COMMENT) is None
    assert satisfaction.QUESTIONS[COMMENT].optional


@pytest.mark.parametrize("stars", [0, 6, 10])
def test_a_rating_outside_one_to_five_is_refused(stars: int) -> None:
    with pytest.raises(InvalidInputError):
        satisfaction.check_stars(stars)


async def _resolved(session: AsyncSession, text: str) -> tuple[int, int]:
    official = await official_actor(session)
    citizen = await add_citizen(session)
    assert citizen.id is not None
    item_id = (await file_report(session, citizen.id, text=text)).id or 0
    await change_status(session, item_id, to=S.ACCEPTED, actor=official, now=NOW)
    await change_status(session, item_id, to=S.RESOLVED, actor=official, note="ซ่อมแล้ว", now=NOW)
    return item_id, citizen.id


async def test_the_answers_are_written_to_the_ticket(session: AsyncSession) -> None:
    item_id, citizen_id = await _resolved(session, "หลุมหน้าปากซอยเจริญกรุง 30")
    after_fixed = await satisfaction.answer_fixed(
        session, item_id, citizen_id=citizen_id, fixed=True, now=NOW
    )
    assert after_fixed == RATING
    assert satisfaction.check_stars(4) == COMMENT
    ended = await satisfaction.answer_comment(
        session, item_id, citizen_id=citizen_id, stars=4, comment="เร็วดีค่ะ", now=NOW
    )
    assert ended is None
    item = await session.get(FeedbackItem, item_id)
    assert item is not None and item.citizen_confirmed_fix is True
    assert (item.rating, item.rating_comment, item.status) == (4, "เร็วดีค่ะ", S.CLOSED)


async def test_not_fixed_reopens_the_ticket_and_asks_nothing_more(session: AsyncSession) -> None:
    item_id, citizen_id = await _resolved(session, "ไฟทางดับทั้งซอย ลาดพร้าว 71")
    ended = await satisfaction.answer_fixed(
        session, item_id, citizen_id=citizen_id, fixed=False, now=NOW
    )
    assert ended is None
    item = await session.get(FeedbackItem, item_id)
    assert item is not None and item.status is S.ACCEPTED and item.reopen_count == 1
