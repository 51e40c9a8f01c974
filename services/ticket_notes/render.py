"""A note as a reader sees it: the system's facts in their language, then the words typed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nlp.categories import english_name
from services.ticket_notes import en, th
from services.ticket_notes.facts import NoteCode

DEFAULT_LANGUAGE = "th"
CATALOGUES: dict[str, dict[str, str]] = {"th": th.NOTES, "en": en.NOTES}
HAZARD_NAMES: dict[str, dict[str, str]] = {"th": th.HAZARDS, "en": en.HAZARDS}
LANGUAGES = tuple(CATALOGUES)
# The parts of a matched rule's sentence, in order, each shown only when its fact is known.
_RULE_PARTS = ("rule", "category", "hazard", "keyword", "area")


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "-"  # a fact this row does not hold (written by an older version)


def _sentence(language: str, key: str, values: Mapping[str, str]) -> str:
    template = CATALOGUES.get(language, th.NOTES).get(key) or th.NOTES[key]
    return template.format_map(_Values(values))


def _values(facts: Mapping[str, Any], language: str) -> dict[str, str]:
    """Each fact as text: a name kept in both languages in the reader's, a category too."""
    shown: dict[str, str] = {}
    for name, value in facts.items():
        if isinstance(value, Mapping):
            value = value.get(language) or value.get(DEFAULT_LANGUAGE) or ""
        elif name == "category" and language == "en":
            value = english_name(str(value))
        elif name == "hazard":  # "fire" → ไฟไหม้; a name this version does not know, as stored
            value = HAZARD_NAMES.get(language, th.HAZARDS).get(str(value), value)
        shown[name] = str(value)
    return shown


def _rule_matched(values: Mapping[str, str], language: str) -> str:
    parts = [
        _sentence(language, f"rule_matched.{part}", values)
        for part in _RULE_PARTS
        if part in values
    ]
    text = ", ".join(parts) + _sentence(language, "rule_matched.agency", values)
    if values.get("description"):
        text += _sentence(language, "rule_matched.description", values)
    return text


def render_note(
    facts: Mapping[str, Any] | None, note: str | None, language: str = DEFAULT_LANGUAGE
) -> str | None:
    """What a reader sees: the facts as a sentence in `language` (Thai when unknown), followed
    by the words a person typed (`"…: {note}"`); only those words when there are no facts."""
    if not facts:
        return note
    code = str(facts.get("code"))
    values = _values({k: v for k, v in facts.items() if k != "code"}, language)
    if code == NoteCode.RULE_MATCHED:
        text = _rule_matched(values, language)
    elif code in th.NOTES:
        text = _sentence(language, code, values)
    else:
        return note or code  # a code this version does not know: nothing to translate it with
    return f"{text}: {note}" if note else text
