"""Report a problem, ask, praise, or give an opinion or suggestion: describe → check → place →
consent → file.

The NLP proposes a category and a place; the citizen confirms with one tap (ยืนยัน) or corrects
them (แก้ไข: category, place, kind or text). An unsure category is picked from the NLP's best
three (or "อื่นๆ" for all), an unsettled place is asked with a button per area, danger now gets
the numbers to call first; a missing place is asked for; the PDPA notice is accepted once; then
the item is filed with `services.filing.file_feedback` and the reply carries its reference and
agency. A question is answered with where to ask (`flows.question`) and filed only when the
citizen taps "send it"; praise is thanked and filed for the agency.
"""

from __future__ import annotations

import re

from bot.conversations import citizen_labels, replies
from bot.conversations.commands import Action, Command
from bot.conversations.draft import Draft
from bot.conversations.flows import conversational, news, place_choice, question
from bot.conversations.replies import button, cancel_button, location_button, say
from bot.conversations.turn import Turn
from bot.messages import InboundKind, Outgoing, StoredMedia
from bot.notice_messages import render_notice
from nlp.analysis import FEEDBACK_INTENTS, Intent, MessageAnalysis, Urgency
from nlp.categories import LABELS
from services import filing, ticket_changes
from services.citizen_data import consent
from services.labelled_examples import CATEGORY as CATEGORY_LABEL
from services.labelled_examples import KIND as KIND_LABEL
from services.labelled_examples import CitizenPick
from storage.models import FeedbackKind
from storage.repositories import outbound_messages

FLOW = "report"
TARGET = "target"  # opinion: to the agency or to the province's board
DESCRIBE = "describe"
CONFIRM = "confirm"
CATEGORY = "category"
PLACE = "place"
PLACE_CHOICE = "place_choice"  # which of several areas (or text and pin disagree)
KIND = "kind"
TEXT = "text"  # typing a new text in the edit step
CONSENT = "consent"
ANSWERED = "answered"  # a question was answered; it can still be sent to the agency

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
    return [_choose_target(turn.language)]


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


def _choose_target(language: str) -> Outgoing:
    return say(
        language,
        "report.choose_to",
        button(language, "button.to_agency", Action.TARGET, "agency"),
        button(language, "button.to_board", Action.TARGET, "board"),
        cancel_button(language),
    )


async def on_message(turn: Turn) -> list[Outgoing]:
    """A text, photo or location inside the flow."""
    inbound, language = turn.inbound, turn.language
    if turn.step == TARGET:
        return [_choose_target(language)]
    if turn.step == CONSENT and inbound.kind is not InboundKind.TEXT:
        return [replies.consent_reminder(language)]
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
    draft.media.append(
        {
            "content_type": media.content_type,
            "storage_key": media.storage_key,
            "size_bytes": media.size_bytes,
            "sha256": media.sha256,
        }
    )
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
    if turn.step in (PLACE, PLACE_CHOICE):
        return await _typed_place(turn, draft, message)
    if turn.step == CATEGORY:
        typed = _typed_category(message)
        if typed is not None:
            return await _choose_category(turn, draft, typed)
        return await _typed_instead_of_tapping(turn, draft, message)
    if turn.step == KIND:
        return [replies.kind_picker(turn.language)]
    if turn.step == TEXT:
        return await _replace_text(turn, draft, message)
    if turn.step == CONSENT:
        return await _typed_at_consent(turn, draft, message)
    analysis = await turn.analyze(message)
    if not draft.text:
        answer = await conversational.answer(turn, message, analysis)
        if answer is not None:
            return answer
    elif analysis.urgency is not Urgency.HIGH and analysis.intent not in FEEDBACK_INTENTS:
        return reprompt(turn)  # "ขอบคุณค่ะ" while checking the card is not part of the report
    return await _describe(turn, draft, message, analysis)


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


# Typed answers to the PDPA question, beside the buttons' own labels (matched anywhere).
_YES = frozenset(
    {"ตกลง", "โอเค", "ok", "okay", "ได้", "ยอม", "ยินยอม", "ยอมรับ", "yes", "y", "accept"}
)
_NO = frozenset({"ไม่", "ไม่ยอม", "ไม่ยอมรับ", "ไม่ยินยอม", "ไม่เอา", "ไม่ตกลง", "no", "n", "decline"})
_POLITE_END = re.compile(r"(?:\s*(?:ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ|นะ|ฮะ|ค่า|[!.。]))+$")


async def _typed_at_consent(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    """Text while the PDPA question waits: a typed yes or no answers it; danger now gets the
    numbers to call and a follow-up its answer, each before a short reminder (the notice itself
    was just read, it is not repeated)."""
    words = _POLITE_END.sub("", message.strip().lower())
    if words in _YES:
        return await _consent(turn, draft, accepted=True)
    if words in _NO:
        return await _consent(turn, draft, accepted=False)
    analysis = await turn.analyze(message)
    before: list[Outgoing] = []
    if analysis.urgency is Urgency.HIGH:
        before.append(
            replies.emergency_notice(
                turn.language, [hazard.value for hazard in analysis.hazards], draft.province_code
            )
        )
    elif analysis.intent is Intent.FOLLOW_UP:
        before += await conversational.answer(turn, message, analysis) or []
    return [*before, replies.consent_reminder(turn.language)]


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
        before.append(say(turn.language, "praise.thanks"))
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
        return [replies.emergency_notice(turn.language, draft.hazards, draft.province_code)]
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


def reprompt(turn: Turn) -> list[Outgoing]:
    """Say again what this step is waiting for."""
    draft, language = turn.draft, turn.language
    match turn.step:
        case "target":
            return [_choose_target(language)]
        case "confirm":
            return [replies.summary(draft, language)]
        case "category":
            if draft.needs_category:
                return [replies.best_categories(draft, language)]
            return [replies.category_picker(draft, language)]
        case "place":
            return [_ask_place(draft, language)]
        case "place_choice":
            return [replies.place_choice(draft, language)]
        case "kind":
            return [replies.kind_picker(language)]
        case "text":
            return [say(language, "report.ask_new_text", cancel_button(language))]
        case "consent":
            return [replies.consent_notice(language)]
        case "answered":
            return [replies.menu(language)]
    return [say(language, "report.ask_text", location_button(language), cancel_button(language))]


def _ask_place(draft: Draft, language: str) -> Outgoing:
    if draft.kind == "question" and not draft.confirmed:
        return say(
            language,
            "question.ask_place",
            location_button(language),
            button(language, "button.skip", Action.SKIP),
            cancel_button(language),
        )
    return replies.ask_place(language)


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
        if not draft.has_place and not draft.place_skipped:
            turn.keep(draft, PLACE)
            return [_ask_place(draft, turn.language)]
        turn.keep(draft, ANSWERED)
        return await question.answer(turn, draft)
    if not draft.has_place:  # the card to check is the whole report, place and all
        turn.keep(draft, PLACE)
        return [replies.ask_place(turn.language)]
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
    return await _file(turn, draft)


async def _consent(turn: Turn, draft: Draft, *, accepted: bool) -> list[Outgoing]:
    if not accepted:
        consent.decline(turn.session, turn.citizen)
        turn.reset()
        return [replies.menu(turn.language, "consent.declined")]
    consent.give(turn.session, turn.citizen, now=turn.now)
    return await _file(turn, draft)


async def _file(turn: Turn, draft: Draft) -> list[Outgoing]:
    analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    filed = await filing.file_feedback(
        turn.session,
        channel=turn.citizen.channel,
        text=draft.text,
        analysis=analysis,
        citizen_id=turn.citizen_id,
        kind=FeedbackKind(draft.kind),
        category=draft.category,
        province_code=draft.province_code,
        district_code=draft.district_code,
        subdistrict_code=draft.subdistrict_code,
        latitude=draft.latitude,
        longitude=draft.longitude,
        location_text=draft.location_text or draft.address,
        media=[ticket_changes.NewMedia(**media) for media in draft.media],
        target_board=draft.target_board,
        now=turn.now,
    )
    item = filed.item
    assert item.id is not None
    await citizen_labels.file_with(turn, draft, feedback_id=item.id)
    payload = {
        "reference": item.reference,
        "kind": item.kind.value,
        "agency_name": filed.agency.name_th if filed.agency else None,
        "board_name": filed.board.name_th if filed.board and draft.target_board else None,
        "category": item.category,
        "status": item.status.value,
        "duplicate_of_reference": filed.duplicate_of.reference if filed.duplicate_of else None,
        "follower_count": filed.follower_count,
        "reporter_number": filed.follower_count + 1 if filed.duplicate_of else 1,
    }
    # The reply below is the citizen's "ticket_filed" message; the queued copy is not sent again.
    await outbound_messages.settle_answered_in_conversation(
        turn.session, feedback_id=item.id, citizen_id=turn.citizen_id, kind="ticket_filed"
    )
    turn.reset()
    offer = await news.offer_after_first_report(
        turn, item.reference, item.province_code, item.district_code
    )
    return [*render_notice("ticket_filed", payload, turn.language), *offer]
