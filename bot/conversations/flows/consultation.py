"""Consultations in the chat: a tap on an option answers (a new tap changes it), "พิมพ์ความเห็น"
takes a typed answer (personal data masked, themed by the NLP), and รับข่าว / หยุดรับข่าว decide
whether the citizen hears about consultations in an area. The taps carry the consultation's id,
so they work whatever flow is open."""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.commands import Action
from bot.conversations.replies import button, cancel_button, say
from bot.conversations.turn import Turn
from bot.messages import Outgoing
from bot.texts import format_when
from services import citizen_side, consultations
from services.consultations import Answered
from services.errors import ConflictError, InvalidInputError, NotFoundError
from storage.models import Consultation

FLOW = "consultation"
FREE = "free"  # step: waiting for the typed answer
AREA = "area"  # step: waiting for the area to hear about


async def _consultation(turn: Turn, raw_id: str) -> Consultation | None:
    if not raw_id.isdigit():
        return None
    try:
        return await consultations.get(turn.session, int(raw_id))
    except NotFoundError:
        return None


def _closed(turn: Turn, consultation: Consultation) -> list[Outgoing]:
    return [
        say(
            turn.language,
            "consult.closed",
            *replies.menu_buttons(turn.language),
            title=consultation.title,
        )
    ]


async def tapped(turn: Turn, argument: str) -> list[Outgoing]:
    """A tap on an option ("<id>:<index>"), or the option's number typed after it."""
    raw_id, _, raw_index = argument.partition(":")
    consultation = await _consultation(turn, raw_id)
    if consultation is None or consultation.id is None or not raw_index.isdigit():
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    index = int(raw_index)
    try:
        outcome = await consultations.answer_option(
            turn.session,
            consultation.id,
            citizen_id=turn.citizen_id,
            option_index=index,
            now=turn.now,
        )
    except ConflictError:
        return _closed(turn, consultation)
    except InvalidInputError:
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    option = str(consultation.options[index])
    key = {
        Answered.NEW: "consult.thanks",
        Answered.CHANGED: "consult.changed",
        Answered.SAME: "consult.same",
    }[outcome]
    when = format_when(consultation.closes_at, turn.language)
    return [say(turn.language, key, option=option, when=when)]


async def ask_free(turn: Turn, raw_id: str) -> list[Outgoing]:
    """ "พิมพ์ความเห็น": the next message is the citizen's answer."""
    consultation = await _consultation(turn, raw_id)
    if consultation is None or consultation.id is None or not consultation.free_answer:
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    if not consultations.is_open(consultation, turn.now):
        return _closed(turn, consultation)
    turn.go(FLOW, FREE, consultation=consultation.id)
    return [
        say(
            turn.language,
            "consult.ask_free",
            cancel_button(turn.language),
            title=consultation.title,
        )
    ]


async def on_message(turn: Turn) -> list[Outgoing]:
    """A typed message inside the flow: the free answer, or the area to hear about."""
    message = (turn.inbound.text or "").strip()
    if turn.step == AREA:
        return await _area_typed(turn, message)
    consultation = await _consultation(turn, str(turn.data.get("consultation", "")))
    if consultation is None or consultation.id is None:
        turn.reset()
        return [say(turn.language, "consult.unknown", *replies.menu_buttons(turn.language))]
    if not message:
        return [say(turn.language, "consult.free_empty", cancel_button(turn.language))]
    analysis = await turn.analyze(message)
    try:
        await consultations.answer_free(
            turn.session,
            consultation.id,
            citizen_id=turn.citizen_id,
            redacted_text=analysis.redacted,
            theme=analysis.category if analysis.language == "th" else None,
            now=turn.now,
        )
    except ConflictError:
        turn.reset()
        return _closed(turn, consultation)
    turn.reset()
    when = format_when(consultation.closes_at, turn.language)
    return [
        say(turn.language, "consult.free_thanks", *replies.menu_buttons(turn.language), when=when)
    ]


BANGKOK = "10"


def _area_name(province_code: str, province: str, district: str | None, language: str) -> str:
    """ "อ.สันทราย จ.เชียงใหม่", "เขตบางรัก กรุงเทพมหานคร"; in English "สันทราย, เชียงใหม่"."""
    if language == "en":
        return f"{district}, {province}" if district else province
    bangkok = province_code == BANGKOK
    where = province if bangkok else f"จ.{province}"
    if district:
        return f"{'เขต' if bangkok else 'อ.'}{district} {where}"
    return where


async def _subscribe(
    turn: Turn, province_code: str, district_code: str | None, name: str
) -> list[Outgoing]:
    new = await consultations.subscribe(
        turn.session,
        turn.citizen_id,
        province_code=province_code,
        district_code=district_code or "",
    )
    turn.reset()
    key = "news.on" if new else "news.already"
    return [say(turn.language, key, *replies.menu_buttons(turn.language), area=name)]


async def news(turn: Turn, *, on: bool) -> list[Outgoing]:
    """รับข่าว: hear about consultations where the citizen's latest report was (or ask where);
    หยุดรับข่าว: no more, from anywhere."""
    if not on:
        dropped = await consultations.unsubscribe(turn.session, turn.citizen_id)
        key = "news.off" if dropped else "news.off_none"
        return [
            say(
                turn.language,
                key,
                button(turn.language, "button.news_on", Action.NEWS, "on"),
                *replies.menu_buttons(turn.language),
            )
        ]
    items = await citizen_side.citizen_items(turn.session, turn.citizen_id, open_only=False)
    for item in items:
        if item.province_code:
            analysis_name = await _place_name(turn, item.province_code, item.district_code)
            return await _subscribe(turn, item.province_code, item.district_code, analysis_name)
    turn.go(FLOW, AREA)
    return [say(turn.language, "news.ask_area", cancel_button(turn.language))]


async def offer_after_first_report(
    turn: Turn, reference: str, province_code: str | None, district_code: str | None
) -> list[Outgoing]:
    """After a citizen's first filed report, ask once whether to hear about consultations in
    that area (never again, whatever the answer). The report's own buttons stay under it."""
    if province_code is None or turn.citizen.news_offered_at is not None:
        return []
    turn.citizen.news_offered_at = turn.now
    turn.session.add(turn.citizen)
    if await consultations.subscriptions(turn.session, turn.citizen_id):
        return []
    area = await _place_name(turn, province_code, district_code)
    return [
        say(
            turn.language,
            "news.offer",
            button(turn.language, "button.news_on", Action.NEWS, "on"),
            button(turn.language, "button.history", Action.HISTORY, reference),
            button(turn.language, "button.menu", Action.MENU),
            area=area,
        )
    ]


async def _place_name(turn: Turn, province_code: str, district_code: str | None) -> str:
    names = await consultations.area_names(turn.session, province_code, district_code)
    return _area_name(province_code, names[0], names[1], turn.language)


async def _area_typed(turn: Turn, message: str) -> list[Outgoing]:
    analysis = await turn.analyze(message) if message else None
    place = analysis.place if analysis is not None else None
    if place is None or place.province_code is None or place.province is None:
        return [say(turn.language, "news.area_unknown", cancel_button(turn.language))]
    name = _area_name(place.province_code, place.province, place.district, turn.language)
    return await _subscribe(turn, place.province_code, place.district_code, name)
