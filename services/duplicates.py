"""Is a new report the same problem as an open ticket? (`nlp.duplicates` decides on the words.)"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.duplicates import same_problem
from storage.models import FeedbackItem, FeedbackKind
from storage.repositories.feedback_items import FeedbackItemRepository

# Only open tickets filed in this window are candidates: an older one is another occurrence.
WINDOW = timedelta(days=30)


def _place(item: FeedbackItem) -> str | None:
    return item.subdistrict_code or item.district_code or item.province_code


_REPORTS = frozenset({FeedbackKind.COMPLAINT})


def _location(item: FeedbackItem) -> tuple[float, float] | None:
    if item.latitude is None or item.longitude is None:
        return None
    return (item.latitude, item.longitude)


async def find_open_duplicate(
    session: AsyncSession, item: FeedbackItem, *, now: datetime
) -> FeedbackItem | None:
    """The open ticket (same province and category, recent) this item reports again, if any.

    Only a report of a problem can repeat one: praise, a question, an opinion or a suggestion
    about the same thing is its own item (the agency should see it, and answer it)."""
    if item.kind not in _REPORTS:
        return None
    candidates = await FeedbackItemRepository(session).duplicate_candidates(
        province_code=item.province_code, category=item.category, since=now - WINDOW
    )
    for candidate in candidates:
        if candidate.id == item.id or candidate.kind not in _REPORTS:
            continue
        if same_problem(
            item.original_text,
            item.category,
            _place(item),
            candidate.original_text,
            candidate.category,
            _place(candidate),
            a_location=_location(item),
            b_location=_location(candidate),
        ):
            return candidate
    return None
