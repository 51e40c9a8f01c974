"""Volunteer programmes in the chat: "อาสา" lists the programmes near the citizen (where their
latest report was, or the areas they hear news of; else it asks where) with a button to sign up;
a tap takes a place or a spot on the waiting list, and the organiser may then be given a name
and phone number; "งานอาสาของฉัน" lists the citizen's sign-ups with buttons to cancel. The taps
carry the programme's id, so they work whatever flow is open."""

from __future__ import annotations

from datetime import datetime

from bot.conversations.commands import Action, data
from bot.conversations.replies import MAX_LABEL_CHARS, button, cancel_button, say
from bot.conversations.turn import Turn
from bot.messages import Button, Outgoing
from bot.texts import format_when, text
from services import consultations, volunteering
from services.errors import ConflictError, NotFoundError
from services.volunteering import HistoryEntry, OpenProgramme, SignUpOutcome
from storage.models import ProgrammeStatus, SignUpStatus, VolunteerProgramme

FLOW = "volunteer"
AREA = "area"  # step: waiting for the area to look in
CONTACT = "contact"  # step: waiting for what the citizen gives the organiser
MAX_LISTED = 10  # a LINE quick reply holds 13: a button each, my volunteering, the menu


def _label(language: str, key: str, number: int, title: str) -> str:
    """A button label within LINE's 20 characters, ending in "…" when the title is cut."""
    label = text(language, key, number=number, title=title)
    if len(label) > MAX_LABEL_CHARS:
        label = label[: MAX_LABEL_CHARS - 1] + "…"
    return label


def _tail(language: str) -> tuple[Button, ...]:
    return (
        button(language, "button.my_volunteering", Action.VOLUNTEER_MINE),
        button(language, "button.menu", Action.MENU),
    )


def _when(moment: datetime, language: str) -> str:
    return format_when(moment, language)


async def near_me(turn: Turn) -> list[Outgoing]:
    """ "อาสา": the open programmes where the citizen is, or the question where that is."""
    areas = await volunteering.areas_of(turn.session, turn.citizen_id)
    if not areas:
        turn.go(FLOW, AREA)
        return [say(turn.language, "vol.ask_area", cancel_button(turn.language))]
    province, district = areas[0]
    return await _listing(turn, areas, await _area_name(turn, province, district))


async def _area_name(turn: Turn, province: str, district: str | None) -> str:
    names = await consultations.area_names(turn.session, province, district, turn.language)
    return names[1] or names[0]


def _item(language: str, number: int, found: OpenProgramme) -> str:
    programme = found.programme
    if found.places_left:
        places = text(
            language, "vol.places_left", left=found.places_left, capacity=programme.capacity
        )
    else:
        places = text(language, "vol.places_full", waiting=found.waiting)
    line = text(
        language,
        "vol.item",
        number=number,
        title=programme.title,
        place=programme.place,
        when=_when(programme.starts_at, language),
        places=places,
    )
    if programme.requirements:
        line += "\n" + text(language, "vol.item_requirements", requirements=programme.requirements)
    return line


async def _listing(
    turn: Turn, areas: list[tuple[str, str | None]], area_name: str
) -> list[Outgoing]:
    language = turn.language
    found = await volunteering.open_in(turn.session, areas, now=turn.now, limit=MAX_LISTED)
    if not found:
        return [say(language, "vol.none", *_tail(language), area=area_name)]
    lines = [text(language, "vol.list_title")]
    buttons: list[Button] = []
    for number, each in enumerate(found, start=1):
        lines.append(_item(language, number, each))
        buttons.append(
            Button(
                label=_label(language, "vol.join", number, each.programme.title),
                data=data(Action.VOLUNTEER_JOIN, str(each.programme.id)),
            )
        )
    return [Outgoing(text="\n\n".join(lines), buttons=(*buttons, *_tail(language)))]


async def _programme(turn: Turn, raw_id: str) -> VolunteerProgramme | None:
    if not raw_id.isdigit():
        return None
    try:
        return await volunteering.get(turn.session, int(raw_id))
    except NotFoundError:
        return None


def _unknown(turn: Turn, key: str = "vol.unknown") -> list[Outgoing]:
    return [say(turn.language, key, *_tail(turn.language))]


async def join(turn: Turn, raw_id: str) -> list[Outgoing]:
    """A tap on "สมัคร": a place, or the waiting list; then the organiser's contact question."""
    programme = await _programme(turn, raw_id)
    if programme is None or programme.id is None:
        return _unknown(turn)
    try:
        outcome = await volunteering.sign_up(
            turn.session, programme.id, citizen_id=turn.citizen_id, now=turn.now
        )
    except ConflictError:
        return _unknown(turn, "vol.closed")
    answer = _signed_up(turn.language, outcome)
    if not outcome.new:
        return [Outgoing(text=answer, buttons=_tail(turn.language))]
    turn.go(FLOW, CONTACT, programme=programme.id)
    ask = text(turn.language, "vol.ask_contact")
    skip = button(turn.language, "button.skip", Action.SKIP)
    return [Outgoing(text=f"{answer}\n\n{ask}", buttons=(skip, cancel_button(turn.language)))]


def _signed_up(language: str, outcome: SignUpOutcome) -> str:
    programme = outcome.programme
    values = {
        "title": programme.title,
        "when": _when(programme.starts_at, language),
        "place": programme.place,
        "position": outcome.position,
    }
    confirmed = outcome.sign_up.status is not SignUpStatus.WAITLISTED
    if outcome.new:
        key = "vol.confirmed" if confirmed else "vol.waitlisted"
    else:
        key = "vol.already_confirmed" if confirmed else "vol.already_waiting"
    answer = text(language, key, **values)
    if outcome.new and programme.requirements:
        answer += "\n" + text(language, "vol.requirements", requirements=programme.requirements)
    return answer


async def on_message(turn: Turn) -> list[Outgoing]:
    """A typed message inside the flow: the area to look in, or the contact for the organiser."""
    message = (turn.inbound.text or "").strip()
    if turn.step == CONTACT:
        return await _contact(turn, message)
    analysis = await turn.analyze(message) if message else None
    place = analysis.place if analysis is not None else None
    if place is None or place.province_code is None or place.province is None:
        return [say(turn.language, "vol.area_unknown", cancel_button(turn.language))]
    turn.reset()
    area = (place.province_code, place.district_code)
    return await _listing(turn, [area], place.district or place.province)


async def _contact(turn: Turn, message: str) -> list[Outgoing]:
    raw_id = str(turn.data.get("programme", ""))
    turn.reset()
    if not message or not raw_id.isdigit():
        return skip(turn)
    try:
        await volunteering.give_contact(
            turn.session, int(raw_id), citizen_id=turn.citizen_id, contact=message
        )
    except NotFoundError:
        return _unknown(turn)
    return [say(turn.language, "vol.contact_kept", *_tail(turn.language))]


def skip(turn: Turn) -> list[Outgoing]:
    """ "ข้าม": the organiser gets no contact details."""
    turn.reset()
    return [say(turn.language, "vol.contact_skipped", *_tail(turn.language))]


def _status(language: str, entry: HistoryEntry) -> str:
    if entry.programme.status is ProgrammeStatus.CANCELLED:
        return text(language, "vol.status.called_off")
    return text(language, f"vol.status.{entry.sign_up.status.value}", position=entry.position)


async def mine(turn: Turn) -> list[Outgoing]:
    """ "งานอาสาของฉัน": every sign-up with how it stands, and a cancel button for each that may
    still be cancelled."""
    language = turn.language
    entries = await volunteering.history(turn.session, turn.citizen_id)
    more = button(language, "menu.volunteer", Action.VOLUNTEER)
    menu = button(language, "button.menu", Action.MENU)
    if not entries:
        return [say(language, "vol.mine_none", more, menu)]
    lines = [text(language, "vol.mine_title")]
    buttons: list[Button] = []
    for entry in entries:
        lines.append(
            text(
                language,
                "vol.mine_item",
                title=entry.programme.title,
                when=_when(entry.programme.starts_at, language),
                status=_status(language, entry),
            )
        )
        if volunteering.may_cancel(entry, turn.now) and len(buttons) < MAX_LISTED:
            buttons.append(
                Button(
                    label=_label(language, "vol.quit", len(buttons) + 1, entry.programme.title),
                    data=data(Action.VOLUNTEER_QUIT, str(entry.programme.id)),
                )
            )
    return [Outgoing(text="\n".join(lines), buttons=(*buttons, more, menu))]


async def quit_(turn: Turn, raw_id: str) -> list[Outgoing]:
    """A tap on a cancel button: the place goes back (to the first waiting, who is told)."""
    programme = await _programme(turn, raw_id)
    if programme is None or programme.id is None:
        return _unknown(turn)
    values = {"title": programme.title}
    try:
        done = await volunteering.cancel_sign_up(
            turn.session, programme.id, citizen_id=turn.citizen_id, now=turn.now
        )
    except ConflictError:
        return [say(turn.language, "vol.quit_refused", *_tail(turn.language), **values)]
    key = "vol.quit_done" if done.cancelled else "vol.quit_none"
    return [say(turn.language, key, *_tail(turn.language), **values)]
