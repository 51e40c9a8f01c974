"""The channel-neutral chat model: what a citizen sent, and what Siang says back.

Channel adapters (`bot/channels/`) turn platform events into `Inbound` and render `Outgoing`
per platform (LINE quick replies and Flex, Telegram keyboards and HTML, the web chat's JSON).
Conversation code speaks only these types and never imports a platform SDK.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from storage.models.enums import Channel

__all__ = [
    "Button",
    "Card",
    "Channel",
    "Inbound",
    "InboundKind",
    "Outgoing",
    "StoredMedia",
    "outgoing_from_json",
    "outgoing_to_json",
]


class InboundKind(StrEnum):
    """What kind of thing arrived from a chat platform."""

    TEXT = "text"
    LOCATION = "location"
    IMAGE = "image"
    STICKER = "sticker"
    POSTBACK = "postback"
    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    JOIN = "join"
    LEAVE = "leave"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class StoredMedia:
    """A photo (or other file) a citizen sent, already saved in media storage."""

    content_type: str
    storage_key: str
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class Inbound:
    """One normalised chat event from one citizen on one channel."""

    channel: Channel
    user_id: str
    kind: InboundKind
    external_id: str
    chat_id: str | None = None  # group/room id when not a 1:1 chat
    text: str | None = None
    postback: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address: str | None = None
    media: StoredMedia | None = None
    language: str | None = None  # platform hint ("th", "en")
    reply_token: str | None = None
    received_at: datetime | None = None


@dataclass(frozen=True)
class Button:
    """A tap target: a postback carrying `data`, a share-my-location request, or a link."""

    label: str
    data: str = ""
    action: Literal["postback", "location", "uri"] = "postback"


@dataclass(frozen=True)
class Card:
    """A small structured summary (a ticket, a status): LINE Flex, Telegram HTML, web JSON."""

    title: str
    fields: tuple[tuple[str, str], ...] = ()
    buttons: tuple[Button, ...] = ()
    image_url: str | None = None


@dataclass(frozen=True)
class Outgoing:
    """One message to send; `buttons` become quick replies / keyboards under it."""

    text: str
    buttons: tuple[Button, ...] = ()
    image_url: str | None = None
    card: Card | None = None
    # The answer to an erasure: once it is sent, nothing may keep who it went to (the outbox
    # forgets its target; the web chat drops its cookie and the page its transcript).
    forget_recipient: bool = False


def outgoing_to_json(message: Outgoing) -> dict[str, Any]:
    """A JSON-safe form of a message (stored in the outbox, served to the web chat)."""
    return {
        "text": message.text,
        "buttons": [_button_to_json(b) for b in message.buttons],
        "image_url": message.image_url,
        "card": None
        if message.card is None
        else {
            "title": message.card.title,
            "fields": [[label, value] for label, value in message.card.fields],
            "buttons": [_button_to_json(b) for b in message.card.buttons],
            "image_url": message.card.image_url,
        },
    } | ({"forget_recipient": True} if message.forget_recipient else {})


def outgoing_from_json(data: dict[str, Any]) -> Outgoing:
    """The message `outgoing_to_json` stored."""
    card_data = data.get("card")
    card = None
    if card_data:
        card = Card(
            title=str(card_data["title"]),
            fields=tuple((str(label), str(value)) for label, value in card_data.get("fields", [])),
            buttons=tuple(_button_from_json(b) for b in card_data.get("buttons", [])),
            image_url=card_data.get("image_url"),
        )
    return Outgoing(
        text=str(data.get("text", "")),
        buttons=tuple(_button_from_json(b) for b in data.get("buttons", [])),
        image_url=data.get("image_url"),
        card=card,
        forget_recipient=data.get("forget_recipient") is True,
    )


def _button_to_json(button: Button) -> dict[str, str]:
    return {"label": button.label, "data": button.data, "action": button.action}


def _button_from_json(data: dict[str, Any]) -> Button:
    action = data.get("action", "postback")
    if action not in ("postback", "location", "uri"):
        action = "postback"
    return Button(label=str(data["label"]), data=str(data.get("data", "")), action=action)
