"""A citizen's pick kept as a labelled example: the category or kind they chose for their own
message, what the NLP had proposed and what they were shown, with the text's personal data
masked (the original text is never stored here). Retraining reads these; PDPA erasure deletes
them (`services.citizen_data.erasure`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.personal_data import redact
from storage.models import LabelledExample
from storage.repositories.labelled_examples import LabelledExampleRepository

CATEGORY = "category"
KIND = "kind"
DISTRICT = "district"  # an official's corrected place: the district's code
OFFICIAL_CORRECTION = "official"  # `source` of an example an official's correction made


@dataclass(frozen=True)
class CitizenPick:
    field: str  # CATEGORY or KIND
    chosen: str
    proposed: str | None = None
    offered: tuple[str, ...] = ()  # the NLP's shortlist, best first


async def keep_pick(
    session: AsyncSession,
    pick: CitizenPick,
    *,
    text: str,
    citizen_id: int | None,
    now: datetime,
    feedback_id: int | None = None,
) -> LabelledExample:
    """Store one pick with the redacted text; returns the row (its id links it later)."""
    if pick.field not in (CATEGORY, KIND):
        raise ValueError(f"a citizen labels a category or a kind, not {pick.field!r}")
    example = LabelledExample(
        redacted_text=redact(text).text,
        field=pick.field,
        chosen=pick.chosen[:60],
        proposed=pick.proposed[:60] if pick.proposed else None,
        offered=list(pick.offered),
        source="citizen",
        citizen_id=citizen_id,
        feedback_id=feedback_id,
        created_at=now,
    )
    return await LabelledExampleRepository(session).add(example)


async def keep_official_correction(
    session: AsyncSession,
    *,
    field: str,
    chosen: str,
    proposed: str | None,
    text: str,
    feedback_id: int,
    now: datetime,
) -> LabelledExample:
    """An official's correction of an item's category, kind or district, kept for retraining
    beside the citizens' picks (`source` "official"), with the redacted text only."""
    if field not in (CATEGORY, KIND, DISTRICT):
        raise ValueError(f"an official corrects a category, kind or district, not {field!r}")
    example = LabelledExample(
        redacted_text=redact(text).text,
        field=field,
        chosen=chosen[:60],
        proposed=proposed[:60] if proposed else None,
        offered=[],
        source=OFFICIAL_CORRECTION,
        feedback_id=feedback_id,
        created_at=now,
    )
    return await LabelledExampleRepository(session).add(example)


async def link_to_feedback(
    session: AsyncSession, example_ids: Sequence[int], *, feedback_id: int
) -> int:
    """Examples kept before the item was filed now point at it."""
    return await LabelledExampleRepository(session).link(example_ids, feedback_id=feedback_id)


async def forget_citizen(
    session: AsyncSession, citizen_id: int, feedback_ids: Sequence[int]
) -> int:
    """PDPA erasure: delete the citizen's examples (and any of their items')."""
    return await LabelledExampleRepository(session).delete_of_citizen(citizen_id, feedback_ids)
