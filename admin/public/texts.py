"""The public page's words in Thai (first) and English."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from admin.dates import thai_day
from nlp.categories import english_name

DEFAULT_LANGUAGE = "th"

TH: dict[str, str] = {
    "site": "เสียง · ข้อมูลเปิดต่อสาธารณะ",
    "page": "{page} · เสียง",
    "skip": "ข้ามไปยังเนื้อหา",
    "other_language": "English",
    "index.heading": "เรื่องที่ประชาชนแจ้ง และผลการแก้ไข",
    "index.lead": "ตัวเลขจากทุกเรื่องที่ประชาชนแจ้งผ่านเสียง ไม่มีข้อมูลส่วนบุคคล "
    "และไม่มีพิกัดที่ตั้ง ข้อความตัวอย่างปิดข้อมูลส่วนบุคคลแล้ว",
    "province.heading": "จังหวัด{name}",
    "agency.heading": "{name}",
    "agency.in_province": "หน่วยงานในจังหวัด{name}",
    "back.index": "← ทุกจังหวัด",
    "back.province": "← จังหวัด{name}",
    "period": "เรื่องที่แจ้งระหว่าง {start} ถึง {end} อัปเดตทุก 5 นาที",
    "received": "ได้รับ",
    "resolved": "แก้ไขแล้ว",
    "confirmed": "ผู้แจ้งยืนยันว่าแก้ไขจริง",
    "reopened": "ผู้แจ้งเปิดเรื่องซ้ำ",
    "median": "ระยะเวลาแก้ไข (มัธยฐาน)",
    "satisfaction": "ความพึงพอใจ",
    "days": "{days} วัน",
    "score": "{score} / 5 ({ratings} คะแนน)",
    "ratings": "{ratings} คะแนน",
    "none": "-",
    "rows.provinces": "แยกตามจังหวัด",
    "rows.agencies": "แยกตามหน่วยงาน",
    "rows.name.provinces": "จังหวัด",
    "rows.name.agencies": "หน่วยงาน",
    "rows.empty": "ยังไม่มีเรื่องในช่วงนี้",
    "issues.heading": "เรื่องที่แจ้งมากที่สุด",
    "issues.count": "{count} เรื่อง",
    "issues.example": "ตัวอย่างข้อความ (ปิดข้อมูลส่วนบุคคล)",
    "issues.empty": "ยังไม่มีเรื่องในช่วงนี้",
    "consultations.heading": "ผลการรับฟังความคิดเห็น",
    "consultations.none": "ยังไม่มีการรับฟังความคิดเห็นที่ปิดและเผยแพร่ผล",
    "consultations.held": "การรับฟังความคิดเห็นที่จัด (52 สัปดาห์)",
    "consultations.published": "เผยแพร่ผลแล้ว (52 สัปดาห์)",
    "consultations.by_agency": "การรับฟังความคิดเห็นแยกตามหน่วยงาน",
    "consultations.agency": "หน่วยงาน",
    "consultations.results": "ผลล่าสุด",
    "consultations.by": "โดย{owner} · {areas} · ปิดเมื่อ {day}",
    "consultations.total": "ผู้ตอบ {total} คน",
    "consultations.option": "ตัวเลือก",
    "consultations.people": "ผู้ตอบ",
    "consultations.areas": "ผู้ตอบแยกตามพื้นที่",
    "consultations.themes": "ประเด็นจากคำตอบที่พิมพ์เอง ({count} คำตอบ)",
    "consultations.theme_count": "{count} คำตอบ",
    "consultations.example": "ตัวอย่างคำตอบ (ปิดข้อมูลส่วนบุคคล)",
    "surveys.results": "ผลแบบสอบถามล่าสุด",
    "surveys.total": "ผู้ตอบ {total} คน (ครบทุกข้อ {completed} คน)",
    "surveys.answered": "ตอบ {count} คน",
    "chart.table": "ดูเป็นตาราง",
    "about": "ตัวเลขนับจากฐานข้อมูลของเสียงโดยตรง เรื่องที่แจ้งซ้ำนับรวมด้วย "
    "ผู้แจ้งยืนยันหรือเปิดเรื่องซ้ำผ่านแชตหลังหน่วยงานแจ้งว่าแก้ไขแล้ว",
    "not_found.heading": "ไม่พบหน้านี้",
    "not_found.text": "ไม่มีจังหวัดหรือหน่วยงานนี้ในระบบ",
}

EN: dict[str, str] = {
    "site": "Siang · open figures",
    "page": "{page} · Siang",
    "skip": "Skip to the content",
    "other_language": "ไทย",
    "index.heading": "What citizens raised, and what was done",
    "index.lead": "Figures from every item citizens sent through Siang, with no personal data "
    "and no locations; the example texts have personal data masked.",
    "province.heading": "{name} province",
    "agency.heading": "{name}",
    "agency.in_province": "An agency in {name}",
    "back.index": "← All provinces",
    "back.province": "← {name}",
    "period": "Items reported from {start} to {end}; updated every 5 minutes",
    "received": "Received",
    "resolved": "Resolved",
    "confirmed": "Confirmed fixed by the citizen",
    "reopened": "Reopened by the citizen",
    "median": "Median time to resolve",
    "satisfaction": "Satisfaction",
    "days": "{days} days",
    "score": "{score} / 5 ({ratings} ratings)",
    "ratings": "{ratings} ratings",
    "none": "-",
    "rows.provinces": "Per province",
    "rows.agencies": "Per agency",
    "rows.name.provinces": "Province",
    "rows.name.agencies": "Agency",
    "rows.empty": "No items in this period yet",
    "issues.heading": "What was raised most",
    "issues.count": "{count} items",
    "issues.example": "An example (personal data masked)",
    "issues.empty": "No items in this period yet",
    "consultations.heading": "Consultation results",
    "consultations.none": "No consultation has closed and published its results yet.",
    "consultations.held": "Consultations held (52 weeks)",
    "consultations.published": "Results published (52 weeks)",
    "consultations.by_agency": "Consultations per agency",
    "consultations.agency": "Agency",
    "consultations.results": "Latest results",
    "consultations.by": "By {owner} · {areas} · closed {day}",
    "consultations.total": "{total} people answered",
    "consultations.option": "Option",
    "consultations.people": "People",
    "consultations.areas": "Answers per area",
    "consultations.themes": "Themes of the typed answers ({count} answers)",
    "consultations.theme_count": "{count} answers",
    "consultations.example": "An example answer (personal data masked)",
    "surveys.results": "Latest survey results",
    "surveys.total": "{total} people answered ({completed} every question)",
    "surveys.answered": "{count} answered",
    "chart.table": "Show as a table",
    "about": "Counted straight from Siang's database, repeated reports included. Citizens "
    "confirm a fix or reopen an item by chat after the agency reports it resolved.",
    "not_found.heading": "Page not found",
    "not_found.text": "There is no such province or agency here.",
}

CATALOGUES = {"th": TH, "en": EN}
LANGUAGES = tuple(CATALOGUES)


class PublicWords:
    """One language's words: `words("key", **values)`, categories, days and numbers."""

    def __init__(self, language: str, zone: ZoneInfo) -> None:
        self.language = language if language in CATALOGUES else DEFAULT_LANGUAGE
        self._words = CATALOGUES[self.language]
        self.zone = zone

    @property
    def other_language(self) -> str:
        return next(code for code in LANGUAGES if code != self.language)

    def __call__(self, key: str, **values: object) -> str:
        template = self._words.get(key) or TH[key]
        return template.format(**values) if values else template

    def category(self, label: str) -> str:
        return english_name(label) if self.language == "en" else label

    def day(self, moment: datetime) -> str:
        if self.language == "th":
            return thai_day(moment, self.zone)
        return f"{moment.astimezone(self.zone):%d %b %Y}"

    def number(self, value: int) -> str:
        return f"{value:,}"
