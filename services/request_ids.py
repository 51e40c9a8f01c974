"""The request id of the work under way, carried from a webhook to the job that answers it.

The web middleware (`siang.request_ids`) sets it for each request; the chat intake stores it
with each inbound event and sets it again while a job processes that event, so the log lines of
the webhook, the conversation and the reply's delivery carry the same id."""

from __future__ import annotations

from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("siang_request_id", default=None)


def current_request_id() -> str | None:
    return _current.get()


def use_request_id(request_id: str | None) -> None:
    """The id for the rest of this task (each request and each job runs in its own)."""
    _current.set(request_id)
