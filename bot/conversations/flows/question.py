"""A citizen's question gets where to ask: the agency that handles it there and its hotline,
with a button to send the question to that agency (filed as a question) and the menu."""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.draft import Draft
from bot.conversations.turn import Turn
from bot.messages import Outgoing
from services.citizen_questions import where_to_ask


async def answer(turn: Turn, draft: Draft) -> list[Outgoing]:
    language = turn.language
    found = await where_to_ask(
        turn.session,
        text=draft.text,
        channel=turn.citizen.channel,
        category=draft.category,
        province_code=draft.province_code,
        district_code=draft.district_code,
        subdistrict_code=draft.subdistrict_code,
        hazards=draft.hazards,
    )
    agency = kind = None
    if found.agency is not None:
        agency = found.agency.name_en if language == "en" else found.agency.name_th
    elif found.agency_type is not None:
        kind = found.agency_type.name_en if language == "en" else found.agency_type.name_th
    return [
        replies.question_answer(
            language,
            agency=agency,
            kind=kind,
            hotline=found.hotline,
            buttons=replies.menu_buttons(language),
        )
    ]
