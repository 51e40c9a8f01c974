"""A district some mention in the text could mean, with the best evidence of each kind, and how
that evidence is weighed: when it is enough (`_enough`), how it ranks, and when a rival on the
other side of a border is as good (`_disputing`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nlp.gazetteer import Area, Level
from nlp.place_mentions import NEEDS_PREFIX, Mention, Strength


@dataclass(slots=True)
class _Candidate:
    district: Area
    district_mention: Mention | None = None
    subdistrict_mention: Mention | None = None
    subdistrict_code: str | None = None
    province_mention: Mention | None = None
    other_province_named: bool = False  # the text names a province (จ.…) this district is not in
    # the text names a province, bare or with จ., and none of them is this district's
    other_province_mentioned: bool = False


def _trusted_provinces(mentions: Iterable[Mention]) -> set[str]:
    """Codes of the provinces the text names, bare or with จังหวัด (not inside a landmark)."""
    return {code for m in mentions if _names_province(m) for code in m.codes}


def _names_province(m: Mention) -> bool:
    return m.level == Level.PROVINCE and m.strength >= Strength.PLAIN


def _asks(m: Mention) -> bool:
    """Could this mention be the place the text is about, were it not for its several
    readings? A district's name, bare or with its prefix, a subdistrict's with its prefix, or a
    landmark on a district border (สวนลุมพินี: ปทุมวัน, บางรัก or สาทร)."""
    if m.landmark is not None:
        return m.strength >= Strength.PLAIN and len(m.codes) > 1
    if m.level == Level.DISTRICT:
        return m.strength >= Strength.PLAIN
    return m.level == Level.SUBDISTRICT and m.strength == Strength.STRONG


def _spread(candidates: Iterable[_Candidate]) -> dict[tuple[Mention, str | None], int]:
    """How many districts each mention could mean, overall (key None) and within each province."""
    where: dict[Mention, list[Area]] = {}
    for c in candidates:
        for m in (c.district_mention, c.subdistrict_mention):
            if m is not None:
                where.setdefault(m, []).append(c.district)
    spread: dict[tuple[Mention, str | None], int] = {}
    for m, districts in where.items():
        spread[m, None] = len(districts)
        for d in districts:
            spread[m, d.province_code] = spread.get((m, d.province_code), 0) + 1
    return spread


def _enough(c: _Candidate, spread: dict[tuple[Mention, str | None], int]) -> bool:
    """Is there enough evidence for this district?

    * its name with its prefix word (เขตวัฒนา, อ.หางดง), or a bare Bangkok khet name (บางนา),
      or a bare provincial district with its province named, when no other district shares it;
    * a bare provincial district name marked `alone` (หาดใหญ่, ปากเกร็ด), or a landmark
      (มช., สนามบินสุวรรณภูมิ), when the text names no other province instead;
    * a landmark, road or soi named after a Bangkok khet (ตลาดบางแค, ถนนลาดกระบัง) when no
      other evidence in the text disagrees — such landmarks are mostly in the khet they are named
      after — except the names in `NEEDS_PREFIX` and roundabouts, canals, bridges and toll gates
      (วงเวียนบางเขน, คลองภาษีเจริญ: 2 of 6 right on the Traffy DEV tickets, they lie on borders);
    * a market, hospital, police station, school, station, village or mall's branch named after
      a provincial district (ตลาดโพธาราม, รพ.ท่าตูม: `place_context._LOCAL_WORDS`), when the name
      is `alone` or the district's province is named, and no other province is mentioned;
    * a landmark on a district border (สวนลุมพินี, with `across` districts) settles nothing alone:
      its districts are offered, and a subdistrict named or the shared location picks one;
    * any mention of it (a road name, a bare name) that a separately named subdistrict of it
      agrees with, or an ambiguous one (อ.เมือง) that the named province narrows to this one;
    * one of its subdistricts with a prefix (แขวงสีลม, ต.สุเทพ) when no other district has a
      subdistrict of that name, or when the province named narrows it to this one;
    * when the text names a province (จ.…) this district is not in, only the district's own
      name with its prefix is enough.
    """
    d, s, p = c.district_mention, c.subdistrict_mention, c.province_mention
    code = c.district.province_code
    if c.other_province_named:  # จ.ฉะเชิงเทรา named: only this district's own name can overrule
        return d is not None and d.strength == Strength.STRONG and spread[d, None] == 1
    if d is not None:
        if spread[d, None] == 1:
            if d.strength == Strength.STRONG:
                return True
            if d.strength == Strength.PLAIN:
                if d.alone or d.landmark is not None:
                    if not c.other_province_mentioned:
                        return True
                elif c.district.in_bangkok or p is not None:
                    return True
            if (
                d.strength == Strength.WEAK
                and c.district.in_bangkok
                and d.landmark is None
                and d.within in ("road", "landmark", "local")
                and _landmark_named(d)
            ):
                return True
            if (
                d.strength == Strength.WEAK
                and d.within == "local"
                and not c.district.in_bangkok
                and (d.alone or p is not None)
                and not c.other_province_mentioned
            ):
                return True  # ตลาดโพธาราม, รพ.ท่าตูม (with สุรินทร์): the town's own market, hospital
        if s is not None and s is not d and (d.landmark is None or _picks_a_side(s)):
            return True
        # the province counts where it picks one of several same-named districts (อ.เมือง
        # จ.เชียงใหม่); a Bangkok name with กทม says nothing more than the name alone
        if p is not None and spread[d, None] > 1 and spread[d, code] == 1:
            return True
    return (
        s is not None
        and s.strength == Strength.STRONG
        and (spread[s, None] == 1 or (p is not None and spread[s, code] == 1))
    )


def _disputing(best: _Candidate, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The other districts of the same province that the text names as places too, when only
    the district's own name speaks for the best one ("เขตภาษีเจริญติดบ้านพักคนชราบางแค",
    "จากสวนลุมพินีไปสวนเบญจกิติ"): the text then lies on or across a district border, and says
    no more than "one of these". A subdistrict of it named as well settles it (แขวงพญาไท
    เขตพญาไท ... ดินแดง); roads, canals and names after มุ่งหน้า dispute nothing."""
    own = best.subdistrict_mention
    if own is not None and own is not best.district_mention:
        return []
    return [
        c
        for c in candidates
        if c.district.code != best.district.code
        and c.district.province_code == best.district.province_code
        and c.district_mention is not None
        and c.district_mention is not best.district_mention
        and _names_a_place(c.district_mention)
    ]


def _names_a_place(m: Mention) -> bool:
    """Does this mention name a place the text is about: a district's name, bare or with its
    prefix, a landmark, or a landmark named after the district (สถานีตำรวจคันนายาว)?"""
    if m.aside:
        return False
    if m.strength >= Strength.PLAIN:
        return True
    return m.strength == Strength.WEAK and m.within in ("landmark", "local") and _landmark_named(m)


def _picks_a_side(s: Mention) -> bool:
    """Does this subdistrict mention say which side of the border a landmark's report is on? Not
    inside a road's name (ถ.สีลม … สวนลุมพินี), nor where traffic turns into (เลี้ยวเข้าสี่พระยา
    … หน้าวัดหัวลำโพง)."""
    return s.within is None and not s.aside


def _landmark_named(m: Mention) -> bool:
    return m.evidence not in NEEDS_PREFIX


def _score(c: _Candidate) -> int:
    score = 0
    if c.district_mention is not None:
        score += 2 * int(c.district_mention.strength)
    if c.subdistrict_mention is not None and c.subdistrict_mention is not c.district_mention:
        score += int(c.subdistrict_mention.strength)
    if c.province_mention is not None:
        score += 1
    return score


def _rank(c: _Candidate) -> tuple[int, int]:
    first = min(m.start for m in (c.district_mention, c.subdistrict_mention) if m)
    return _score(c), -first


def _same_words(a: _Candidate, b: _Candidate) -> bool:
    """Were the two districts read from the very same mentions?"""
    return (
        a.district_mention is b.district_mention and a.subdistrict_mention is b.subdistrict_mention
    )
