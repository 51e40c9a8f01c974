"""The message catalogue: every citizen-facing sentence, in Thai (first) and English.

`text(language, key, **values)` looks a sentence up and fills it in; names of categories and
statuses and dates are rendered here too, so flows never hold user-facing strings.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.texts import en, th
from nlp.categories import english_name

DEFAULT_LANGUAGE = "th"
LANGUAGES: dict[str, dict[str, str]] = {"th": th.MESSAGES, "en": en.MESSAGES}
DISPLAY_ZONE = ZoneInfo("Asia/Bangkok")

_THAI_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip


def language_of(code: str | None) -> str:
    """A catalogue language for a platform or citizen language code ("en-GB" → "en")."""
    if code and code.strip().lower()[:2] == "en":
        return "en"
    return DEFAULT_LANGUAGE


def text(language: str, key: str, **values: object) -> str:
    """The sentence `key` in `language` (Thai when unknown), filled with `values`."""
    catalogue = LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE])
    template = catalogue.get(key) or LANGUAGES[DEFAULT_LANGUAGE][key]
    return template.format(**values) if values else template


def official_name(language: str, thai: str, english: str | None) -> str:
    """An agency's, a board's or an office type's name in the reader's language: the English
    name for English where there is one, else the Thai."""
    return english if language == "en" and english else thai


def category_name(label: str | None, language: str) -> str:
    """A category as the citizen reads it (the Thai label, or its short English gloss)."""
    if not label:
        return text(language, "category.unknown")
    if language == "en":
        return english_name(label)
    return label


def status_name(status: str, language: str) -> str:
    key = f"status.{status}"
    return text(language, key) if key in LANGUAGES[DEFAULT_LANGUAGE] else status


def kind_name(kind: str, language: str) -> str:
    key = f"kind.{kind}"
    return text(language, key) if key in LANGUAGES[DEFAULT_LANGUAGE] else kind


def format_when(moment: datetime, language: str) -> str:
    """A time in Bangkok: "25 พ.ย. 2569 15:30" (Buddhist era) or "25 Nov 2026 15:30"."""
    local = moment.astimezone(DISPLAY_ZONE)
    if language == "en":
        return local.strftime("%d %b %Y %H:%M").lstrip("0")
    month = _THAI_MONTHS[local.month - 1]
    return f"{local.day} {month} {local.year + 543} {local:%H:%M}"


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "category_name",
    "format_when",
    "kind_name",
    "language_of",
    "status_name",
    "text",
]
