"""The conversation engine: one inbound chat event in, the replies out, state kept in the DB.

`ConversationEngine.handle(session, inbound)` finds (or creates) the citizen, loads their
conversation state, expires it after a silence, answers commands that work anywhere (เมนู/menu,
ยกเลิก/cancel, help, ติดตาม, a reference, language, my data, the resolution taps), and passes
anything else to the flow the citizen is in. A new message is acted on as the NLP reads it: a
greeting, a follow-up, text with no meaning or in a language Siang does not read gets a short
answer (`flows.conversational`); a problem, question, praise, suggestion or opinion starts
`flows.report`. It writes only through `services` and the caller's session (the caller
commits), and never imports a platform SDK.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.conversations import replies, typed_answers
from bot.conversations.commands import Action, Command, parse_data, parse_typed
from bot.conversations.flows import (
    consultation,
    conversational,
    follow_up,
    my_data,
    news,
    report,
    resolution,
    survey,
    volunteering,
)
from bot.conversations.replies import say
from bot.conversations.turn import IDLE, AnalyzerProvider, Turn
from bot.conversations.typed_answers import Typed
from bot.messages import Inbound, InboundKind, Outgoing
from bot.texts import language_of
from nlp.analysis import Intent, Urgency
from nlp.keyboard_layout import thai_typed_as_latin
from services.topics import topic_named
from storage.models import Channel
from storage.repositories.citizens import CitizenRepository
from storage.types import utcnow

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = timedelta(minutes=30)
# Shorter free text while idle is a slip, unless the NLP is sure what it is about ("ไฟดับ").
_MIN_REPORT_CHARS = 8


# Steps asking for an area or a topic, where a problem typed instead means a change of mind.
_ASKS_AREA_OR_TOPIC = {
    (news.FLOW, news.AREA),
    (news.FLOW, news.TOPIC),
    (volunteering.FLOW, volunteering.AREA),
}
_PLAINLY_TOLD_CHARS = 15  # "ถนนพังเป็นหลุมใหญ่": an area's name is seldom this long alone
# Flows that keep a typed message as an answer (a survey's or a consultation's, a rating's
# comment): danger now typed there is not an answer, and must not wait in a form.
_KEEPS_TYPED_ANSWERS = frozenset({consultation.FLOW, survey.FLOW, resolution.FLOW})

# A typed message inside a flow goes to that flow.
_FLOW_MESSAGES: dict[str, Callable[[Turn], Awaitable[list[Outgoing]]]] = {
    report.FLOW: report.on_message,
    consultation.FLOW: consultation.on_message,
    news.FLOW: news.on_message,
    volunteering.FLOW: volunteering.on_message,
    survey.FLOW: survey.on_message,
}


class ConversationEngine:
    """Answers citizens; one instance serves every channel and every citizen."""

    def __init__(
        self,
        analyzer_provider: AnalyzerProvider,
        *,
        max_message_chars: int = 5_000,
        timeout: timedelta = DEFAULT_TIMEOUT,
        media_dir: Path | None = None,
    ) -> None:
        self.analyzer_provider = analyzer_provider
        self.max_message_chars = max_message_chars
        self.timeout = timeout
        self.media_dir = media_dir

    async def handle(
        self, session: AsyncSession, inbound: Inbound, *, now: datetime | None = None
    ) -> list[Outgoing]:
        """The replies to one inbound event (empty when nothing should be said)."""
        now = now or utcnow()
        if inbound.chat_id is not None:  # a group: Siang posts there but does not converse
            if inbound.kind is InboundKind.JOIN:
                return [say(language_of(inbound.language), "group_intro")]
            return []
        if inbound.kind in (InboundKind.JOIN, InboundKind.LEAVE):
            return []
        repository = CitizenRepository(session)
        citizen = await repository.get_or_create(
            inbound.channel, inbound.user_id, language=language_of(inbound.language), now=now
        )
        # the web chat's page shows the welcome when it opens; LINE's follow event gets it
        welcomed = citizen.last_seen_at is not None or inbound.channel is Channel.WEB
        citizen.last_seen_at = now
        session.add(citizen)
        if inbound.kind is InboundKind.UNFOLLOW:
            citizen.notifications_enabled = False  # blocked: pushes would fail anyway
            return []
        assert citizen.id is not None
        if inbound.kind is InboundKind.TEXT and inbound.text:
            # Thai typed with the keyboard still on English ("l;ylfu"): the conversation, the
            # draft and the officials read the Thai it means (สวัสดี); the event is kept as sent
            meant = thai_typed_as_latin(inbound.text)
            if meant is not None:
                inbound = replace(inbound, text=meant)
        state = await repository.conversation(citizen.id, now=now)
        turn = Turn(
            session,
            citizen,
            state,
            inbound,
            now,
            self.analyzer_provider,
            self.media_dir,
            welcomed=welcomed,
        )
        answer: list[Outgoing] = []
        if state.flow != IDLE and state.expires_at is not None and state.expires_at <= now:
            answer += await self._expire(turn)
        answer += await self._answer(turn)
        state.updated_at = now
        state.expires_at = None if state.flow == IDLE else now + self.timeout
        session.add(state)
        await session.flush()
        return answer

    async def _expire(self, turn: Turn) -> list[Outgoing]:
        """A conversation left unanswered too long goes back to idle, and we say so."""
        if turn.flow == resolution.FLOW:
            await resolution.submit(turn, None)  # the stars were tapped: keep the rating
            return []
        if report.finished(turn) or turn.flow == survey.FLOW or news.picking_topics(turn):
            turn.reset()  # a question was answered; a survey's answers, the topics: all kept
            return []
        turn.reset()
        minutes = int(self.timeout.total_seconds() // 60)
        return [say(turn.language, "timed_out", minutes=minutes)]

    async def _answer(self, turn: Turn) -> list[Outgoing]:
        inbound, language = turn.inbound, turn.language
        if inbound.kind is InboundKind.FOLLOW:
            turn.reset()
            return [say(language, "welcome"), replies.menu(language)]
        if inbound.kind is InboundKind.TEXT and inbound.text is not None:
            length = len(inbound.text)
            if length > self.max_message_chars:
                return [say(language, "too_long", length=length, limit=self.max_message_chars)]
        command = self._command(inbound)
        if command is not None:
            return await self._command_anywhere(turn, command)
        if inbound.kind is InboundKind.STICKER:
            return [say(language, "sticker"), *self._reprompt(turn)]
        if inbound.kind is InboundKind.POSTBACK:  # a button we no longer know (or never sent)
            return [say(language, "fallback"), *self._reprompt(turn)]
        if inbound.kind is InboundKind.UNSUPPORTED:
            return [say(language, "unsupported"), *self._reprompt(turn)]
        if report.finished(turn):
            narrowed = await report.place_for_answer(turn)  # "เชียงใหม่ค่ะ" after "your area's …"
            if narrowed is not None:
                return narrowed
            turn.reset()  # a question was answered: this message is a new one
        return await self._in_flow(turn)

    async def _in_flow(self, turn: Turn) -> list[Outgoing]:
        """A typed message: to the flow it answers, or, with none open, read on its own."""
        inbound, language = turn.inbound, turn.language
        danger = await self._danger_instead_of_an_answer(turn)
        if danger is not None:
            return danger
        if turn.flow == resolution.FLOW:
            return await resolution.submit(turn, (inbound.text or "").strip() or None)
        if turn.flow == my_data.FLOW:
            turn.reset()  # anything but the confirm tap means "do not erase"
            return [replies.menu(language, "cancelled")]
        if news.offered(turn):  # "อยากรับข่าว…ไหมคะ" after a first report
            answered = await news.answer_offer(turn)
            if answered is not None:
                return answered
            turn.reset()  # a new message
        flow_message = _FLOW_MESSAGES.get(turn.flow)
        if flow_message is not None:
            changed_mind = await self._a_report_instead(turn)
            return changed_mind if changed_mind is not None else await flow_message(turn)
        return await self._idle(turn)

    @staticmethod
    async def _danger_instead_of_an_answer(turn: Turn) -> list[Outgoing] | None:
        """Danger now typed where a survey, a consultation or a rating asked for words: the
        numbers to call come first and the report starts; nothing is kept as an answer. None
        when the message is an answer (short ones are not read: an option's number, "ใช่")."""
        inbound = turn.inbound
        message = (inbound.text or "").strip()
        if (
            turn.flow not in _KEEPS_TYPED_ANSWERS
            or inbound.kind is not InboundKind.TEXT
            or len(message) < _PLAINLY_TOLD_CHARS
        ):
            return None
        analysis = await turn.analyze(message)
        if analysis.urgency is not Urgency.HIGH:
            return None
        turn.reset()
        return await report.start_from_text(turn, message, analysis)

    @staticmethod
    async def _a_report_instead(turn: Turn) -> list[Outgoing] | None:
        """Danger now, or a problem plainly told, typed where an area or a topic was asked
        (after อาสา or รับข่าว): the citizen changed their mind. That flow is left and the
        report starts (the numbers to call first); None when the message answers the step."""
        inbound = turn.inbound
        message = (inbound.text or "").strip()
        if (
            turn.flow,
            turn.step,
        ) not in _ASKS_AREA_OR_TOPIC or inbound.kind is not InboundKind.TEXT:
            return None
        if not message or topic_named(message) is not None:
            return None
        analysis = await turn.analyze(message)
        told = (
            analysis.intent is Intent.COMPLAINT
            and analysis.category_certain
            and len(message) >= _PLAINLY_TOLD_CHARS
        )
        if analysis.urgency is not Urgency.HIGH and not told:
            return None
        turn.reset()
        return await report.start_from_text(turn, message, analysis)

    @staticmethod
    def _command(inbound: Inbound) -> Command | None:
        if inbound.kind is InboundKind.POSTBACK and inbound.postback:
            return parse_data(inbound.postback)
        if inbound.kind is InboundKind.TEXT and inbound.text:
            return parse_typed(inbound.text)
        return None

    async def _idle(self, turn: Turn) -> list[Outgoing]:
        inbound, language = turn.inbound, turn.language
        message = (inbound.text or "").strip()
        if inbound.kind is InboundKind.TEXT:
            if not message:
                return [replies.menu(language, "empty")]
            answered = await resolution.typed_reply(turn, message)  # "ยังไม่แก้เลยค่ะ"
            if answered is not None:
                return answered
            analysis = await turn.analyze(message)  # greetings, follow-ups … are its intents
            answer = await conversational.answer(turn, message, analysis)
            if answer is not None:
                return answer
            if len(message) < _MIN_REPORT_CHARS and not analysis.category_certain:
                return [replies.menu(language, "fallback")]  # "ok?", "55": a slip, not a report
            said = typed_answers.read(message)
            if said is not None and not analysis.category_certain:
                # "ไม่เป็นไรค่ะ", "โอเคค่ะ ได้เลย": an answer to nothing open, not a report
                key = "nothing_to_cancel" if said is Typed.CANCEL else "fallback"
                return [replies.menu(language, key)]
            return await report.start_from_text(turn, message, analysis)
        if inbound.kind in (InboundKind.IMAGE, InboundKind.LOCATION):
            return await report.start_from_message(turn)
        return [replies.menu(language, "fallback")]

    def _reprompt(self, turn: Turn) -> list[Outgoing]:
        if turn.flow == report.FLOW:
            return report.reprompt(turn)
        return [replies.menu(turn.language)]

    async def _leave(self, turn: Turn) -> None:
        """Leaving a flow by menu/cancel: a tapped rating is still kept."""
        if turn.flow == resolution.FLOW:
            await resolution.submit(turn, None)
        turn.reset()

    async def _command_anywhere(self, turn: Turn, command: Command) -> list[Outgoing]:
        language = turn.language
        match command.action:
            case Action.MENU:
                await self._leave(turn)
                return [replies.menu(language)]
            case Action.CANCEL:
                was_idle = turn.flow == IDLE
                await self._leave(turn)
                return [replies.menu(language, "nothing_to_cancel" if was_idle else "cancelled")]
            case Action.HELP:
                return [say(language, "help"), *self._reprompt(turn)]
            case Action.LANGUAGE if command.arg in ("th", "en"):
                turn.citizen.language = command.arg
                return [replies.menu(command.arg, "language.set")]
            case Action.REPORT:
                await self._leave(turn)
                return await report.start_report(turn)
            case Action.OPINION:
                await self._leave(turn)
                return await report.start_opinion(turn)
            case Action.FOLLOW:
                await self._leave(turn)
                return await follow_up.list_open(turn)
        for area_command in (
            self._ticket_command,
            self._my_data_command,
            self._consultation_command,
            self._news_command,
            self._volunteer_command,
            self._survey_command,
        ):
            answer = await area_command(turn, command)
            if answer is not None:
                return answer
        if turn.flow == report.FLOW:
            handled = await report.on_command(turn, command)
            if handled is not None:
                return handled
            return report.reprompt(turn)
        return [replies.menu(language, "fallback")]

    @staticmethod
    async def _ticket_command(turn: Turn, command: Command) -> list[Outgoing] | None:
        """A tap about one ticket (its history, whether it is fixed, a rating), in any flow."""
        match command.action:
            case Action.HISTORY if command.arg:
                return await follow_up.show_history(turn, command.arg)
            case Action.FIXED if command.arg:
                return await resolution.fixed(turn, command.arg)
            case Action.NOT_FIXED if command.arg:
                return await resolution.not_fixed(turn, command.arg)
            case Action.RATE if command.arg:
                return await resolution.stars(turn, command.arg)
            case Action.SKIP if turn.flow == resolution.FLOW:
                return await resolution.submit(turn, None)
        return None

    async def _my_data_command(self, turn: Turn, command: Command) -> list[Outgoing] | None:
        """The citizen's rights over their data: a summary or copy, erasure, notifications."""
        match command.action:
            case Action.MY_DATA:
                await self._leave(turn)
                if command.arg == my_data.COPY:
                    return await my_data.copy(turn)
                return await my_data.summary(turn)
            case Action.ERASE:
                if command.arg == "yes":
                    return await my_data.erase(turn)
                return await my_data.ask_erase(turn)
            case Action.NOTIFY if command.arg in ("on", "off"):
                return await my_data.notifications(turn, enabled=command.arg == "on")
        return None

    async def _consultation_command(self, turn: Turn, command: Command) -> list[Outgoing] | None:
        """Taps on a consultation's options, and a typed answer."""
        match command.action:
            case Action.POLL if command.arg:
                return await consultation.tapped(turn, command.arg)
            case Action.POLL_TEXT if command.arg:
                await self._leave(turn)
                return await consultation.ask_free(turn, command.arg)
        return None

    async def _news_command(self, turn: Turn, command: Command) -> list[Outgoing] | None:
        """Hearing about consultations and surveys: start, pick topics, list, stop."""
        match command.action:
            case Action.NEWS if command.arg == "on":
                await self._leave(turn)
                return await news.start(turn)
            case Action.NEWS if command.arg == "off":
                await self._leave(turn)
                return await news.stop_all(turn)
            case Action.NEWS if command.arg == "list":
                await self._leave(turn)
                return await news.listed(turn)
            case Action.NEWS_TOPIC if command.arg:
                if turn.flow != news.FLOW:
                    await self._leave(turn)
                return await news.topic_tapped(turn, command.arg)
            case Action.NEWS_STOP if command.arg:
                return await news.stop_one(turn, command.arg)
        return None

    async def _volunteer_command(self, turn: Turn, command: Command) -> list[Outgoing] | None:
        """Volunteer programmes: near me, sign up, my volunteering, cancel a sign-up."""
        match command.action:
            case Action.VOLUNTEER:
                await self._leave(turn)
                return await volunteering.near_me(turn)
            case Action.VOLUNTEER_JOIN if command.arg:
                await self._leave(turn)
                return await volunteering.join(turn, command.arg)
            case Action.VOLUNTEER_MINE:
                await self._leave(turn)
                return await volunteering.mine(turn)
            case Action.VOLUNTEER_QUIT if command.arg:
                return await volunteering.quit_(turn, command.arg)
            case Action.SKIP if turn.flow == volunteering.FLOW:
                return volunteering.skip(turn)
        return None

    async def _survey_command(self, turn: Turn, command: Command) -> list[Outgoing] | None:
        """Surveys: start or carry on, a tapped option (any question's), skip an optional one."""
        match command.action:
            case Action.SURVEY_GO:
                await self._leave(turn)
                return await survey.start(turn, command.arg)
            case Action.SURVEY if command.arg:
                await self._leave(turn)
                return await survey.tapped(turn, command.arg)
            case Action.SURVEY_SKIP if command.arg:
                return await survey.skip(turn, command.arg)
            case Action.SKIP if turn.flow == survey.FLOW:
                return await survey.skip(turn)
        return None
