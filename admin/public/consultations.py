"""The public page's consultations: the results of those closed (the latest first), of the
surveys closed too, and the participation indicator's counts, consultations held and results
published per agency.

Only what a closed consultation published is read: counts per option and area, and the typed
answers' examples masked again for the public (`admin.consultations.summary`); never who
answered, and nothing of a consultation still open or never published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.consultations.summary import ConsultationSummary, summarise
from admin.indicators.service import consultation_counts
from admin.surveys.summary import SurveySummary, summarise_survey
from storage.repositories.consultations import ConsultationRepository
from storage.repositories.public_figures import PublicFiguresRepository
from storage.repositories.surveys import SurveyRepository

SHOWN = 5  # the latest closed consultations on a page
AGENCY_ROWS = 10


@dataclass(frozen=True)
class AgencyConsulting:
    name: str
    href: str
    held: int
    results_published: int


@dataclass(frozen=True)
class PublicConsultations:
    held: int
    results_published: int
    by_agency: list[AgencyConsulting]
    closed: list[ConsultationSummary]
    surveys: list[SurveySummary]  # the latest closed surveys


async def public_consultations(
    session: AsyncSession,
    *,
    language: str,
    start: datetime,
    end: datetime,
    province_code: str | None = None,
    agency_id: int | None = None,
) -> PublicConsultations:
    """For the nation (no place), one province (asked of its citizens; its agencies' counts) or
    one agency (its own)."""
    counts = await consultation_counts(
        session,
        agency_ids=frozenset({agency_id}) if agency_id is not None else None,
        province_code=province_code,
        start=start,
        end=end,
    )
    names = await PublicFiguresRepository(session).agencies_by_code(
        [row.agency for row in counts.by_agency]
    )
    suffix = "" if language == "th" else f"?lang={language}"
    rows = sorted(
        (
            AgencyConsulting(
                name=names[row.agency].name(language),
                href=f"/public/agencies/{names[row.agency].id}{suffix}",
                held=row.held,
                results_published=row.results_published,
            )
            for row in counts.by_agency
            if row.agency in names
        ),
        key=lambda a: (-a.held - a.results_published, a.name),
    )
    closed = await ConsultationRepository(session).closed(
        province_code=province_code, agency_id=agency_id, limit=SHOWN
    )
    closed_surveys = await SurveyRepository(session).closed(
        province_code=province_code, agency_id=agency_id, limit=SHOWN
    )
    return PublicConsultations(
        held=counts.held,
        results_published=counts.results_published,
        by_agency=rows[:AGENCY_ROWS],
        closed=[await summarise(session, c, language=language) for c in closed],
        surveys=[await summarise_survey(session, s, language=language) for s in closed_surveys],
    )
