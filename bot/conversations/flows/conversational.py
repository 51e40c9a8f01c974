"""Messages that are conversation, not feedback: a greeting or thanks, asking in words about
earlier reports, text with no meaning to act on, or a language Siang does not read. Each gets a
short answer and the menu; none becomes a report. Danger now always goes on to a report, in
English when it was told in a language the chat does not answer in."""

from __future__ import annotations

import re

from bot.conversations import replies
from bot.conversations.commands import mistyped_reference, reference_in
from bot.conversations.flows import follow_up
from bot.conversations.turn import Turn
from bot.messages import Outgoing
from bot.texts import text
from nlp.analysis import Intent, MessageAnalysis, Urgency
from nlp.intent import trying_out
from services import citizen_side

READ_LANGUAGES = ("th", "en")
NO_LETTERS = "none"  # empty, emoji, digits or punctuation only
_THANKS = re.compile(r"ขอบคุณ|ขอบใจ|thank", re.IGNORECASE)
# Asking when or how far along: about their own report when the citizen has one open.
_ASKS_PROGRESS = re.compile(
    r"เมื่อไหร่|เมื่อไร|เมื่อไหล่|เมื่อไหร|กี่วัน|นานไหม|นานมั้ย|นานมั๊ย|นานแค่ไหน|ถึงไหน|คืบหน้า"
    r"|หรือยัง|รึยัง|ได้ยัง|when\b|how long|any update",
    re.IGNORECASE,
)


# A Thai sentence, not a Thai place name typed by someone who writes English: a polite particle
# or a pronoun ("หวัดดีจ้าแอดมิน", "ช่วยมาเก็บขยะหน่อยได้ไหมคะ").
_THAI_SENTENCE = re.compile(
    r"ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ|นะ|หน่อย|ไหม|มั้ย|เลย|ด้วย|ผม|ดิฉัน|หนู|เรา|หวัดดี|สวัสดี|ขอบคุณ"
)


def _adopt_language(turn: Turn, analysis: MessageAnalysis, message: str) -> None:
    """Someone who writes English (meaningfully) is answered in English from now on, and
    someone who writes a Thai sentence in Thai (a Thai citizen whose browser or phone is set to
    English was greeted in English); the menu has the button to change it back."""
    if analysis.language == "en":
        _answer_in_english(turn)
    elif (
        analysis.language == "th"
        and turn.citizen.language != "th"
        and _THAI_SENTENCE.search(message) is not None
    ):
        turn.citizen.language = "th"
        turn.session.add(turn.citizen)


def _answer_in_english(turn: Turn) -> None:
    if turn.citizen.language != "en":
        turn.citizen.language = "en"
        turn.session.add(turn.citizen)


def greeting(language: str, message: str, *, welcomed: bool = False) -> Outgoing:
    """A short answer to hello or thanks, with the menu under it: the whole welcome only to
    someone who has not been shown it yet."""
    again = "hello_again" if welcomed else "welcome"
    key = "thanks" if _THANKS.search(message) else again
    return Outgoing(text=text(language, key), buttons=replies.menu_buttons(language))


async def answer(turn: Turn, message: str, analysis: MessageAnalysis) -> list[Outgoing] | None:
    """The reply when the message is conversation; None when it is feedback to act on (and
    then the citizen may now be answered in English)."""
    urgent = analysis.urgency is Urgency.HIGH
    if analysis.language not in (*READ_LANGUAGES, NO_LETTERS):
        if urgent:
            # danger told in a language the chat does not answer in (a tourist's Korean, a
            # migrant worker's Burmese): the report goes on in English, the numbers first (the
            # Tourist Police among them); officials read the message as written
            _answer_in_english(turn)
            return None
        return [replies.menu(turn.language, "other_language")]
    wrong = mistyped_reference(message)
    if wrong is not None and not urgent:  # "ติดตาม SG-7K4M-2X" with a character misread
        turn.reset()
        not_found = replies.say(turn.language, "follow.not_found", reference=wrong)
        return [not_found, *await follow_up.list_open(turn)]
    unclear = analysis.language == NO_LETTERS or analysis.intent is Intent.UNCLEAR
    if unclear and not urgent:
        # trying the chat out is told it works; a slip is forgiven; the rest asked what they mean
        return [replies.menu(turn.language, trying_out(message) or "unclear")]
    _adopt_language(turn, analysis, message)
    language = turn.language
    if analysis.intent is Intent.FOLLOW_UP:
        reference = reference_in(message)
        if reference is None and await tells_a_new_problem(turn, analysis):
            return None  # the report flow takes it (`flows.report` says why first)
        turn.reset()
        notice = replies.emergency_notice(language, analysis.hazards, None, message)
        before = [notice] if urgent else []
        if reference is not None:
            return before + await follow_up.show_history(turn, reference)
        return before + await follow_up.list_open(turn)
    if analysis.intent is Intent.GREETING and not urgent:
        return [greeting(language, message, welcomed=turn.welcomed)]
    if not urgent and await _asks_about_own_report(turn, message, analysis):
        turn.reset()
        return await follow_up.list_open(turn)
    return None


async def _asks_about_own_report(turn: Turn, message: str, analysis: MessageAnalysis) -> bool:
    """ "แล้วจะมาซ่อมเมื่อไหร่คะ" right after a report: a question about when or how far along,
    naming no place, from a citizen with an open report it can be about (any, when the question
    names no topic for sure; one of that topic, when it does)."""
    if analysis.intent is not Intent.QUESTION or not _ASKS_PROGRESS.search(message):
        return False
    if analysis.place.province_code is not None:
        return False  # asks about somewhere: a question for the agency there
    mine = await citizen_side.citizen_items(turn.session, turn.citizen_id, open_only=True)
    if not analysis.category_certain:
        return bool(mine)
    return any(item.category == analysis.category for item in mine)


async def tells_a_new_problem(turn: Turn, analysis: MessageAnalysis) -> bool:
    """A follow-up in words that describes a problem the citizen never reported here ("แจ้ง
    อบต. ไปหลายรอบแล้ว ถนนในหมู่บ้านเป็นหลุม…", or reported by phone): the NLP is sure of its
    topic and none of their reports, open or closed, is about it. It can be filed now."""
    if analysis.intent is not Intent.FOLLOW_UP or not analysis.category_certain:
        return False
    mine = await citizen_side.citizen_items(turn.session, turn.citizen_id, open_only=False)
    return all(item.category != analysis.category for item in mine)
