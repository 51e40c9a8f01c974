"""Siang's categories (`nlp.categories`) as Open311 services; statuses as Open311's open/closed."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.categories import CATEGORIES
from storage.models import FeedbackStatus


@dataclass(frozen=True)
class Open311Service:
    code: str
    category: str  # the category label as Siang stores it (Traffy's spelling)
    description: str
    group: str
    keywords: str


# service_code and group for each category label; the description is the category's gloss.
_CODES: dict[str, tuple[str, str, str]] = {
    "ถนน": ("road", "street", "ถนน, หลุม, ถนนพัง"),
    "ทางเท้า": ("sidewalk", "street", "ทางเท้า, ฟุตบาท"),
    "น้ำท่วม": ("flooding", "water", "น้ำท่วม, น้ำขัง"),
    "ท่อระบายน้ำ": ("drainage", "water", "ท่อระบายน้ำ, ฝาท่อ, ท่อตัน"),
    "ความสะอาด": ("cleanliness", "sanitation", "ขยะ, สกปรก, เก็บขยะ"),
    "สายไฟ": ("cables", "utilities", "สายไฟ, สายสื่อสาร, สายห้อย"),
    "กีดขวาง": ("obstruction", "street", "กีดขวาง, วางของ"),
    "จราจร": ("traffic", "street", "จราจร, รถติด, สัญญาณไฟ"),
    "สะพาน": ("bridge", "street", "สะพาน, สะพานลอย"),
    "ความปลอดภัย": ("safety", "safety", "อันตราย, จุดเสี่ยง, อุบัติเหตุ"),
    "ต้นไม้": ("trees", "sanitation", "ต้นไม้, กิ่งไม้, ตัดแต่ง"),
    "คลอง": ("canal", "water", "คลอง, ลำราง"),
    "สัตว์จรจัด": ("stray-animals", "safety", "หมาจรจัด, แมวจรจัด"),
    "แสงสว่าง": ("lighting", "street", "ไฟทาง, ไฟดับ, มืด"),
    "เสียงรบกวน": ("noise", "environment", "เสียงดัง, เสียงรบกวน"),
    "ไฟฟ้า": ("electricity", "utilities", "ไฟฟ้าดับ, หม้อแปลง"),
    "ประปา": ("water-supply", "utilities", "ประปา, น้ำไม่ไหล, ท่อแตก"),
    "ฝุ่นควัน&กลิ่น&PM2.5": ("air-pollution", "environment", "ฝุ่น, ควัน, กลิ่น, PM2.5"),
    "ผิดกฎจราจร": ("traffic-violation", "street", "จอดรถผิดที่, ย้อนศร"),
    "หาบเร่แผงลอย": ("street-vendors", "street", "หาบเร่, แผงลอย"),
    "ป้าย": ("signs", "street", "ป้าย, ป้ายโฆษณา"),
    "ทุจริต": ("corruption", "governance", "ทุจริต, สินบน"),
    "สาธารณสุข": ("public-health", "services", "โรงพยาบาล, อนามัย"),
    "การศึกษา": ("education", "services", "โรงเรียน, ครู"),
    "สวัสดิการสังคม": ("social-welfare", "services", "เบี้ยยังชีพ, ผู้สูงอายุ"),
    "เกษตร": ("agriculture", "services", "เกษตร, พืชผล"),
    "ขนส่งสาธารณะ": ("public-transport", "services", "รถเมล์, รถไฟ, เรือ"),
    "พฤติกรรมเจ้าหน้าที่": ("official-conduct", "governance", "เจ้าหน้าที่, ไม่สุภาพ"),
    "ที่ดิน": ("land", "services", "ที่ดิน, โฉนด, บุกรุก"),
    "สิ่งแวดล้อม": ("environment", "environment", "สิ่งแวดล้อม, มลพิษ"),
}


def _services() -> tuple[Open311Service, ...]:
    found: list[Open311Service] = []
    for info in CATEGORIES:
        code, group, keywords = _CODES.get(info.label, (f"category-{len(found) + 1}", "other", ""))
        found.append(Open311Service(code, info.label, info.gloss_en, group, keywords))
    found.append(Open311Service("other", "อื่นๆ", "anything else", "other", "อื่นๆ"))
    return tuple(found)


SERVICES = _services()
OTHER = SERVICES[-1]
BY_CODE = {s.code: s for s in SERVICES}
BY_CATEGORY = {s.category: s for s in SERVICES}
KNOWN_CATEGORIES = tuple(s.category for s in SERVICES if s is not OTHER)
# Reports about people (corruption, officials' conduct) are filed through Open311 but never
# listed publicly: even redacted, their details could identify who reported them.
UNLISTED_CATEGORIES = ("ทุจริต", "พฤติกรรมเจ้าหน้าที่")

CLOSED_STATUSES = frozenset(
    {FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED, FeedbackStatus.CLOSED}
)
OPEN_STATUSES = frozenset(FeedbackStatus) - CLOSED_STATUSES


def service_for(category: str | None) -> Open311Service:
    """The Open311 service an item appears under (uncategorised items are "other")."""
    return BY_CATEGORY.get(category or "", OTHER)


def open311_status(status: FeedbackStatus) -> str:
    return "closed" if status in CLOSED_STATUSES else "open"
