"""Ticket references people can read aloud: ``SG-7K4M-2Q``, no 0/O, 1/I/L to mix up.

Five random characters and a check character from a 31-character alphabet (28 million
references; a clash with an existing one is detected in the database and drawn again). The check
character catches a single misread or misheard character and two swapped neighbours.
"""

from __future__ import annotations

import re
import secrets

from sqlmodel.ext.asyncio.session import AsyncSession

from storage.repositories.feedback_items import FeedbackItemRepository

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "SG"
_BODY = 5
_ATTEMPTS = 20
_SEPARATORS = re.compile(r"[\s\-_.·/]+")


def check_character(body: str) -> str:
    """A weighted sum mod 31 (a prime), so one wrong character or a swap always changes it."""
    total = sum((position + 1) * ALPHABET.index(char) for position, char in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def format_reference(body: str) -> str:
    """``SG-`` + four characters + ``-`` + the fifth and the check character."""
    return f"{PREFIX}-{body[:4]}-{body[4:]}{check_character(body)}"


def random_reference() -> str:
    return format_reference("".join(secrets.choice(ALPHABET) for _ in range(_BODY)))


def normalise_reference(text: str) -> str | None:
    """The canonical form of what someone typed or read out (case, spaces, hyphens ignored);
    None when it cannot be one of ours (wrong length, stray characters, wrong check character)."""
    flat = _SEPARATORS.sub("", text.strip().upper())
    if flat.startswith(PREFIX) and len(flat) == len(PREFIX) + _BODY + 1:
        flat = flat[len(PREFIX) :]
    if len(flat) != _BODY + 1:
        return None
    if any(char not in ALPHABET for char in flat):
        return None
    body, check = flat[:_BODY], flat[_BODY]
    if check_character(body) != check:
        return None
    return format_reference(body)


async def new_reference(session: AsyncSession) -> str:
    """A reference no item of this deployment has."""
    for _ in range(_ATTEMPTS):
        reference = random_reference()
        if not await FeedbackItemRepository(session).reference_taken(reference):
            return reference
    raise RuntimeError("could not draw a free ticket reference")  # 20 clashes in a row: broken RNG
