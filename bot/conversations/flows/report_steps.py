"""The steps of `flows.report` and what each says again when the citizen's answer does not
fit it (a sticker, an unknown tap, a yes where a place is wanted)."""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.commands import Action
from bot.conversations.draft import Draft
from bot.conversations.replies import button, cancel_button, location_button, say
from bot.conversations.turn import Turn
from bot.messages import Outgoing

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
CREDIT = "credit"  # praise: where, or whom, to credit (asked once, `flows.praise`)
ANSWERED = "answered"  # a question was answered; it can still be sent to the agency


def choose_target(language: str) -> Outgoing:
    return say(
        language,
        "report.choose_to",
        button(language, "button.to_agency", Action.TARGET, "agency"),
        button(language, "button.to_board", Action.TARGET, "board"),
        cancel_button(language),
    )


def reprompt(turn: Turn) -> list[Outgoing]:
    """Say again what this step is waiting for."""
    draft, language = turn.draft, turn.language
    match turn.step:
        case "target":
            return [choose_target(language)]
        case "confirm":
            return [replies.summary(draft, language)]
        case "category":
            if draft.needs_category:
                return [replies.best_categories(draft, language)]
            return [replies.category_picker(draft, language)]
        case "place":
            return [ask_place(draft, language)]
        case "place_choice":
            return [replies.place_choice(draft, language)]
        case "kind":
            return [replies.kind_picker(language)]
        case "text":
            return [say(language, "report.ask_new_text", cancel_button(language))]
        case "consent":
            return [replies.consent_notice(language)]
        case "credit":
            return [replies.praise_question(draft, language)]
        case "answered":
            return [replies.menu(language)]
    return [say(language, "report.ask_text", location_button(language), cancel_button(language))]


def ask_place(draft: Draft, language: str) -> Outgoing:
    if draft.kind == "question" and not draft.confirmed:
        return say(
            language,
            "question.ask_place",
            location_button(language),
            button(language, "button.skip", Action.SKIP),
            cancel_button(language),
        )
    return replies.ask_place(language)
