"""One question's results as the officials' API returns them, the same for a consultation and
for each question of a survey: the count of each option, and the typed answers' themes."""

from __future__ import annotations

from collections.abc import Sequence

from admin.asking.schemas import FreeAnswers, OptionCount, ThemeCount
from services import question_results


def option_counts(options: Sequence[question_results.OptionCount]) -> list[OptionCount]:
    return [OptionCount(label=option.label, count=option.count) for option in options]


def free_answers(count: int, themes: Sequence[question_results.Theme]) -> FreeAnswers:
    return FreeAnswers(
        count=count,
        themes=[
            ThemeCount(
                label=theme.label,
                count=theme.count,
                example=theme.example,
                examples=list(theme.examples),
            )
            for theme in themes
        ],
    )
