"""Report a problem, or give an opinion or suggestion: describe → check → place → consent → file.

The NLP proposes a category and a place; the citizen confirms with one tap (ยืนยัน) or corrects
them (แก้ไข); a missing place is asked for; the PDPA notice is accepted once; then the item is
filed with `services.tickets.file_feedback` and the reply carries its reference and agency.
"""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.commands import Action, Command
from bot.conversations.draft import Draft
from bot.conversations.replies import button, cancel_button, location_button, say
from bot.conversations.turn import Turn
from bot.messages import InboundKind, Outgoing
from bot.notifications import render_notification
from nlp.analysis import Intent
from nlp.categories import LABELS
from services import tickets
from storage.models import ConsentState, FeedbackKind
from storage.repositories.citizens import CitizenRepository

FLOW = "report"
TARGET = "target"  # opinion: to the agency or to the province's board
DESCRIBE = "describe"
CONFIRM = "confirm"
CATEGORY = "category"
PLACE = "place"
CONSENT = "consent"

_OPINION_KINDS = {Intent.SUGGESTION: "suggestion"}


async def start_report(turn: Turn) -> list[Outgoing]:
    turn.go(FLOW, DESCRIBE, draft=Draft().to_json())
    language = turn.language
    return [say(language, "report.ask_text", location_button(language), cancel_button(language))]


async def start_opinion(turn: Turn) -> list[Outgoing]:
    turn.go(FLOW, TARGET, draft=Draft(kind="opinion").to_json())
    return [_choose_target(turn.language)]


async def start_from_message(turn: Turn) -> list[Outgoing]:
    """A text, photo or location sent while idle starts a report with it."""
    turn.go(FLOW, DESCRIBE, draft=Draft().to_json())
    return await on_message(turn)


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
    inbound, draft, language = turn.inbound, turn.draft, turn.language
    if turn.step == TARGET:
        return [_choose_target(language)]
    if turn.step == CONSENT:
        return [replies.consent_notice(language)]
    if inbound.kind is InboundKind.IMAGE and inbound.media is not None:
        draft.media.append(
            {
                "content_type": inbound.media.content_type,
                "storage_key": inbound.media.storage_key,
                "size_bytes": inbound.media.size_bytes,
                "sha256": inbound.media.sha256,
            }
        )
        turn.keep(draft)
        if turn.step == PLACE:
            return [say(language, "report.added_photo"), replies.ask_place(language)]
        if not draft.text:
            return [
                say(
                    language, "report.got_photo", location_button(language), cancel_button(language)
                )
            ]
        return [say(language, "report.added_photo"), *_propose(turn, draft)]
    if inbound.kind is InboundKind.LOCATION and inbound.latitude is not None:
        draft.latitude, draft.longitude = inbound.latitude, inbound.longitude
        draft.address = inbound.address
        draft.place_chosen = True
        if not draft.text:
            turn.keep(draft)
            return [say(language, "report.got_location", cancel_button(language))]
        analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
        draft.take_place(analysis.place)
        return await _after_place(turn, draft)
    message = (inbound.text or "").strip()
    if not message:
        return [say(language, "empty", cancel_button(language))]
    if turn.step == PLACE:
        return await _typed_place(turn, draft, message)
    if turn.step == CATEGORY:
        typed = _typed_category(message)
        if typed is not None:
            return await _choose_category(turn, draft, typed)
        return [replies.category_picker(draft, language)]
    draft.text = f"{draft.text}\n{message}".strip() if draft.text else message
    analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    draft.take_analysis(analysis)
    if draft.kind == "complaint" and analysis.intent in (Intent.SUGGESTION, Intent.OPINION):
        draft.kind = analysis.intent.value
    elif draft.kind == "opinion" and analysis.intent is Intent.SUGGESTION:
        draft.kind = "suggestion"
    return _propose(turn, draft)


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
        case Action.EDIT, "" if turn.step == CONFIRM:
            return [replies.edit_choices(language)]
        case Action.EDIT, "cat" if draft.text:
            turn.keep(draft, CATEGORY)
            return [replies.category_picker(draft, language)]
        case Action.EDIT, "place" if draft.text:
            draft.confirmed = False
            turn.keep(draft, PLACE)
            return [replies.ask_place(language)]
        case Action.CATEGORY, index if index.isdigit() and int(index) < len(LABELS) and draft.text:
            return await _choose_category(turn, draft, LABELS[int(index)])
        case Action.CATEGORY_PAGE, page if page.isdigit() and draft.text:
            return [replies.category_picker(draft, language, int(page))]
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
            return [replies.category_picker(draft, language)]
        case "place":
            return [replies.ask_place(language)]
        case "consent":
            return [replies.consent_notice(language)]
    return [say(language, "report.ask_text", location_button(language), cancel_button(language))]


def _needs_category(draft: Draft) -> bool:
    """A problem needs a category to be routed; an opinion may be about anything."""
    return draft.category is None and draft.kind == "complaint"


def _propose(turn: Turn, draft: Draft) -> list[Outgoing]:
    if _needs_category(draft):
        turn.keep(draft, CATEGORY)
        return [replies.category_picker(draft, turn.language)]
    turn.keep(draft, CONFIRM)
    return [replies.summary(draft, turn.language)]


def _typed_category(message: str) -> str | None:
    wanted = message.strip().lower()
    for label in LABELS:
        if wanted == label.lower():
            return label
    return None


async def _choose_category(turn: Turn, draft: Draft, label: str) -> list[Outgoing]:
    draft.category, draft.category_chosen = label, True
    if draft.confirmed:
        return await _proceed(turn, draft)
    return _propose(turn, draft)


async def _typed_place(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    analysis = await turn.analyze(message)
    if not draft.take_place(analysis.place):
        turn.keep(draft, PLACE)
        return [replies.ask_place(turn.language, "report.place_not_found")]
    draft.location_text = message[:500]
    draft.place_chosen = True
    return await _after_place(turn, draft)


async def _after_place(turn: Turn, draft: Draft) -> list[Outgoing]:
    if draft.confirmed:
        return await _proceed(turn, draft)
    return _propose(turn, draft)


async def _proceed(turn: Turn, draft: Draft) -> list[Outgoing]:
    """After ยืนยัน: ask what is still missing, then file."""
    if _needs_category(draft):
        turn.keep(draft, CATEGORY)
        return [replies.category_picker(draft, turn.language)]
    if not draft.has_place:
        turn.keep(draft, PLACE)
        return [replies.ask_place(turn.language)]
    if turn.citizen.consent_state is not ConsentState.ACCEPTED:
        turn.keep(draft, CONSENT)
        return [replies.consent_notice(turn.language)]
    return await _file(turn, draft)


async def _consent(turn: Turn, draft: Draft, *, accepted: bool) -> list[Outgoing]:
    citizen = turn.citizen
    if not accepted:
        citizen.consent_state = ConsentState.DECLINED
        turn.session.add(citizen)
        turn.reset()
        return [replies.menu(turn.language, "consent.declined")]
    citizen.consent_state, citizen.consent_at = ConsentState.ACCEPTED, turn.now
    turn.session.add(citizen)
    return await _file(turn, draft)


async def _file(turn: Turn, draft: Draft) -> list[Outgoing]:
    analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    filed = await tickets.file_feedback(
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
        media=[tickets.NewMedia(**media) for media in draft.media],
        target_board=draft.target_board,
        now=turn.now,
    )
    item = filed.item
    assert item.id is not None
    payload = {
        "reference": item.reference,
        "agency_name": filed.agency.name_th if filed.agency else None,
        "board_name": filed.board.name_th if filed.board and draft.target_board else None,
        "category": item.category,
        "status": item.status.value,
        "duplicate_of_reference": filed.duplicate_of.reference if filed.duplicate_of else None,
        "follower_count": filed.follower_count,
        "reporter_number": filed.follower_count + 1 if filed.duplicate_of else 1,
    }
    # The reply below is the citizen's "ticket_filed" message; the queued copy is not sent again.
    await CitizenRepository(turn.session).mark_citizen_message_delivered(
        feedback_id=item.id, citizen_id=turn.citizen_id, kind="ticket_filed", now=turn.now
    )
    turn.reset()
    return render_notification("ticket_filed", payload, turn.language)
