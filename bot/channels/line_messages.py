"""LINE message objects for Siang's outgoing messages: text, Flex cards, images, quick replies,
each within LINE's limits (a label cut to 20 characters still tells its buttons apart:
`bot/channels/labels.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linebot.v3.messaging import (
    FlexBox,
    FlexBubble,
    FlexButton,
    FlexMessage,
    FlexText,
    ImageMessage,
    LocationAction,
    Message,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
    URIAction,
)

from bot.channels.labels import fit_buttons, fit_label
from bot.messages import Button, Card, Outgoing

MAX_TEXT_CHARS = 5000
MAX_QUICK_REPLIES = 13
MAX_LABEL_CHARS = 20
MAX_ALT_TEXT_CHARS = 400


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _action(
    button: Button, label: str | None = None
) -> PostbackAction | LocationAction | URIAction:
    """The button's action, labelled `label` (already fitted) or its own label fitted; a
    postback echoes the whole label as the citizen's message."""
    label = label or fit_label(button.label, MAX_LABEL_CHARS)
    if button.action == "location":
        return LocationAction(label=label)
    if button.action == "uri":
        return URIAction(label=label, uri=button.data)
    return PostbackAction(label=label, data=button.data, displayText=_clip(button.label, 300))


def _quick_reply(buttons: Sequence[Button], labels: Sequence[str]) -> QuickReply | None:
    if not buttons:
        return None
    items = [
        QuickReplyItem(action=_action(button, label))
        for button, label in zip(buttons[:MAX_QUICK_REPLIES], labels, strict=False)
    ]
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
        buttons = outgoing.buttons[:MAX_QUICK_REPLIES]
        words, labels = fit_buttons(outgoing.text, buttons, MAX_LABEL_CHARS)
        if words.strip():
            parts.append(TextMessage(text=_clip(words, MAX_TEXT_CHARS)))
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
        quick_reply = _quick_reply(buttons, labels)
        if quick_reply is not None:
            parts[-1].quick_reply = quick_reply
        rendered.extend(parts)
    return rendered
