"""The volunteering pages' words in Thai (first) and English; templates call them as `v`."""

from __future__ import annotations

from typing import ClassVar

from admin.dashboard.consultation_texts import ConsultationWords

TH: dict[str, str] = {
    "list.title": "งานอาสา",
    "list.heading": "งานอาสาสมัคร",
    "list.lead": "งานอาสาของหน่วยงานคุณ ผู้สมัคร รายชื่อสำรอง และการบันทึกผู้มาร่วมงาน",
    "list.empty": "ยังไม่มีงานอาสา",
    "list.name": "งาน",
    "list.status": "สถานะ",
    "list.when": "วันเวลา",
    "list.places": "ได้ที่แล้ว / รับ",
    "list.waiting": "รอคิว",
    "status.draft": "ร่าง (ยังไม่ประกาศ)",
    "status.published": "เปิดรับสมัคร",
    "status.cancelled": "ยกเลิกแล้ว",
    "status.finished": "จบงานแล้ว",
    "person.confirmed": "ได้ที่",
    "person.waitlisted": "รอคิวที่ {position}",
    "person.cancelled": "ยกเลิกเอง",
    "person.attended": "มาร่วมงาน",
    "person.no_show": "ไม่มา",
    "page.back": "← งานอาสาทั้งหมด",
    "page.place": "สถานที่",
    "page.when": "วันเวลา",
    "page.requirements": "สิ่งที่ต้องเตรียม",
    "page.places": "ได้ที่ {taken} จาก {capacity} คน · รอคิว {waiting} คน",
    "people.heading": "ผู้สมัคร",
    "people.number": "ลำดับ",
    "people.status": "สถานะ",
    "people.contact": "ช่องทางติดต่อ",
    "people.signed_up": "สมัครเมื่อ",
    "people.came": "มาร่วมงาน",
    "people.none": "ยังไม่มีผู้สมัคร",
    "people.no_contact": "ไม่ได้ให้ไว้",
    "people.hidden": "รายชื่อผู้สมัครเห็นได้เฉพาะเจ้าหน้าที่ของหน่วยงานผู้จัด",
    "attendance.save": "บันทึกผู้มาร่วมงาน",
    "attendance.hint": "ติ๊กคนที่มา คนที่ไม่ได้ติ๊กจะบันทึกว่าไม่มา แก้ไขได้ภายหลัง",
    "attendance.done": "บันทึกผู้มาร่วมงานแล้ว",
    "not_found": "ไม่พบงานอาสานี้ หรืออยู่นอกขอบเขตที่คุณดูได้",
}

EN: dict[str, str] = {
    "list.title": "Volunteering",
    "list.heading": "Volunteer programmes",
    "list.lead": "Your agency's programmes, their sign-ups, waiting lists and attendance",
    "list.empty": "No volunteer programmes yet",
    "list.name": "Programme",
    "list.status": "Status",
    "list.when": "When",
    "list.places": "Taken / places",
    "list.waiting": "Waiting",
    "status.draft": "Draft (not announced)",
    "status.published": "Open for sign-ups",
    "status.cancelled": "Cancelled",
    "status.finished": "Finished",
    "person.confirmed": "Has a place",
    "person.waitlisted": "Waiting, number {position}",
    "person.cancelled": "Cancelled",
    "person.attended": "Came",
    "person.no_show": "Did not come",
    "page.back": "← All volunteer programmes",
    "page.place": "Place",
    "page.when": "When",
    "page.requirements": "What to bring",
    "page.places": "{taken} of {capacity} places taken · {waiting} waiting",
    "people.heading": "Sign-ups",
    "people.number": "No.",
    "people.status": "Status",
    "people.contact": "Contact",
    "people.signed_up": "Signed up",
    "people.came": "Came",
    "people.none": "Nobody has signed up yet",
    "people.no_contact": "Not given",
    "people.hidden": "Only the organising agency's officials see who signed up",
    "attendance.save": "Record attendance",
    "attendance.hint": "Tick those who came; the others are recorded as absent. You can change it later.",
    "attendance.done": "Attendance recorded",
    "not_found": "This programme does not exist, or it is outside what you may see",
}


class VolunteeringWords(ConsultationWords):
    """One language's words: `v("key", **values)` and a status's name (`v.status(status)`)."""

    catalogues: ClassVar[dict[str, dict[str, str]]] = {"th": TH, "en": EN}
