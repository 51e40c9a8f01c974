"""Who to call now: the emergency lines for the dangers the NLP found in a message.

Filing a report is not an emergency call. When a message is urgent (danger to life or property
now) the chat first tells the citizen which number to ring, from `nlp.analysis.Hazard`: fire and
rescue 199, police 191, emergency medical care 1669, disaster relief (ปภ.) 1784, and for a live
wire the electricity authority of the area (MEA 1130 in Bangkok, Nonthaburi and Samut Prakan,
PEA 1129 elsewhere; both when the area is not known yet). Someone answered in English (a tourist,
an expat, a migrant worker writing a language the chat does not read) is also given the Tourist
Police, 1155, whose operators speak English and other languages day and night: the Thai lines
may not understand them. Someone about to take their own life (`nlp.self_harm`) is also given
the Department of Mental Health's hotline, 1323, after emergency medical care.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from nlp.analysis import Hazard
from storage.reference_data import METROPOLITAN_AREA


class EmergencyLine(StrEnum):
    FIRE_RESCUE = "fire_rescue"
    POLICE = "police"
    MEDICAL = "medical"
    DISASTER = "disaster"
    MEA = "mea"
    PEA = "pea"
    TOURIST_POLICE = "tourist_police"
    MENTAL_HEALTH = "mental_health"


NUMBERS: dict[EmergencyLine, str] = {
    EmergencyLine.FIRE_RESCUE: "199",
    EmergencyLine.POLICE: "191",
    EmergencyLine.MEDICAL: "1669",
    EmergencyLine.DISASTER: "1784",
    EmergencyLine.MEA: "1130",
    EmergencyLine.PEA: "1129",
    EmergencyLine.TOURIST_POLICE: "1155",
    EmergencyLine.MENTAL_HEALTH: "1323",
}

_ELECTRICITY = object()  # stands for "the area's electricity authority"
_BY_HAZARD: dict[str, tuple[EmergencyLine | object, ...]] = {
    Hazard.LIVE_WIRE: (_ELECTRICITY, EmergencyLine.FIRE_RESCUE),
    Hazard.FIRE: (EmergencyLine.FIRE_RESCUE,),
    Hazard.GAS_LEAK: (EmergencyLine.FIRE_RESCUE,),
    Hazard.COLLAPSE: (EmergencyLine.FIRE_RESCUE, EmergencyLine.MEDICAL),
    Hazard.TRAPPED: (EmergencyLine.FIRE_RESCUE,),
    Hazard.INJURED: (EmergencyLine.MEDICAL,),
    Hazard.DROWNING: (EmergencyLine.MEDICAL, EmergencyLine.FIRE_RESCUE),
    Hazard.MISSING_PERSON: (EmergencyLine.POLICE,),
    Hazard.FLOOD_RISING: (EmergencyLine.DISASTER, EmergencyLine.FIRE_RESCUE),
    Hazard.EVACUATION: (EmergencyLine.DISASTER, EmergencyLine.FIRE_RESCUE),
    Hazard.VIOLENCE: (EmergencyLine.POLICE,),
}
# Urgent, but no hazard named: the three numbers everyone should know.
_ANY_DANGER = (EmergencyLine.POLICE, EmergencyLine.FIRE_RESCUE, EmergencyLine.MEDICAL)


def _electricity(province_code: str | None) -> tuple[EmergencyLine, ...]:
    if province_code is None:
        return (EmergencyLine.MEA, EmergencyLine.PEA)
    if province_code in METROPOLITAN_AREA:
        return (EmergencyLine.MEA,)
    return (EmergencyLine.PEA,)


def lines_to_call(
    hazards: Iterable[str],
    *,
    province_code: str | None,
    foreigner: bool = False,
    self_harm: bool = False,
) -> list[EmergencyLine]:
    """The lines to ring now, most relevant first, each once; with `self_harm` the mental
    health hotline after emergency medical care; for a `foreigner` (answered in English) the
    Tourist Police last, who can take the call in their language."""
    lines: list[EmergencyLine] = []
    for hazard in hazards:
        for line in _BY_HAZARD.get(hazard, ()):
            found = _electricity(province_code) if line is _ELECTRICITY else (line,)
            lines += [one for one in found if isinstance(one, EmergencyLine) and one not in lines]
    lines = lines or list(_ANY_DANGER)
    if self_harm:
        medical = [EmergencyLine.MEDICAL] if EmergencyLine.MEDICAL not in lines else []
        at = lines.index(EmergencyLine.MEDICAL) + 1 if not medical else 0
        lines = [*lines[:at], *medical, EmergencyLine.MENTAL_HEALTH, *lines[at:]]
    return [*lines, EmergencyLine.TOURIST_POLICE] if foreigner else lines
