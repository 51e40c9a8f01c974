"""House numbers, in an address's shapes (บ้านเลขที่ 45/2, 99/123 หมู่ 4)."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# A house number is where a citizen lives: masked in the redacted text, which everyone below the
# responsible agency's officials reads (the officials and the place finder read the original).
# The village (หมู่), soi, road and subdistrict after it stay. Only in an address's shapes:
# after บ้านเลขที่ (also misspelt บ้านเลขที, บ้านเลข, shortened บ.เลขที่, turned เลขที่บ้าน), after เลขที่ when an address word follows
# (not "สัญญาเลขที่ 12/2566", "โฉนดเลขที่ …"), a number with a slash before หมู่ or ม. ("99/123
# หมู่ 4", not "ม.2/3", a school class), and in English after "house" ("house 88/9 Moo 2").
# "บ้านเลขที่26/หมู่ที่7" ends at 26; a comma or a full stop may follow ("house 88/1, Soi …")
_HOUSE = r"\d{1,5}(?:/\d{1,4})?(?!\d|[.,:]\d|/\d)"
_ADDRESS_AFTER = (
    r" ?(?:หมู่(?!บ้าน)|ม\.|ซอย|ซ\.|ถนน|ถ\.|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|moo\b|soi\b|road\b|rd\b)"
)
_HOUSE_NUMBER = re.compile(
    rf"(?:บ้าน|บ\.) ?เลข(?:ที่|ที)? ?(?:บ้าน)? ?[:.]? ?{_HOUSE}|(?<![ก-๙])เลขที่บ้าน ?[:.]? ?{_HOUSE}"
    rf"|(?:(?<![ก-๙])|(?<=อยู่))เลขที่ ?[:.]? ?{_HOUSE}(?={_ADDRESS_AFTER})"
    rf"|บ้าน ?\d{{1,5}}/\d{{1,4}}(?![\d/.,:])(?={_ADDRESS_AFTER})"
    # after บ้าน and a space, a number with a slash is the house's wherever it stands ("บ้าน
    # 45/12 คุ้มวัดกลาง"), not a count of houses nor a year ("บ้าน 2/3 หลัง", "…/2568")
    rf"|(?<![ก-๙])บ้าน \d{{1,4}}/(?!25\d\d|20\d\d)\d{{1,4}}(?![\d/.,:])(?! ?(?:หลัง|คน|ครัว))"
    # Bare, only before the village: "ซอยลาดกระบัง14/1 ถนน…" is a soi, "58/4 ม.2" a house.
    rf"|(?<![\d/.\-])(?<!\d,)\d{{1,5}}/\d{{1,4}}(?![\d/.,:])(?= ?(?:หมู่(?!บ้าน)|ม\.|moo\b))"
    rf"|(?<![A-Za-z])(?:house|home)(?: ?(?:no\.?|number|#))? ?:? ?{_HOUSE}",
    re.I,
)
_HOUSE_TRIGGER = re.compile("บ้าน|เลขที่|/|house|home", re.I)
# Before a number with a slash, a word that makes it a soi's, a contract's or a date.
# The word may carry a name glued on ("ซอยพหลโยธิน 54/1", "ประชาราษฎร์สาย1/38").
_NOT_A_HOUSE_BEFORE = re.compile(r"(?:ซอย|ซ\.|soi|สาย|วันที่|(?<!บ้าน)เลขที่)[^\s\d]{0,24} ?$", re.I)


def _house_numbers(text: str) -> list[PersonalDataSpan]:
    found = []
    for m in _HOUSE_NUMBER.finditer(text):
        bare = m.group()[:1].isdigit()
        if bare and _NOT_A_HOUSE_BEFORE.search(text, max(0, m.start() - 32), m.start()):
            continue
        found.append(PersonalDataSpan(PersonalDataKind.HOUSE_NUMBER, m.start(), m.end()))
    return found
