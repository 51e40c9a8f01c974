"""Report a problem, ask, praise, or give an opinion or suggestion: describe → check → place →
consent → file.

The NLP proposes a category and a place; the citizen confirms with one tap (ยืนยัน) or corrects
them (แก้ไข: category, place, kind or text). An unsure category is picked from the NLP's best
three (or "อื่นๆ" for all), an unsettled place is asked with a button per area, danger now gets
the numbers to call first; a missing place is asked for; the PDPA notice is accepted once; then
the item is filed with `services.filing.file_feedback` and the reply carries its reference and
agency. A question is answered with where to ask (`flows.question`) and filed only when the
citizen taps "send it"; praise is thanked at once and filed for the agency (`flows.praise`).
"""

from __future__ import annotations

from bot.conversations import citizen_labels, replies, typed_answers
from bot.conversations.commands import Action, Command
from bot.conversations.draft import Draft
from bot.conversations.flows import (
    conversational,
    place_choice,
    praise,
    question,
    report_filing,
)
from bot.conversations.flows.report_steps import (
    ANSWERED,
    CATEGORY,
    CONFIRM,
    CONSENT,
    CREDIT,
    DESCRIBE,
    KIND,
    PLACE,
    PLACE_CHOICE,
    TARGET,
    TEXT,
    ask_place,
    choose_target,
)
from bot.conversations.flows.report_steps import FLOW as FLOW
from bot.conversations.flows.report_steps import reprompt as reprompt
from bot.conversations.replies import cancel_button, location_button, say
from bot.conversations.turn import Turn
from bot.conversations.typed_answers import Typed
from bot.messages import InboundKind, Outgoing, StoredMedia
from bot.texts import category_name
from nlp.analysis import FEEDBACK_INTENTS, Intent, MessageAnalysis, Urgency
from nlp.categories import LABELS
from services.citizen_data import consent
from services.labelled_examples import CATEGORY as CATEGORY_LABEL
from services.labelled_examples import KIND as KIND_LABEL
from services.labelled_examples import CitizenPick
from storage.models import FeedbackKind

_KINDS = tuple(kind.value for kind in FeedbackKind)
# The NLP's reading of a first message that starts a draft of another kind than a problem.
_FIRST_KINDS = {
    Intent.QUESTION: "question",
    Intent.PRAISE: "praise",
    Intent.SUGGESTION: "suggestion",
    Intent.OPINION: "opinion",
}


async def start_report(turn: Turn) -> list[Outgoing]:
    turn.go(FLOW, DESCRIBE, draft=Draft().to_json())
    language = turn.language
    return [say(language, "report.ask_text", location_button(language), cancel_button(language))]


async def start_opinion(turn: Turn) -> list[Outgoing]:
    turn.go(FLOW, TARGET, draft=Draft(kind="opinion").to_json())
    return [choose_target(turn.language)]


async def start_from_message(turn: Turn) -> list[Outgoing]:
    """A photo or location sent while idle starts a report with it."""
    turn.go(FLOW, DESCRIBE, draft=Draft().to_json())
    return await on_message(turn)


async def start_from_text(turn: Turn, message: str, analysis: MessageAnalysis) -> list[Outgoing]:
    """Text sent while idle that the NLP read as feedback (a problem, question, praise …)."""
    turn.go(FLOW, DESCRIBE, draft=Draft().to_json())
    return await _describe(turn, Draft(), message, analysis)


def finished(turn: Turn) -> bool:
    """The flow has said all it had to: a new message starts afresh."""
    return turn.flow == FLOW and turn.step == ANSWERED


async def place_for_answer(turn: Turn) -> list[Outgoing] | None:
    """After a question answered for no area in particular ("…ในพื้นที่ของคุณ"), an area typed
    or shared next names the office itself. None: the message is a new one."""
    draft, inbound = turn.draft, turn.inbound
    if not finished(turn) or draft.kind != "question" or draft.has_place:
        return None
    if inbound.kind is InboundKind.LOCATION and inbound.latitude is not None:
        turn.keep(draft, PLACE)
        return await _location(turn, draft)
    message = (inbound.text or "").strip()
    if inbound.kind is not InboundKind.TEXT or not message:
        return None
    analysis = await turn.analyze(message)
    if analysis.category_certain or (
        analysis.place.province_code is None and analysis.place.settled
    ):
        return None  # a new matter, or no place in it
    turn.keep(draft, PLACE)
    return await _typed_place(turn, draft, message)


async def on_message(turn: Turn) -> list[Outgoing]:
    """A text, photo or location inside the flow."""
    inbound, language = turn.inbound, turn.language
    if turn.step == TARGET:
        return [choose_target(language)]
    if turn.step == CONSENT and inbound.kind is not InboundKind.TEXT:
        return [replies.consent_reminder(language)]
    if turn.step == CREDIT and inbound.kind is not InboundKind.TEXT:
        return await praise.on_message(turn)
    if inbound.kind is InboundKind.IMAGE and inbound.media is not None:
        return await _photo(turn, turn.draft, inbound.media)
    if inbound.kind is InboundKind.LOCATION and inbound.latitude is not None:
        return await _location(turn, turn.draft)
    message = (inbound.text or "").strip()
    if not message:
        return [say(language, "empty", cancel_button(language))]
    return await _text(turn, turn.draft, message)


async def _photo(turn: Turn, draft: Draft, media: StoredMedia) -> list[Outgoing]:
    language = turn.language
    draft.add_photo(media)
    turn.keep(draft)
    if turn.step in (PLACE, PLACE_CHOICE):
        return [say(language, "report.added_photo"), *reprompt(turn)]
    if not draft.text:
        return [
            say(language, "report.got_photo", location_button(language), cancel_button(language))
        ]
    return [say(language, "report.added_photo"), *await _propose(turn, draft)]


async def _location(turn: Turn, draft: Draft) -> list[Outgoing]:
    inbound, language = turn.inbound, turn.language
    draft.latitude, draft.longitude = inbound.latitude, inbound.longitude
    draft.address = inbound.address
    if not draft.text:
        draft.place_chosen = True
        turn.keep(draft)
        return [say(language, "report.got_location", cancel_button(language))]
    answering = turn.step in (PLACE, PLACE_CHOICE)
    if not await place_choice.from_location(turn, draft, answering=answering):
        turn.keep(draft, PLACE)
        return [replies.ask_place(language, "report.place_not_found")]
    return await _after_place(turn, draft)


async def _text(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    """Typed text: the answer to the step the draft is at, or more about the problem."""
    words = typed_answers.read(message)
    if words is Typed.CANCEL:  # "ไม่เอาแล้ว": as the cancel button
        turn.reset()
        return [replies.menu(turn.language, "cancelled")]
    if turn.step in (PLACE, PLACE_CHOICE, CATEGORY):
        return await _typed_at_choice(turn, draft, message, words)
    if turn.step == CONFIRM:
        to_card = await _typed_at_confirm(turn, draft, message, words)
        if to_card is not None:
            return to_card
    if turn.step == KIND:
        return [replies.kind_picker(turn.language)]
    if turn.step == TEXT:
        return await _replace_text(turn, draft, message)
    if turn.step == CONSENT:
        return await _typed_at_consent(turn, draft, message)
    if turn.step == CREDIT:  # a yes or a no tells nothing more: the praise goes as it is
        return await praise.typed(turn, draft, message if words is None else "")
    analysis = await turn.analyze(message)
    if not draft.text:
        answer = await conversational.answer(turn, message, analysis)
        if answer is not None:
            return answer
    elif analysis.urgency is not Urgency.HIGH and (
        analysis.intent not in FEEDBACK_INTENTS
        or (len(message) < _SHORT and not analysis.category_certain)
    ):
        return reprompt(turn)  # "ขอบคุณค่ะ", "อ่อ" while checking the card: not the report
    return await _describe(turn, draft, message, analysis)


async def _typed_at_choice(
    turn: Turn, draft: Draft, message: str, words: Typed | None
) -> list[Outgoing]:
    """Typed where a place or a category is to be chosen: a yes or no asks again ("ไม่ใช่" to
    the best three shows every category); a category's name picks it; a place is read."""
    if turn.step in (PLACE, PLACE_CHOICE):
        if words in (Typed.YES, Typed.NO):
            return reprompt(turn)  # a place is wanted, not a yes or a no
        analysis = await turn.analyze(message)
        if analysis.urgency is Urgency.HIGH:  # "ตอนนี้ไฟลุกแล้ว": the numbers, then where
            return await _describe(turn, draft, message, analysis)
        return await _typed_place(turn, draft, message)
    typed = _typed_category(message)
    if typed is not None:
        return await _choose_category(turn, draft, typed)
    if words is Typed.NO:  # none of the best three: every category
        return [replies.category_picker(draft, turn.language)]
    if words is not None:
        return reprompt(turn)
    return await _typed_instead_of_tapping(turn, draft, message)


_SHORT = 8  # a shorter reply to the card adds nothing to the report unless its topic is sure
_EDITS = {Typed.PLACE: "place", Typed.CATEGORY: "cat", Typed.KIND: "kind", Typed.TEXT: "text"}


async def _typed_at_confirm(
    turn: Turn, draft: Draft, message: str, answer: Typed | None
) -> list[Outgoing] | None:
    """The card answered in words: "ใช่"/"ถูกแล้ว" confirms, "ไม่ใช่ค่ะ" asks what to change,
    "เปลี่ยนที่" changes the place, and a message that names a place but no topic ("เอ้ย ไม่ใช่
    จริงๆอยู่อำเภอหางดง") is the new place. None: more about the problem."""
    if answer is not None:
        edit = Command(Action.EDIT, _EDITS.get(answer, ""))
        return await on_command(turn, Command(Action.CONFIRM) if answer is Typed.YES else edit)
    analysis = await turn.analyze(message)
    names_place = analysis.place.province_code is not None or not analysis.place.settled
    if names_place and not analysis.category_certain and analysis.urgency is not Urgency.HIGH:
        return await _typed_place(turn, draft, message)
    return None


async def _typed_instead_of_tapping(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    """Text typed where a tap was expected: a follow-up, a greeting or gibberish is answered as
    such (a follow-up leaves the draft); anything else tells more about the problem."""
    analysis = await turn.analyze(message)
    if analysis.intent is Intent.FOLLOW_UP:
        return await conversational.answer(turn, message, analysis) or reprompt(turn)
    if (
        analysis.intent in (Intent.GREETING, Intent.UNCLEAR)
        and analysis.urgency is not Urgency.HIGH
    ):
        return reprompt(turn)
    return await _describe(turn, draft, message, analysis)


async def _typed_at_consent(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    """Text while the PDPA question waits: a typed yes or no answers it; danger now gets the
    numbers to call and is kept, to be taken up as its own report once the question is answered
    (nothing typed in an emergency is dropped); a follow-up gets its answer; each before a short
    reminder (the notice itself was just read, it is not repeated)."""
    typed = typed_answers.read(message)
    if typed in (Typed.YES, Typed.NO):
        return await _consent(turn, draft, accepted=typed is Typed.YES)
    analysis = await turn.analyze(message)
    before: list[Outgoing] = []
    if analysis.urgency is Urgency.HIGH:
        before.append(
            replies.emergency_notice(
                turn.language,
                [hazard.value for hazard in analysis.hazards],
                analysis.place.province_code or draft.province_code,
                message,
            )
        )
        draft.waiting.append(message)
        turn.keep(draft, CONSENT)
    elif analysis.intent is Intent.FOLLOW_UP:
        before += await conversational.answer(turn, message, analysis) or []
    return [*before, replies.consent_reminder(turn.language, waiting=bool(draft.waiting))]


async def _describe(
    turn: Turn, draft: Draft, message: str, analysis: MessageAnalysis
) -> list[Outgoing]:
    """A message describing the problem (or adding to it): what the NLP reads, then the next
    question: the category, the place, or the card to confirm."""
    first = not draft.text
    draft.text = f"{draft.text}\n{message}".strip() if draft.text else message
    if not first or draft.has_location:
        analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    before = await _adopt(turn, draft, analysis, first=first)
    if first and draft.kind == "praise":
        return before + await praise.thank(turn, draft)
    if first and draft.kind == "question":
        before += question.emergency_numbers_first(turn.language, analysis)
    if first and await conversational.tells_a_new_problem(turn, analysis):
        category = category_name(analysis.category, turn.language)
        before.append(say(turn.language, "follow.as_new", category=category))
    return before + await _propose(turn, draft)


async def _adopt(
    turn: Turn, draft: Draft, analysis: MessageAnalysis, *, first: bool
) -> list[Outgoing]:
    """Take what the NLP read (category, kind, place) into the draft; an emergency notice
    comes first when the draft has just become urgent."""
    draft.take_analysis(analysis)
    _adopt_kind(draft, analysis, first=first)
    await place_choice.from_text(turn, draft, analysis)
    if draft.becomes_urgent(analysis):
        return [
            replies.emergency_notice(turn.language, draft.hazards, draft.province_code, draft.text)
        ]
    return []


def _adopt_kind(draft: Draft, analysis: MessageAnalysis, *, first: bool) -> None:
    """The kind the NLP reads, unless the citizen chose one. A first message may make the draft
    a question or praise; later ones only turn a problem into a suggestion or opinion. Danger
    now stays a problem, to be filed as urgent."""
    intent = analysis.intent
    if first:
        draft.proposed_kind = intent.value if intent in FEEDBACK_INTENTS else None
    if draft.kind_chosen:
        return
    urgent = analysis.urgency is Urgency.HIGH
    if draft.kind == "complaint":
        if first and intent in _FIRST_KINDS and not urgent:
            draft.kind = _FIRST_KINDS[intent]
        elif intent in (Intent.SUGGESTION, Intent.OPINION):
            draft.kind = intent.value
    elif draft.kind == "opinion" and intent is Intent.SUGGESTION:
        draft.kind = "suggestion"


async def on_command(turn: Turn, command: Command) -> list[Outgoing] | None:
    """A tap inside the flow; None when it means nothing here."""
    if turn.step == CREDIT:
        return await praise.on_command(turn, command)
    return await _on_command(turn, command)


async def _on_command(turn: Turn, command: Command) -> list[Outgoing] | None:
    draft, language = turn.draft, turn.language
    match command.action, command.arg:
        case Action.TARGET, ("agency" | "board") as target:
            draft.target_board = target == "board"
            turn.keep(draft, DESCRIBE)
            return [say(language, "report.ask_opinion_text", cancel_button(language))]
        case Action.CONFIRM, _ if turn.step == CONFIRM:
            draft.confirmed = True
            return await _proceed(turn, draft)
        case Action.ASK, _ if turn.step == ANSWERED:
            draft.confirmed = True
            return await _proceed(turn, draft)
        case Action.EDIT, "" if turn.step == CONFIRM:
            return [replies.edit_choices(language)]
        case Action.EDIT, "cat" if draft.text:
            turn.keep(draft, CATEGORY)
            return [replies.category_picker(draft, language)]
        case Action.EDIT, "place" if draft.text:
            draft.confirmed = False
            turn.keep(draft, PLACE)
            return [replies.ask_place(language)]
        case Action.EDIT, "kind" if draft.text:
            turn.keep(draft, KIND)
            return [replies.kind_picker(language)]
        case Action.EDIT, "text" if draft.text:
            draft.confirmed = False
            turn.keep(draft, TEXT)
            return [say(language, "report.ask_new_text", cancel_button(language))]
        case Action.KIND, kind if kind in _KINDS and draft.text:
            return await _choose_kind(turn, draft, kind)
        case Action.CATEGORY, index if index.isdigit() and int(index) < len(LABELS) and draft.text:
            return await _choose_category(turn, draft, LABELS[int(index)])
        case Action.CATEGORY_PAGE, page if page.isdigit() and draft.text:
            turn.keep(draft, CATEGORY)
            return [replies.category_picker(draft, language, int(page))]
        case Action.PLACE, code if turn.step == PLACE_CHOICE and place_choice.choose(draft, code):
            return await _after_place(turn, draft)
        case Action.SKIP, _ if turn.step == PLACE and draft.kind == "question":
            draft.place_skipped = True
            return await _propose(turn, draft)
        case Action.CONSENT, answer if turn.step == CONSENT:
            return await _consent(turn, draft, accepted=answer == "yes")
    return None


async def _propose(turn: Turn, draft: Draft) -> list[Outgoing]:
    """What to ask next before the citizen confirms: an unsure category, an unsettled place;
    a question's answer; a report's place when none is known yet; or the card."""
    if draft.needs_category:
        turn.keep(draft, CATEGORY)
        return [replies.best_categories(draft, turn.language)]
    if draft.place_question is not None:
        turn.keep(draft, PLACE_CHOICE)
        return [replies.place_choice(draft, turn.language)]
    if draft.kind == "question" and not draft.target_board:
        turn.keep(draft, ANSWERED)
        if draft.has_place or draft.place_skipped:
            return await question.answer(turn, draft)
        general = await question.answer(turn, draft, unless_area_matters=True)
        if general:
            return general
        turn.keep(draft, PLACE)  # which office answers depends on where: ask first
        return [ask_place(draft, turn.language)]
    if not draft.has_place:  # the card to check is the whole report, place and all
        turn.keep(draft, PLACE)
        key = place_choice.ask_key(draft)
        where = replies.place_text(draft, turn.language)
        return [replies.ask_place(turn.language, key, place=where)]
    turn.keep(draft, CONFIRM)
    return [replies.summary(draft, turn.language)]


def _typed_category(message: str) -> str | None:
    wanted = message.strip().lower()
    for label in LABELS:
        if wanted == label.lower():
            return label
    return None


async def _choose_category(turn: Turn, draft: Draft, label: str) -> list[Outgoing]:
    """The citizen's pick (from the best three, the full list, or a correction) is kept as a
    labelled example."""
    proposed = draft.candidates[0] if draft.candidates else None
    pick = CitizenPick(CATEGORY_LABEL, label, proposed=proposed, offered=tuple(draft.candidates))
    await citizen_labels.keep(turn, draft, pick)
    draft.category, draft.category_chosen = label, True
    if draft.confirmed:
        return await _proceed(turn, draft)
    return await _propose(turn, draft)


async def _choose_kind(turn: Turn, draft: Draft, kind: str) -> list[Outgoing]:
    pick = CitizenPick(KIND_LABEL, kind, proposed=draft.proposed_kind, offered=_KINDS)
    await citizen_labels.keep(turn, draft, pick)
    draft.kind, draft.kind_chosen = kind, True
    draft.confirmed = False
    return await _propose(turn, draft)


async def _replace_text(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    """A new text from the edit step: analysed again (category and place unless chosen)."""
    draft.text = message
    analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    return await _adopt(turn, draft, analysis, first=False) + await _propose(turn, draft)


async def _typed_place(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    if not await place_choice.typed(turn, draft, message):
        turn.keep(draft)
        if draft.place_question is not None:
            return [replies.place_choice(draft, turn.language)]
        return [replies.ask_place(turn.language, "report.place_not_found")]
    return await _after_place(turn, draft)


async def _after_place(turn: Turn, draft: Draft) -> list[Outgoing]:
    if draft.confirmed:
        return await _proceed(turn, draft)
    return await _propose(turn, draft)


async def _proceed(turn: Turn, draft: Draft) -> list[Outgoing]:
    """After ยืนยัน (or "send my question"): ask what is still missing, then file."""
    if draft.needs_category:
        turn.keep(draft, CATEGORY)
        return [replies.best_categories(draft, turn.language)]
    if draft.place_question is not None:
        turn.keep(draft, PLACE_CHOICE)
        return [replies.place_choice(draft, turn.language)]
    if not draft.has_place:
        turn.keep(draft, PLACE)
        return [replies.ask_place(turn.language)]
    if not consent.is_given(turn.citizen):
        turn.keep(draft, CONSENT)
        return [replies.consent_notice(turn.language)]
    return await report_filing.file(turn, draft)


async def _consent(turn: Turn, draft: Draft, *, accepted: bool) -> list[Outgoing]:
    if not accepted:
        consent.decline(turn.session, turn.citizen)
        turn.reset()
        return [replies.menu(turn.language, "consent.declined")]
    consent.give(turn.session, turn.citizen, now=turn.now)
    if not draft.waiting:
        return await report_filing.file(turn, draft)
    filed = await report_filing.file(turn, draft, offer_news=False)
    # the urgent message kept while the question waited, as a report of its own (its numbers to
    # call were given when it came)
    text = "\n".join(draft.waiting)
    analysis = await turn.analyze(text)
    urgent = Draft(urgent=True)
    turn.go(FLOW, DESCRIBE, draft=urgent.to_json())
    return [*filed, *await _describe(turn, urgent, text, analysis)]
