"""Follow up: `ติดตาม` (or asking in words) lists my open items with their status, or my latest
ones when none is open; a reference shows one item's history."""

from __future__ import annotations

from bot.conversations.commands import Action, data
from bot.conversations.replies import menu_buttons, say
from bot.conversations.turn import Turn
from bot.messages import Button, Card, Outgoing
from bot.texts import category_name, format_when, official_name, status_name, text
from services import citizen_side, ticket_lookups
from services.ticket_notes import render_note
from storage.models import FeedbackItem
from storage.repositories.agencies import AgencyRepository

MAX_LISTED = 10


async def _lead(turn: Turn, item: FeedbackItem) -> FeedbackItem:
    """The ticket whose status counts: the item itself, or the one it was attached to."""
    if item.duplicate_of_id is None:
        return item
    lead = await turn.session.get(FeedbackItem, item.duplicate_of_id)
    return lead or item


async def list_open(turn: Turn) -> list[Outgoing]:
    language = turn.language
    title = "follow.list"
    items = await citizen_side.citizen_items(turn.session, turn.citizen_id, open_only=True)
    if not items:
        title = "follow.recent"
        items = await citizen_side.citizen_items(turn.session, turn.citizen_id, open_only=False)
    items = items[:MAX_LISTED]
    if not items:
        return [Outgoing(text=text(language, "follow.none"), buttons=menu_buttons(language))]
    lines = [text(language, title, count=len(items))]
    buttons: list[Button] = []
    for item in items:
        lead = await _lead(turn, item)
        lines.append(
            text(
                language,
                "follow.item",
                reference=item.reference,
                category=category_name(item.category, language),
                status=status_name(lead.status.value, language),
            )
        )
        buttons.append(Button(label=item.reference, data=data(Action.HISTORY, item.reference)))
    buttons.append(Button(label=text(language, "button.menu"), data=data(Action.MENU)))
    return [Outgoing(text="\n".join(lines), buttons=tuple(buttons))]


async def show_history(turn: Turn, reference: str) -> list[Outgoing]:
    """One item's progress; its own citizen also sees the officials' notes."""
    language = turn.language
    item = await ticket_lookups.find_by_reference(turn.session, reference)
    if item is None or item.id is None:
        return [say(language, "follow.not_found", *menu_buttons(language), reference=reference)]
    own = item.citizen_id == turn.citizen_id
    lead = await _lead(turn, item)
    assert lead.id is not None
    changes = await ticket_lookups.history(turn.session, lead.id)
    lines = [text(language, "follow.history_title", reference=item.reference)]
    for change in changes:
        line = text(
            language,
            "follow.history_line",
            when=format_when(change.created_at, language),
            status=status_name(change.to_status.value, language),
        )
        note = render_note(change.note_facts, change.note, language) if own else None
        if note:
            line += f"\n   {note}"
        lines.append(line)
    agency = await AgencyRepository(turn.session).get(lead.agency_id) if lead.agency_id else None
    fields = [
        (text(language, "field.reference"), item.reference),
        (text(language, "field.status"), status_name(lead.status.value, language)),
        (text(language, "field.category"), category_name(item.category, language)),
    ]
    if agency is not None:
        name = official_name(language, agency.name_th, agency.name_en)
        fields.append((text(language, "field.agency"), name))
    card = Card(
        title=text(language, "follow.history_title", reference=item.reference), fields=tuple(fields)
    )
    buttons = (
        Button(label=text(language, "menu.follow"), data=data(Action.FOLLOW)),
        Button(label=text(language, "button.menu"), data=data(Action.MENU)),
    )
    return [Outgoing(text="\n".join(lines), buttons=buttons, card=card)]
