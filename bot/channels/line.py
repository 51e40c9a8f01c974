"""LINE Messaging API adapter (line-bot-sdk v3): signature, events, replies, pushes, multicasts,
content; the message objects themselves are built in `bot/channels/line_messages.py`."""

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
    Message,
    MulticastRequest,
    PushMessageRequest,
    ReplyMessageRequest,
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
from bot.channels.line_messages import render_messages
from bot.media import MediaRejectedError, MediaStorage
from bot.messages import Channel, Inbound, InboundKind, Outgoing, StoredMedia
from storage.send_pacing import Lane, SendPacing, wait_turn

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "x-line-signature"
MAX_MESSAGES_PER_REQUEST = 5
MAX_MULTICAST_RECIPIENTS = 500
_RETRY_KEY_NAMESPACE = uuid.UUID("6f1d0a52-8c7e-4a3f-9d55-3d1e0b7c2a91")
# LINE's per-channel limits (Messaging API reference, "Rate limits"): multicast 200 requests a
# second, push and reply 2,000. LINE asks for headroom below them, so we pace at 80 %.
MULTICAST_LANE = Lane("line:multicast", per_second=160)
PUSH_LANE = Lane("line:push", per_second=1600)
REPLY_LANE = Lane("line:reply", per_second=1600)
THROTTLED_PAUSE = 1.0  # seconds a lane waits after a 429 that names no Retry-After


@dataclass(frozen=True)
class LineConfig:
    channel_secret: str
    access_token: str
    api_base_url: str = "https://api.line.me"
    data_api_base_url: str = "https://api-data.line.me"
    request_timeout: float = 10.0  # seconds for a reply, push or multicast (the SDK's is 5 min)
    content_timeout: float = 60.0  # seconds to download a citizen's photo


class LineChannel:
    """One LINE Official Account."""

    channel = Channel.LINE
    multicast_size = MAX_MULTICAST_RECIPIENTS

    def __init__(
        self, config: LineConfig, media: MediaStorage, *, pacing: SendPacing | None = None
    ) -> None:
        self.config = config
        self.media = media
        self.pacing = pacing
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
            response = await blob.get_message_content_with_http_info(
                media_ref, _request_timeout=self.config.content_timeout
            )
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
        await self._send(target, messages, reply_token, idempotency_key, tried_before=False)

    async def send_again(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str,
        *,
        idempotency_key: str | None = None,
    ) -> None:
        """Send what an earlier attempt may already have sent (cut off mid-call, or left without
        an answer): the reply with the same token (LINE takes a token once, so its refusal means
        the earlier reply went out) and the pushes under the same retry keys (refused as already
        accepted when they did)."""
        await self._send(target, messages, reply_token, idempotency_key, tried_before=True)

    async def _send(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str | None,
        idempotency_key: str | None,
        *,
        tried_before: bool,
    ) -> None:
        line_messages = render_messages(messages)
        api = AsyncMessagingApi(self._api())
        chunks = [
            line_messages[i : i + MAX_MESSAGES_PER_REQUEST]
            for i in range(0, len(line_messages), MAX_MESSAGES_PER_REQUEST)
        ]
        for index, chunk in enumerate(chunks):
            if index == 0 and reply_token:
                if await self._reply(api, reply_token, chunk):
                    continue
                if tried_before:
                    logger.info("line reply token already used: the earlier reply went out")
                    continue
            await self._push(api, target, chunk, _retry_key(idempotency_key, index))

    async def _reply(self, api: AsyncMessagingApi, reply_token: str, chunk: list[Message]) -> bool:
        """True when the reply went out; False when the token was no longer valid (push instead)."""
        await self._turn(REPLY_LANE)
        try:
            await api.reply_message(
                ReplyMessageRequest(reply_token=reply_token, messages=chunk),
                _request_timeout=self.config.request_timeout,
            )
        except ApiException as error:
            if error.status == 400:
                logger.info("line reply token refused, pushing instead")
                return False
            refused = await self._refused(REPLY_LANE, "reply", error)
            refused.maybe_taken = (error.status or 0) >= 500  # LINE may have sent it
            raise refused from error
        except OSError as error:  # no answer (a timeout, a connection cut): it may have gone
            raise DeliveryError(
                f"LINE API unreachable: {error}", retryable=True, maybe_taken=True
            ) from error
        return True

    async def _push(
        self, api: AsyncMessagingApi, target: str, chunk: list[Message], retry_key: str | None
    ) -> None:
        await self._turn(PUSH_LANE)
        try:
            await api.push_message(
                PushMessageRequest(to=target, messages=chunk),
                x_line_retry_key=retry_key,
                _request_timeout=self.config.request_timeout,
            )
        except ApiException as error:
            if error.status == 409:  # the same retry key was already accepted: sent before
                return
            raise await self._refused(PUSH_LANE, "push", error) from error
        except OSError as error:
            raise DeliveryError(f"LINE API unreachable: {error}", retryable=True) from error

    async def multicast(
        self, targets: Sequence[str], messages: Sequence[Outgoing], *, retry_key: str
    ) -> None:
        """One message to up to 500 users in one call (LINE's multicast), each chunk of five
        message objects with its own retry key derived from `retry_key`."""
        if not 0 < len(targets) <= MAX_MULTICAST_RECIPIENTS:
            raise ValueError(f"a multicast takes 1 to 500 recipients, not {len(targets)}")
        line_messages = render_messages(messages)
        api = AsyncMessagingApi(self._api())
        for index in range(0, len(line_messages), MAX_MESSAGES_PER_REQUEST):
            chunk = line_messages[index : index + MAX_MESSAGES_PER_REQUEST]
            key = _retry_key(retry_key, index // MAX_MESSAGES_PER_REQUEST)
            await self._turn(MULTICAST_LANE)
            try:
                await api.multicast(
                    MulticastRequest(to=list(targets), messages=chunk),
                    x_line_retry_key=key,
                    _request_timeout=self.config.request_timeout,
                )
            except ApiException as error:
                if error.status == 409:  # this batch was accepted before (a retried batch)
                    continue
                raise await self._refused(MULTICAST_LANE, "multicast", error) from error
            except OSError as error:
                raise DeliveryError(f"LINE API unreachable: {error}", retryable=True) from error

    async def _turn(self, lane: Lane) -> None:
        if self.pacing is not None:
            await wait_turn(self.pacing, lane)

    async def _refused(self, lane: Lane, what: str, error: ApiException) -> DeliveryError:
        """The error to raise; a 429 (or a 5xx naming a Retry-After) first holds the lane off
        for every process, so the next calls wait instead of being refused too."""
        failure = _delivery_error(what, error)
        pause = failure.retry_after
        if pause is None and failure.status == 429:
            pause = THROTTLED_PAUSE
        if pause is not None and self.pacing is not None:
            await self.pacing.hold_off(lane, pause)
        return failure

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
    return DeliveryError(
        f"LINE {what} failed: HTTP {status} {error.reason}",
        retryable=retryable,
        retry_after=_retry_after(error.headers),
        status=status or None,
    )


def _retry_after(headers: Any) -> float | None:
    """Seconds from a Retry-After header (LINE seldom sends one; honoured when it does)."""
    value = headers.get("Retry-After") if headers else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: rare enough that the row's own back-off covers it
