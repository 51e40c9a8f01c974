"""Telegram Bot API adapter (python-telegram-bot v22): secret token, updates, keyboards, photos."""

from __future__ import annotations

import asyncio
import functools
import hmac
import html
import json
import logging
import ssl
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from telegram import (
    Bot,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.channels.base import DeliveryError, RawEvent, WebhookRejectedError
from bot.media import MediaRejectedError, MediaStorage
from bot.messages import Button, Card, Channel, Inbound, InboundKind, Outgoing, StoredMedia
from storage.send_pacing import Lane, SendPacing, wait_turn

logger = logging.getLogger(__name__)

SECRET_HEADER = "x-telegram-bot-api-secret-token"
MAX_TEXT_CHARS = 4096
MAX_CAPTION_CHARS = 1024
MAX_CALLBACK_DATA_BYTES = 64
# The Bot API FAQ: no more than about 30 messages a second overall, and about one a second in
# one chat (a notice of text, photo and location prompt may go at once: a burst of three).
BOT_LANE = Lane("telegram", per_second=28)
CHAT_LANE = Lane("telegram:chat", per_second=1, burst=3)
_MEMBER_IN = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


@dataclass(frozen=True)
class TelegramConfig:
    bot_token: str
    webhook_secret: str | None = None
    api_base_url: str = "https://api.telegram.org"


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for the process's Telegram clients, as httpx makes it by default: httpx
    makes one per client (reading the CA bundle, about 20 ms of CPU) and a bot has two."""
    return httpx.create_ssl_context()


def _bot(config: TelegramConfig) -> Bot:
    """python-telegram-bot's own two clients (updates, one connection; calls), sharing one TLS
    context."""
    shared = {"verify": _tls_context()}
    base = config.api_base_url.rstrip("/")
    return Bot(
        config.bot_token,
        base_url=f"{base}/bot",
        base_file_url=f"{base}/file/bot",
        get_updates_request=HTTPXRequest(connection_pool_size=1, httpx_kwargs=shared),
        request=HTTPXRequest(httpx_kwargs=shared),
    )


class TelegramChannel:
    """One Telegram bot."""

    channel = Channel.TELEGRAM

    def __init__(
        self, config: TelegramConfig, media: MediaStorage, *, pacing: SendPacing | None = None
    ) -> None:
        self.config = config
        self.media = media
        self.pacing = pacing
        self._turns_taken: set[str] = set()  # chats whose next call's slot was taken ahead
        self.bot = _bot(config)
        self.bot_user_id = config.bot_token.split(":", 1)[0]
        self._initialized = False
        self._init_lock = asyncio.Lock()

    async def _ready_bot(self) -> Bot:
        async with self._init_lock:
            if not self._initialized:
                await self.bot.initialize()
                self._initialized = True
        return self.bot

    # --- webhook -------------------------------------------------------------------------

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        expected = self.config.webhook_secret
        if not expected:
            raise WebhookRejectedError(
                403, "webhook_disabled", "SIANG_TELEGRAM_WEBHOOK_SECRET is not set"
            )
        given = headers.get(SECRET_HEADER)
        if not given:
            raise WebhookRejectedError(
                401, "missing_secret", "X-Telegram-Bot-Api-Secret-Token is missing"
            )
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise WebhookRejectedError(403, "invalid_secret", "wrong secret token")

    def split(self, body: bytes) -> list[RawEvent]:
        try:
            update = json.loads(body)
        except (ValueError, RecursionError) as error:  # RecursionError: nested too deeply
            raise WebhookRejectedError(400, "malformed_json", "body is not JSON") from error
        return [raw_update(update)]

    def conversation_key(self, payload: dict[str, Any]) -> str:
        for key in ("message", "edited_message", "callback_query", "my_chat_member"):
            part = payload.get(key)
            if isinstance(part, dict):
                sender = part.get("from") or part.get("chat") or {}
                return str(sender.get("id", "telegram:unknown"))
        return "telegram:unknown"

    async def parse(self, payload: dict[str, Any], *, received_at: datetime) -> Inbound | None:
        try:
            update = Update.de_json(payload, self.bot)
        except (ValueError, TypeError, KeyError) as error:
            # Never the update itself: it carries names, phone numbers and the citizen's text.
            logger.warning(
                "telegram update not understood",
                extra={
                    "update_id": payload.get("update_id"),
                    "update_kind": update_kind(payload),
                    "error": type(error).__name__,
                },
            )
            return None
        external_id = str(update.update_id)
        if update.callback_query is not None:
            query = update.callback_query
            await self._answer_callback(query.id)
            chat = query.message.chat if query.message is not None else None
            return Inbound(
                channel=Channel.TELEGRAM,
                user_id=str(query.from_user.id),
                kind=InboundKind.POSTBACK,
                external_id=external_id,
                chat_id=_group_id(chat),
                postback=query.data or "",
                language=_language(query.from_user.language_code),
                received_at=received_at,
            )
        if update.my_chat_member is not None:
            return self._membership(update.my_chat_member, external_id)
        if update.edited_message is not None:
            # A corrected typo is not a new message: reading it again would start a second
            # report. The edit stays stored with the update.
            logger.info("telegram edited message not read again", extra={"update": external_id})
            return None
        message = update.message
        if message is None or message.from_user is None:
            return None
        return await self._message(message, external_id)

    def _membership(self, change: ChatMemberUpdated, external_id: str) -> Inbound | None:
        joined = change.new_chat_member.status in _MEMBER_IN
        was_in = change.old_chat_member.status in _MEMBER_IN
        if joined == was_in:
            return None
        private = change.chat.type == ChatType.PRIVATE
        if private:
            kind = InboundKind.FOLLOW if joined else InboundKind.UNFOLLOW
        else:
            kind = InboundKind.JOIN if joined else InboundKind.LEAVE
        return Inbound(
            channel=Channel.TELEGRAM,
            user_id=str(change.from_user.id),
            kind=kind,
            external_id=external_id,
            chat_id=None if private else str(change.chat.id),
            language=_language(change.from_user.language_code),
            received_at=change.date,
        )

    async def _message(self, message: Message, external_id: str) -> Inbound | None:
        assert message.from_user is not None
        common: dict[str, Any] = {
            "channel": Channel.TELEGRAM,
            "user_id": str(message.from_user.id),
            "external_id": external_id,
            "chat_id": _group_id(message.chat),
            "language": _language(message.from_user.language_code),
            "received_at": message.date,
        }
        if message.new_chat_members or message.left_chat_member:
            # Joining and leaving a group arrive twice: as this service message and as a
            # my_chat_member update. Only the latter is read, so the group hears the intro once.
            return None
        if message.text is not None:
            typed = await self._addressed_to_us(message.text)
            if typed is None:
                return None  # a command for another bot in the same group
            if typed.split(maxsplit=1)[:1] == ["/start"]:
                return Inbound(kind=InboundKind.FOLLOW, text=typed, **common)
            return Inbound(kind=InboundKind.TEXT, text=typed, **common)
        if message.location is not None:
            address = None
            if message.venue is not None:
                address = f"{message.venue.title} {message.venue.address}".strip()
            return Inbound(
                kind=InboundKind.LOCATION,
                latitude=message.location.latitude,
                longitude=message.location.longitude,
                address=address,
                **common,
            )
        if message.photo:
            largest = max(message.photo, key=lambda size: size.width * size.height)
            media = await self._try_fetch(largest.file_id)
            return Inbound(kind=InboundKind.IMAGE, media=media, text=message.caption, **common)
        document = message.document
        if document is not None and (document.mime_type or "").startswith("image/"):
            media = await self._try_fetch(document.file_id)
            return Inbound(kind=InboundKind.IMAGE, media=media, text=message.caption, **common)
        if message.sticker is not None:
            return Inbound(kind=InboundKind.STICKER, **common)
        return Inbound(kind=InboundKind.UNSUPPORTED, text=message.caption, **common)

    async def _addressed_to_us(self, text: str) -> str | None:
        """`text` with "/command@ourbot" read as "/command"; None for another bot's command."""
        first, space, rest = text.partition(" ")
        command, at, name = first.partition("@")
        if not command.startswith("/") or not at:
            return text
        if name.casefold() != (await self._username()).casefold():
            return None
        return command + space + rest

    async def _username(self) -> str:
        """The bot's @username (asked once, by getMe); "" when Telegram cannot be reached."""
        try:
            bot = await self._ready_bot()
        except TelegramError as error:
            logger.warning("telegram getMe failed", extra={"error": str(error)})
            return ""
        return bot.username or ""

    async def _answer_callback(self, query_id: str) -> None:
        """Stop the button's spinner; a failure here must not lose the citizen's tap."""
        try:
            bot = await self._ready_bot()
            await bot.answer_callback_query(query_id)
        except TelegramError as error:
            logger.info("telegram answerCallbackQuery failed", extra={"error": str(error)})

    async def _try_fetch(self, file_id: str) -> StoredMedia | None:
        try:
            return await self.fetch_media(file_id)
        except (MediaRejectedError, DeliveryError) as error:
            logger.warning("telegram photo not kept", extra={"error": str(error)})
            return None

    async def fetch_media(self, media_ref: str) -> StoredMedia:
        try:
            bot = await self._ready_bot()
            telegram_file = await bot.get_file(media_ref)
            if telegram_file.file_size and telegram_file.file_size > self.media.max_bytes:
                raise MediaRejectedError(f"file of {telegram_file.file_size} bytes is too large")
            data = await telegram_file.download_as_bytearray()
        except TelegramError as error:
            raise _delivery_error(error) from error
        return await self.media.save(bytes(data))

    # --- sending -------------------------------------------------------------------------

    async def send(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> None:
        try:
            bot = await self._ready_bot()
            for outgoing in messages:
                await self._send_one(bot, target, outgoing)
        except RetryAfter as error:
            failure = _delivery_error(error)
            if self.pacing is not None and failure.retry_after is not None:
                await self.pacing.hold_off(BOT_LANE, failure.retry_after)  # every process waits
            raise failure from error
        except TelegramError as error:
            raise _delivery_error(error) from error

    async def wait_turn(self, target: str) -> None:
        """Wait for the slot of the next call to `target` now (the outbox records the attempt
        in between); that call then goes at once."""
        await self._take_turn(target)
        self._turns_taken.add(target)

    async def _turn(self, chat_id: str) -> None:
        if chat_id in self._turns_taken:
            self._turns_taken.discard(chat_id)
            return
        await self._take_turn(chat_id)

    async def _take_turn(self, chat_id: str) -> None:
        """Wait for this bot's next slot, and for the chat's."""
        if self.pacing is not None:
            await wait_turn(self.pacing, CHAT_LANE, chat_id)
            await wait_turn(self.pacing, BOT_LANE)

    async def _send_one(self, bot: Bot, chat_id: str, outgoing: Outgoing) -> None:
        text, parse_mode = render_text(outgoing)
        buttons = outgoing.buttons + (outgoing.card.buttons if outgoing.card else ())
        inline = inline_keyboard(buttons)
        location = [b for b in buttons if b.action == "location"]
        location_keyboard = (
            ReplyKeyboardMarkup(
                [[KeyboardButton(b.label, request_location=True)] for b in location],
                resize_keyboard=True,
                one_time_keyboard=True,
            )
            if location
            else None
        )
        # A message carries one keyboard: inline buttons win, the location keyboard follows.
        markup = inline or location_keyboard
        image_url = outgoing.image_url or (outgoing.card.image_url if outgoing.card else None)
        if image_url and len(text) <= MAX_CAPTION_CHARS:
            await self._turn(chat_id)
            await bot.send_photo(
                chat_id, image_url, caption=text or None, parse_mode=parse_mode, reply_markup=markup
            )
        else:
            if text:
                await self._turn(chat_id)
                await bot.send_message(chat_id, text, parse_mode=parse_mode, reply_markup=markup)
            if image_url:
                await self._turn(chat_id)
                await bot.send_photo(chat_id, image_url)
        if inline is not None and location_keyboard is not None:
            await self._turn(chat_id)
            await bot.send_message(chat_id, location[0].label, reply_markup=location_keyboard)

    async def set_webhook(self, url: str) -> bool:
        """Point Telegram at Siang's webhook, with the configured secret token."""
        bot = await self._ready_bot()
        return await bot.set_webhook(
            url, secret_token=self.config.webhook_secret, allowed_updates=list(ALLOWED_UPDATES)
        )

    async def get_updates(
        self, offset: int | None, *, wait_seconds: int = 30
    ) -> list[dict[str, Any]]:
        """Long-poll for updates (local development); each as the JSON a webhook would carry."""
        bot = await self._ready_bot()
        updates = await bot.get_updates(
            offset=offset,
            timeout=wait_seconds,
            allowed_updates=list(ALLOWED_UPDATES),
            read_timeout=wait_seconds + 10,
        )
        return [update.to_dict() for update in updates]

    async def delete_webhook(self) -> bool:
        bot = await self._ready_bot()
        return await bot.delete_webhook()

    async def close(self) -> None:
        if self._initialized:
            await self.bot.shutdown()
            self._initialized = False


ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")


def raw_update(update: Any) -> RawEvent:
    """The stored form of one update; WebhookRejectedError(400) when it is not one."""
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        raise WebhookRejectedError(400, "malformed_body", "expected an Update with an update_id")
    return RawEvent(
        external_id=str(update["update_id"]), event_type=update_kind(update), payload=update
    )


def update_kind(update: dict[str, Any]) -> str:
    """What an update carries (message, callback_query, poll …): its first field after the id."""
    kinds = [str(key) for key in update if key != "update_id"]
    return (kinds[0] if kinds else "unknown")[:60]


def _group_id(chat: Any) -> str | None:
    if chat is None or chat.type == ChatType.PRIVATE:
        return None
    return str(chat.id)


def _language(code: str | None) -> str | None:
    return code.split("-", 1)[0].lower()[:5] if code else None


def _delivery_error(error: TelegramError) -> DeliveryError:
    if isinstance(error, RetryAfter):  # 429 with parameters.retry_after
        with warnings.catch_warnings():  # an int today, a timedelta in PTB's next major version
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            wait = error.retry_after
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
        return DeliveryError(f"Telegram: {error}", retryable=True, retry_after=seconds, status=429)
    permanent = isinstance(error, Forbidden | BadRequest | InvalidToken)
    return DeliveryError(f"Telegram: {error}", retryable=not permanent)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(outgoing: Outgoing) -> tuple[str, str | None]:
    """The message text, with a card rendered as Telegram HTML after it."""
    if outgoing.card is None:
        return _clip(outgoing.text, MAX_TEXT_CHARS), None
    return _clip(outgoing.text and html.escape(outgoing.text), MAX_TEXT_CHARS - 1000) + (
        "\n\n" if outgoing.text else ""
    ) + card_html(outgoing.card), ParseMode.HTML


def card_html(card: Card) -> str:
    lines = [f"<b>{html.escape(card.title)}</b>"]
    lines += [f"{html.escape(label)}: {html.escape(value)}" for label, value in card.fields]
    return _clip("\n".join(lines), 1000)


def inline_keyboard(buttons: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """Postback and link buttons as an inline keyboard (one per row), or None."""
    rows: list[list[InlineKeyboardButton]] = []
    for button in buttons:
        if button.action == "uri":
            rows.append([InlineKeyboardButton(button.label, url=button.data)])
        elif button.action == "postback":
            if len(button.data.encode()) > MAX_CALLBACK_DATA_BYTES:
                logger.error("button data over Telegram's 64 bytes", extra={"data": button.data})
                continue
            rows.append([InlineKeyboardButton(button.label, callback_data=button.data or "-")])
    return InlineKeyboardMarkup(rows) if rows else None
