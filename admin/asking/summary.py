"""What a consultation's summary and a survey's share as readers see them (the dashboard,
/public, the digests), in the reader's language: who asked, the provinces asked, and the typed
answers' themes with examples masked again for the public (`services.privacy.public_text`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.owners import Asked, Owned
from nlp.categories import english_name
from services.privacy import public_text
from services.question_results import Theme
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.public_figures import PlaceName

EXAMPLE_CHARS = 200
UNKNOWN_AREA = {"th": "ไม่ระบุพื้นที่", "en": "Area not given"}
OTHER_THEME = {"th": "อื่น ๆ", "en": "Other"}


@dataclass(frozen=True)
class ThemeShown:
    label: str
    count: int
    examples: list[str]


@dataclass(frozen=True)
class SummaryHeading:
    """What a reader sees first of a consultation's or a survey's summary: what was asked,
    whose it is, where, and when it opened and closes (or closed)."""

    id: int
    title: str
    status: StrEnum  # ConsultationStatus or SurveyStatus
    owner: str  # the agency's or the board's name
    provinces: list[str]  # names
    published_at: datetime | None
    closes_at: datetime
    closed_at: datetime | None


async def heading_fields(
    session: AsyncSession, asked: Asked, names: Mapping[str, PlaceName], *, language: str
) -> dict[str, Any]:
    """A `SummaryHeading`'s fields for this consultation (or survey), in the reader's language
    (`names`: its provinces' names, read with the rest of the summary's places)."""
    assert asked.id is not None
    return {
        "id": asked.id,
        "title": asked.title,
        "status": asked.status,
        "owner": await owner_name(session, asked, language=language),
        "provinces": province_names(asked.province_codes, names, language=language),
        "published_at": asked.published_at,
        "closes_at": asked.closes_at,
        "closed_at": asked.closed_at,
    }


def reader_language(language: str) -> str:
    return language if language in UNKNOWN_AREA else "th"


async def owner_name(session: AsyncSession, asked: Owned, *, language: str) -> str:
    """Who asked (a consultation or a survey), as a reader sees it: the agency's or the
    board's name."""
    if asked.owner_agency_id is not None:
        agency = await AgencyRepository(session).get(asked.owner_agency_id)
        if agency is not None:
            return agency.name_en if language == "en" else agency.name_th
    if asked.owner_board_id is not None:
        board = await BoardRepository(session).get(asked.owner_board_id)
        if board is not None:
            return board.name_en if language == "en" else board.name_th
    return ""


def province_names(
    codes: Sequence[Any], names: Mapping[str, PlaceName], *, language: str
) -> list[str]:
    """The provinces asked, by name (a code nobody knows stays as it is)."""
    return [names[code].name(language) if code in names else code for code in codes]


def _theme(label: str, language: str) -> str:
    if not label:
        return OTHER_THEME[language]
    return english_name(label) if language == "en" else label


def themes_shown(themes: list[Theme], language: str) -> list[ThemeShown]:
    """Typed answers' themes for any reader: the label in their language, examples masked again."""
    return [
        ThemeShown(
            label=_theme(theme.label, language),
            count=theme.count,
            examples=[public_text(text, EXAMPLE_CHARS) for text in theme.examples],
        )
        for theme in themes
    ]
