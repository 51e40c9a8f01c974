"""Sending e-mail over SMTP (aiosmtplib), configured by one smtp:// or smtps:// URL."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import unquote, urlsplit

import aiosmtplib


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


class MailError(Exception):
    """The SMTP server refused the message or could not be reached."""


@dataclass(frozen=True)
class SmtpMailer:
    hostname: str
    port: int
    username: str | None = None
    password: str | None = None
    use_tls: bool = False
    timeout: float = 30

    @classmethod
    def from_url(cls, url: str) -> SmtpMailer:
        """smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps:// (TLS)."""
        parts = urlsplit(url)
        secure = parts.scheme == "smtps"
        return cls(
            hostname=parts.hostname or "localhost",
            port=parts.port or (465 if secure else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_tls=secure,
        )

    async def send(self, message: EmailMessage) -> None:
        try:
            await aiosmtplib.send(
                message,
                hostname=self.hostname,
                port=self.port,
                username=self.username,
                password=self.password,
                use_tls=self.use_tls,
                timeout=self.timeout,
            )
        except (aiosmtplib.SMTPException, OSError) as failure:
            raise MailError(f"{type(failure).__name__}: {failure}") from failure
