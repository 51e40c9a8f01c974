"""What every chat channel adapter offers: verify and split a webhook, normalise, send, fetch media."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from bot.messages import Channel, Inbound, Outgoing, StoredMedia
from services.composed_email import ComposedEmail


@dataclass(frozen=True)
class RawEvent:
    """One platform event as received, before anything is done with it (stored verbatim)."""

    external_id: str
    event_type: str
    payload: dict[str, Any]
    is_redelivery: bool = False


class WebhookRejectedError(Exception):
    """The webhook request is refused; nothing from it is stored."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message


class MalformedEventError(ValueError):
    """A stored event that can never be read (say, a `source` that is not an object): it is
    set aside at once with this reason instead of being retried."""


class DeliveryError(Exception):
    """A platform refused or failed to take a message; `retryable` says whether to try again,
    `retry_after` how many seconds the platform asked us to wait first (429's Retry-After), and
    `status` the HTTP status when there was one, and `maybe_taken` that the platform may have
    taken a reply all the same (a timeout, a 5xx): it is tried again with its reply token, which
    the platform refuses if it was."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        retry_after: float | None = None,
        status: int | None = None,
        maybe_taken: bool = False,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status
        self.maybe_taken = maybe_taken


class MessageSender(Protocol):
    """Anything that can deliver `Outgoing` messages to one recipient (chat user, group, e-mail)."""

    async def send(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> None:
        """Send the messages in order; raise DeliveryError when the platform does not take them."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...


@runtime_checkable
class ComposedEmailSender(MessageSender, Protocol):
    """A sender that also takes an e-mail composed elsewhere (a digest) and sends it as it is."""

    async def send_composed(
        self, target: str, email: ComposedEmail, *, idempotency_key: str | None = None
    ) -> None:
        """Send the e-mail; raise DeliveryError when the server does not take it."""
        ...


@runtime_checkable
class ReplyAgainSender(MessageSender, Protocol):
    """A sender whose platform takes a reply token once (LINE): an answer whose attempt may have
    gone out (cut off mid-call, or answered with a 5xx or too late) is sent again with the same
    token, and the platform refusing the token means the earlier attempt delivered it, so the
    citizen gets it once either way."""

    async def send_again(
        self,
        target: str,
        messages: Sequence[Outgoing],
        reply_token: str,
        *,
        idempotency_key: str | None = None,
    ) -> None:
        """Send the messages unless the earlier attempt did; raise DeliveryError as `send`."""
        ...


@runtime_checkable
class PacedSender(MessageSender, Protocol):
    """A sender whose platform takes no retry key: the outbox waits for the turn of a row's
    first call before recording that the call began, so a worker killed while waiting leaves a
    row that was never sent rather than one that may have been."""

    async def wait_turn(self, target: str) -> None:
        """Wait for the slot of the next call to `target`; that call then uses it."""
        ...


@runtime_checkable
class MulticastSender(MessageSender, Protocol):
    """A sender that also takes one message for many recipients in one call (LINE multicast)."""

    multicast_size: int  # the most recipients one call takes

    async def multicast(
        self, targets: Sequence[str], messages: Sequence[Outgoing], *, retry_key: str
    ) -> None:
        """Send the messages to every target; a call repeated with the same `retry_key` is not
        delivered again. Raise DeliveryError when the platform does not take them."""
        ...


class ChatChannel(MessageSender, Protocol):
    """A chat platform: webhook verification and parsing, normalisation, media, sending."""

    channel: Channel

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Raise WebhookRejectedError unless the request really comes from the platform."""
        ...

    def split(self, body: bytes) -> list[RawEvent]:
        """The events in a verified body; WebhookRejectedError(400) when it is malformed."""
        ...

    def conversation_key(self, payload: dict[str, Any]) -> str:
        """Who the event belongs to, so one person's events are processed in order."""
        ...

    async def parse(self, payload: dict[str, Any], *, received_at: datetime) -> Inbound | None:
        """The normalised event (media fetched and stored), or None for events Siang ignores."""
        ...

    async def fetch_media(self, media_ref: str) -> StoredMedia:
        """Download a file the citizen sent (by the platform's id) into media storage."""
        ...
