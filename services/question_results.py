"""One question's results, the same for a consultation's one question and for each question of a
survey: the count of each option, the typed answers grouped by theme, and what a results
message tells those who took part."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from services.privacy import public_text

THEME_EXAMPLES = 3
RESULT_THEMES = 3  # the largest themes a results message names
RESULT_EXAMPLE_CHARS = 80  # a chat message's example: a phrase, not the whole answer


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int


@dataclass(frozen=True)
class Theme:
    label: str
    count: int
    example: str
    examples: tuple[str, ...] = ()  # up to THEME_EXAMPLES answers, the first one is `example`


class ThemedAnswer(Protocol):
    """A free answer with its theme: a consultation's, or a survey question's."""

    @property
    def theme(self) -> str | None: ...

    @property
    def free_text(self) -> str | None: ...


def themes_of(free: Sequence[ThemedAnswer]) -> list[Theme]:
    """Free answers grouped by theme, the largest group first, with a few examples each."""
    grouped: dict[str, list[ThemedAnswer]] = {}
    for answer in free:
        grouped.setdefault(answer.theme or "", []).append(answer)
    themes = []
    for label, answers in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        examples = tuple(a.free_text for a in answers if a.free_text)[:THEME_EXAMPLES]
        themes.append(Theme(label, len(answers), examples[0] if examples else "", examples))
    return themes


def result_facts(options: Sequence[OptionCount], themes: Sequence[Theme]) -> dict[str, Any]:
    """What a results message tells those who took part of one question: the count of each
    option, and the largest themes of the typed answers with one example each, masked again as
    for the public (they read other people's words)."""
    return {
        "options": [{"label": option.label, "count": option.count} for option in options],
        "themes": [
            {
                "label": theme.label,
                "count": theme.count,
                "example": public_text(theme.example, RESULT_EXAMPLE_CHARS),
            }
            for theme in themes[:RESULT_THEMES]
        ],
    }
