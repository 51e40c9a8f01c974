"""Consultations in the chat: a tap on an option answers (a new tap changes it), and
"พิมพ์ความเห็น" takes a typed answer (personal data masked, themed by the NLP). The taps carry the
consultation's id, so they work whatever flow is open. Who hears about them: `flows.news`."""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.replies import cancel_button, say
from bot.conversations.turn import Turn
from bot.messages import Outgoing
from bot.texts import format_when
from services import consultations
from services.asking_citizens import Answered, is_open
from services.errors import ConflictError, InvalidInputError, NotFoundError
from storage.models import Consultation

FLOW = "consultation"
FREE = "free"  # step: waiting for the typed answer


async def _consultation(turn: Turn, raw_id: str) -> Consultation | None:
    if not raw_id.isdigit():
        return None
    try:
        return await consultations.get(turn.session, int(raw_id))
    except NotFoundError:
        return None


def _closed(turn: Turn, consultation: Consultation) -> list[Outgoing]:
    return [
        say(
            turn.language,
            "consult.closed",
            *replies.menu_buttons(turn.language),
            title=consultation.title,
        )
    ]


async def tapped(turn: Turn, argument: str) -> list[Outgoing]:
    """A tap on an option ("<id>:<index>"), or the option's number typed after it."""
    raw_id, _, raw_index = argument.partition(":")
    consultation = await _consultation(turn, raw_id)
    if consultation is None or consultation.id is None or not raw_index.isdigit():
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    index = int(raw_index)
    try:
        outcome = await consultations.answer_option(
            turn.session,
            consultation.id,
            citizen_id=turn.citizen_id,
            option_index=index,
            now=turn.now,
        )
    except ConflictError:
        return _closed(turn, consultation)
    except InvalidInputError:
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    option = str(consultation.options[index])
    key = {
        Answered.NEW: "consult.thanks",
        Answered.CHANGED: "consult.changed",
        Answered.SAME: "consult.same",
    }[outcome]
    when = format_when(consultation.closes_at, turn.language)
    return [say(turn.language, key, option=option, when=when)]


async def ask_free(turn: Turn, raw_id: str) -> list[Outgoing]:
    """ "พิมพ์ความเห็น": the next message is the citizen's answer."""
    consultation = await _consultation(turn, raw_id)
    if consultation is None or consultation.id is None or not consultation.free_answer:
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    if not is_open(consultation, turn.now):
        return _closed(turn, consultation)
    turn.go(FLOW, FREE, consultation=consultation.id)
    return [
        say(
            turn.language,
            "consult.ask_free",
            cancel_button(turn.language),
            title=consultation.title,
        )
    ]


async def on_message(turn: Turn) -> list[Outgoing]:
    """A typed message inside the flow: the free answer."""
    message = (turn.inbound.text or "").strip()
    consultation = await _consultation(turn, str(turn.data.get("consultation", "")))
    if consultation is None or consultation.id is None:
        turn.reset()
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    if not message:
        return [say(turn.language, "consult.free_empty", cancel_button(turn.language))]
    analysis = await turn.analyze(message)
    try:
        await consultations.answer_free(
            turn.session,
            consultation.id,
            citizen_id=turn.citizen_id,
            redacted_text=analysis.redacted,
            theme=analysis.category if analysis.language == "th" else None,
            now=turn.now,
        )
    except ConflictError:
        turn.reset()
        return _closed(turn, consultation)
    turn.reset()
    when = format_when(consultation.closes_at, turn.language)
    return [
        say(turn.language, "consult.free_thanks", *replies.menu_buttons(turn.language), when=when)
    ]
