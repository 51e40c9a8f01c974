"""The reader's language (Thai or English) for what the API renders, from Accept-Language."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header

from services.ticket_notes import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]


def preferred_language(accept_language: str | None) -> str:
    """The catalogue language the header prefers most ("en-GB,en;q=0.8" → "en"); Thai when it
    names neither, is missing or cannot be read."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        language = tag.strip().lower()[:2]
        if language in LANGUAGES and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def reader_language(
    accept_language: Annotated[str | None, Header(max_length=500)] = None,
) -> str:
    return preferred_language(accept_language)


ReaderLanguage = Annotated[str, Depends(reader_language)]
