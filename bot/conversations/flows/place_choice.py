"""Where is it, when the NLP cannot say for sure: a name found in several areas (a subdistrict
name many provinces share), "อำเภอเมือง" with no province, or a text and a shared location that
disagree. The citizen answers with a button per area, by sharing a location, or by typing;
nothing is filed into a guessed province.
"""

from __future__ import annotations

import re

from bot.conversations.draft import CONFLICT, MUEANG, SEVERAL, Draft, option_code
from bot.conversations.turn import Turn
from nlp.analysis import MessageAnalysis, PlaceMatch, PlaceOption
from storage.repositories.areas import AreaRepository

BANGKOK = "10"  # its khet have no "อำเภอเมือง"
_MUEANG = re.compile(r"(?:อำเภอ|อ\.)\s?เมือง")
_PROVINCE_PREFIX = re.compile(r"^(?:จังหวัด|จ\.)\s*")
# A subdistrict named with its prefix: when the NLP still found no area, the name is shared by
# too many districts to offer (ต.บ้านใหม่) or is not one it knows.
_SUBDISTRICT_NAMED = re.compile(r"(?:ตำบล|ต\.)\s?[\u0e01-\u0e2e]")


def ask_key(draft: Draft) -> str:
    """How to ask where: after a subdistrict named alone, for its district and province (the
    citizen did say where, and is told why that is not enough)."""
    if draft.province_code is None and _SUBDISTRICT_NAMED.search(draft.text):
        return "report.ask_district_of_subdistrict"
    if draft.province_code is not None:  # "…ถนนมิตรภาพ โคราช": heard, the district is missing
        return "report.ask_district"
    return "report.ask_place"


async def _mueang(turn: Turn, province_code: str) -> PlaceOption | None:
    """The province's capital district (its code ends in 01 everywhere but Bangkok)."""
    if province_code == BANGKOK:
        return None
    areas = AreaRepository(turn.session)
    province = await areas.province(province_code)
    district = await areas.district(f"{province_code}01")
    if province is None or district is None:
        return None
    return PlaceOption(
        province=province.name_th,
        province_code=province.code,
        district=district.name_th,
        district_code=district.code,
    )


async def _settle(
    turn: Turn, draft: Draft, place: PlaceMatch, words: str
) -> PlaceMatch | PlaceOption | None:
    """The place to take from `place`, or None after setting up the question when it is not
    settled (several areas, a disagreement, or "อำเภอเมือง" with no province)."""
    if not place.settled:
        draft.ask_place(CONFLICT if place.conflict else SEVERAL, place.candidates)
        return None
    if place.district_code is None and (_MUEANG.search(words) or draft.place_question == MUEANG):
        mueang = await _mueang(turn, place.province_code) if place.province_code else None
        if mueang is None:
            draft.ask_place(MUEANG, ())
        return mueang
    return place


async def from_text(turn: Turn, draft: Draft, analysis: MessageAnalysis) -> None:
    """The place of a newly described message: taken when settled, otherwise asked about. A
    place the citizen typed or tapped is kept; one shared as a location is checked against the
    text."""
    pin_only = draft.has_location and not draft.location_text
    if draft.place_chosen and not pin_only:
        return
    if draft.has_location and await _against_pin(turn, draft, analysis.place):
        return
    found = await _settle(turn, draft, analysis.place, draft.text)
    if found is not None:
        draft.take_place(found)


async def from_location(turn: Turn, draft: Draft, *, answering: bool) -> bool:
    """A shared location. Answering "where?" it decides; otherwise it is checked against the
    place the text names. False when it lies nowhere known."""
    assert draft.latitude is not None and draft.longitude is not None
    if answering or not draft.text:
        pinned = (await turn.analyze("", draft.latitude, draft.longitude)).place.as_option()
        if pinned is None:
            return False
        draft.take_place(pinned)
        draft.place_chosen = True
        return True
    both = (await turn.analyze(draft.text, draft.latitude, draft.longitude)).place
    return await _against_pin(turn, draft, both)


async def _against_pin(turn: Turn, draft: Draft, both: PlaceMatch) -> bool:
    """Text and shared location together (`both`): a disagreement (the NLP's, or provinces that
    differ) is asked about; otherwise the pin's area is taken. False when the pin lies nowhere
    known."""
    assert draft.latitude is not None and draft.longitude is not None
    pinned = (await turn.analyze("", draft.latitude, draft.longitude)).place.as_option()
    named = (await turn.analyze(draft.location_text or draft.text)).place.as_option()
    disagree = (
        named is not None and pinned is not None and named.province_code != pinned.province_code
    )
    if both.conflict or disagree:
        options = both.candidates if both.conflict and both.candidates else (named, pinned)
        draft.ask_place(CONFLICT, [option for option in options if option is not None])
        draft.pin_code = option_code(pinned) if pinned else None
        return True
    if pinned is None:
        return False
    draft.take_place(pinned)
    draft.place_chosen = True
    return True


def choose(draft: Draft, code: str) -> bool:
    """A tapped area. After a disagreement, the shared location is dropped unless it lies in
    the area chosen (it would mislead officials and the duplicate check)."""
    for option in draft.options:
        if option_code(option) != code:
            continue
        pin = draft.pin_code
        if draft.place_question == CONFLICT and pin is not None and not pin.startswith(code):
            draft.latitude = draft.longitude = None
            draft.address = None
        draft.take_place(option)
        draft.place_chosen = True
        return True
    return False


async def _within_known_province(turn: Turn, message: str, province_code: str) -> PlaceMatch | None:
    """The answer read inside the province the citizen already named ("อ.เมือง" after
    "…เชียงใหม่ค่ะ" is เมืองเชียงใหม่); None when it names nothing settled there."""
    province = await AreaRepository(turn.session).province(province_code)
    if province is None:
        return None
    within = (await turn.analyze(f"{message} จังหวัด{province.name_th}")).place
    if within.settled and within.province_code == province_code and within.district_code:
        return within
    return None


async def _with_named_subdistrict(
    turn: Turn, draft: Draft, message: str, place: PlaceMatch
) -> PlaceMatch | None:
    """The district typed after "ต.บ้านใหม่" was named: the subdistrict of that name in it,
    when the report's text and the answer together settle on one."""
    if place.district_code is None or place.subdistrict_code is not None:
        return None
    if not _SUBDISTRICT_NAMED.search(draft.text):
        return None
    both = (await turn.analyze(f"{draft.text} {message}")).place
    if both.settled and both.district_code == place.district_code and both.subdistrict_code:
        return both
    return None


async def typed(turn: Turn, draft: Draft, message: str) -> bool:
    """A typed answer to "where?": True when the place is settled or asked again with new
    choices, False when nothing was found."""
    asked_mueang = draft.place_question == MUEANG
    pin = draft.pin_code if draft.place_question == CONFLICT else None
    place = (await turn.analyze(message)).place
    if pin is None and draft.province_code is not None and place.province_code is None:
        place = await _within_known_province(turn, message, draft.province_code) or place
    if pin is None:
        place = await _with_named_subdistrict(turn, draft, message, place) or place
    if place.province_code is None and asked_mueang:
        province = await AreaRepository(turn.session).province(
            _PROVINCE_PREFIX.sub("", message.strip())
        )
        if province is not None:
            place = PlaceMatch(province=province.name_th, province_code=province.code)
    if place.settled and place.province_code is None:
        return False  # nothing found: the same question stands
    found = await _settle(turn, draft, place, message)
    if found is None:
        return True  # asked again, with what this answer found
    if not draft.take_place(found):
        return False
    if (
        pin is not None
        and draft.province_code is not None
        and not pin.startswith(draft.province_code)
    ):
        draft.latitude = draft.longitude = None
        draft.address = None
    draft.location_text = message[:500]
    draft.place_chosen = True
    return True
