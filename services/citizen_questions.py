"""Where a citizen's question should go: the agency that would handle it as a report, and its
public hotline, without filing anything.

A question is routed exactly as a report would be (`services.routing.route` with the same
category, area and hazards, on an item that is never saved), so "who do I ask about a burst
water main in Mae Rim?" names the provincial waterworks that would receive the report, and the
number its catalogue type publishes (storage/reference/agency_types.yaml). Asked with no area,
it names the kind of agency that takes it in most of the country ("ที่ว่าการอำเภอ", 1548), and
whether that kind is the one in every province (then the chat answers without asking where).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from services.routing import kind_of_agency, route
from services.session_cache import get_reference
from services.ticket_notes import NoteFacts
from storage.models import Agency, AgencyType, Channel, FeedbackItem, FeedbackKind
from storage.repositories.agencies import AgencyLookup


@dataclass(frozen=True)
class WhereToAsk:
    agency: Agency | None  # None when no rule resolves (no province known yet)
    hotline: str | None  # the agency type's public number, when it has one
    reason: NoteFacts  # which rule decided (`services.ticket_notes.render_note` reads it)
    # With no area: the kind of agency that takes such questions in the citizen's area
    # ("ที่ว่าการอำเภอ"), when the rules can tell
    agency_type: AgencyType | None = None
    # With no area: that kind of agency is the one in every province (a pension, the welfare
    # card), so the answer does not wait for the citizen's area
    everywhere: bool = False


async def where_to_ask(
    session: AsyncSession,
    *,
    text: str,
    channel: Channel,
    category: str | None,
    province_code: str | None,
    district_code: str | None = None,
    subdistrict_code: str | None = None,
    hazards: Sequence[str] = (),
) -> WhereToAsk:
    """The agency a question about `category` in this area belongs to (read-only)."""
    unsaved = FeedbackItem(
        reference="",
        channel=channel,
        kind=FeedbackKind.QUESTION,
        original_text=text,
        redacted_text="",
        category=category,
        province_code=province_code,
        district_code=district_code,
        subdistrict_code=subdistrict_code,
        hazards=list(hazards),
    )
    decision = await route(session, unsaved)
    type_code = decision.agency.type_code if decision.agency is not None else None
    if type_code is None and province_code is None:
        type_code = await kind_of_agency(session, unsaved)
    if type_code is None:
        return WhereToAsk(decision.agency, None, decision.reason)
    agency_type = await get_reference(session, AgencyType, type_code)
    hotline = agency_type.hotline if agency_type else None
    if decision.agency is not None:
        return WhereToAsk(decision.agency, hotline, decision.reason)
    everywhere = await AgencyLookup(session).serves_every_province(type_code)
    return WhereToAsk(None, hotline, decision.reason, agency_type, everywhere)
