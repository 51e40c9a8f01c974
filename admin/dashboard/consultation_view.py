"""What the consultation pages show: the list in the reader's scope, the new-consultation form
read into the API's body, and one consultation's live results as charts (by option, province
and district) drawn on the server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking import owners
from admin.auth.scope import Principal
from admin.charts.svg import PALETTE, Chart, ChartKind, Series
from admin.consultations import service
from admin.consultations.schemas import ConsultationWrite
from admin.consultations.summary import AreaCounts, ConsultationSummary, summarise
from admin.dashboard.asked_lists import ListedAsked, listed_with_areas
from admin.dashboard.consultation_texts import ConsultationWords
from services.errors import InvalidInputError
from storage.models import Agency, Consultation, ConsultationStatus, UserRole
from storage.repositories.agencies import AgencyRepository
from storage.repositories.consultations import ConsultationRepository

AREA_ROWS = 15  # the biggest areas in a chart; the table under it has the same rows


@dataclass(frozen=True)
class ConsultationForm:
    """The form as the official typed it (shown again when it is refused)."""

    title: str = ""
    question: str = ""
    context: str = ""
    options: str = ""
    free_answer: bool = False
    provinces: str = ""
    closes_at: str = ""
    agency: str = ""
    topics: tuple[str, ...] = ()  # the codes ticked (services.topics)


def may_create(principal: Principal) -> bool:
    return principal.role is not UserRole.ANALYST


async def listed(
    session: AsyncSession, principal: Principal, *, language: str
) -> list[ListedAsked[Consultation]]:
    """The reader's consultations with their provinces' names and answers so far."""
    found = await service.visible(session, principal)
    answers = await ConsultationRepository(session).answer_totals([c.id for c in found if c.id])
    return await listed_with_areas(session, found, answers, language=language)


async def own_agencies(session: AsyncSession, principal: Principal) -> list[Agency]:
    """The agencies an official may ask for (a choice when they work for several)."""
    if principal.role is not UserRole.OFFICIAL:
        return []
    agencies = AgencyRepository(session)
    found = [await agencies.get(agency_id) for agency_id in sorted(principal.agency_ids)]
    return [agency for agency in found if agency is not None]


def body_of(
    form: ConsultationForm, *, zone: ZoneInfo, words: ConsultationWords
) -> ConsultationWrite:
    """The API's body from the form: options one per line, provinces separated by commas, the
    closing time in the deployment's time zone."""
    if not (form.title.strip() and form.question.strip() and form.provinces.strip()):
        raise InvalidInputError(words("new.needs"))
    try:
        closes_at = datetime.fromisoformat(form.closes_at).replace(tzinfo=zone)
    except ValueError:
        raise InvalidInputError(words("new.bad_time")) from None
    provinces = [p.strip() for p in form.provinces.split(",") if p.strip()]
    try:
        return ConsultationWrite(
            title=form.title.strip(),
            question=form.question.strip(),
            context=form.context.strip(),
            options=[line.strip() for line in form.options.splitlines() if line.strip()],
            free_answer=form.free_answer,
            provinces=provinces,
            closes_at=closes_at,
            agency=form.agency or None,
            topics=list(form.topics),
        )
    except ValidationError as problem:
        raise InvalidInputError(problem.errors()[0]["msg"]) from None


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _area_chart(
    key: str,
    title: str,
    description: str,
    areas: list[AreaCounts],
    labels: list[str],
    c: ConsultationWords,
) -> Chart:
    shown = areas[:AREA_ROWS]
    return Chart(
        key=key,
        title=title,
        description=description,
        kind=ChartKind.BARS,
        labels=tuple(area.name for area in shown),
        series=tuple(
            Series(label, tuple(float(area.options[i].count) for area in shown), _colour(i))
            for i, label in enumerate(labels)
        ),
        unit=c("chart.people"),
        stacked=True,
        label_heading=c("chart.area"),
        empty_text=c("chart.empty"),
    )


def result_charts(summary: ConsultationSummary, c: ConsultationWords) -> list[Chart]:
    """By option; by province and by district, each bar split by option."""
    labels = [option.label for option in summary.options]
    charts = []
    if labels:
        charts.append(
            Chart(
                key="options",
                title=c("chart.options.title"),
                description=c("chart.options.desc", total=summary.total),
                kind=ChartKind.BARS,
                labels=tuple(labels),
                series=(
                    Series(
                        c("chart.answers"),
                        tuple(float(o.count) for o in summary.options),
                        PALETTE[0],
                    ),
                ),
                unit=c("chart.people"),
                label_heading=c("chart.option"),
                empty_text=c("chart.empty"),
            )
        )
        provinces = len(summary.by_province)
        districts = len(summary.by_district)
        charts.append(
            _area_chart(
                "provinces",
                c("chart.provinces.title"),
                c("chart.areas.desc", count=provinces),
                summary.by_province,
                labels,
                c,
            )
        )
        charts.append(
            _area_chart(
                "districts",
                c("chart.districts.title"),
                c("chart.districts.desc", count=districts),
                summary.by_district,
                labels,
                c,
            )
        )
    return charts


async def one(
    session: AsyncSession, principal: Principal, consultation_id: int, *, language: str
) -> tuple[Consultation, ConsultationSummary, bool]:
    """The consultation, its results now, and whether the reader may publish or close it."""
    consultation = await service.readable(session, principal, consultation_id)
    summary = await summarise(session, consultation, language=language)
    return consultation, summary, owners.may_manage(principal, consultation)


def next_step(consultation: Consultation) -> str | None:
    """The button the owner sees: publish a draft, close an open one, nothing once closed."""
    return {
        ConsultationStatus.DRAFT: "publish",
        ConsultationStatus.PUBLISHED: "close",
    }.get(consultation.status)
