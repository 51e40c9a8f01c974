"""E-mail for agencies and boards that chose it: `Outgoing` messages as one plain-text e-mail, or
an e-mail composed elsewhere (a digest: text, HTML and inline images) sent as it is."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlsplit

import aiosmtplib

from bot.channels.base import DeliveryError
from bot.messages import Outgoing
from services.composed_email import ComposedEmail

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[เสียง Siang]"
MAX_SUBJECT_CHARS = 120


@dataclass(frozen=True)
class EmailConfig:
    smtp_url: str  # smtp://user:password@host:port or smtps://…
    sender: str


class EmailChannel:
    """Sends through one SMTP server with aiosmtplib."""

    def __init__(self, config: EmailConfig) -> None:
        self.config = config
        parts = urlsplit(config.smtp_url)
        self._implicit_tls = parts.scheme == "smtps"
        self._host = parts.hostname or "localhost"
        self._port = parts.port or (465 if self._implicit_tls else 25)
        self._username = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None

    async def send(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> None:
        email = render_email(messages, sender=self.config.sender, recipient=target)
        await self._submit(email, target, idempotency_key)

    async def send_composed(
        self, target: str, email: ComposedEmail, *, idempotency_key: str | None = None
    ) -> None:
        message = mime_message(email, sender=self.config.sender, recipient=target)
        await self._submit(message, target, idempotency_key)

    async def _submit(self, email: EmailMessage, target: str, idempotency_key: str | None) -> None:
        if idempotency_key:
            # The same outbox row always carries the same Message-ID, so mail servers can dedupe.
            domain = self.config.sender.rsplit("@", 1)[-1].strip("> ") or "siang.localhost"
            email["Message-ID"] = f"<{idempotency_key}@{domain}>"
        else:
            email["Message-ID"] = make_msgid(domain="siang.localhost")
        try:
            await aiosmtplib.send(
                email,
                hostname=self._host,
                port=self._port,
                username=self._username,
                password=self._password,
                use_tls=self._implicit_tls,
                timeout=30,
            )
        except aiosmtplib.SMTPRecipientsRefused as error:
            # 4xx is the server's "not now" (greylisting, a full mailbox); 5xx will be repeated.
            later = all(400 <= refusal.code < 500 for refusal in error.recipients)
            raise DeliveryError(f"SMTP refused {target}: {error}", retryable=later) from error
        except aiosmtplib.SMTPDataError as error:  # the message itself refused, or "not now"
            raise DeliveryError(f"SMTP failed: {error}", retryable=error.code < 500) from error
        except (aiosmtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"SMTP failed: {error}", retryable=True) from error

    async def close(self) -> None:
        return None


def render_email(messages: Sequence[Outgoing], *, sender: str, recipient: str) -> EmailMessage:
    """Subject from the first card title or first line; the body lists every message in order."""
    blocks: list[str] = []
    subject = ""
    for outgoing in messages:
        lines: list[str] = []
        if outgoing.text.strip():
            lines.append(outgoing.text.strip())
            subject = subject or outgoing.text.strip().splitlines()[0]
        if outgoing.card is not None:
            subject = subject or outgoing.card.title
            lines.append(outgoing.card.title)
            lines += [f"  {label}: {value}" for label, value in outgoing.card.fields]
        links = [b for b in outgoing.buttons + (outgoing.card.buttons if outgoing.card else ())]
        lines += [f"{b.label}: {b.data}" for b in links if b.action == "uri"]
        if outgoing.image_url:
            lines.append(outgoing.image_url)
        blocks.append("\n".join(lines))
    email = EmailMessage()
    email["From"] = sender
    email["To"] = recipient
    subject_line = f"{SUBJECT_PREFIX} {subject}".strip()
    email["Subject"] = (
        subject_line
        if len(subject_line) <= MAX_SUBJECT_CHARS
        else subject_line[: MAX_SUBJECT_CHARS - 1] + "…"
    )
    email.set_content("\n\n".join(blocks) + "\n", charset="utf-8")
    return email


def mime_message(email: ComposedEmail, *, sender: str, recipient: str) -> EmailMessage:
    """Plain text, and the HTML (when there is one) as its alternative with the images inline."""
    message = EmailMessage()
    message["Subject"] = email.subject
    message["From"] = sender
    message["To"] = recipient
    message.set_content(email.text, charset="utf-8")
    if email.html is None:
        return message
    message.add_alternative(email.html, subtype="html", charset="utf-8")
    html_part = message.get_payload()[1]  # type: ignore[index]
    assert isinstance(html_part, EmailMessage)
    for image in email.images:
        maintype, _, subtype = image.content_type.partition("/")
        html_part.add_related(
            image.data,
            maintype=maintype,
            subtype=subtype,
            cid=f"<{image.content_id}>",
            filename=image.filename,
        )
    return message
