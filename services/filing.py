"""Filing a citizen's feedback: store it, route it, link the board, detect a duplicate, tell people.

Takes the caller's session and never commits. A report that repeats an open ticket is closed
as its duplicate and its citizen follows that ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.analysis import MessageAnalysis
from nlp.personal_data import redact
from services import ticket_notices
from services.actors import Actor
from services.duplicates import find_open_duplicate
from services.errors import InvalidInputError
from services.policy import ServiceLevelPolicy, current_policy
from services.routing import route
from services.session_cache import get_reference
from services.ticket_changes import (
    NewMedia,
    add_media,
    record_status,
)
from services.ticket_notes import facts
from services.ticket_references import new_reference
from storage.models import (
    ActorType,
    Agency,
    Board,
    Channel,
    District,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    Province,
    Sentiment,
    Subdistrict,
    Urgency,
)
from storage.repositories.agencies import BoardRepository
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.types import utcnow

S = FeedbackStatus


@dataclass(frozen=True)
class FiledFeedback:
    item: FeedbackItem
    agency: Agency | None
    board: Board | None
    duplicate_of: FeedbackItem | None
    follower_count: int


async def _area(
    session: AsyncSession,
    province_code: str | None,
    district_code: str | None,
    subdistrict_code: str | None,
) -> tuple[str | None, str | None, str | None]:
    """Codes that exist and agree; a missing wider code is taken from the narrower one."""
    if subdistrict_code is not None:
        subdistrict = await session.get(Subdistrict, subdistrict_code)
        if subdistrict is None:
            raise InvalidInputError(f"unknown subdistrict code {subdistrict_code!r}")
        if district_code not in (None, subdistrict.district_code):
            raise InvalidInputError(
                f"subdistrict {subdistrict_code} is not in district {district_code}"
            )
        district_code = subdistrict.district_code
    if district_code is not None:
        district = await get_reference(session, District, district_code)
        if district is None:
            raise InvalidInputError(f"unknown district code {district_code!r}")
        if province_code not in (None, district.province_code):
            raise InvalidInputError(f"district {district_code} is not in province {province_code}")
        province_code = district.province_code
    if province_code is not None and await get_reference(session, Province, province_code) is None:
        raise InvalidInputError(f"unknown province code {province_code!r}")
    return province_code, district_code, subdistrict_code


async def file_feedback(
    session: AsyncSession,
    *,
    channel: Channel,
    text: str,
    analysis: MessageAnalysis | None,
    citizen_id: int | None = None,
    kind: FeedbackKind | None = None,
    category: str | None = None,
    province_code: str | None = None,
    district_code: str | None = None,
    subdistrict_code: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    location_text: str | None = None,
    media: Sequence[NewMedia] = (),
    target_board: bool = False,
    guess_category: bool = True,
    now: datetime | None = None,
    policy: ServiceLevelPolicy | None = None,
) -> FiledFeedback:
    """Store a citizen's feedback, route it, link the board, detect a duplicate, tell people.

    Explicit arguments (what the citizen confirmed) win over `analysis`; with no `category`
    the analysis's best one is taken unless `guess_category` is False (the chat's praise whose
    topic the NLP is unsure of: routed by the area alone, not to a guessed topic's office)."""
    now = now or utcnow()
    policy = policy or current_policy()
    text = text.strip()
    if not text and not media:
        raise InvalidInputError("feedback needs some text or a photo")
    place = analysis.place if analysis else None
    if province_code is None and district_code is None and subdistrict_code is None and place:
        province_code = place.province_code
        district_code = place.district_code
        subdistrict_code = place.subdistrict_code
    province_code, district_code, subdistrict_code = await _area(
        session, province_code, district_code, subdistrict_code
    )
    if kind is None:
        # follow-ups, greetings and unclear text are conversation, not feedback kinds
        kind = (
            FeedbackKind(analysis.intent.value)
            if analysis and analysis.intent.value in FeedbackKind._value2member_map_
            else FeedbackKind.COMPLAINT
        )
    if category is None and guess_category and analysis is not None:
        category = analysis.category
    if category is not None and len(category) > 60:
        raise InvalidInputError("the category is longer than 60 characters")
    redacted = analysis.redacted if analysis else redact(text).text
    item = FeedbackItem(
        reference=await new_reference(session),
        citizen_id=citizen_id,
        channel=channel,
        kind=kind,
        original_text=text,
        redacted_text=redacted,
        category=category,
        categories=(
            [{"label": c.label, "score": round(c.score, 4)} for c in analysis.categories[:5]]
            if analysis
            else []
        ),
        province_code=province_code,
        district_code=district_code,
        subdistrict_code=subdistrict_code,
        latitude=latitude,
        longitude=longitude,
        location_text=(location_text or "").strip()[:500] or None,
        sentiment=Sentiment(analysis.sentiment.value) if analysis else None,
        sentiment_score=analysis.sentiment_score if analysis else None,
        urgency=Urgency(analysis.urgency.value) if analysis else Urgency.NORMAL,
        hazards=[hazard.value for hazard in analysis.hazards] if analysis else [],
        language=analysis.language[:5] if analysis else "th",
        status=S.RECEIVED,
        created_at=now,
        updated_at=now,
    )
    board = await BoardRepository(session).of_province(province_code) if province_code else None
    item.board_id = board.id if board else None
    session.add(item)
    await session.flush()
    assert item.id is not None
    actor = Actor.citizen(citizen_id) if citizen_id is not None else Actor.system()
    record_status(session, item, S.RECEIVED, actor=actor, note=None, now=now, initial=True)
    add_media(session, item, media, added_by=ActorType.CITIZEN, now=now)

    duplicate_of = await find_open_duplicate(session, item, now=now)
    if duplicate_of is not None:
        lead_agency = await get_reference(session, Agency, duplicate_of.agency_id)
        item.duplicate_of_id = duplicate_of.id
        item.agency_id = duplicate_of.agency_id
        item.routing_facts = facts.duplicate_of(reference=duplicate_of.reference)
        record_status(
            session,
            item,
            S.CLOSED,
            actor=Actor.system(),
            note=None,
            facts=facts.duplicate_filed(into=duplicate_of.reference),
            now=now,
        )
        item.closed_at = now
        session.add(item)
        await session.flush()
        followers = await FeedbackItemRepository(session).follower_count(duplicate_of.id or 0)
        await ticket_notices.ticket_filed(
            session,
            item,
            agency=lead_agency,
            board=board,
            duplicate_of=duplicate_of,
            follower_count=followers,
        )
        return FiledFeedback(item, lead_agency, board, duplicate_of, followers)

    agency: Agency | None = None
    if target_board and board is not None:
        item.routing_facts = facts.board_chosen(board=board)
        change = record_status(session, item, S.ROUTED, actor=Actor.system(), note=None, now=now)
    else:
        decision = await route(session, item)
        item.routing_facts = decision.reason
        agency = decision.agency
        change = None
        if agency is not None:
            item.agency_id = agency.id
            item.routing_rule_id = decision.rule.id if decision.rule else None
            if kind is not FeedbackKind.PRAISE:  # thanks asks for no action: never overdue
                item.due_at = policy.due_at(category, item.urgency, now)
            change = record_status(
                session,
                item,
                S.ROUTED,
                actor=Actor.system(),
                note=None,
                facts=decision.reason,
                now=now,
            )
    session.add(item)
    await session.flush()
    await ticket_notices.ticket_filed(
        session, item, agency=agency, board=board, duplicate_of=None, follower_count=0
    )
    if agency is not None and change is not None:
        await ticket_notices.agency_new_item(session, item, agency, cause=f"change-{change.id}")
    return FiledFeedback(item, agency, board, None, 0)
