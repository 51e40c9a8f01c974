"""The dashboard's words, in Thai (first) and English: every label, heading and message its pages
and endpoints show. `words(language)` gives one language's; templates call it as `t`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from admin.dates import thai_moment
from nlp.categories import english_name
from services.errors import SiangError
from storage.models import ActorType, FeedbackKind, FeedbackStatus, Sentiment, Urgency, UserRole

DEFAULT_LANGUAGE = "th"

TH: dict[str, str] = {
    "app.name": "เสียง · ระบบเจ้าหน้าที่",
    "app.page": "{page} · เสียง",
    "nav.sign_out": "ออกจากระบบ",
    "nav.back": "← กลับไปที่รายการ",
    "nav.other_language": "English",
    "nav.charts": "กราฟ",
    "nav.consultations": "รับฟังความคิดเห็น",
    "nav.volunteering": "งานอาสา",
    "status.received": "รับเรื่องแล้ว",
    "status.routed": "ส่งถึงหน่วยงาน",
    "status.accepted": "รับดำเนินการ",
    "status.in_progress": "กำลังดำเนินการ",
    "status.resolved": "แก้ไขแล้ว",
    "status.rejected": "ไม่รับเรื่อง",
    "status.forwarded": "ส่งต่อ",
    "status.closed": "ปิดเรื่อง",
    "kind.complaint": "ร้องเรียน",
    "kind.suggestion": "ข้อเสนอแนะ",
    "kind.opinion": "ความคิดเห็น",
    "kind.question": "สอบถาม",
    "kind.praise": "ชมเชย",
    "sentiment.positive": "บวก",
    "sentiment.neutral": "กลาง",
    "sentiment.negative": "ลบ",
    "urgency.low": "ไม่เร่งด่วน",
    "urgency.normal": "ปกติ",
    "urgency.high": "เร่งด่วน",
    "role.admin": "ผู้ดูแลระบบ",
    "role.official": "เจ้าหน้าที่",
    "role.board": "กรรมการ",
    "role.analyst": "นักวิเคราะห์",
    "actor.citizen": "ผู้แจ้ง",
    "actor.system": "ระบบ",
    "actor.official": "เจ้าหน้าที่",
    "login.title": "เข้าสู่ระบบ",
    "login.heading": "เข้าสู่ระบบเจ้าหน้าที่",
    "login.email": "อีเมล",
    "login.password": "รหัสผ่าน",
    "login.submit": "เข้าสู่ระบบ",
    "login.wrong": "อีเมลหรือรหัสผ่านไม่ถูกต้อง",
    "login.too_many": "พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณาลองใหม่ในอีก {minutes} นาที",
    "login.expired": "กรุณาเข้าสู่ระบบอีกครั้ง",
    "queue.title": "งานที่ได้รับ",
    "queue.heading": "เรื่องที่ได้รับ",
    "queue.overdue": "เกินกำหนด",
    "queue.overdue_mark": "(เกินกำหนด)",
    "queue.all": "ทั้งหมด",
    "queue.status": "สถานะ",
    "queue.kind": "ประเภท",
    "queue.category": "หมวด",
    "queue.category_example": "เช่น ถนน",
    "queue.province": "จังหวัด",
    "queue.province_hint": "ชื่อหรือรหัส",
    "queue.search": "ค้นหา",
    "queue.search_hint": "เลขที่เรื่อง (เช่น SG-…) หรือคำในเรื่อง",
    "queue.views": "มุมมองที่บันทึกไว้",
    "view.all": "ทั้งหมด",
    "view.mine": "งานของฉันที่ยังเปิดอยู่",
    "view.overdue": "เกินกำหนด",
    "view.urgent": "เร่งด่วน",
    "view.unassigned": "ยังไม่มีผู้รับผิดชอบ",
    "queue.export_csv": "ส่งออก CSV",
    "queue.export_xlsx": "ส่งออก Excel",
    "queue.urgent_mark": "เร่งด่วน",
    "queue.overdue_label": "เกินกำหนด",
    "queue.choose": "เลือก",
    "queue.choose_all": "เลือกทั้งหน้า",
    "queue.bulk": "ทำกับเรื่องที่เลือก",
    "queue.bulk_accept": "รับดำเนินการทั้งหมด",
    "queue.bulk_assign": "มอบหมายให้",
    "queue.bulk_assign_submit": "มอบหมาย",
    "queue.bulk_choose_colleague": "เลือกเจ้าหน้าที่",
    "queue.done": "ดำเนินการแล้ว {count} เรื่อง",
    "queue.forwarded": "ส่งต่อแล้ว",
    "queue.assigned": "ผู้รับผิดชอบ",
    "queue.shortcuts": "แป้นลัด: / ค้นหา · j / k เลื่อนลง/ขึ้น · Enter เปิดเรื่อง · x เลือกเรื่อง",
    "queue.only_overdue": "เฉพาะที่เกินกำหนด",
    "queue.filter": "กรอง",
    "queue.reference": "เลขที่",
    "queue.created": "วันที่แจ้ง",
    "queue.kind_category": "ประเภท / หมวด",
    "queue.area": "พื้นที่",
    "queue.agency": "หน่วยงาน",
    "queue.urgency": "ความเร่งด่วน",
    "queue.due": "ครบกำหนด",
    "queue.no_agency": "ยังไม่มี",
    "queue.empty": "ไม่มีเรื่องตามเงื่อนไขนี้",
    "queue.next_page": "หน้าถัดไป →",
    "item.heading": "เรื่อง {reference}",
    "item.category": "หมวด {category}",
    "item.urgency": "ความเร่งด่วน {urgency}",
    "item.sentiment": "ความรู้สึก {sentiment}",
    "item.language.en": "ข้อความเป็นภาษาอังกฤษ",
    "item.language.lo": "ข้อความเป็นภาษาลาว",
    "item.language.km": "ข้อความเป็นภาษาเขมร",
    "item.language.zh": "ข้อความเป็นภาษาจีน",
    "item.language.my": "ข้อความเป็นภาษาพม่า",
    "item.language.other": "ข้อความเป็นภาษาอื่น (ไม่ใช่ไทยหรืออังกฤษ)",
    "item.area": "พื้นที่:",
    "item.agency": "หน่วยงาน:",
    "item.created": "แจ้งเมื่อ {when}",
    "item.due": "ครบกำหนด",
    "item.original_text": "ข้อความของผู้แจ้ง",
    "item.location_text": "สถานที่ตามที่แจ้ง: {place}",
    "item.photos": "รูปภาพ",
    "item.photo": "รูปที่ {number}",
    "item.redacted_text": "ข้อความ (ปิดข้อมูลส่วนบุคคล)",
    "item.routing_reason": "เหตุผลที่ส่งถึงหน่วยงานนี้: {reason}",
    "item.followers": "มีผู้แจ้งเรื่องเดียวกันอีก {count} ราย",
    "item.saved": "บันทึกแล้ว",
    "item.map": "ตำแหน่งในอำเภอ",
    "item.map_label": "แผนที่อำเภอ{district} พร้อมจุดที่ผู้แจ้งปักไว้",
    "item.map_no_point": "ผู้แจ้งไม่ได้ปักหมุด แสดงเฉพาะเขตอำเภอ",
    "item.map_district": "อำเภอ{district} จังหวัด{province}",
    "item.map_point": "จุดสีแดงคือตำแหน่งที่ผู้แจ้งส่งมา",
    "item.coordinates": "พิกัด {latitude}, {longitude}",
    "item.rating": "ผู้แจ้งให้คะแนน {rating}/5",
    "item.rating_comment": "ความเห็นของผู้แจ้ง: {comment}",
    "item.no_rating": "ผู้แจ้งยังไม่ได้ให้คะแนน",
    "item.duplicates": "เรื่องซ้ำและผู้ติดตาม",
    "item.duplicate_of": "เรื่องนี้รวมเข้ากับ {reference} แล้ว",
    "item.assigned_to": "ผู้รับผิดชอบ: {email}",
    "item.unassigned": "ยังไม่มีผู้รับผิดชอบ",
    "item.after_photo": "รูปหลังแก้ไข",
    "assign.heading": "มอบหมายให้เพื่อนร่วมงาน",
    "assign.user": "เจ้าหน้าที่",
    "assign.submit": "มอบหมาย",
    "merge.heading": "รวมกับเรื่องอื่น (เรื่องซ้ำ)",
    "merge.into": "เลขที่เรื่องหลัก",
    "merge.note": "บันทึก (ผู้แจ้งจะเห็น)",
    "merge.submit": "รวมเรื่อง",
    "correct.heading": "แก้ไขหมวด ประเภท หรือสถานที่",
    "correct.hint": "การแก้ไขจะเก็บไว้เป็นตัวอย่างสำหรับฝึกระบบ และผู้แจ้งจะไม่ได้รับแจ้ง",
    "correct.district": "อำเภอ",
    "correct.submit": "บันทึกการแก้ไข",
    "notes.heading": "บันทึกภายใน",
    "notes.hint": "เห็นเฉพาะเจ้าหน้าที่ ผู้แจ้งจะไม่เห็นบันทึกนี้",
    "notes.text": "บันทึกภายใน",
    "notes.submit": "บันทึกภายใน",
    "notes.empty": "ยังไม่มีบันทึกภายใน",
    "internal.category_corrected": "แก้หมวดจาก {before} เป็น {after}",
    "internal.kind_corrected": "แก้ประเภทจาก {before} เป็น {after}",
    "internal.place_corrected": "แก้สถานที่จาก {before} เป็น {after}",
    "act.heading": "ดำเนินการ",
    "act.confirm": "ยืนยันการเปลี่ยนสถานะนี้?",
    "act.new_status": "สถานะใหม่",
    "act.note": "ข้อความถึงผู้แจ้ง (จำเป็นเมื่อแก้ไขแล้วหรือไม่รับเรื่อง)",
    "act.note_warning": "ผู้แจ้งจะได้รับข้อความนี้ทางแชททันทีที่บันทึก",
    "act.photos": "รูปหลังแก้ไข (ส่งถึงผู้แจ้งด้วย)",
    "act.choose_photos": "เลือกรูป",
    "act.no_photos": "ยังไม่ได้เลือกรูป",
    "act.save_status": "บันทึกสถานะ",
    "forward.heading": "ส่งต่อหน่วยงานอื่น",
    "forward.agency": "หน่วยงานปลายทาง (พิมพ์ชื่อหรือรหัส)",
    "forward.agency_example": "เช่น pea-50",
    "forward.reason": "เหตุผล",
    "forward.submit": "ส่งต่อ",
    "forward.suggested": "ตามหมวดและพื้นที่ของเรื่องตอนนี้ กฎการส่งต่อชี้ไปที่ {agency} ({code}) ส่งต่อพร้อมเหตุผล หรือเก็บไว้ที่หน่วยงานนี้ก็ได้",
    "history.heading": "ประวัติ",
    "history.when": "เวลา",
    "history.from": "จาก",
    "history.to": "เป็น",
    "history.by": "โดย",
    "history.note": "บันทึก",
    "not_found.title": "ไม่พบเรื่อง",
    "not_found.heading": "ไม่พบเรื่องนี้",
    "not_found.text": "เรื่องนี้ไม่มีอยู่ หรืออยู่นอกหน่วยงานที่คุณดูแล",
    "error.no_status": "ไม่มีสถานะ {status}",
    "error.no_kind": "ไม่มีประเภท {kind}",
    "error.form_expired": "แบบฟอร์มหมดอายุ กรุณาลองอีกครั้ง",
    "error.forward_needs": "ระบุรหัสหน่วยงานปลายทางและเหตุผลที่ส่งต่อ",
    "error.no_view": "ไม่มีมุมมอง {view}",
    "error.note_needs": "พิมพ์บันทึกก่อนกดบันทึก",
    "problem.not_found": "ไม่พบสิ่งที่ระบุ หรืออยู่นอกหน่วยงานที่คุณดูแล",
    "problem.conflict": "ทำรายการนี้ไม่ได้กับเรื่องในสถานะตอนนี้ หรือมีผู้อื่นแก้ไขไปก่อน",
    "problem.invalid_input": "ข้อมูลไม่ครบหรือไม่ถูกต้อง",
    "problem.forbidden": "คุณไม่มีสิทธิ์ทำรายการนี้",
    "problem.other": "ทำรายการไม่สำเร็จ",
    "problem.detail": "{summary} ({detail})",
}

EN: dict[str, str] = {
    "app.name": "Siang · officials",
    "app.page": "{page} · Siang",
    "nav.sign_out": "Sign out",
    "nav.back": "← Back to the list",
    "nav.other_language": "ไทย",
    "nav.charts": "Charts",
    "nav.consultations": "Consultations",
    "nav.volunteering": "Volunteering",
    "status.received": "received",
    "status.routed": "sent to the agency",
    "status.accepted": "accepted",
    "status.in_progress": "in progress",
    "status.resolved": "resolved",
    "status.rejected": "rejected",
    "status.forwarded": "forwarded",
    "status.closed": "closed",
    "kind.complaint": "complaint",
    "kind.suggestion": "suggestion",
    "kind.opinion": "opinion",
    "kind.question": "question",
    "kind.praise": "praise",
    "sentiment.positive": "positive",
    "sentiment.neutral": "neutral",
    "sentiment.negative": "negative",
    "urgency.low": "not urgent",
    "urgency.normal": "normal",
    "urgency.high": "urgent",
    "role.admin": "administrator",
    "role.official": "official",
    "role.board": "board member",
    "role.analyst": "analyst",
    "actor.citizen": "citizen",
    "actor.system": "system",
    "actor.official": "official",
    "login.title": "Sign in",
    "login.heading": "Officials' sign-in",
    "login.email": "E-mail",
    "login.password": "Password",
    "login.submit": "Sign in",
    "login.wrong": "Wrong e-mail or password",
    "login.too_many": "Too many sign-in attempts; please try again in {minutes} minutes",
    "login.expired": "Please sign in again",
    "queue.title": "Work received",
    "queue.heading": "Items received",
    "queue.overdue": "overdue",
    "queue.overdue_mark": "(overdue)",
    "queue.all": "all",
    "queue.status": "Status",
    "queue.kind": "Kind",
    "queue.category": "Category",
    "queue.category_example": "e.g. ถนน",
    "queue.province": "Province",
    "queue.province_hint": "name or code",
    "queue.search": "Search",
    "queue.search_hint": "a reference (SG-…) or words in the item",
    "queue.views": "Saved views",
    "view.all": "all",
    "view.mine": "my open items",
    "view.overdue": "overdue",
    "view.urgent": "urgent",
    "view.unassigned": "unassigned",
    "queue.export_csv": "Export CSV",
    "queue.export_xlsx": "Export Excel",
    "queue.urgent_mark": "urgent",
    "queue.overdue_label": "overdue",
    "queue.choose": "Choose",
    "queue.choose_all": "Choose the whole page",
    "queue.bulk": "With the chosen items",
    "queue.bulk_accept": "Accept them all",
    "queue.bulk_assign": "Give them to",
    "queue.bulk_assign_submit": "Assign",
    "queue.bulk_choose_colleague": "choose an official",
    "queue.done": "{count} items done",
    "queue.forwarded": "Forwarded",
    "queue.assigned": "Assigned to",
    "queue.shortcuts": "Keys: / search · j / k down/up · Enter open · x choose",
    "queue.only_overdue": "overdue only",
    "queue.filter": "Filter",
    "queue.reference": "Reference",
    "queue.created": "Reported",
    "queue.kind_category": "Kind / category",
    "queue.area": "Area",
    "queue.agency": "Agency",
    "queue.urgency": "Urgency",
    "queue.due": "Due",
    "queue.no_agency": "none yet",
    "queue.empty": "No items match these filters",
    "queue.next_page": "Next page →",
    "item.heading": "Item {reference}",
    "item.category": "category {category}",
    "item.urgency": "urgency {urgency}",
    "item.sentiment": "sentiment {sentiment}",
    "item.language.en": "written in English",
    "item.language.lo": "written in Lao",
    "item.language.km": "written in Khmer",
    "item.language.zh": "written in Chinese",
    "item.language.my": "written in Burmese",
    "item.language.other": "written in another language (not Thai or English)",
    "item.area": "Area:",
    "item.agency": "Agency:",
    "item.created": "Reported {when}",
    "item.due": "due",
    "item.original_text": "The citizen's words",
    "item.location_text": "Place as given: {place}",
    "item.photos": "Photos",
    "item.photo": "Photo {number}",
    "item.redacted_text": "Text (personal data masked)",
    "item.routing_reason": "Why it went to this agency: {reason}",
    "item.followers": "{count} more people reported the same problem",
    "item.saved": "Saved",
    "item.map": "Where in the district",
    "item.map_label": "Map of {district} district with the point the citizen shared",
    "item.map_no_point": "The citizen shared no point; only the district is drawn",
    "item.map_district": "{district} district, {province}",
    "item.map_point": "The red dot is where the citizen was",
    "item.coordinates": "Coordinates {latitude}, {longitude}",
    "item.rating": "The citizen rated it {rating}/5",
    "item.rating_comment": "The citizen's comment: {comment}",
    "item.no_rating": "Not rated yet",
    "item.duplicates": "Duplicates and followers",
    "item.duplicate_of": "This item was merged into {reference}",
    "item.assigned_to": "Assigned to {email}",
    "item.unassigned": "Not assigned yet",
    "item.after_photo": "After the work",
    "assign.heading": "Give it to a colleague",
    "assign.user": "Official",
    "assign.submit": "Assign",
    "merge.heading": "Merge into another item (a duplicate)",
    "merge.into": "Reference of the main item",
    "merge.note": "Note (the citizen will see it)",
    "merge.submit": "Merge",
    "correct.heading": "Correct the category, kind or place",
    "correct.hint": "Corrections are kept as examples to retrain the system; the citizen is not told",
    "correct.district": "District",
    "correct.submit": "Save the correction",
    "notes.heading": "Internal notes",
    "notes.hint": "Only officials see these; the citizen never does",
    "notes.text": "Internal note",
    "notes.submit": "Add the internal note",
    "notes.empty": "No internal notes yet",
    "internal.category_corrected": "Category corrected from {before} to {after}",
    "internal.kind_corrected": "Kind corrected from {before} to {after}",
    "internal.place_corrected": "Place corrected from {before} to {after}",
    "act.heading": "Act",
    "act.confirm": "Change to this status?",
    "act.new_status": "New status",
    "act.note": "Message to the citizen (required when resolving or rejecting)",
    "act.note_warning": "The citizen receives this message in their chat as soon as you save",
    "act.photos": "Photos after the work (sent to the citizen too)",
    "act.choose_photos": "Choose photos",
    "act.no_photos": "No photo chosen",
    "act.save_status": "Save the status",
    "forward.heading": "Forward to another agency",
    "forward.agency": "Agency (type its name or code)",
    "forward.agency_example": "e.g. pea-50",
    "forward.reason": "Reason",
    "forward.submit": "Forward",
    "forward.suggested": "With its category and place as they are now, the routing rules send this item to {agency} ({code}). Forward it with a reason, or keep it here.",
    "history.heading": "History",
    "history.when": "When",
    "history.from": "From",
    "history.to": "To",
    "history.by": "By",
    "history.note": "Note",
    "not_found.title": "Not found",
    "not_found.heading": "Item not found",
    "not_found.text": "This item does not exist, or it is outside the agencies you work for",
    "error.no_status": "There is no status {status}",
    "error.no_kind": "There is no kind {kind}",
    "error.form_expired": "The form has expired; please try again",
    "error.forward_needs": "Give the agency's code and the reason for forwarding",
    "error.no_view": "There is no view {view}",
    "error.note_needs": "Type the note before saving it",
    "problem.not_found": "Not found, or outside the agencies you work for",
    "problem.conflict": "This cannot be done to the item as it stands now, or someone changed it first",
    "problem.invalid_input": "Something is missing or not right",
    "problem.forbidden": "You may not do this",
    "problem.other": "That did not work",
    "problem.detail": "{summary} ({detail})",
}

CATALOGUES: dict[str, dict[str, str]] = {"th": TH, "en": EN}
LANGUAGES = tuple(CATALOGUES)
_NAMED: dict[type[StrEnum], str] = {
    FeedbackStatus: "status",
    FeedbackKind: "kind",
    Sentiment: "sentiment",
    Urgency: "urgency",
    UserRole: "role",
    ActorType: "actor",
}


class DashboardWords:
    """One language's words: `t("key", **values)`, and the names of statuses, kinds and the
    like (`t.name(item.status)`), categories (`t.category(label)`) and times (`t.when(moment)`)."""

    def __init__(self, language: str, zone: ZoneInfo) -> None:
        self.language = language if language in CATALOGUES else DEFAULT_LANGUAGE
        self._words = CATALOGUES[self.language]
        self._zone = zone

    def __call__(self, key: str, **values: object) -> str:
        template = self._words.get(key) or TH[key]
        return template.format(**values) if values else template

    def name(self, value: StrEnum) -> str:
        """A status, kind, sentiment, urgency, role or actor type as the reader says it."""
        return self(f"{_NAMED[type(value)]}.{value.value}")

    def written_in(self, language: str) -> str:
        """ "ข้อความเป็นภาษาลาว": the language a citizen wrote in, so an official knows to
        read it with a translator (any language without its own name is "another language")."""
        key = f"item.language.{language}"
        return self(key if key in TH else "item.language.other")

    def category(self, label: str) -> str:
        return english_name(label) if self.language == "en" else label

    def when(self, moment: datetime | None) -> str:
        """Day/month/year and time where the deployment is: the Buddhist year in Thai."""
        if moment is None:
            return "-"
        if self.language == "th":
            return thai_moment(moment, self._zone)
        return f"{moment.astimezone(self._zone):%d/%m/%Y %H:%M}"

    def problem(self, error: SiangError) -> str:
        """A refusal in the reader's language, with the service's own words for the details
        (which rule, which item) an official can act on."""
        known = {"not_found", "conflict", "invalid_input", "forbidden"}
        summary = self(f"problem.{error.code}" if error.code in known else "problem.other")
        if self.language == "th" and _is_thai(error.message):
            return error.message  # already the reader's words (the dashboard's own checks)
        return self("problem.detail", summary=summary, detail=error.message)

    def internal(self, facts: Mapping[str, Any]) -> str:
        """What the system recorded in an internal note (a correction), in the reader's words."""
        code = str(facts.get("code"))
        values = {name: self._fact(code, facts.get(name)) for name in ("before", "after")}
        key = f"internal.{code}"
        return self(key, **values) if key in TH else code

    def _fact(self, code: str, value: object) -> str:
        if value is None:
            return "-"
        if isinstance(value, Mapping):  # a name kept in both languages
            return str(value.get(self.language) or value.get(DEFAULT_LANGUAGE) or "-")
        if code == "kind_corrected" and value in set(FeedbackKind):
            return self.name(FeedbackKind(str(value)))
        if code == "category_corrected":
            return self.category(str(value))
        return str(value)


def _is_thai(text: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in text)
