"""LINE Messaging API adapter (line-bot-sdk v3): signature, events, replies, pushes, Flex, content."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from linebot.v3 import SignatureValidator
from linebot.v3.messaging import (
    ApiException,
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    FlexBox,
    FlexBubble,
    FlexButton,
    FlexMessage,
    FlexText,
    ImageMessage,
    LocationAction,
    Message,
    PostbackAction,
    PushMessageRequest,
    QuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    TextMessage,
    URIAction,
)
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    LeaveEvent,
    LocationMessageContent,
    MessageEvent,
    PostbackEvent,
    StickerMessageContent,
    TextMessageContent,
    UnfollowEvent,
)

from bot.channels.base import (
    DeliveryError,
    MalformedEventError,
    RawEvent,
    WebhookRejectedError,
)
from bot.media import MediaRejectedError, MediaStorage
from bot.messages import Button, Card, Channel, Inbound, InboundKind, Outgoing, StoredMedia

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "x-line-signature"
MAX_MESSAGES_PER_REQUEST = 5
MAX_TEXT_CHARS = 5000
MAX_QUICK_REPLIES = 13
MAX_LABEL_CHARS = 20
MAX_ALT_TEXT_CHARS = 400
_RETRY_KEY_NAMESPACE = uuid.UUID("6f1d0a52-8c7e-4a3f-9d55-3d1e0b7c2a91")


@dataclass(frozen=True)
class LineConfig:
    channel_secret: str
    access_token: str
    api_base_url: str = "https://api.line.me"
    data_api_base_url: str = "https://api-data.line.me"


class LineChannel:
    """One LINE Official Account."""

    channel = Channel.LINE

    def __init__(self, config: LineConfig, media: MediaStorage) -> None:
        self.config = config
        self.media = media
        self._validator = SignatureValidator(config.channel_secret)
        self._api_client: AsyncApiClient | None = None
        self._data_client: AsyncApiClient | None = None

    # --- webhook -------------------------------------------------------------------------

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        signature = headers.get(SIGNATURE_HEADER)
        if not signature:
            raise WebhookRejectedError(400, "missing_signature", "X-Line-Signature is missing")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise WebhookRejectedError(400, "invalid_body", "body is not UTF-8") from error
        if not self._validator.validate(text, signature):
            raise WebhookRejectedError(400, "invalid_signature", "X-Line-Signature does not match")

    def split(self, body: bytes) -> list[RawEvent]:
        try:
            document = json.loads(body)
        except (ValueError, RecursionError) as error:  # RecursionError: nested too deeply
            raise WebhookRejectedError(400, "malformed_json", "body is not JSON") from error
        events = document.get("events") if isinstance(document, dict) else None
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise WebhookRejectedError(400, "malformed_body", "expected {'events': [...]}")
        return [_raw_event(event) for event in events]

    def conversation_key(self, payload: dict[str, Any]) -> str:
        source = _source(payload)
        return str(
            source.get("groupId") or source.get("roomId") or source.get("userId") or "line:unknown"
        )

    async def parse(self, payload: dict[str, Any], *, received_at: datetime) -> Inbound | None:
        source = _source(payload)
        user_id = source.get("userId") or source.get("groupId") or source.get("roomId")
        if not user_id:
            return None  # nobody to answer (e.g. a delivery-completion event)
        common: dict[str, Any] = {
            "channel": Channel.LINE,
            "user_id": str(user_id),
            "external_id": _external_id(payload),
            "chat_id": source.get("groupId") or source.get("roomId"),
            "reply_token": payload.get("replyToken"),
            "received_at": _event_time(payload) or received_at,
        }
        try:
            event = Event.from_dict(payload)
        except ValueError:
            # A type the SDK does not know, or a field its models require that LINE leaves out
            # (older accounts send no quoteToken, webhookEventId or deliveryContext): read what
            # we need from the raw event.
            return await self._from_raw(payload, common)
        return await self._normalise(event, common)

    async def _normalise(self, event: Event, common: dict[str, Any]) -> Inbound | None:
        if isinstance(event, MessageEvent):
            message = event.message
            if isinstance(message, TextMessageContent):
                return Inbound(kind=InboundKind.TEXT, text=message.text, **common)
            if isinstance(message, LocationMessageContent):
                return Inbound(
                    kind=InboundKind.LOCATION,
                    latitude=message.latitude,
                    longitude=message.longitude,
                    address=message.address or message.title,
                    **common,
                )
            if isinstance(message, ImageMessageContent):
                provider = message.content_provider.type if message.content_provider else None
                return await self._image(message.id, provider, common)
            if isinstance(message, StickerMessageContent):
                return Inbound(kind=InboundKind.STICKER, **common)
            return Inbound(kind=InboundKind.UNSUPPORTED, **common)
        if isinstance(event, PostbackEvent):
            return Inbound(kind=InboundKind.POSTBACK, postback=event.postback.data, **common)
        simple = {
            FollowEvent: InboundKind.FOLLOW,
            UnfollowEvent: InboundKind.UNFOLLOW,
            JoinEvent: InboundKind.JOIN,
            LeaveEvent: InboundKind.LEAVE,
        }
        for event_class, kind in simple.items():
            if isinstance(event, event_class):
                return Inbound(kind=kind, **common)
        return None

    async def _image(
        self, message_id: str, provider: str | None, common: dict[str, Any]
    ) -> Inbound:
        """An image; kept when LINE holds its content (not for an external provider's URL)."""
        media = await self._try_fetch(message_id) if provider in (None, "line") else None
        return Inbound(kind=InboundKind.IMAGE, media=media, **common)

    async def _from_raw(self, event: dict[str, Any], common: dict[str, Any]) -> Inbound | None:
        """Normalise an event the SDK refused: read messages, keep the simple ones, ignore others."""
        kind = event.get("type")
        if kind in _RAW_KINDS:
            return Inbound(kind=_RAW_KINDS[kind], **common)
        postback = event.get("postback")
        if (
            kind == "postback"
            and isinstance(postback, dict)
            and isinstance(postback.get("data"), str)
        ):
            return Inbound(kind=InboundKind.POSTBACK, postback=postback["data"], **common)
        message = event.get("message")
        if kind != "message" or not isinstance(message, dict):
            return None
        message_type = message.get("type")
        if message_type == "text" and isinstance(message.get("text"), str):
            return Inbound(kind=InboundKind.TEXT, text=message["text"], **common)
        if (
            message_type == "location"
            and _is_coordinate(message.get("latitude"), 90)
            and _is_coordinate(message.get("longitude"), 180)
        ):
            address = message.get("address") or message.get("title")
            return Inbound(
                kind=InboundKind.LOCATION,
                latitude=float(message["latitude"]),
                longitude=float(message["longitude"]),
                address=address if isinstance(address, str) else None,
                **common,
            )
        if message_type == "image" and isinstance(message.get("id"), str) and message["id"]:
            provider = message.get("contentProvider")
            provider_type = provider.get("type") if isinstance(provider, dict) else None
            return await self._image(message["id"], provider_type, common)
        if message_type == "sticker":
            return Inbound(kind=InboundKind.STICKER, **common)
        return Inbound(kind=InboundKind.UNSUPPORTED, **common)

    async def _try_fetch(self, message_id: str) -> StoredMedia | None:
        try:
            return await self.fetch_media(message_id)
        except (MediaRejectedError, DeliveryError) as error:
            logger.warning(
                "line image not kept", extra={"message_id": message_id, "error": str(error)}
            )
            return None

    async def fetch_media(self, media_ref: str) -> StoredMedia:
        blob = AsyncMessagingApiBlob(self._data_api())
        try:
            response = await blob.get_message_content_with_http_info(media_ref)
        except ApiException as error:
            raise _delivery_error("content", error) from error
        except OSError as error:
            raise DeliveryError(f"LINE content API unreachable: {error}", retryable=True) from error
        headers = response.headers or {}
        return await self.media.save(
            bytes(response.data), declared_type=headers.get("Content-Type")
        )

    # --- sending -------------------------------------------------------------------------

    async def send(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> None:
        line_messages = render_messages(messages)
        api = AsyncMessagingApi(self._api())
        chunks = [
            line_messages[i : i + MAX_MESSAGES_PER_REQUEST]
            for i in range(0, len(line_messages), MAX_MESSAGES_PER_REQUEST)
        ]
        for index, chunk in enumerate(chunks):
            if index == 0 and reply_token and await self._reply(api, reply_token, chunk):
                continue
            await self._push(api, target, chunk, _retry_key(idempotency_key, index))

    async def _reply(self, api: AsyncMessagingApi, reply_token: str, chunk: list[Message]) -> bool:
        """True when the reply went out; False when the token was no longer valid (push instead)."""
        try:
            await api.reply_message(ReplyMessageRequest(reply_token=reply_token, messages=chunk))
        except ApiException as error:
            if error.status == 400:
                logger.info("line reply token refused, pushing instead")
                return False
            raise _delivery_error("reply", error) from error
        except OSError as error:
            raise DeliveryError(f"LINE API unreachable: {error}", retryable=True) from error
        return True

    async def _push(
        self, api: AsyncMessagingApi, target: str, chunk: list[Message], retry_key: str | None
    ) -> None:
        try:
            await api.push_message(
                PushMessageRequest(to=target, messages=chunk), x_line_retry_key=retry_key
            )
        except ApiException as error:
            if error.status == 409:  # the same retry key was already accepted: sent before
                return
            raise _delivery_error("push", error) from error
        except OSError as error:
            raise DeliveryError(f"LINE API unreachable: {error}", retryable=True) from error

    def _api(self) -> AsyncApiClient:
        if self._api_client is None:
            self._api_client = AsyncApiClient(
                Configuration(
                    host=self.config.api_base_url.rstrip("/"),
                    access_token=self.config.access_token,
                )
            )
        return self._api_client

    def _data_api(self) -> AsyncApiClient:
        if self._data_client is None:
            self._data_client = AsyncApiClient(
                Configuration(
                    host=self.config.data_api_base_url.rstrip("/"),
                    access_token=self.config.access_token,
                )
            )
        return self._data_client

    async def close(self) -> None:
        for client in (self._api_client, self._data_client):
            if client is not None:
                await client.close()
        self._api_client = self._data_client = None


# --- webhook helpers ---------------------------------------------------------------------


def _source(event: dict[str, Any]) -> dict[str, Any]:
    """The event's `source`, checked: an object whose ids are strings (absent: no one)."""
    source = event.get("source")
    if source is None:
        return {}
    if not isinstance(source, dict):
        raise MalformedEventError(f"source is a {type(source).__name__}, not an object")
    for key in ("userId", "groupId", "roomId"):
        if key in source and not isinstance(source[key], str):
            raise MalformedEventError(f"source.{key} is not a string")
    return source


def _external_id(event: dict[str, Any]) -> str:
    webhook_event_id = event.get("webhookEventId")
    if isinstance(webhook_event_id, str) and webhook_event_id:
        return webhook_event_id[:200]
    # Very old or hand-made events carry no id: the content itself identifies a redelivery.
    canonical = json.dumps(event, sort_keys=True, ensure_ascii=False).encode()
    return "sha256:" + hashlib.sha256(canonical).hexdigest()


def _raw_event(event: dict[str, Any]) -> RawEvent:
    event_type = str(event.get("type") or "unknown")
    message = event.get("message")
    if event_type == "message" and isinstance(message, dict):
        event_type = f"message:{message.get('type') or 'unknown'}"
    delivery = event.get("deliveryContext")
    redelivery = bool(delivery.get("isRedelivery")) if isinstance(delivery, dict) else False
    return RawEvent(
        external_id=_external_id(event),
        event_type=event_type[:60],
        payload=event,
        is_redelivery=redelivery,
    )


def _event_time(event: dict[str, Any]) -> datetime | None:
    timestamp = event.get("timestamp")
    if isinstance(timestamp, int | float) and timestamp > 0:
        return datetime.fromtimestamp(timestamp / 1000, tz=UTC)
    return None


_RAW_KINDS = {
    "follow": InboundKind.FOLLOW,
    "unfollow": InboundKind.UNFOLLOW,
    "join": InboundKind.JOIN,
    "leave": InboundKind.LEAVE,
}


def _is_coordinate(value: object, limit: float) -> bool:
    """A finite number within ±limit (JSON from outside may carry anything)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and -limit <= value <= limit
    )


def _retry_key(idempotency_key: str | None, index: int) -> str | None:
    """The outbox row's key for its first push, and one derived from it for each further one."""
    if idempotency_key is None or index == 0:
        return idempotency_key
    return str(uuid.uuid5(_RETRY_KEY_NAMESPACE, f"{idempotency_key}:{index}"))


def _delivery_error(what: str, error: ApiException) -> DeliveryError:
    status = error.status or 0
    retryable = status == 429 or status >= 500 or status == 0
    return DeliveryError(f"LINE {what} failed: HTTP {status} {error.reason}", retryable=retryable)


# --- rendering -----------------------------------------------------------------------------


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _action(button: Button) -> PostbackAction | LocationAction | URIAction:
    label = _clip(button.label, MAX_LABEL_CHARS)
    if button.action == "location":
        return LocationAction(label=label)
    if button.action == "uri":
        return URIAction(label=label, uri=button.data)
    return PostbackAction(label=label, data=button.data, displayText=_clip(button.label, 300))


def _quick_reply(buttons: Sequence[Button]) -> QuickReply | None:
    if not buttons:
        return None
    items = [QuickReplyItem(action=_action(b)) for b in buttons[:MAX_QUICK_REPLIES]]
    return QuickReply(items=items)


def render_card(card: Card, alt_text: str) -> FlexMessage:
    """A Flex bubble: bold title, one row per field, footer buttons."""
    rows: list[Any] = [FlexText(text=card.title, weight="bold", size="lg", wrap=True)]
    for label, value in card.fields:
        rows.append(
            FlexBox(
                layout="baseline",
                spacing="sm",
                contents=[
                    FlexText(text=label or " ", size="sm", color="#888888", flex=2, wrap=True),
                    FlexText(text=value or "-", size="sm", color="#222222", flex=5, wrap=True),
                ],
            )
        )
    footer = None
    if card.buttons:
        footer = FlexBox(
            layout="vertical",
            spacing="sm",
            contents=[
                FlexButton(action=_action(b), style="primary" if i == 0 else "secondary")
                for i, b in enumerate(card.buttons[:4])
            ],
        )
    bubble = FlexBubble(body=FlexBox(layout="vertical", spacing="md", contents=rows), footer=footer)
    return FlexMessage(altText=_clip(alt_text or card.title, MAX_ALT_TEXT_CHARS), contents=bubble)


def render_messages(messages: Sequence[Outgoing]) -> list[Message]:
    """LINE message objects for `messages`, each one's buttons as quick replies on its last part."""
    rendered: list[Message] = []
    for outgoing in messages:
        parts: list[Message] = []
        if outgoing.text.strip():
            parts.append(TextMessage(text=_clip(outgoing.text, MAX_TEXT_CHARS)))
        if outgoing.card is not None:
            parts.append(render_card(outgoing.card, outgoing.card.title))
        if outgoing.image_url:
            parts.append(
                ImageMessage(
                    originalContentUrl=outgoing.image_url, previewImageUrl=outgoing.image_url
                )
            )
        if not parts:
            continue
        quick_reply = _quick_reply(outgoing.buttons)
        if quick_reply is not None:
            parts[-1].quick_reply = quick_reply
        rendered.extend(parts)
    return rendered
