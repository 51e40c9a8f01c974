"""Numbers that point at one person in an institution's records: a room in a condominium or
a dormitory ("ห้อง 1204"), a student's number ("รหัสนักศึกษา 6401234567") and a hospital
number ("HN 45-123456"). With the building or the hospital named beside them they are as
telling as a house number, so they are masked for everyone below the agency's officials; the
word before each stays, so the reader still knows what was there.

Only right after the word that says so: "ห้องประชุม 301", "ค่าห้อง 3000 บาท", "รหัสไปรษณีย์
10110" and "ห้อง 3" (a classroom) stay."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

# A room: ห้อง (ห้องพัก, ห้องเลขที่) and 3 or 4 digits, not a price nor a count after it, not
# ค่าห้อง (the rent). Also "room 1204".
_ROOM = re.compile(
    r"(?:(?<![ก-๙])|(?<=ที่)|(?<=อยู่)|(?<=เช่า)|(?<=คนใน))(?:ห้อง(?:พัก)?(?:เลขที่)?|room(?: no\.?)?) ?:? ?"
    r"(?P<number>\d{3,4}(?:/\d{1,2})?)(?![\d.,:/])(?! ?(?:บาท|฿|ห้อง|คน|ตร\.|ตาราง|baht))",
    re.I,
)
# A student's number after the word for it (4 to 13 digits), or after a bare รหัส when it is
# longer than any postcode or code a complaint quotes (8 or more digits, "ผมรหัส 65123456789").
_STUDENT = re.compile(
    r"รหัส ?(?:ประจำตัว)? ?(?:นักศึกษา|นักเรียน|นศ\.?|นร\.?)(?: ?(?:คือ|เลขที่))? ?:? ?"
    r"(?P<number>\d{4,13})(?!\d)"
    r"|(?<![ก-๙])(?:ผม|หนู|ฉัน|ดิฉัน|ลูก)?รหัส ?:? ?(?P<long>\d{8,13})(?!\d)"
)
# A hospital number (HN, and AN for an admission): "HN 45-123456", "HN0054321", "HN: 1234567".
_HOSPITAL = re.compile(r"(?<![A-Za-z])(?:HN|AN|H\.N\.)\.? ?:? ?(?P<number>\d[\d-]{3,12}\d)(?!\d)")


def record_numbers(text: str) -> list[PersonalDataSpan]:
    """The numbers (not the words before them) of rooms, students and hospital records; each
    pattern runs only when its word is in the text (plain substring tests, the cheapest)."""
    found = []
    if "ห้อง" in text or "oom" in text:
        found += [
            PersonalDataSpan(PersonalDataKind.HOUSE_NUMBER, m.start("number"), m.end("number"))
            for m in _ROOM.finditer(text)
        ]
    if "รหัส" in text:
        for m in _STUDENT.finditer(text):
            group = "number" if m.group("number") else "long"
            span = PersonalDataSpan(PersonalDataKind.RECORD_NUMBER, m.start(group), m.end(group))
            found.append(span)
    if "N" in text:
        found += [
            PersonalDataSpan(PersonalDataKind.RECORD_NUMBER, m.start("number"), m.end("number"))
            for m in _HOSPITAL.finditer(text)
        ]
    return found
