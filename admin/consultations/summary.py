"""A consultation's results as anyone may read them, in the reader's language: counts by option,
by province and by district, and the free answers' themes with examples masked for the public.

The same summary is the dashboard's live results, the public page's published results and a
board's digest section, so all three say the same numbers. Nothing in it names or places a
citizen: counts per area, and examples that are stored redacted texts masked again
(`services.privacy.public_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.categories import english_name
from services import consultations
from services.consultations import AreaResult, OptionResult, Theme
from services.privacy import public_text
from storage.models import Consultation, ConsultationStatus
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.public_figures import PlaceName, PublicFiguresRepository

EXAMPLE_CHARS = 200
UNKNOWN_AREA = {"th": "ไม่ระบุพื้นที่", "en": "Area not given"}
OTHER_THEME = {"th": "อื่น ๆ", "en": "Other"}


@dataclass(frozen=True)
class AreaCounts:
    code: str
    name: str
    total: int
    options: list[OptionResult]


@dataclass(frozen=True)
class ThemeShown:
    label: str
    count: int
    examples: list[str]


@dataclass(frozen=True)
class ConsultationSummary:
    id: int
    title: str
    question: str
    status: ConsultationStatus
    owner: str  # the agency's or the board's name
    owner_agency_id: int | None
    provinces: list[str]  # names
    published_at: datetime | None
    closes_at: datetime
    closed_at: datetime | None
    total: int
    options: list[OptionResult]
    by_province: list[AreaCounts]
    by_district: list[AreaCounts]
    free_answers: int
    themes: list[ThemeShown]

    def share(self, count: int) -> float:
        """`count` as a percentage of everyone who answered (0 when nobody did)."""
        return round(count * 100.0 / self.total, 1) if self.total else 0.0


def _named(areas: list[AreaResult], names: dict[str, PlaceName], language: str) -> list[AreaCounts]:
    shown = [
        AreaCounts(
            code=area.key,
            name=names[area.key].name(language) if area.key in names else UNKNOWN_AREA[language],
            total=area.total,
            options=area.options,
        )
        for area in areas
    ]
    return sorted(shown, key=lambda a: (-a.total, a.name))


def _theme(label: str, language: str) -> str:
    if not label:
        return OTHER_THEME[language]
    return english_name(label) if language == "en" else label


async def owner_name(
    session: AsyncSession, agency_id: int | None, board_id: int | None, *, language: str
) -> str:
    """Who asked (a consultation or a survey), as a reader sees it: the agency's or the
    board's name."""
    if agency_id is not None:
        agency = await AgencyRepository(session).get(agency_id)
        if agency is not None:
            return agency.name_en if language == "en" else agency.name_th
    if board_id is not None:
        board = await BoardRepository(session).get(board_id)
        if board is not None:
            return board.name_en if language == "en" else board.name_th
    return ""


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


def reader_language(language: str) -> str:
    return language if language in UNKNOWN_AREA else "th"


async def summarise(
    session: AsyncSession, consultation: Consultation, *, language: str
) -> ConsultationSummary:
    """The consultation's results now (live while it is open, final once closed)."""
    assert consultation.id is not None
    language = reader_language(language)
    results = await consultations.results(session, consultation)
    places = PublicFiguresRepository(session)
    provinces = await places.provinces(
        sorted({*consultation.province_codes, *(a.key for a in results.by_province if a.key)})
    )
    districts = await places.districts([a.key for a in results.by_district])
    return ConsultationSummary(
        id=consultation.id,
        title=consultation.title,
        question=consultation.question,
        status=consultation.status,
        owner=await owner_name(
            session, consultation.owner_agency_id, consultation.owner_board_id, language=language
        ),
        owner_agency_id=consultation.owner_agency_id,
        provinces=[
            provinces[code].name(language) if code in provinces else code
            for code in consultation.province_codes
        ],
        published_at=consultation.published_at,
        closes_at=consultation.closes_at,
        closed_at=consultation.closed_at,
        total=results.total,
        options=results.options,
        by_province=_named(results.by_province, provinces, language),
        by_district=_named(results.by_district, districts, language),
        free_answers=results.free_answer_count,
        themes=themes_shown(results.themes, language),
    )
