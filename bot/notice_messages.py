"""Outbox payloads rendered as chat messages, per kind, in the recipient's language.

`render_notice(kind, payload, language)` is what `bot/delivery.py` sends for an
`OutboundMessage`, and what the conversation engine replies with when it files a ticket (so a
citizen reads the same words either way). Payload keys are those `services/ticket_notices.py`
writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.conversations.commands import Action, data
from bot.messages import Button, Card, Outgoing
from bot.texts import category_name, format_when, official_name, status_name, text
from services.ticket_notes import render_note

Renderer = Callable[[dict[str, Any], str, str | None], list[Outgoing]]

_AGENCY_TEXT_CHARS = 600


def _absolute(url: str | None, base_url: str | None) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")) or base_url is None:
        return url
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def _when(value: Any, language: str) -> str:
    if not value:
        return "-"
    try:
        return format_when(datetime.fromisoformat(str(value)), language)
    except ValueError:
        return str(value)


def _history_button(reference: str, language: str) -> Button:
    return Button(label=text(language, "button.history"), data=data(Action.HISTORY, reference))


def _menu_button(language: str) -> Button:
    return Button(label=text(language, "button.menu"), data=data(Action.MENU))


def _note_line(payload: dict[str, Any], language: str) -> str | None:
    """The status note in the citizen's language: what the system recorded ("Details: …",
    with the words typed after it), or an official's own words ("Note from the official: …")."""
    note = render_note(payload.get("note_facts"), payload.get("note"), language)
    if not note:
        return None
    key = "notify.status_detail" if payload.get("note_facts") else "notify.status_note"
    return text(language, key, note=note)


def _reporter_number(payload: dict[str, Any]) -> int:
    """ "You are the Nth to report it": the lead's reporter and its followers so far, you included."""
    if payload.get("reporter_number"):
        return int(payload["reporter_number"])
    return int(payload.get("follower_count") or 1) + 1


# What the citizen reads when their item is filed, by kind (a problem, opinion or suggestion
# reads "filed.text"): with the agency it went to, and without one yet.
_FILED_TEXT = {
    "question": ("filed.question", "filed.question_no_agency"),
    "praise": ("filed.praise", "filed.praise_no_agency"),
}


def _name(payload: dict[str, Any], key: str, language: str) -> Any:
    """An agency's or a board's name in the citizen's language where the payload has it (the
    English name for English; payloads queued before it existed carry the Thai name only)."""
    thai = payload.get(key)
    return official_name(language, thai, payload.get(f"{key}_en")) if thai else thai


def ticket_filed(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    reference = str(payload["reference"])
    agency_name = _name(payload, "agency_name", language)
    with_agency, without = _FILED_TEXT.get(
        str(payload.get("kind")), ("filed.text", "filed.text_no_agency")
    )
    lines = [
        text(language, with_agency, reference=reference, agency_name=agency_name)
        if agency_name
        else text(language, without, reference=reference)
    ]
    if payload.get("board_name"):
        lines.append(
            text(language, "filed.board", board_name=_name(payload, "board_name", language))
        )
    if payload.get("duplicate_of_reference"):
        lines.append(
            text(
                language,
                "filed.duplicate",
                duplicate_of_reference=payload["duplicate_of_reference"],
                reporter_number=_reporter_number(payload),
            )
        )
    fields: list[tuple[str, str]] = [(text(language, "field.reference"), reference)]
    if agency_name:
        fields.append((text(language, "field.agency"), str(agency_name)))
    if payload.get("category"):
        fields.append(
            (text(language, "field.category"), category_name(payload["category"], language))
        )
    buttons = (_history_button(reference, language), _menu_button(language))
    card = Card(title=text(language, "filed.title"), fields=tuple(fields), buttons=buttons)
    return [Outgoing(text="\n".join(lines), buttons=buttons, card=card)]


def status_changed(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    reference = str(payload.get("your_reference") or payload["reference"])
    status = status_name(str(payload["to_status"]), language)
    note_line = _note_line(payload, language)
    lines = [text(language, "notify.status_changed", reference=reference, status=status)]
    if note_line:
        lines.append(note_line)
    if payload.get("agency_name"):
        lines.append(
            text(language, "notify.status_by", agency_name=_name(payload, "agency_name", language))
        )
    urls = [_absolute(url, base_url) for url in payload.get("media_urls") or []]
    images = [url for url in urls if url]
    fields = [
        (text(language, "field.reference"), reference),
        (text(language, "field.status"), status),
    ]
    note = render_note(payload.get("note_facts"), payload.get("note"), language)
    if note:
        fields.append((text(language, "field.note"), note))
    buttons = (_history_button(reference, language),)
    card = Card(
        title=text(language, "notify.status_changed", reference=reference, status=status),
        fields=tuple(fields),
        buttons=buttons,
        image_url=images[0] if images else None,
    )
    messages = [
        Outgoing(
            text="\n".join(lines),
            buttons=buttons,
            image_url=images[0] if images else None,
            card=card,
        )
    ]
    messages += [Outgoing(text="", image_url=url) for url in images[1:]]
    return messages


def resolution_check(
    payload: dict[str, Any], language: str, base_url: str | None
) -> list[Outgoing]:
    reference = str(payload["reference"])
    lines = [text(language, "resolution.ask", reference=reference)]
    note_line = _note_line(payload, language)
    if note_line:
        lines.append(note_line)
    buttons = (
        Button(label=text(language, "button.fixed"), data=data(Action.FIXED, reference)),
        Button(label=text(language, "button.not_fixed"), data=data(Action.NOT_FIXED, reference)),
    )
    return [Outgoing(text="\n".join(lines), buttons=buttons)]


def agency_new_item(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    area = " ".join(
        str(part) for part in (payload.get("district"), payload.get("province")) if part
    )
    body = str(payload.get("redacted_text") or "")
    if len(body) > _AGENCY_TEXT_CHARS:
        body = body[: _AGENCY_TEXT_CHARS - 1] + "…"
    message = text(
        language,
        "notify.agency_new_item",
        reference=payload["reference"],
        category=category_name(payload.get("category"), language),
        area=area or "-",
        text=body,
    )
    if payload.get("due_at"):
        message += f"\n{text(language, 'field.due')}: {_when(payload['due_at'], language)}"
    url = _absolute(payload.get("url"), base_url)
    buttons = (Button(label=text(language, "notify.open"), data=url, action="uri"),) if url else ()
    return [Outgoing(text=message, buttons=buttons)]


def escalation(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    message = text(
        language,
        "notify.escalation",
        reference=payload["reference"],
        due=_when(payload.get("due_at"), language),
        level=payload.get("level", 1),
        agency_name=payload.get("agency_name") or "-",
    )
    url = _absolute(payload.get("url"), base_url)
    buttons = (Button(label=text(language, "notify.open"), data=url, action="uri"),) if url else ()
    return [Outgoing(text=message, buttons=buttons)]


def board_digest(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    message = text(
        language, "notify.board_digest", week=payload.get("week", ""), text=payload.get("text", "")
    )
    url = _absolute(payload.get("url"), base_url)
    buttons = (
        (Button(label=text(language, "notify.open_digest"), data=url, action="uri"),) if url else ()
    )
    return [Outgoing(text=message, buttons=buttons)]


def _option_button(number: int, label: str, consultation_id: object) -> Button:
    """The whole option as the label: each channel fits it to its own limit (LINE clips to 20
    characters; a Telegram button shows it all)."""
    return Button(
        label=f"{number}. {label}", data=data(Action.POLL, f"{consultation_id}:{number - 1}")
    )


def consultation(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    """A consultation sent to a subscriber: the question, numbered options as buttons (the
    whole option in the text: a button label is short), and a button for a free answer."""
    options = [str(option) for option in payload.get("options") or []]
    lines = [text(language, "consult.header", title=payload["title"]), str(payload["question"])]
    if payload.get("context"):
        lines.append(str(payload["context"]))
    lines += [f"{n}. {option}" for n, option in enumerate(options, start=1)]
    lines.append(text(language, "consult.closes", when=_when(payload["closes_at"], language)))
    if options:
        lines.append(text(language, "consult.tap"))
    free = bool(payload.get("free_answer"))
    if free:
        lines.append(text(language, "consult.free_hint" if options else "consult.free_only"))
    buttons = [
        _option_button(n, option, payload["consultation_id"])
        for n, option in enumerate(options, start=1)
    ]
    if free:
        buttons.append(
            Button(
                label=text(language, "button.consult_free"),
                data=data(Action.POLL_TEXT, str(payload["consultation_id"])),
            )
        )
    return [Outgoing(text="\n".join(lines), buttons=tuple(buttons))]


def _result_lines(question: dict[str, Any], language: str) -> list[str]:
    """One question's counts by option (with each one's share) and the largest themes of the
    typed answers, each with one (masked) example: a consultation's or a survey question's."""
    options = question.get("options") or []
    counted = sum(int(o["count"]) for o in options)
    lines = [
        text(
            language,
            "consult.results_line",
            label=option["label"],
            count=option["count"],
            share=round(100 * int(option["count"]) / counted) if counted else 0,
        )
        for option in options
    ]
    if question.get("free_answers"):
        lines.append(text(language, "consult.results_free", count=question["free_answers"]))
    for theme in question.get("themes") or []:
        label = theme["label"]
        shown = category_name(label, language) if label else text(language, "results.theme_other")
        key = "results.theme_example" if theme.get("example") else "results.theme"
        lines.append(
            text(language, key, label=shown, count=theme["count"], example=theme.get("example"))
        )
    return lines


def consultation_results(
    payload: dict[str, Any], language: str, base_url: str | None
) -> list[Outgoing]:
    total = int(payload.get("total") or 0)
    lines = [text(language, "consult.results", title=payload["title"], total=total)]
    return [Outgoing(text="\n".join([*lines, *_result_lines(payload, language)]))]


_RESULTS_MESSAGE_CHARS = 3_000  # well inside LINE's 5,000 and Telegram's 4,096
_RESULTS_MESSAGES = 4  # LINE takes five messages in one push


def survey_results(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    """A closed survey's results to those who answered: question by question, split into a few
    messages when a long survey would not fit in one."""
    respondents = int(payload.get("respondents") or 0)
    blocks = [text(language, "survey.results", title=payload["title"], total=respondents)]
    for number, question in enumerate(payload.get("questions") or [], start=1):
        heading = text(
            language,
            "survey.results_question",
            number=number,
            text=question["text"],
            answered=question.get("answered", 0),
        )
        blocks.append("\n".join([heading, *_result_lines(question, language)]))
    messages: list[str] = []
    for block in blocks:
        if messages and len(messages[-1]) + len(block) + 2 <= _RESULTS_MESSAGE_CHARS:
            messages[-1] += "\n\n" + block
        else:
            messages.append(block)
    return [Outgoing(text=message) for message in messages[:_RESULTS_MESSAGES]]


def survey(payload: dict[str, Any], language: str, base_url: str | None) -> list[Outgoing]:
    """A survey sent to a subscriber: its title, why it is asked, how many questions, until
    when, and a button to start (the questions then come one by one in the chat)."""
    lines = [text(language, "survey.header", title=payload["title"])]
    if payload.get("intro"):
        lines.append(str(payload["intro"]))
    when = _when(payload["closes_at"], language)
    lines.append(text(language, "survey.size", count=payload["questions"], when=when))
    lines.append(text(language, "survey.start_hint"))
    start = Button(
        label=text(language, "button.survey_start"),
        data=data(Action.SURVEY_GO, str(payload["survey_id"])),
    )
    return [Outgoing(text="\n".join(lines), buttons=(start,))]


def _volunteer_text(key: str, payload: dict[str, Any], language: str) -> str:
    return text(
        language,
        key,
        title=payload["title"],
        place=payload.get("place") or "-",
        when=_when(payload.get("starts_at"), language),
    )


def _volunteer_buttons(payload: dict[str, Any], language: str) -> tuple[Button, ...]:
    """Cancel (so the next person gets the place), and the citizen's own sign-ups."""
    return (
        Button(
            label=text(language, "button.vol_quit"),
            data=data(Action.VOLUNTEER_QUIT, str(payload["programme_id"])),
        ),
        Button(label=text(language, "button.my_volunteering"), data=data(Action.VOLUNTEER_MINE)),
    )


def volunteer_promoted(
    payload: dict[str, Any], language: str, base_url: str | None
) -> list[Outgoing]:
    """A place came free and the first on the waiting list has it."""
    message = _volunteer_text("vol.promoted", payload, language)
    return [Outgoing(text=message, buttons=_volunteer_buttons(payload, language))]


def volunteer_reminder(
    payload: dict[str, Any], language: str, base_url: str | None
) -> list[Outgoing]:
    """The day before: when and where, what to bring, and how to give the place back."""
    message = _volunteer_text("vol.reminder", payload, language)
    if payload.get("requirements"):
        message += "\n" + text(language, "vol.requirements", requirements=payload["requirements"])
    return [Outgoing(text=message, buttons=_volunteer_buttons(payload, language))]


def volunteer_programme_cancelled(
    payload: dict[str, Any], language: str, base_url: str | None
) -> list[Outgoing]:
    message = _volunteer_text("vol.programme_cancelled", payload, language)
    mine = Button(label=text(language, "button.my_volunteering"), data=data(Action.VOLUNTEER_MINE))
    return [Outgoing(text=message, buttons=(mine,))]


RENDERERS: dict[str, Renderer] = {
    "ticket_filed": ticket_filed,
    "status_changed": status_changed,
    "resolution_check": resolution_check,
    "agency_new_item": agency_new_item,
    "escalation": escalation,
    "board_digest": board_digest,
    "consultation": consultation,
    "consultation_results": consultation_results,
    "survey": survey,
    "survey_results": survey_results,
    "volunteer_promoted": volunteer_promoted,
    "volunteer_reminder": volunteer_reminder,
    "volunteer_programme_cancelled": volunteer_programme_cancelled,
}


def render_notice(
    kind: str, payload: dict[str, Any], language: str = "th", *, base_url: str | None = None
) -> list[Outgoing]:
    """The messages for one outbox row; relative links are made absolute with `base_url`."""
    renderer = RENDERERS.get(kind)
    if renderer is None:
        raise ValueError(f"no renderer for outbox kind {kind!r}")
    return renderer(payload, language, base_url)
