"""Whether a message speaks of someone taking their own life: then the chat gives the mental
health hotline (1323) beside emergency medical care. Urgency names such a danger `violence` or
`injured` (a danger to life with no hazard of its own); this says which kind it is, by the same
cues urgency reads for it (`nlp.hazard_cues.SELF_HARM`, and the farewells, heights and poisons
of `nlp.hazard_cues_behind_doors`), so it is asked only of a message already rated urgent."""

from __future__ import annotations

import re

from nlp.analysis import Hazard
from nlp.hazard_cues import SELF_HARM
from nlp.hazard_cues_behind_doors import CUES_BEHIND_DOORS
from nlp.normalise import normalise

_SELF_HARM = re.compile("|".join((*SELF_HARM, *CUES_BEHIND_DOORS[Hazard.INJURED])))


def speaks_of_self_harm(text: str) -> bool:
    """Whether `text` names a threat or an act of taking one's own life."""
    return _SELF_HARM.search(normalise(text).lower()) is not None
