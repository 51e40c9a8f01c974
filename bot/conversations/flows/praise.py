"""Praise: thanked at once, and passed to the agency it is for.

Someone who praises expects thanks, not a form: no category picker and no card to check. When
the NLP is sure of the topic and the place is known, the praise is filed at once (after the
PDPA notice, the first time). Otherwise one light question asks where, or whom, to credit
(typed, a shared location, a tapped area, or **ข้าม**); whatever the answer, the praise is then
filed: with an agency when the answer tells it, else for officials to pass on. An unsure topic
is never guessed: the praise goes to the area's office by the catch-all rule, not to the office
of a guessed topic.
"""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.commands import Action, Command
from bot.conversations.draft import Draft
from bot.conversations.flows import place_choice, report_filing
from bot.conversations.flows.report_steps import CONSENT, CREDIT
from bot.conversations.replies import say
from bot.conversations.turn import Turn
from bot.messages import InboundKind, Outgoing
from nlp.analysis import PlaceMatch
from services.citizen_data import consent


def _credited(draft: Draft) -> bool:
    """The agency can be told: a topic the NLP is sure of (or the citizen picked) and an area."""
    return (draft.category_sure or draft.category_chosen) and draft.has_place


async def thank(turn: Turn, draft: Draft) -> list[Outgoing]:
    """The first message read as praise: thanks, then filed, or the one question first."""
    if not (draft.category_sure or draft.category_chosen):
        draft.category = None  # no office is credited on a guessed topic
    thanks = say(turn.language, "praise.thanks")
    if _credited(draft):
        return [thanks, *await _file(turn, draft)]
    turn.keep(draft, CREDIT)
    return [thanks, replies.praise_question(draft, turn.language)]


async def on_message(turn: Turn) -> list[Outgoing]:
    """A shared location answers "where?"; a photo is added and the question stands."""
    draft, inbound = turn.draft, turn.inbound
    if inbound.kind is InboundKind.LOCATION and inbound.latitude is not None:
        draft.latitude, draft.longitude = inbound.latitude, inbound.longitude
        draft.address = inbound.address
        if not await place_choice.from_location(turn, draft, answering=True):
            draft.latitude = draft.longitude = None  # nowhere known: the pin tells no one
        return await _file(turn, draft)
    if inbound.kind is InboundKind.IMAGE and inbound.media is not None:
        draft.add_photo(inbound.media)
        turn.keep(draft)
        return [
            say(turn.language, "report.added_photo"),
            replies.praise_question(draft, turn.language),
        ]
    return [replies.praise_question(draft, turn.language)]


async def typed(turn: Turn, draft: Draft, message: str) -> list[Outgoing]:
    """Words naming the place, the office or the person: they join the praise (officials read
    them), a topic they make sure is taken, and so is a place they settle. Nothing (a yes or a
    no was typed) files the praise as it is."""
    if not message:
        return await _file(turn, draft)
    draft.text = f"{draft.text}\n{message}"
    whole = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    if whole.category_certain and not draft.category_chosen:
        draft.category, draft.category_sure = whole.category, True
    if not draft.has_place:
        alone = (await turn.analyze(message)).place
        for place in (whole.place, alone):
            if _settled(place) and draft.take_place(place):
                draft.location_text = message[:500]
                break
    return await _file(turn, draft)


def _settled(place: PlaceMatch) -> bool:
    return place.settled and place.province_code is not None


async def on_command(turn: Turn, command: Command) -> list[Outgoing] | None:
    """ข้าม files the praise as it is; a tapped area is taken. None: not for this step."""
    draft = turn.draft
    if command.action is Action.SKIP:
        return await _file(turn, draft)
    if command.action is Action.PLACE and place_choice.choose(draft, command.arg):
        return await _file(turn, draft)
    return None


async def _file(turn: Turn, draft: Draft) -> list[Outgoing]:
    """File the praise: a place still unsettled is left out (nothing is filed into a guessed
    province); the PDPA notice comes first when it was never accepted."""
    if draft.place_question is not None:
        draft.place_question, draft.place_options, draft.pin_code = None, [], None
    draft.confirmed = True
    if not consent.is_given(turn.citizen):
        turn.keep(draft, CONSENT)
        return [replies.consent_notice(turn.language)]
    return await report_filing.file(turn, draft)
