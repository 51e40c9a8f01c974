"""The dashboard's words, in Thai (first) and English: every label, heading and message its pages
and endpoints show. `words(language)` gives one language's; templates call it as `t`."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from admin.dates import thai_moment
from nlp.categories import english_name
from storage.models import ActorType, FeedbackKind, FeedbackStatus, Sentiment, Urgency, UserRole

DEFAULT_LANGUAGE = "th"

TH: dict[str, str] = {
    "app.name": "เสียง · ระบบเจ้าหน้าที่",
    "app.page": "{page} · เสียง",
    "nav.sign_out": "ออกจากระบบ",
    "nav.back": "← กลับไปที่รายการ",
    "nav.other_language": "English",
    "nav.charts": "กราฟ",
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
    "queue.search": "ค้นหาข้อความ",
    "queue.search_hint": "คำในเรื่อง",
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
    "act.heading": "ดำเนินการ",
    "act.confirm": "ยืนยันการเปลี่ยนสถานะนี้?",
    "act.new_status": "สถานะใหม่",
    "act.note": "บันทึกถึงผู้แจ้ง (จำเป็นเมื่อแก้ไขแล้วหรือไม่รับเรื่อง)",
    "act.save_status": "บันทึกสถานะ",
    "forward.heading": "ส่งต่อหน่วยงานอื่น",
    "forward.agency": "หน่วยงานปลายทาง (พิมพ์ชื่อหรือรหัส)",
    "forward.agency_example": "เช่น pea-50",
    "forward.reason": "เหตุผล",
    "forward.submit": "ส่งต่อ",
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
}

EN: dict[str, str] = {
    "app.name": "Siang · officials",
    "app.page": "{page} · Siang",
    "nav.sign_out": "Sign out",
    "nav.back": "← Back to the list",
    "nav.other_language": "ไทย",
    "nav.charts": "Charts",
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
    "queue.search": "Search the text",
    "queue.search_hint": "words in the item",
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
    "act.heading": "Act",
    "act.confirm": "Change to this status?",
    "act.new_status": "New status",
    "act.note": "Note to the citizen (required when resolving or rejecting)",
    "act.save_status": "Save the status",
    "forward.heading": "Forward to another agency",
    "forward.agency": "Agency (type its name or code)",
    "forward.agency_example": "e.g. pea-50",
    "forward.reason": "Reason",
    "forward.submit": "Forward",
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

    def category(self, label: str) -> str:
        return english_name(label) if self.language == "en" else label

    def when(self, moment: datetime | None) -> str:
        """Day/month/year and time where the deployment is: the Buddhist year in Thai."""
        if moment is None:
            return "-"
        if self.language == "th":
            return thai_moment(moment, self._zone)
        return f"{moment.astimezone(self._zone):%d/%m/%Y %H:%M}"
