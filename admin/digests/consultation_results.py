"""The digest's consultation section: the consultations that closed in the digest's week, asked
of the board's province (or owned by the agency), with their published summary."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.consultations.summary import AreaCounts, ConsultationSummary, summarise
from admin.digests.schemas import (
    ConsultationArea,
    ConsultationOption,
    ConsultationResult,
    ConsultationSection,
    ConsultationTheme,
    DigestSubjectInfo,
)
from storage.repositories.consultations import ConsultationRepository

AREAS = 10


def _areas(summary: ConsultationSummary, province_code: str | None) -> list[AreaCounts]:
    """A board reads its own districts; an agency (or a consultation answered from nowhere
    known by district) reads provinces."""
    if province_code is not None:
        districts = [a for a in summary.by_district if a.code.startswith(province_code)]
        if districts:
            return districts
    return summary.by_province


def _result(summary: ConsultationSummary, province_code: str | None) -> ConsultationResult:
    assert summary.closed_at is not None
    return ConsultationResult(
        title=summary.title,
        question=summary.question,
        owner=summary.owner,
        closed_at=summary.closed_at,
        total=summary.total,
        options=[
            ConsultationOption(label=o.label, count=o.count, share_pct=summary.share(o.count))
            for o in summary.options
        ],
        areas=[
            ConsultationArea(name=a.name, total=a.total)
            for a in _areas(summary, province_code)[:AREAS]
        ],
        free_answers=summary.free_answers,
        themes=[
            ConsultationTheme(label=t.label, count=t.count, examples=t.examples)
            for t in summary.themes
        ],
    )


async def consultation_section(
    session: AsyncSession,
    *,
    info: DigestSubjectInfo,
    agency_id: int | None,
    start: datetime,
    end: datetime,
) -> ConsultationSection:
    """A board's section: consultations asked of its province; an agency's: its own."""
    repository = ConsultationRepository(session)
    if info.kind == "board":
        found = await repository.closed(
            province_code=info.province_code, closed_from=start, closed_to=end
        )
        province = info.province_code
    else:
        found = await repository.closed(agency_id=agency_id, closed_from=start, closed_to=end)
        province = None
    return ConsultationSection(
        results=[
            _result(await summarise(session, consultation, language="th"), province)
            for consultation in reversed(found)  # in the order they closed
        ]
    )
