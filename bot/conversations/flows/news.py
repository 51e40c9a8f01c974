"""Hearing about consultations and surveys in the chat. รับข่าว takes the area of the citizen's
latest report (or asks for one) and then topics, tapped one by one or "ทุกเรื่อง"; ข่าวที่รับ lists
what they receive with a button to stop each; หยุดรับข่าว stops everything. After a first report
Siang offers it once. A topic tap carries its area, so it works whatever flow is open."""

from __future__ import annotations

from collections.abc import Collection

from bot.conversations import replies, typed_answers
from bot.conversations.commands import Action, data
from bot.conversations.replies import button, cancel_button, say
from bot.conversations.turn import Turn
from bot.conversations.typed_answers import Typed
from bot.messages import Button, InboundKind, Outgoing
from bot.texts import text
from services import citizen_side, consultations, news
from services.errors import InvalidInputError
from services.news import Subscribed, Subscription
from services.topics import CODES, topic_name, topic_named

FLOW = "news"
AREA = "area"  # step: waiting for the area to hear about
TOPIC = "topic"  # step: topics are being picked for the area in `data`
OFFERED = "offered"  # step: asked after a first report whether to hear news of its area
ALL = "all"  # a topic tap's last part: every topic
MAX_STOP_BUTTONS = 10  # plus "stop all" and "menu": LINE shows 13 quick replies
BANGKOK = "10"


def _area_name(province_code: str, province: str, district: str | None, language: str) -> str:
    """ "อ.สันทราย จ.เชียงใหม่", "เขตบางรัก กรุงเทพมหานคร"; in English "San Sai, Chiang Mai"."""
    if language == "en":
        return f"{district}, {province}" if district else province
    bangkok = province_code == BANGKOK
    where = province if bangkok else f"จ.{province}"
    if district:
        return f"{'เขต' if bangkok else 'อ.'}{district} {where}"
    return where


async def _place_name(turn: Turn, province_code: str, district_code: str | None) -> str:
    names = await consultations.area_names(
        turn.session, province_code, district_code, turn.language
    )
    return _area_name(province_code, names[0], names[1], turn.language)


def _topic_names(topics: Collection[str], language: str) -> str:
    if not topics:
        return text(language, "news.topics_all")
    return ", ".join(topic_name(code, language) for code in topics)


def _topic_buttons(
    language: str, province: str, district: str, chosen: Collection[str] = ()
) -> list[Button]:
    """ "ทุกเรื่อง" and each topic not chosen yet; each tap carries the area."""
    where = f"{province}:{district}"
    buttons = [button(language, "button.topics_all", Action.NEWS_TOPIC, f"{where}:{ALL}")]
    buttons += [
        Button(label=topic_name(code, language), data=data(Action.NEWS_TOPIC, f"{where}:{code}"))
        for code in CODES
        if code not in chosen
    ]
    return buttons


def picking_topics(turn: Turn) -> bool:
    """Topics are being tapped (each tap is kept), or the offer after a first report waits for
    an answer: a silence loses nothing."""
    return turn.flow == FLOW and turn.step in (TOPIC, OFFERED)


def offered(turn: Turn) -> bool:
    return turn.flow == FLOW and turn.step == OFFERED


async def answer_offer(turn: Turn) -> list[Outgoing] | None:
    """The offer "อยากรับข่าว…ไหมคะ" answered in words: "ได้ค่ะ" picks the topics for the
    report's area, "ไม่ค่ะ" is taken kindly; None when the message is about something else."""
    message = (turn.inbound.text or "").strip()
    said = typed_answers.read(message) if turn.inbound.kind is InboundKind.TEXT else None
    if said is Typed.YES:
        return await start(turn)
    if said in (Typed.NO, Typed.CANCEL):
        turn.reset()
        return [replies.menu(turn.language, "news.not_now")]
    return None


async def start(turn: Turn) -> list[Outgoing]:
    """รับข่าว: topics for the area of the citizen's latest report, or first the question where."""
    items = await citizen_side.citizen_items(turn.session, turn.citizen_id, open_only=False)
    for item in items:
        if item.province_code:
            return await _pick_topics(turn, item.province_code, item.district_code or "")
    turn.go(FLOW, AREA)
    return [say(turn.language, "news.ask_area", cancel_button(turn.language))]


async def _pick_topics(turn: Turn, province: str, district: str) -> list[Outgoing]:
    area = await _place_name(turn, province, district or None)
    turn.go(FLOW, TOPIC, province=province, district=district)
    buttons = _topic_buttons(turn.language, province, district)
    return [
        say(turn.language, "news.pick_topics", *buttons, cancel_button(turn.language), area=area)
    ]


async def topic_tapped(turn: Turn, argument: str) -> list[Outgoing]:
    """A tap on a topic (or "ทุกเรื่อง"): "<province>:<district>:<topic>"."""
    parts = argument.split(":")
    if len(parts) != 3:
        return [say(turn.language, "fallback", *replies.menu_buttons(turn.language))]
    return await _subscribe(turn, parts[0], parts[1], parts[2])


async def _subscribe(turn: Turn, province: str, district: str, topic: str) -> list[Outgoing]:
    try:
        outcome = await news.subscribe(
            turn.session,
            turn.citizen_id,
            province_code=province,
            district_code=district,
            topics=() if topic == ALL else (topic,),
        )
    except InvalidInputError:  # a tap we never sent (an unknown area or topic)
        turn.reset()
        return [say(turn.language, "fallback", *replies.menu_buttons(turn.language))]
    area = await _place_name(turn, province, district or None)
    language = turn.language
    if not outcome.topics:  # every topic: nothing more to pick
        turn.reset()
        key = "news.already" if outcome.change is Subscribed.ALREADY else "news.on"
        return [say(language, key, *replies.menu_buttons(language), area=area)]
    turn.go(FLOW, TOPIC, province=province, district=district)
    key = "news.already_topics" if outcome.change is Subscribed.ALREADY else "news.on_topics"
    return [
        say(
            language,
            key,
            *_topic_buttons(language, province, district, outcome.topics),
            button(language, "button.menu", Action.MENU),
            area=area,
            topics=_topic_names(outcome.topics, language),
        )
    ]


async def on_message(turn: Turn) -> list[Outgoing]:
    """A typed message inside the flow: the area to hear about, or a topic's name."""
    message = (turn.inbound.text or "").strip()
    if turn.step == TOPIC:
        return await _topic_typed(turn, message)
    analysis = await turn.analyze(message) if message else None
    place = analysis.place if analysis is not None else None
    if place is None or place.province_code is None:
        return [say(turn.language, "news.area_unknown", cancel_button(turn.language))]
    return await _pick_topics(turn, place.province_code, place.district_code or "")


async def _topic_typed(turn: Turn, message: str) -> list[Outgoing]:
    province, district = str(turn.data.get("province", "")), str(turn.data.get("district", ""))
    everything = {text(language, "button.topics_all").lower() for language in ("th", "en")}
    topic = ALL if message.lower() in everything else topic_named(message)
    if topic is None:
        buttons = _topic_buttons(turn.language, province, district)
        return [say(turn.language, "news.topic_unknown", *buttons, cancel_button(turn.language))]
    return await _subscribe(turn, province, district, topic)


async def listed(turn: Turn) -> list[Outgoing]:
    """ข่าวที่รับ: each area the citizen hears about and on which topics, with a stop button."""
    language = turn.language
    found = await news.subscriptions(turn.session, turn.citizen_id)
    if not found:
        return [
            say(
                language,
                "news.list_none",
                button(language, "button.news_on", Action.NEWS, "on"),
                *replies.menu_buttons(language),
            )
        ]
    lines = [text(language, "news.list_title")]
    stops = []
    for number, subscription in enumerate(found, start=1):
        area = await _place_name(
            turn, subscription.province_code, subscription.district_code or None
        )
        topics = _topic_names(subscription.topics, language)
        lines.append(text(language, "news.list_line", number=number, area=area, topics=topics))
        if number <= MAX_STOP_BUTTONS:
            label = text(language, "button.news_stop_one", number=number)
            stops.append(Button(label=label, data=data(Action.NEWS_STOP, str(subscription.id))))
    lines.append(text(language, "news.list_hint"))
    return [
        Outgoing(
            text="\n".join(lines),
            buttons=(
                *stops,
                button(language, "button.news_off", Action.NEWS, "off"),
                button(language, "button.menu", Action.MENU),
            ),
        )
    ]


async def stop_one(turn: Turn, raw_id: str) -> list[Outgoing]:
    """A tap on "หยุด 2": that area's news stops; the others go on."""
    language = turn.language
    found = [
        s for s in await news.subscriptions(turn.session, turn.citizen_id) if str(s.id) == raw_id
    ]
    more = (
        button(language, "button.news_list", Action.NEWS, "list"),
        *replies.menu_buttons(language),
    )
    if not found or not await news.unsubscribe_one(turn.session, turn.citizen_id, found[0].id):
        return [say(language, "news.stopped_gone", *more)]
    subscription: Subscription = found[0]
    area = await _place_name(turn, subscription.province_code, subscription.district_code or None)
    return [say(language, "news.stopped_one", *more, area=area)]


async def stop_all(turn: Turn) -> list[Outgoing]:
    """หยุดรับข่าว: no more, from anywhere, on any topic."""
    dropped = await news.unsubscribe(turn.session, turn.citizen_id)
    key = "news.off" if dropped else "news.off_none"
    return [
        say(
            turn.language,
            key,
            button(turn.language, "button.news_on", Action.NEWS, "on"),
            *replies.menu_buttons(turn.language),
        )
    ]


async def offer_after_first_report(
    turn: Turn, reference: str, province_code: str | None, district_code: str | None
) -> list[Outgoing]:
    """After a citizen's first filed report, ask once whether to hear about consultations in
    that area (never again, whatever the answer). The report's own buttons stay under it."""
    if province_code is None or turn.citizen.news_offered_at is not None:
        return []
    turn.citizen.news_offered_at = turn.now
    turn.session.add(turn.citizen)
    if await news.subscriptions(turn.session, turn.citizen_id):
        return []
    area = await _place_name(turn, province_code, district_code)
    turn.go(FLOW, OFFERED)  # "ได้ค่ะ" typed back is a yes
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
