"""An e-mail composed by the code that owns its content (a board's weekly digest), carried whole in
an outbox row's payload and sent as it is by the outbox's e-mail sender.

The composer (`admin/digests`) and the sender (`bot/channels/email.py`) never import each other;
this shape, stored under the payload's `email` key, is all they share.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

EMAIL_PAYLOAD_KEY = "email"


@dataclass(frozen=True)
class InlineImage:
    """A picture the HTML shows with `<img src="cid:{content_id}">`."""

    content_id: str
    filename: str
    data: bytes
    content_type: str = "image/png"


@dataclass(frozen=True)
class ComposedEmail:
    """Subject, plain text, and optionally HTML with its inline images: sent as one message."""

    subject: str
    text: str
    html: str | None = None
    images: tuple[InlineImage, ...] = ()

    def to_payload(self) -> dict[str, Any]:
        """A JSON-safe form for the outbox (images as base64)."""
        return {
            "subject": self.subject,
            "text": self.text,
            "html": self.html,
            "images": [
                {
                    "content_id": image.content_id,
                    "filename": image.filename,
                    "content_type": image.content_type,
                    "data": base64.b64encode(image.data).decode("ascii"),
                }
                for image in self.images
            ],
        }

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> ComposedEmail:
        """The e-mail `to_payload` stored; KeyError or ValueError when the payload is not one."""
        return cls(
            subject=str(data["subject"]),
            text=str(data["text"]),
            html=None if data.get("html") is None else str(data["html"]),
            images=tuple(
                InlineImage(
                    content_id=str(image["content_id"]),
                    filename=str(image["filename"]),
                    content_type=str(image.get("content_type", "image/png")),
                    data=base64.b64decode(image["data"], validate=True),
                )
                for image in data.get("images", [])
            ),
        )


def composed_email_in(payload: dict[str, Any]) -> ComposedEmail | None:
    """The composed e-mail an outbox payload carries, or None when it carries facts to render."""
    data = payload.get(EMAIL_PAYLOAD_KEY)
    return None if data is None else ComposedEmail.from_payload(data)
