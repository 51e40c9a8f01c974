"""Building the messages flows send back: the menu, the summary card, pickers, lists, the
answer to a question and the numbers to call in an emergency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.conversations.commands import Action, data
from bot.conversations.draft import CONFLICT, MUEANG, Draft, option_code, place_label
from bot.messages import Button, Card, Outgoing
from bot.texts import category_name, kind_name, text
from nlp.analysis import PlaceOption
from nlp.categories import LABELS
from nlp.gazetteer import Gazetteer, Level
from nlp.self_harm import speaks_of_self_harm
from services.emergency_numbers import NUMBERS, lines_to_call
from storage.models import FeedbackKind

CATEGORY_PAGE_SIZE = 9  # plus "more" and "cancel": LINE shows up to 13 quick replies
BEST_CATEGORIES = 3  # an unsure category: the NLP's best three, "อื่นๆ" and "cancel"
MAX_PLACE_BUTTONS = 10  # more areas than this: the citizen types or shares the place instead
MAX_LABEL_CHARS = 20  # LINE's quick-reply label limit


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
        button(language, "menu.volunteer", Action.VOLUNTEER),
        button(language, "menu.language", Action.LANGUAGE, "th" if language == "en" else "en"),
    )


def menu(language: str, key: str = "menu.title") -> Outgoing:
    return Outgoing(text=text(language, key), buttons=menu_buttons(language))


def say(language: str, key: str, *buttons: Button, **values: object) -> Outgoing:
    return Outgoing(text=text(language, key, **values), buttons=tuple(buttons))


def place_text(draft: Draft, language: str) -> str:
    if draft.place_label:
        english = _english_place(draft) if language == "en" else None
        return english or draft.place_label
    if draft.location_text:
        return draft.location_text
    if draft.has_location:
        assert draft.latitude is not None and draft.longitude is not None
        return text(language, "place.pin", lat=draft.latitude, lon=draft.longitude)
    return text(language, "place.unknown")


def _english_place(draft: Draft) -> str | None:
    """The area in its official English names ("Si Lom, Bang Rak, Bangkok") for a citizen
    reading English; None when a code is unknown to the gazetteer."""
    areas = Gazetteer.load()
    levels = (
        (Level.SUBDISTRICT, draft.subdistrict_code),
        (Level.DISTRICT, draft.district_code),
        (Level.PROVINCE, draft.province_code),
    )
    try:
        names = [areas.area(level, code).name_en for level, code in levels if code]
    except KeyError:
        return None
    return ", ".join(names) or None


def _card_title(draft: Draft, language: str) -> str:
    if draft.kind == "praise":
        return text(language, "praise.card_title")
    if draft.kind == "complaint" and not draft.target_board:
        return text(language, "report.card_title")
    return text(language, "opinion.card_title")


def summary(draft: Draft, language: str) -> Outgoing:
    """The card the citizen confirms (ยืนยัน) or corrects (แก้ไข)."""
    details = draft.text if len(draft.text) <= 300 else draft.text[:297] + "…"
    rows: list[tuple[str, str]] = [(text(language, "field.kind"), kind_name(draft.kind, language))]
    if draft.urgent:
        rows.append((text(language, "field.urgency"), text(language, "urgency.high")))
    if draft.target_board:
        rows.append((text(language, "field.to"), text(language, "field.to_board")))
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
    proposal = text(language, "report.proposal")
    others = draft.other_topics
    if others:
        also = ", ".join(category_name(topic, language) for topic in others)
        category = category_name(draft.category, language)
        proposal += "\n" + text(language, "report.two_topics", others=also, category=category)
    return Outgoing(
        text=proposal,
        buttons=buttons,
        card=Card(title=_card_title(draft, language), fields=tuple(rows), buttons=buttons),
    )


def edit_choices(language: str) -> Outgoing:
    return say(
        language,
        "report.edit_what",
        button(language, "button.edit_category", Action.EDIT, "cat"),
        button(language, "button.edit_place", Action.EDIT, "place"),
        button(language, "button.edit_kind", Action.EDIT, "kind"),
        button(language, "button.edit_text", Action.EDIT, "text"),
        cancel_button(language),
    )


def kind_picker(language: str) -> Outgoing:
    """Every kind of feedback, as the summary names them."""
    buttons = [
        Button(label=kind_name(kind.value, language), data=data(Action.KIND, kind.value))
        for kind in FeedbackKind
    ]
    return Outgoing(
        text=text(language, "report.choose_kind"),
        buttons=(*buttons, cancel_button(language)),
    )


def _category_button(label: str, language: str) -> Button:
    return Button(
        label=category_name(label, language), data=data(Action.CATEGORY, str(LABELS.index(label)))
    )


def best_categories(draft: Draft, language: str) -> Outgoing:
    """An unsure category: the NLP's best three with one tap, and "อื่นๆ" for the full list.
    When the NLP has fewer than three guesses (it barely knows), the full list's first page at
    once, its guesses first: one lone weak guess and "อื่นๆ" is a tap wasted."""
    best = [label for label in draft.candidates if label in LABELS][:BEST_CATEGORIES]
    if len(best) < BEST_CATEGORIES:
        return category_picker(draft, language)
    buttons = [_category_button(label, language) for label in best]
    buttons.append(button(language, "button.other_category", Action.CATEGORY_PAGE, "0"))
    buttons.append(cancel_button(language))
    return Outgoing(text=text(language, "report.which_category"), buttons=tuple(buttons))


def category_picker(draft: Draft, language: str, page: int = 0) -> Outgoing:
    """The NLP's best guesses first, then every category a page at a time."""
    ordered = [label for label in draft.candidates if label in LABELS]
    ordered += [label for label in LABELS if label not in ordered]
    start = page * CATEGORY_PAGE_SIZE
    shown = ordered[start : start + CATEGORY_PAGE_SIZE]
    buttons = [_category_button(label, language) for label in shown]
    if start + CATEGORY_PAGE_SIZE < len(ordered):
        buttons.append(button(language, "button.more", Action.CATEGORY_PAGE, str(page + 1)))
    buttons.append(cancel_button(language))
    return Outgoing(text=text(language, "report.choose_category"), buttons=tuple(buttons))


def ask_place(language: str, key: str = "report.ask_place", **values: object) -> Outgoing:
    return say(language, key, location_button(language), cancel_button(language), **values)


def option_label(option: PlaceOption, others: Sequence[PlaceOption]) -> str:
    """A button label for one area ("อ.แม่ริม จ.เชียงใหม่"), within LINE's 20 characters and
    still telling the areas apart."""
    full = place_label(replace(option, subdistrict=None))
    if len(full) <= MAX_LABEL_CHARS:
        return full
    bangkok = option.province_code == "10"
    district = option.district or ""
    short = None
    if bangkok and district:
        short = f"เขต{district} กทม."
    elif district.startswith("เมือง"):
        short = f"อ.เมือง จ.{option.province}"
    if short is not None and len(short) <= MAX_LABEL_CHARS:
        return short
    same_province = [o for o in others if o.province_code == option.province_code]
    if len(same_province) <= 1:
        return option.province if bangkok else f"จ.{option.province}"
    return ("เขต" if bangkok else "อ.") + district


def place_choice(draft: Draft, language: str) -> Outgoing:
    """Ask where, when the text names several areas or disagrees with the shared location:
    a button per area (when they are few), share location, or type it."""
    options = draft.options
    tail = (location_button(language), cancel_button(language))
    if draft.place_question == MUEANG or (
        draft.place_question != CONFLICT and len(options) > MAX_PLACE_BUTTONS
    ):
        key = "place.which_mueang" if draft.place_question == MUEANG else "place.which_many"
        return say(language, key, *tail)
    buttons = tuple(
        Button(label=option_label(option, options), data=data(Action.PLACE, option_code(option)))
        for option in options
    )
    if draft.place_question == CONFLICT and len(options) >= 2:
        message = text(
            language,
            "place.conflict",
            named=place_label(options[0]),
            pinned=place_label(options[-1]),
        )
    else:
        listed = "\n".join(
            text(language, "place.option", label=place_label(option)) for option in options
        )
        message = text(language, "place.which", options=listed)
    return Outgoing(text=message, buttons=(*buttons, *tail))


def praise_question(draft: Draft, language: str) -> Outgoing:
    """The one light question before praise is passed on: which of several areas (a button
    each), where, or, the area known, whom to credit; ข้าม sends it as it is."""
    skip = button(language, "button.skip", Action.SKIP)
    if draft.place_question is not None and 0 < len(draft.options) <= MAX_PLACE_BUTTONS:
        asked = place_choice(draft, language)
        return replace(asked, buttons=(*asked.buttons[:-1], skip))  # ข้าม, not ยกเลิก
    if draft.has_place:
        return say(language, "praise.ask_whom", skip)
    return say(language, "praise.ask_where", location_button(language), skip)


def question_answer(
    language: str,
    *,
    agency: str | None,
    hotline: str | None,
    buttons: Sequence[Button],
    kind: str | None = None,
) -> Outgoing:
    """Where to ask: the agency in charge (or, with no area, the kind of agency) and its
    hotline, and the button to send the question."""
    if agency is None and kind is not None:
        key = "question.answer_kind" if hotline else "question.answer_kind_no_hotline"
        message = text(language, key, kind=kind, hotline=hotline or "")
    elif agency is None:
        message = text(language, "question.answer_unknown")
    elif hotline is None:
        message = text(language, "question.answer_no_hotline", agency=agency)
    else:
        message = text(language, "question.answer", agency=agency, hotline=hotline)
    ask = button(language, "button.ask_agency", Action.ASK)
    return Outgoing(text=message, buttons=(ask, *buttons))


def emergency_notice(
    language: str, hazards: Sequence[str], province_code: str | None, said: str = ""
) -> Outgoing:
    """Call now: the numbers for the dangers found, before anything else is asked (the report
    goes on as urgent); `said`, the citizen's words, may speak of someone taking their own life
    (then the mental health hotline too)."""
    lines = "\n".join(
        text(
            language,
            "emergency.line",
            number=NUMBERS[line],
            name=text(language, f"emergency.{line}"),
        )
        for line in lines_to_call(
            hazards,
            province_code=province_code,
            foreigner=language == "en",
            self_harm=speaks_of_self_harm(said),
        )
    )
    return Outgoing(text=text(language, "emergency.call_now", lines=lines))


def consent_notice(language: str) -> Outgoing:
    return say(language, "consent.notice", *_consent_buttons(language))


def consent_reminder(language: str, *, waiting: bool = False) -> Outgoing:
    """The PDPA question again, in one line, after the citizen typed something else (`waiting`:
    an urgent message was kept, to be taken up once the question is answered)."""
    key = "consent.reminder_waiting" if waiting else "consent.reminder"
    return say(language, key, *_consent_buttons(language), cancel_button(language))


def _consent_buttons(language: str) -> tuple[Button, Button]:
    return (
        button(language, "button.accept", Action.CONSENT, "yes"),
        button(language, "button.decline", Action.CONSENT, "no"),
    )


def rating_buttons(reference: str) -> tuple[Button, ...]:
    return tuple(
        Button(label=f"{stars} ⭐", data=data(Action.RATE, f"{reference}:{stars}"))
        for stars in range(1, 6)
    )
