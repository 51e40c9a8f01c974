"""A consultation's results as anyone may read them, in the reader's language: counts by option,
by province and by district, and the free answers' themes with examples masked for the public.

The same summary is the dashboard's live results, the public page's published results and a
board's digest section, so all three say the same numbers. Nothing in it names or places a
citizen: counts per area, and examples that are stored redacted texts masked again
(`services.privacy.public_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking.summary import (
    UNKNOWN_AREA,
    SummaryHeading,
    ThemeShown,
    heading_fields,
    reader_language,
    themes_shown,
)
from services import consultations
from services.consultations import AreaResult
from services.question_results import OptionCount
from storage.models import Consultation
from storage.repositories.public_figures import PlaceName, PublicFiguresRepository


@dataclass(frozen=True)
class AreaCounts:
    code: str
    name: str
    total: int
    options: list[OptionCount]


@dataclass(frozen=True)
class ConsultationSummary(SummaryHeading):
    question: str
    owner_agency_id: int | None
    total: int
    options: list[OptionCount]
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
        **await heading_fields(session, consultation, provinces, language=language),
        question=consultation.question,
        owner_agency_id=consultation.owner_agency_id,
        total=results.total,
        options=results.options,
        by_province=_named(results.by_province, provinces, language),
        by_district=_named(results.by_district, districts, language),
        free_answers=results.free_answer_count,
        themes=themes_shown(results.themes, language),
    )
