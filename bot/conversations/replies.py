"""Building the messages flows send back: the menu, the summary card, pickers, lists."""

from __future__ import annotations

from bot.conversations.commands import Action, data
from bot.conversations.draft import Draft
from bot.messages import Button, Card, Outgoing
from bot.texts import category_name, kind_name, text
from nlp.categories import LABELS

CATEGORY_PAGE_SIZE = 9  # plus "more" and "cancel": LINE shows up to 13 quick replies


def button(language: str, key: str, action: Action, arg: str = "") -> Button:
    return Button(label=text(language, key), data=data(action, arg))


def cancel_button(language: str) -> Button:
    return button(language, "button.cancel", Action.CANCEL)


def location_button(language: str) -> Button:
    return Button(label=text(language, "button.share_location"), action="location")


def menu_buttons(language: str) -> tuple[Button, ...]:
    return (
        button(language, "menu.report", Action.REPORT),
        button(language, "menu.opinion", Action.OPINION),
        button(language, "menu.follow", Action.FOLLOW),
        button(language, "menu.help", Action.HELP),
        button(language, "menu.my_data", Action.MY_DATA),
        button(language, "menu.language", Action.LANGUAGE, "th" if language == "en" else "en"),
    )


def menu(language: str, key: str = "menu.title") -> Outgoing:
    return Outgoing(text=text(language, key), buttons=menu_buttons(language))


def say(language: str, key: str, *buttons: Button, **values: object) -> Outgoing:
    return Outgoing(text=text(language, key, **values), buttons=tuple(buttons))


def place_text(draft: Draft, language: str) -> str:
    if draft.place_label:
        return draft.place_label
    if draft.location_text:
        return draft.location_text
    if draft.has_location:
        assert draft.latitude is not None and draft.longitude is not None
        return text(language, "place.pin", lat=draft.latitude, lon=draft.longitude)
    return text(language, "place.unknown")


def summary(draft: Draft, language: str) -> Outgoing:
    """The card the citizen confirms (ยืนยัน) or corrects (แก้ไข)."""
    is_report = draft.kind == "complaint" and not draft.target_board
    details = draft.text if len(draft.text) <= 300 else draft.text[:297] + "…"
    rows: list[tuple[str, str]] = [(text(language, "field.kind"), kind_name(draft.kind, language))]
    if draft.target_board:
        rows.append((text(language, "field.to"), text(language, "button.to_board")))
    rows += [
        (text(language, "field.category"), category_name(draft.category, language)),
        (text(language, "field.place"), place_text(draft, language)),
        (text(language, "field.details"), details),
    ]
    if draft.media:
        rows.append((text(language, "field.photos"), str(len(draft.media))))
    buttons = (
        button(language, "button.confirm", Action.CONFIRM),
        button(language, "button.edit", Action.EDIT),
        cancel_button(language),
    )
    title = text(language, "report.card_title" if is_report else "opinion.card_title")
    return Outgoing(
        text=text(language, "report.proposal"),
        buttons=buttons,
        card=Card(title=title, fields=tuple(rows), buttons=buttons),
    )


def edit_choices(language: str) -> Outgoing:
    return say(
        language,
        "report.edit_what",
        button(language, "button.edit_category", Action.EDIT, "cat"),
        button(language, "button.edit_place", Action.EDIT, "place"),
        cancel_button(language),
    )


def category_picker(draft: Draft, language: str, page: int = 0) -> Outgoing:
    """The NLP's best guesses first, then every category a page at a time."""
    ordered = [label for label in draft.candidates if label in LABELS]
    ordered += [label for label in LABELS if label not in ordered]
    start = page * CATEGORY_PAGE_SIZE
    shown = ordered[start : start + CATEGORY_PAGE_SIZE]
    buttons = [
        Button(
            label=category_name(label, language),
            data=data(Action.CATEGORY, str(LABELS.index(label))),
        )
        for label in shown
    ]
    if start + CATEGORY_PAGE_SIZE < len(ordered):
        buttons.append(button(language, "button.more", Action.CATEGORY_PAGE, str(page + 1)))
    buttons.append(cancel_button(language))
    return Outgoing(text=text(language, "report.choose_category"), buttons=tuple(buttons))


def ask_place(language: str, key: str = "report.ask_place") -> Outgoing:
    return say(language, key, location_button(language), cancel_button(language))


def consent_notice(language: str) -> Outgoing:
    return say(
        language,
        "consent.notice",
        button(language, "button.accept", Action.CONSENT, "yes"),
        button(language, "button.decline", Action.CONSENT, "no"),
    )


def rating_buttons(reference: str) -> tuple[Button, ...]:
    return tuple(
        Button(label=f"{stars} ⭐", data=data(Action.RATE, f"{reference}:{stars}"))
        for stars in range(1, 6)
    )
