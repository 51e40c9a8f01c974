"""Opaque cursors over (created_at, id), shared by every newest-first list."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime

from services.errors import InvalidInputError


def encode_cursor(created_at: datetime, row_id: int) -> str:
    raw = json.dumps([created_at.astimezone(UTC).isoformat(), row_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    """The position a cursor names; 422 if it is not one we issued."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created_at, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        moment = datetime.fromisoformat(created_at)
        if moment.tzinfo is None or not isinstance(row_id, int) or isinstance(row_id, bool):
            raise ValueError(cursor)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as bad:
        raise InvalidInputError("cursor is not valid: pass next_cursor back unchanged") from bad
    return moment.astimezone(UTC), row_id
