"""After resolution: is it really fixed? (ยืนยันว่าแก้แล้ว / ยังไม่แก้), then a 1–5 rating and
an optional comment: the built-in satisfaction survey (`services.satisfaction`), run by the
survey engine, whose answers are written to the ticket. The taps carry the reference, so they
work whatever flow is open."""

from __future__ import annotations

import re

from bot.conversations import replies, typed_answers
from bot.conversations.commands import Action
from bot.conversations.replies import button, say
from bot.conversations.turn import Turn
from bot.conversations.typed_answers import Typed
from bot.messages import Outgoing
from services import citizen_side, satisfaction, ticket_lookups
from services.errors import InvalidInputError, SiangError
from storage.models import FeedbackItem, FeedbackStatus

FLOW = "rating"
COMMENT = "comment"
# "Is it really fixed?" answered in words: how a reply starts.
_FIXED = re.compile(
    r"^(?:แก้แล้ว|แก้ไขแล้ว|ซ่อมแล้ว|เรียบร้อย|ใช้ได้แล้ว|ได้แล้ว|หายแล้ว|fixed|it'?s fixed)",
    re.IGNORECASE,
)
_NOT_FIXED = re.compile(
    r"^(?:ยังไม่|ยังเหมือนเดิม|เหมือนเดิม|ยังมี|ไม่มีใครมา|ไม่เห็นมีใครมา|ยัง\s*(?:ค่ะ|ครับ|คะ)?$"
    r"|not (?:yet|fixed)|still)",
    re.IGNORECASE,
)


async def _own_item(turn: Turn, reference: str) -> FeedbackItem | list[Outgoing]:
    item = await ticket_lookups.find_by_reference(turn.session, reference)
    if item is None or item.id is None:
        return [say(turn.language, "follow.not_found", reference=reference)]
    if item.citizen_id != turn.citizen_id:
        return [say(turn.language, "resolution.not_yours", reference=item.reference)]
    return item


def _refused(turn: Turn, item: FeedbackItem, error: SiangError) -> list[Outgoing]:
    return [
        say(
            turn.language,
            "resolution.not_possible",
            *replies.menu_buttons(turn.language),
            reference=item.reference,
            reason=error.message,
        )
    ]


async def fixed(turn: Turn, reference: str) -> list[Outgoing]:
    found = await _own_item(turn, reference)
    if isinstance(found, list):
        return found
    assert found.id is not None
    try:
        await satisfaction.answer_fixed(
            turn.session, found.id, citizen_id=turn.citizen_id, fixed=True, now=turn.now
        )
    except SiangError as error:
        return _refused(turn, found, error)
    turn.reset()
    if found.duplicate_of_id is not None:  # merged into another's ticket: theirs is rated
        return [say(turn.language, "resolution.thanks_fixed_shared")]
    return [say(turn.language, "resolution.thanks_fixed", *replies.rating_buttons(found.reference))]


async def not_fixed(turn: Turn, reference: str) -> list[Outgoing]:
    found = await _own_item(turn, reference)
    if isinstance(found, list):
        return found
    assert found.id is not None
    try:
        await satisfaction.answer_fixed(
            turn.session, found.id, citizen_id=turn.citizen_id, fixed=False, now=turn.now
        )
    except SiangError as error:
        return _refused(turn, found, error)
    turn.reset()
    return [
        say(
            turn.language,
            "resolution.reopened",
            *replies.menu_buttons(turn.language),
            reference=found.reference,
        )
    ]


async def stars(turn: Turn, argument: str) -> list[Outgoing]:
    """A tap on 1–5 stars: keep it and offer a comment (or ข้าม)."""
    reference, _, value = argument.rpartition(":")
    try:
        if not value.isdigit():
            raise InvalidInputError("not a rating")
        satisfaction.check_stars(int(value))
    except InvalidInputError:
        return [replies.menu(turn.language, "fallback")]
    found = await _own_item(turn, reference)
    if isinstance(found, list):
        return found
    turn.go(FLOW, COMMENT, item_id=found.id, reference=found.reference, rating=int(value))
    language = turn.language
    return [
        say(
            language,
            "resolution.ask_comment",
            button(language, "button.skip", Action.SKIP),
            rating=int(value),
        )
    ]


async def submit(turn: Turn, comment: str | None) -> list[Outgoing]:
    """Store the rating (with the comment, if any) and close the flow."""
    saved = turn.data
    turn.reset()
    item_id, rating = saved.get("item_id"), saved.get("rating")
    if not isinstance(item_id, int) or not isinstance(rating, int):
        return [replies.menu(turn.language)]
    try:
        await satisfaction.answer_comment(
            turn.session,
            item_id,
            citizen_id=turn.citizen_id,
            stars=rating,
            comment=comment,
            now=turn.now,
        )
    except SiangError as error:
        return [
            say(
                turn.language,
                "resolution.not_possible",
                *replies.menu_buttons(turn.language),
                reference=str(saved.get("reference", "")),
                reason=error.message,
            )
        ]
    return [replies.menu(turn.language, "resolution.rated")]


async def typed_reply(turn: Turn, message: str) -> list[Outgoing] | None:
    """ "Is it really fixed?" answered in words rather than with its buttons: "แก้แล้วค่ะ" or
    "ใช่" confirms, "ยังไม่ได้แก้เลย ยังมืดเหมือนเดิม" or "ไม่" reopens. Only when exactly one of
    the citizen's items waits for that answer; a reply that tells of another matter (the NLP
    is sure of another topic) is not taken as one. None: not an answer to the question."""
    waiting = [
        item
        for item in await citizen_side.citizen_items(turn.session, turn.citizen_id)
        if item.status is FeedbackStatus.RESOLVED and item.citizen_confirmed_fix is None
    ]
    if len(waiting) != 1:
        return None
    item = waiting[0]
    said = typed_answers.read(message)
    if said is Typed.YES or (said is None and _FIXED.match(message.strip())):
        return await fixed(turn, item.reference)
    if said is not Typed.NO and (said is not None or not _NOT_FIXED.match(message.strip())):
        return None
    analysis = await turn.analyze(message)
    if analysis.category_certain and analysis.category != item.category:
        return None  # "ยังไม่มีใครมาเก็บขยะ…" about something else: a new report
    return await not_fixed(turn, item.reference)
