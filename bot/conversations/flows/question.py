"""A citizen's question gets where to ask: the agency that handles it there and its hotline,
with a button to send the question to that agency (filed as a question) and the menu.

Asked with no area, it is answered at once when the same kind of office takes it in every
province (a pension, the welfare card, a school place: สำนักงานพัฒนาสังคมฯ 1300); the citizen
may then type or share their area to hear the office's own name. Only when the kind of office
depends on the area (water: the PWA, or the MWA in Bangkok) is the area asked first."""

from __future__ import annotations

from dataclasses import replace

from bot.conversations import replies
from bot.conversations.commands import Action
from bot.conversations.draft import Draft
from bot.conversations.replies import button, location_button
from bot.conversations.turn import Turn
from bot.messages import Button, Outgoing
from bot.texts import official_name, text
from nlp.analysis import MessageAnalysis, Sentiment
from services.citizen_questions import WhereToAsk, where_to_ask

# Topics where a worried question may hide someone in danger now that the NLP did not read as
# an emergency ("ลูกไข้ขึ้นสูงมาสองวัน กินยาก็ไม่ลด ต้องทำยังไงคะ"): the emergency numbers come first.
_LIFE_AT_STAKE = frozenset({"สาธารณสุข", "ความปลอดภัย"})


async def _where(turn: Turn, draft: Draft) -> WhereToAsk:
    """Routed like a report; a topic the NLP is unsure of (and the citizen did not pick) is
    left out, so no office is named on a guess ("ต่อใบขับขี่ที่ไหน" read 0.11 as welfare)."""
    sure = draft.category_sure or draft.category_chosen
    return await where_to_ask(
        turn.session,
        text=draft.text,
        channel=turn.citizen.channel,
        category=draft.category if sure else None,
        province_code=draft.province_code,
        district_code=draft.district_code,
        subdistrict_code=draft.subdistrict_code,
        hazards=draft.hazards,
    )


async def answer(turn: Turn, draft: Draft, *, unless_area_matters: bool = False) -> list[Outgoing]:
    """Where to ask. With `unless_area_matters` and no area known: nothing (empty) when the
    kind of office depends on the area, so the caller asks where first."""
    language = turn.language
    found = await _where(turn, draft)
    if unless_area_matters and found.agency is None and not found.everywhere:
        return []
    agency = kind = None
    if found.agency is not None:
        agency = official_name(language, found.agency.name_th, found.agency.name_en)
    elif found.agency_type is not None:
        kind = official_name(language, found.agency_type.name_th, found.agency_type.name_en)
    # with no area yet, sharing one names the office itself
    narrow = () if found.agency is not None else (location_button(language),)
    analysis = await turn.analyze(draft.text)
    complain = _complaint_button(turn, analysis)
    reply = replies.question_answer(
        language,
        agency=agency,
        kind=kind,
        hotline=found.hotline,
        buttons=(*complain, *narrow, *replies.menu_buttons(language)),
    )
    if complain:
        reply = replace(reply, text=f"{reply.text}\n{text(language, 'question.or_complain')}")
    return [reply]


def emergency_numbers_first(language: str, analysis: MessageAnalysis) -> list[Outgoing]:
    """For a worried question about health or safety, the emergency numbers, before anything
    else is asked or answered: someone may be in danger now in words the NLP did not read as
    an emergency."""
    if analysis.category in _LIFE_AT_STAKE and analysis.sentiment is Sentiment.NEGATIVE:
        return [Outgoing(text=text(language, "question.if_emergency"))]
    return []


def _complaint_button(turn: Turn, analysis: MessageAnalysis) -> tuple[Button, ...]:
    """A question that is really a grievance ("น้ำบ่ไหลสามมื้อแล้ว เฮ็ดจั่งได๋ดี", "เรียกเงิน
    500 แบบนี้ถือว่าสินบนไหม": the NLP reads it negative) can be filed as a complaint with
    one tap (the kind picked is kept as a labelled example)."""
    if analysis.sentiment is not Sentiment.NEGATIVE:
        return ()
    return (button(turn.language, "button.as_complaint", Action.KIND, "complaint"),)
