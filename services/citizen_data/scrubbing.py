"""What an erased citizen's texts keep: the masker's redaction, then every string their own
messages revealed about them and every number masked, because erasure must not depend on the
masker recognising a house number or a name written without a title."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from nlp.personal_data import redact
from storage.models import Citizen, FeedbackItem

ERASED_MARK = "[ลบแล้ว]"  # where something the citizen told us about themselves stood
NUMBER_MARK = "[ตัวเลข]"
# Any run of digits (Thai digits too) with the separators people write inside numbers: house
# numbers (99/123), phone numbers and plates the masker did not recognise as such.
_NUMBER = re.compile(r"\d(?:[\d/.,:\-]*\d)?")
# Outbox payload fields that carry free text written by or about a citizen.
_TEXT_FIELDS = frozenset({"note", "redacted_text", "text", "original_text", "comment"})


def scrub(text: str, known: Iterable[str] = ()) -> str:
    """A text with the masker's personal data, the `known` strings and every number masked."""
    scrubbed = redact(text).text
    for value in sorted(set(known), key=len, reverse=True):
        scrubbed = scrubbed.replace(value, ERASED_MARK)
    return _NUMBER.sub(NUMBER_MARK, scrubbed)


def known_personal_data(citizen: Citizen, items: Iterable[FeedbackItem]) -> set[str]:
    """What the citizen revealed about themselves: the masker's finds in their texts, their
    display name (and each part of it) and their platform id."""
    known = {citizen.channel_user_id}
    if citizen.display_name:
        known.add(citizen.display_name)
        known.update(part for part in citizen.display_name.split() if len(part) > 1)
    for item in items:
        for text in (item.original_text, item.rating_comment or "", item.location_text or ""):
            known.update(text[span.start : span.end] for span in redact(text).spans)
    return {value for value in known if len(value.strip()) > 1}


def scrub_payload(payload: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """An outbox payload with its free-text fields scrubbed (references, codes and dates kept)."""

    def clean(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: clean(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v, key) for v in value]
        if isinstance(value, str) and key in _TEXT_FIELDS:
            return scrub(value, known)
        return value

    cleaned: dict[str, Any] = clean(payload, None)
    return cleaned
