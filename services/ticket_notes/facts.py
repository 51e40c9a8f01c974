"""The facts the system records about a ticket: a code and its values, never a sentence.

Names of agencies and boards are kept in both languages as they were when it happened
(`{"th": …, "en": …}`), so the history reads the same after a rename.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol


class NoteCode(StrEnum):
    # status notes
    DUPLICATE_FILED = "duplicate_filed"  # a new report closed as a repeat of an open ticket
    MERGED = "merged"  # an official merged the item into another ticket
    FORWARDED = "forwarded"  # an official sent it to another agency (the reason is typed)
    AUTO_CLOSED = "auto_closed"  # resolved, and nobody rated it in time
    RATED = "rated"  # the citizen's rating closed it
    REOPENED_BY_CITIZEN = "reopened_by_citizen"  # the citizen says it is not fixed
    # routing reasons (also the note of the status change that routed it)
    RULE_MATCHED = "rule_matched"
    DUPLICATE_OF = "duplicate_of"
    BOARD_CHOSEN = "board_chosen"
    FORWARDED_BY_OFFICIAL = "forwarded_by_official"
    NO_PROVINCE = "no_province"
    NO_RULE = "no_rule"
    # officials' corrections (internal notes: shown to officials only, never to the citizen)
    CATEGORY_CORRECTED = "category_corrected"
    KIND_CORRECTED = "kind_corrected"
    PLACE_CORRECTED = "place_corrected"


NoteFacts = dict[str, Any]


class Named(Protocol):
    """An agency or a board: a Thai and an English name."""

    @property
    def name_th(self) -> str: ...

    @property
    def name_en(self) -> str: ...


def _names(row: Named) -> dict[str, str]:
    return {"th": row.name_th, "en": row.name_en}


def _facts(code: NoteCode, **values: Any) -> NoteFacts:
    return {"code": code.value} | {name: v for name, v in values.items() if v not in (None, "")}


def duplicate_filed(*, into: str) -> NoteFacts:
    return _facts(NoteCode.DUPLICATE_FILED, into=into)


def merged(*, into: str) -> NoteFacts:
    return _facts(NoteCode.MERGED, into=into)


def forwarded(*, agency: Named) -> NoteFacts:
    return _facts(NoteCode.FORWARDED, agency=_names(agency))


def auto_closed(*, days: int) -> NoteFacts:
    return _facts(NoteCode.AUTO_CLOSED, days=days)


def rated(*, rating: int) -> NoteFacts:
    return _facts(NoteCode.RATED, rating=rating)


def reopened_by_citizen() -> NoteFacts:
    return _facts(NoteCode.REOPENED_BY_CITIZEN)


def rule_matched(
    *,
    rule: str,
    agency: Named,
    category: str | None = None,
    hazard: str | None = None,
    keyword: str | None = None,
    area: str | None = None,
    description: str | None = None,
) -> NoteFacts:
    """Which routing rule sent the item to `agency`, and what in the item it matched."""
    return _facts(
        NoteCode.RULE_MATCHED,
        rule=rule,
        category=category,
        hazard=hazard,
        keyword=keyword,
        area=area,
        agency=_names(agency),
        description=description,
    )


def duplicate_of(*, reference: str) -> NoteFacts:
    return _facts(NoteCode.DUPLICATE_OF, of=reference)


def board_chosen(*, board: Named) -> NoteFacts:
    return _facts(NoteCode.BOARD_CHOSEN, board=_names(board))


def forwarded_by_official() -> NoteFacts:
    return _facts(NoteCode.FORWARDED_BY_OFFICIAL)


def no_province() -> NoteFacts:
    return _facts(NoteCode.NO_PROVINCE)


def no_rule() -> NoteFacts:
    return _facts(NoteCode.NO_RULE)


def category_corrected(*, before: str | None, after: str) -> NoteFacts:
    return _facts(NoteCode.CATEGORY_CORRECTED, before=before, after=after)


def kind_corrected(*, before: str, after: str) -> NoteFacts:
    """`before` and `after` are `FeedbackKind` values; each reader names them in its language."""
    return _facts(NoteCode.KIND_CORRECTED, before=before, after=after)


def place_corrected(*, before: Named | None, after: Named) -> NoteFacts:
    """Districts, by their names in both languages as they were then."""
    return _facts(
        NoteCode.PLACE_CORRECTED, before=_names(before) if before else None, after=_names(after)
    )
