"""The citizen's own picks (a category from the best three or the full list, a corrected kind)
kept as labelled examples for retraining, with the redacted text only.

A pick is stored at once when the citizen has accepted the PDPA notice; before that it is held
in the draft and stored only when the item is filed (after consent), so a citizen who declines
leaves nothing behind. Stored picks are linked to the item they became.
"""

from __future__ import annotations

from bot.conversations.draft import Draft
from bot.conversations.turn import Turn
from services import labelled_examples
from services.citizen_data import consent
from services.labelled_examples import CitizenPick


async def keep(turn: Turn, draft: Draft, pick: CitizenPick) -> None:
    if consent.is_given(turn.citizen):
        example = await labelled_examples.keep_pick(
            turn.session, pick, text=draft.text, citizen_id=turn.citizen_id, now=turn.now
        )
        assert example.id is not None
        draft.example_ids.append(example.id)
        return
    draft.picks.append(
        {
            "field": pick.field,
            "chosen": pick.chosen,
            "proposed": pick.proposed,
            "offered": list(pick.offered),
            "text": draft.text,
        }
    )


async def file_with(turn: Turn, draft: Draft, *, feedback_id: int) -> None:
    """The item is filed (consent given): store held picks and link the stored ones to it."""
    for held in draft.picks:
        pick = CitizenPick(
            field=str(held["field"]),
            chosen=str(held["chosen"]),
            proposed=held.get("proposed"),
            offered=tuple(held.get("offered") or ()),
        )
        await labelled_examples.keep_pick(
            turn.session,
            pick,
            text=str(held.get("text") or draft.text),
            citizen_id=turn.citizen_id,
            feedback_id=feedback_id,
            now=turn.now,
        )
    await labelled_examples.link_to_feedback(
        turn.session, draft.example_ids, feedback_id=feedback_id
    )
    draft.picks, draft.example_ids = [], []
