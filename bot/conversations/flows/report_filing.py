"""Filing a confirmed report: `services.filing` files it, the citizen's picks are linked to
it, and the reply is the "ticket_filed" notice (its queued copy is settled as answered here),
with the news offer after a first report."""

from __future__ import annotations

from bot.conversations import citizen_labels
from bot.conversations.draft import Draft
from bot.conversations.flows import news
from bot.conversations.turn import Turn
from bot.messages import Outgoing
from bot.notice_messages import render_notice
from services import filing, ticket_changes
from storage.models import FeedbackKind
from storage.repositories import outbound_messages


async def file(turn: Turn, draft: Draft, *, offer_news: bool = True) -> list[Outgoing]:
    """File the draft and answer with its reference; after a first report, offer news of the
    area's consultations (not when an urgent report comes next: `offer_news`)."""
    analysis = await turn.analyze(draft.text, draft.latitude, draft.longitude)
    filed = await filing.file_feedback(
        turn.session,
        channel=turn.citizen.channel,
        text=draft.text,
        analysis=analysis,
        citizen_id=turn.citizen_id,
        kind=FeedbackKind(draft.kind),
        category=draft.category,
        province_code=draft.province_code,
        district_code=draft.district_code,
        subdistrict_code=draft.subdistrict_code,
        latitude=draft.latitude,
        longitude=draft.longitude,
        location_text=draft.location_text or draft.address,
        media=[ticket_changes.NewMedia(**media) for media in draft.media],
        target_board=draft.target_board,
        guess_category=draft.kind != "praise",
        now=turn.now,
    )
    item = filed.item
    assert item.id is not None
    await citizen_labels.file_with(turn, draft, feedback_id=item.id)
    payload = {
        "reference": item.reference,
        "kind": item.kind.value,
        "agency_name": filed.agency.name_th if filed.agency else None,
        "agency_name_en": filed.agency.name_en if filed.agency else None,
        "board_name": filed.board.name_th if filed.board and draft.target_board else None,
        "board_name_en": filed.board.name_en if filed.board and draft.target_board else None,
        "category": item.category,
        "status": item.status.value,
        "duplicate_of_reference": filed.duplicate_of.reference if filed.duplicate_of else None,
        "follower_count": filed.follower_count,
        "reporter_number": filed.follower_count + 1 if filed.duplicate_of else 1,
    }
    # The reply below is the citizen's "ticket_filed" message; the queued copy is not sent again.
    await outbound_messages.settle_answered_in_conversation(
        turn.session, feedback_id=item.id, citizen_id=turn.citizen_id, kind="ticket_filed"
    )
    turn.reset()
    if not offer_news:
        return render_notice("ticket_filed", payload, turn.language)
    offer = await news.offer_after_first_report(
        turn, item.reference, item.province_code, item.district_code
    )
    return [*render_notice("ticket_filed", payload, turn.language), *offer]
