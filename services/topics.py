"""The civic topics a consultation or survey is about, and a citizen may choose to hear about.

Few enough to fit one row of chat buttons (ten, with "ทุกเรื่อง" and "ยกเลิก": LINE shows 13
quick replies), and each covers NLP categories (`nlp.categories.LABELS`), so what a citizen
reported can be read as a topic. Codes are stored; names are shown in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from services.errors import InvalidInputError


@dataclass(frozen=True, slots=True)
class TopicInfo:
    code: str  # stored in consultations, surveys and news subscriptions
    name_th: str  # at most 20 characters: a LINE quick reply's label
    name_en: str
    categories: tuple[str, ...]  # the NLP category labels it covers


TOPICS: tuple[TopicInfo, ...] = (
    TopicInfo(
        "roads",
        "ถนนและการเดินทาง",
        "Roads & transport",
        (
            *("ถนน", "ทางเท้า", "จราจร", "สะพาน", "ผิดกฎจราจร", "ขนส่งสาธารณะ"),
            *("กีดขวาง", "ป้าย", "หาบเร่แผงลอย"),
        ),
    ),
    TopicInfo(
        "water",
        "น้ำและน้ำท่วม",
        "Water & flooding",
        ("น้ำท่วม", "ท่อระบายน้ำ", "คลอง", "ประปา"),
    ),
    TopicInfo(
        "environment",
        "สิ่งแวดล้อม",
        "Environment",
        ("ความสะอาด", "ต้นไม้", "ฝุ่นควัน&กลิ่น&PM2.5", "เสียงรบกวน", "สิ่งแวดล้อม", "สัตว์จรจัด"),
    ),
    TopicInfo("power", "ไฟฟ้าและแสงสว่าง", "Power & lighting", ("ไฟฟ้า", "สายไฟ", "แสงสว่าง")),
    TopicInfo("safety", "ความปลอดภัย", "Safety", ("ความปลอดภัย",)),
    TopicInfo("health", "สุขภาพ", "Health", ("สาธารณสุข",)),
    TopicInfo("education", "การศึกษา", "Education", ("การศึกษา",)),
    TopicInfo("welfare", "สวัสดิการสังคม", "Social welfare", ("สวัสดิการสังคม",)),
    TopicInfo("farming", "เกษตรและที่ดิน", "Farming & land", ("เกษตร", "ที่ดิน")),
    TopicInfo("government", "การทำงานของรัฐ", "Good government", ("ทุจริต", "พฤติกรรมเจ้าหน้าที่")),
)

CODES: tuple[str, ...] = tuple(topic.code for topic in TOPICS)
_BY_CODE = {topic.code: topic for topic in TOPICS}
_BY_CATEGORY = {category: topic.code for topic in TOPICS for category in topic.categories}


def topic_name(code: str, language: str) -> str:
    """A topic as a reader sees it; a code we no longer know, as it is."""
    topic = _BY_CODE.get(code)
    if topic is None:
        return code
    return topic.name_en if language == "en" else topic.name_th


def topic_of_category(category: str | None) -> str | None:
    """The topic an NLP category belongs to (None: no category, or one no topic covers)."""
    return _BY_CATEGORY.get(category) if category else None


def topic_named(words: str) -> str | None:
    """The topic whose code or name (Thai or English) these typed words are."""
    wanted = words.strip().lower()
    for topic in TOPICS:
        if wanted in (topic.code, topic.name_th, topic.name_en.lower()):
            return topic.code
    return None


def valid_topics(codes: Iterable[str]) -> list[str]:
    """The codes, deduplicated in the catalogue's order; an unknown one is refused."""
    wanted = {code.strip() for code in codes}
    unknown = sorted(wanted - set(CODES))
    if unknown:
        raise InvalidInputError(
            f"Unknown topic {unknown[0]!r}; the topics are: {', '.join(CODES)}.",
            detail={"topics": list(CODES)},
        )
    return [code for code in CODES if code in wanted]
