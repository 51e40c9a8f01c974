"""The satisfaction questions after a resolution, as a built-in survey run by the survey engine
(`services.surveys`): is it really fixed? (a "not fixed" ends it and reopens the ticket), a 1–5
rating, and an optional comment. Its answers are not `SurveyAnswer` rows: they are written to
the ticket (`citizen_confirmed_fix`, the reopen, `rating` and `rating_comment` through
`services.citizen_side`), which the statistics, the indicators and /public read."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services import citizen_side
from services.surveys import Question, check_answer, next_question

FIXED, RATING, COMMENT = 0, 1, 2
YES, NO = 0, 1
# The texts are the chat catalogue's keys: the questions are asked in the citizen's language.
QUESTIONS = [
    Question("resolution.ask", ("button.fixed", "button.not_fixed"), stop_options=frozenset({NO})),
    Question("resolution.thanks_fixed", tuple(str(stars) for stars in range(1, 6))),
    Question("resolution.ask_comment", free_answer=True, optional=True),
]


def following(question_index: int, *, option_index: int | None = None) -> int | None:
    """The question after this answer (None: the survey ends here)."""
    if option_index is not None and option_index in QUESTIONS[question_index].stop_options:
        return None
    return next_question(QUESTIONS, range(question_index + 1), after=question_index)


def check_stars(stars: int) -> int | None:
    """A tapped rating (1–5), checked as the rating question's option; the next question."""
    check_answer(QUESTIONS[RATING], option_index=stars - 1, text=None, skipped=False)
    return following(RATING, option_index=stars - 1)


async def answer_fixed(
    session: AsyncSession, item_id: int, *, citizen_id: int, fixed: bool, now: datetime
) -> int | None:
    """ยืนยันว่าแก้แล้ว confirms the fix; ยังไม่แก้ reopens the ticket and ends the survey."""
    option = YES if fixed else NO
    check_answer(QUESTIONS[FIXED], option_index=option, text=None, skipped=False)
    if fixed:
        await citizen_side.confirm_fixed(session, item_id, citizen_id=citizen_id, now=now)
    else:
        await citizen_side.reopen_by_citizen(session, item_id, citizen_id=citizen_id, now=now)
    return following(FIXED, option_index=option)


async def answer_comment(
    session: AsyncSession,
    item_id: int,
    *,
    citizen_id: int,
    stars: int,
    comment: str | None,
    now: datetime,
) -> int | None:
    """The comment (or ข้าม, or leaving): the rating is written with it and closes the item."""
    words = (comment or "")[:2000] or None
    check_answer(QUESTIONS[COMMENT], option_index=None, text=words, skipped=words is None)
    await citizen_side.rate(
        session, item_id, citizen_id=citizen_id, rating=stars, comment=words, now=now
    )
    return following(COMMENT)
