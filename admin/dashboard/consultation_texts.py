"""The consultation pages' words in Thai (first) and English; templates call them as `c`."""

from __future__ import annotations

from storage.models import ConsultationStatus

TH: dict[str, str] = {
    "nav": "รับฟังความคิดเห็น",
    "list.title": "การรับฟังความคิดเห็น",
    "list.heading": "การรับฟังความคิดเห็นและโพล",
    "list.lead": "ถามประชาชนในพื้นที่ผ่านแชต หนึ่งคนหนึ่งคำตอบ ดูผลแยกตามพื้นที่ได้ทันที",
    "list.empty": "ยังไม่มีการรับฟังความคิดเห็น",
    "list.name": "เรื่อง",
    "list.status": "สถานะ",
    "list.areas": "พื้นที่",
    "list.answers": "คำตอบ",
    "list.closes": "ปิดรับ",
    "status.draft": "ร่าง (ยังไม่ส่ง)",
    "status.published": "เปิดรับความคิดเห็น",
    "status.closed": "ปิดแล้ว เผยแพร่ผลแล้ว",
    "new.heading": "สร้างการรับฟังความคิดเห็นใหม่",
    "new.title": "ชื่อเรื่อง",
    "new.question": "คำถาม",
    "new.context": "ข้อมูลประกอบ (ไม่บังคับ)",
    "new.options": "ตัวเลือก (บรรทัดละหนึ่งตัวเลือก)",
    "new.options_hint": "2–10 ตัวเลือก หรือเว้นว่างถ้ารับเฉพาะคำตอบแบบพิมพ์เอง",
    "new.free_answer": "รับคำตอบที่ประชาชนพิมพ์เอง",
    "new.provinces": "จังหวัด (คั่นด้วยจุลภาค)",
    "new.provinces_hint": "เช่น เชียงใหม่, ลำพูน",
    "new.closes_at": "ปิดรับความคิดเห็นเมื่อ",
    "new.agency": "ในนามหน่วยงาน",
    "new.submit": "บันทึกเป็นร่าง",
    "new.needs": "กรอกชื่อเรื่อง คำถาม จังหวัด และวันปิดรับให้ครบ",
    "new.bad_time": "วันเวลาปิดรับไม่ถูกต้อง",
    "page.back": "← การรับฟังความคิดเห็นทั้งหมด",
    "page.owner": "เจ้าของเรื่อง",
    "page.areas": "พื้นที่",
    "page.published": "เผยแพร่เมื่อ",
    "page.closes": "ปิดรับ",
    "page.closed": "ปิดเมื่อ",
    "page.publish": "เผยแพร่ส่งถึงประชาชน",
    "page.publish_hint": "ส่งคำถามถึงประชาชนที่ขอรับข่าวในพื้นที่นี้ทาง LINE และ Telegram",
    "page.close": "ปิดรับและเผยแพร่ผล",
    "page.close_hint": "ผู้ตอบทุกคนได้รับสรุปผล และผลจะแสดงในหน้าสาธารณะและรายงานประจำสัปดาห์ของคณะกรรมการ",
    "page.close_confirm": "ปิดรับความคิดเห็นและเผยแพร่ผลเลยหรือไม่ (ย้อนกลับไม่ได้)",
    "page.done.created": "บันทึกร่างแล้ว ตรวจดูแล้วกดเผยแพร่เมื่อพร้อม",
    "page.done.published": "เผยแพร่แล้ว ส่งถึงประชาชน {queued} คน",
    "page.done.closed": "ปิดรับแล้ว ส่งสรุปผลถึงผู้ตอบ {queued} คน",
    "page.read_only": "คุณดูผลได้ แต่เฉพาะเจ้าของเรื่องเผยแพร่หรือปิดได้",
    "results.heading": "ผลล่าสุด",
    "results.final": "ผลสุดท้าย",
    "results.refresh": "อัปเดตผล",
    "results.as_of": "ข้อมูล ณ {moment}",
    "results.total": "ตอบแล้ว {total} คน · คำตอบแบบพิมพ์เอง {free} คน",
    "results.none": "ยังไม่มีผู้ตอบ",
    "chart.options.title": "คำตอบแยกตามตัวเลือก",
    "chart.options.desc": "ผู้ตอบ {total} คน",
    "chart.provinces.title": "คำตอบแยกตามจังหวัด",
    "chart.districts.title": "คำตอบแยกตามอำเภอ/เขต",
    "chart.areas.desc": "จำนวนผู้ตอบแต่ละตัวเลือกใน {count} พื้นที่",
    "chart.districts.desc": "ผู้ตอบที่ระบุอำเภอ/เขต {count} พื้นที่ (ผู้ที่รับข่าวทั้งจังหวัดไม่นับในกราฟนี้)",
    "chart.option": "ตัวเลือก",
    "chart.area": "พื้นที่",
    "chart.people": "คน",
    "chart.answers": "ผู้ตอบ",
    "chart.table": "ดูเป็นตาราง",
    "chart.empty": "ยังไม่มีผู้ตอบ",
    "themes.heading": "ประเด็นจากคำตอบที่พิมพ์เอง",
    "themes.count": "{count} คำตอบ",
    "themes.examples": "ตัวอย่างคำตอบ (ปิดข้อมูลส่วนบุคคลแล้ว)",
    "themes.none": "ยังไม่มีคำตอบแบบพิมพ์เอง",
    "not_found": "ไม่พบการรับฟังความคิดเห็นนี้ หรืออยู่นอกขอบเขตที่คุณดูได้",
}

EN: dict[str, str] = {
    "nav": "Consultations",
    "list.title": "Consultations",
    "list.heading": "Consultations and polls",
    "list.lead": "Ask the citizens of an area by chat, one answer each, and see the results by "
    "area as they come in",
    "list.empty": "No consultations yet",
    "list.name": "Consultation",
    "list.status": "Status",
    "list.areas": "Areas",
    "list.answers": "Answers",
    "list.closes": "Closes",
    "status.draft": "Draft (not sent)",
    "status.published": "Open for answers",
    "status.closed": "Closed, results published",
    "new.heading": "New consultation",
    "new.title": "Title",
    "new.question": "Question",
    "new.context": "Background (optional)",
    "new.options": "Options (one per line)",
    "new.options_hint": "2–10 options, or none to take typed answers only",
    "new.free_answer": "Take answers citizens type themselves",
    "new.provinces": "Provinces (separated by commas)",
    "new.provinces_hint": "e.g. Chiang Mai, Lamphun",
    "new.closes_at": "Closes at",
    "new.agency": "For the agency",
    "new.submit": "Save as a draft",
    "new.needs": "Give the title, the question, the provinces and the closing time",
    "new.bad_time": "The closing time is not a valid date and time",
    "page.back": "← All consultations",
    "page.owner": "Asked by",
    "page.areas": "Areas",
    "page.published": "Published",
    "page.closes": "Closes",
    "page.closed": "Closed",
    "page.publish": "Publish to citizens",
    "page.publish_hint": "Sends the question to the citizens who asked for news of these areas "
    "on LINE and Telegram",
    "page.close": "Close and publish the results",
    "page.close_hint": "Everyone who answered gets the summary; the results appear on the public "
    "page and in the boards' weekly digests",
    "page.close_confirm": "Close the consultation and publish its results now? This cannot be undone",
    "page.done.created": "Draft saved; check it, then publish when ready",
    "page.done.published": "Published; sent to {queued} citizens",
    "page.done.closed": "Closed; the summary was sent to {queued} citizens who answered",
    "page.read_only": "You can read the results; only the owner can publish or close it",
    "results.heading": "Live results",
    "results.final": "Final results",
    "results.refresh": "Refresh the results",
    "results.as_of": "As of {moment}",
    "results.total": "{total} people answered · {free} typed their own answer",
    "results.none": "Nobody has answered yet",
    "chart.options.title": "Answers by option",
    "chart.options.desc": "{total} people answered",
    "chart.provinces.title": "Answers by province",
    "chart.districts.title": "Answers by district",
    "chart.areas.desc": "People choosing each option in {count} areas",
    "chart.districts.desc": "Answers from {count} districts (subscribers of a whole province are "
    "not in this chart)",
    "chart.option": "Option",
    "chart.area": "Area",
    "chart.people": "people",
    "chart.answers": "Answers",
    "chart.table": "Show as a table",
    "chart.empty": "Nobody has answered yet",
    "themes.heading": "Themes of the typed answers",
    "themes.count": "{count} answers",
    "themes.examples": "Example answers (personal data masked)",
    "themes.none": "No typed answers yet",
    "not_found": "This consultation does not exist, or it is outside what you may see",
}

CATALOGUES = {"th": TH, "en": EN}


class ConsultationWords:
    """One language's words: `c("key", **values)` and a status's name (`c.status(status)`)."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGUES else "th"
        self._words = CATALOGUES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        template = self._words.get(key) or TH[key]
        return template.format(**values) if values else template

    def status(self, status: ConsultationStatus) -> str:
        return self(f"status.{status.value}")
