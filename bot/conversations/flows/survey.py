"""Surveys in the chat: the questions one by one. A tap on an option (its button carries the
survey, the question and the option, so it works whatever flow is open, and on an old message
it changes that answer) or a typed answer moves to the next question; "ข้าม" skips an optional
one; the menu leaves, and "เริ่มตอบ" or "แบบสอบถาม" carries on from the first question left.
The state remembers the survey and the question being asked."""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.commands import Action, data
from bot.conversations.replies import MAX_LABEL_CHARS, button, say
from bot.conversations.turn import Turn
from bot.messages import Button, Outgoing
from bot.texts import format_when, text
from services import surveys
from services.asking_citizens import Answered, is_open
from services.errors import ConflictError, InvalidInputError, NotFoundError
from services.surveys import Progress, Question
from storage.models import Survey

FLOW = "survey"
QUESTION = "question"  # step: waiting for the answer to data["question"] of data["survey"]


async def _survey(turn: Turn, raw_id: object) -> Survey | None:
    if not str(raw_id).isdigit():
        return None
    try:
        return await surveys.get(turn.session, int(str(raw_id)))
    except NotFoundError:
        return None


def _unknown(turn: Turn) -> list[Outgoing]:
    turn.reset()
    return [say(turn.language, "survey.unknown", *replies.menu_buttons(turn.language))]


def _closed(turn: Turn, survey: Survey) -> list[Outgoing]:
    turn.reset()
    menu = replies.menu_buttons(turn.language)
    return [say(turn.language, "survey.closed", *menu, title=survey.title)]


def _option_button(survey_id: int, index: int, number: int, label: str) -> Button:
    shown = f"{number}. {label}"
    if len(shown) > MAX_LABEL_CHARS:
        shown = shown[: MAX_LABEL_CHARS - 1] + "…"
    return Button(label=shown, data=data(Action.SURVEY, f"{survey_id}:{index}:{number - 1}"))


def question_message(language: str, survey: Survey, index: int) -> Outgoing:
    """Question `index`: its text, numbered options as buttons, and how to answer it."""
    assert survey.id is not None
    question = surveys.questions_of(survey)[index]
    lines = [
        text(
            language,
            "survey.question",
            title=survey.title,
            number=index + 1,
            total=len(survey.questions),
            text=question.text,
        )
    ]
    lines += [f"{n}. {option}" for n, option in enumerate(question.options, start=1)]
    if question.options:
        lines.append(text(language, "survey.tap_or_type" if question.free_answer else "survey.tap"))
    else:
        lines.append(text(language, "survey.type"))
    buttons = [
        _option_button(survey.id, index, n, option)
        for n, option in enumerate(question.options, start=1)
    ]
    if question.optional:
        lines.append(text(language, "survey.optional"))
        buttons.append(button(language, "button.skip", Action.SURVEY_SKIP, f"{survey.id}:{index}"))
    buttons.append(button(language, "button.menu", Action.MENU))
    return Outgoing(text="\n".join(lines), buttons=tuple(buttons))


def _ask(turn: Turn, survey: Survey, index: int) -> Outgoing:
    turn.go(FLOW, QUESTION, survey=survey.id, question=index)
    return question_message(turn.language, survey, index)


def _done(turn: Turn, survey: Survey) -> list[Outgoing]:
    """Every question answered: thanks, and a button per question to change its answer."""
    assert survey.id is not None
    turn.reset()
    language = turn.language
    edits = [
        Button(
            label=text(language, "button.survey_edit", number=n),
            data=data(Action.SURVEY_GO, f"{survey.id}:{n - 1}"),
        )
        for n in range(1, len(survey.questions) + 1)
    ]
    when = format_when(survey.closes_at, language)
    return [
        say(
            language,
            "survey.done",
            *edits,
            button(language, "button.menu", Action.MENU),
            title=survey.title,
            when=when,
        )
    ]


def _after(turn: Turn, survey: Survey, index: int, progress: Progress) -> list[Outgoing]:
    answer: list[Outgoing] = []
    if progress.outcome is Answered.CHANGED:
        answer.append(say(turn.language, "survey.changed", number=index + 1))
    if progress.next_question is None:
        return answer + _done(turn, survey)
    return [*answer, _ask(turn, survey, progress.next_question)]


async def _answer(
    turn: Turn,
    survey: Survey,
    index: int,
    *,
    option_index: int | None = None,
    typed: str | None = None,
    skipped: bool = False,
) -> list[Outgoing]:
    assert survey.id is not None
    redacted, theme = None, None
    if typed is not None:
        analysis = await turn.analyze(typed)
        redacted = analysis.redacted
        theme = analysis.category if analysis.language == "th" else None
    try:
        progress = await surveys.answer(
            turn.session,
            survey.id,
            citizen_id=turn.citizen_id,
            question_index=index,
            option_index=option_index,
            redacted_text=redacted,
            theme=theme,
            skipped=skipped,
            now=turn.now,
        )
    except ConflictError:
        return _closed(turn, survey)
    return _after(turn, survey, index, progress)


async def start(turn: Turn, argument: str) -> list[Outgoing]:
    """ "เริ่มตอบ" (`<id>`), "แก้ข้อ n" (`<id>:<question>`), or "แบบสอบถาม" (no argument: the
    survey the citizen left unfinished): ask the question to answer next."""
    raw_id, _, raw_index = argument.partition(":")
    if not raw_id:
        survey = await surveys.unfinished(turn.session, turn.citizen_id, now=turn.now)
        if survey is None:
            return [say(turn.language, "survey.none", *replies.menu_buttons(turn.language))]
    else:
        found = await _survey(turn, raw_id)
        if found is None or found.id is None:
            return _unknown(turn)
        survey = found
    if not is_open(survey, turn.now):
        return _closed(turn, survey)
    if raw_index.isdigit() and int(raw_index) < len(survey.questions):
        return [_ask(turn, survey, int(raw_index))]
    index = await surveys.where_to_continue(turn.session, survey, turn.citizen_id)
    if index is None:
        return _done(turn, survey)
    return [_ask(turn, survey, index)]


async def tapped(turn: Turn, argument: str) -> list[Outgoing]:
    """A tap on an option ("<id>:<question>:<option>"), on any question's message."""
    raw_id, raw_index, raw_option = [*argument.split(":"), "", ""][:3]
    survey = await _survey(turn, raw_id)
    if survey is None or not raw_index.isdigit() or not raw_option.isdigit():
        return _unknown(turn)
    try:
        return await _answer(turn, survey, int(raw_index), option_index=int(raw_option))
    except InvalidInputError:
        return _unknown(turn)


async def skip(turn: Turn, argument: str | None = None) -> list[Outgoing]:
    """ "ข้าม": the button ("<id>:<question>"), or the word while a question is asked."""
    if argument:
        raw_id, _, raw_index = argument.partition(":")
    else:
        raw_id, raw_index = str(turn.data.get("survey", "")), str(turn.data.get("question", ""))
    survey = await _survey(turn, raw_id)
    if survey is None or not raw_index.isdigit():
        return _unknown(turn)
    index = int(raw_index)
    try:
        return await _answer(turn, survey, index, skipped=True)
    except InvalidInputError:
        if index >= len(survey.questions):
            return _unknown(turn)
        return [say(turn.language, "survey.not_optional"), _ask(turn, survey, index)]


def _typed_option(question: Question, message: str) -> int | None:
    """A typed option number ("2") or label ("ทุกวัน")."""
    if message.isdigit() and 1 <= int(message) <= len(question.options):
        return int(message) - 1
    labels = [option.strip().lower() for option in question.options]
    lowered = message.strip().lower()
    return labels.index(lowered) if lowered in labels else None


async def on_message(turn: Turn) -> list[Outgoing]:
    """A typed message while a question is asked: its option (by number or label), or the
    citizen's own answer where the question takes one."""
    survey = await _survey(turn, turn.data.get("survey", ""))
    raw_index = str(turn.data.get("question", ""))
    if survey is None or not raw_index.isdigit() or int(raw_index) >= len(survey.questions):
        return _unknown(turn)
    index = int(raw_index)
    question = surveys.questions_of(survey)[index]
    message = (turn.inbound.text or "").strip()
    option = _typed_option(question, message)
    if option is not None:
        return await _answer(turn, survey, index, option_index=option)
    if question.free_answer and message:
        return await _answer(turn, survey, index, typed=message)
    if not question.options:
        return [_ask(turn, survey, index)]
    count = len(question.options)
    return [say(turn.language, "survey.pick_option", count=count), _ask(turn, survey, index)]
