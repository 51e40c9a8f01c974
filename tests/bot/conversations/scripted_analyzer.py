"""A stand-in for `nlp.pipeline.ThaiAnalyzer` at the engine's boundary (team-written).

Category, intent, urgency and language come from a few keywords, so the flows' tests do not move
when the trained classifier is retrained; places come from the real `nlp.places.PlaceFinder`
and personal data is masked by the real `nlp.personal_data.redact`. Where the contract has facts
the finder may not give yet, the script supplies them as the contract describes: a subdistrict
name that several provinces share ("ตำบลท่าทราย") gives its areas as candidates, and a text and
a shared location in different provinces are a conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import geothai

from nlp.analysis import (
    Hazard,
    Intent,
    LabelScore,
    MessageAnalysis,
    PlaceMatch,
    PlaceOption,
    Sentiment,
    Urgency,
)
from nlp.personal_data import redact
from nlp.places import PlaceFinder

KEYWORDS: tuple[tuple[str, str], ...] = (
    ("หลุม", "ถนน"),
    ("ทางเท้า", "ทางเท้า"),
    ("ไฟดับ", "ไฟฟ้า"),
    ("น้ำไม่ไหล", "ประปา"),
    ("ขยะ", "ความสะอาด"),
    ("รถเมล์", "ขนส่งสาธารณะ"),
    ("สายไฟ", "สายไฟ"),
    ("pothole", "ถนน"),
    ("เบี้ยยังชีพ", "สวัสดิการสังคม"),
)
# A message about something vague: the classifier is unsure, these are its best three.
UNSURE_WORD = "มีปัญหา"
UNSURE = (LabelScore("ทางเท้า", 0.31), LabelScore("ถนน", 0.22), LabelScore("แสงสว่าง", 0.12))
# A message the classifier barely knows: one weak guess (its shortlist keeps only the best).
BARELY_WORD = "เรียกเกินราคา"
BARELY = (LabelScore("เกษตร", 0.04),)
# Read as the real classifier does: a driving licence as welfare, unsure (0.11).
MISREAD_WORD = "ใบขับขี่"
MISREAD = (LabelScore("สวัสดิการสังคม", 0.11),)

# Text mostly not in Thai: the real pipeline keeps its best Thai label, scaled down to about 0.
NOT_THAI_GUESS = LabelScore("ไฟฟ้า", 0.0)

HAZARDS: tuple[tuple[str, Hazard], ...] = (
    ("ไฟไหม้", Hazard.FIRE),
    ("สายไฟขาด", Hazard.LIVE_WIRE),
    ("ติดอยู่ข้างใน", Hazard.TRAPPED),
    ("จมน้ำ", Hazard.DROWNING),
    ("fire", Hazard.FIRE),
)
GREETINGS = re.compile(r"^(?:สวัสดี|หวัดดี|ขอบคุณ)\S*$")
FOLLOW_UP = re.compile(r"ถึงไหนแล้ว|ตามเรื่อง|ติดตามเรื่อง")
QUESTION = re.compile(r"ที่ไหน|หน่วยงานไหน|ยังไง|อย่างไร|ไหม(?:ครับ|คะ)?\s*$|^สอบถาม|\?\s*$")
PRAISE = re.compile(r"ชื่นชม|ประทับใจ|ขอบคุณ\S*ที่")
KEYBOARD_MASH = re.compile(r"^[a-z]{6,}$")
# A question that is a grievance ("…มาสามวันแล้ว ทำยังไงดี") reads negative; others neutral.
GRIEVANCE = re.compile(r"แล้ว|สินบน|เรียกเงิน")
SUBDISTRICT = re.compile(r"ตำบล(\S+)")


@lru_cache(maxsize=1)
def _places() -> PlaceFinder:
    return PlaceFinder.load()


@lru_cache(maxsize=1)
def _subdistricts() -> dict[str, list[PlaceOption]]:
    """Every subdistrict name with the areas that have it."""
    named: dict[str, list[PlaceOption]] = defaultdict(list)
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            for sub in geothai.subdistricts(district.code):
                named[sub.name_th].append(
                    PlaceOption(
                        province=province.name_th,
                        province_code=province.code,
                        district=district.name_th.removeprefix("เขต"),
                        district_code=district.code,
                        subdistrict=sub.name_th,
                        subdistrict_code=sub.code,
                    )
                )
    return named


def _language(text: str) -> str:
    if re.search(r"[\u0e00-\u0e7f]", text):
        return "th"
    if re.search(r"[\u0e80-\u0eff]", text):
        return "lo"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if re.search(r"[A-Za-z]", text):
        return "en"
    return "none"


def _intent(text: str, language: str, categories: list[LabelScore]) -> Intent:
    words = text.strip()
    if language == "none" or (KEYBOARD_MASH.match(words.lower()) and not categories):
        return Intent.UNCLEAR
    if GREETINGS.match(words):
        return Intent.GREETING
    if FOLLOW_UP.search(words):
        return Intent.FOLLOW_UP
    if QUESTION.search(words):
        return Intent.QUESTION
    if PRAISE.search(words):
        return Intent.PRAISE
    if "เสนอ" in words or "ควร" in words:
        return Intent.SUGGESTION
    return Intent.COMPLAINT


def _place(text: str, lat: float | None, lon: float | None) -> PlaceMatch:
    found = _places().find(text, lat, lon)
    shared = SUBDISTRICT.search(text)
    if shared is not None and lat is None:
        areas = _subdistricts().get(shared.group(1), [])
        named_province = any(area.province in text for area in areas)
        if len({area.province_code for area in areas}) > 1 and not named_province:
            return PlaceMatch(candidates=tuple(areas))
    if lat is not None and lon is not None and text.strip():
        named, pinned = _places().find(text), _places().find("", lat, lon)
        if (
            named.province_code
            and pinned.province_code
            and named.province_code != pinned.province_code
        ):
            options = tuple(
                PlaceOption(
                    province=place.province or "",
                    province_code=place.province_code or "",
                    district=place.district,
                    district_code=place.district_code,
                )
                for place in (named, pinned)
            )
            return PlaceMatch(candidates=options, conflict=True, source="text+coordinates")
    return found


def _sentiment(text: str, intent: Intent) -> Sentiment:
    if intent is Intent.PRAISE:
        return Sentiment.POSITIVE
    if intent is Intent.QUESTION and not GRIEVANCE.search(text):
        return Sentiment.NEUTRAL
    return Sentiment.NEGATIVE


class ScriptedAnalyzer:
    def analyze(
        self, text: str, lat: float | None = None, lon: float | None = None
    ) -> MessageAnalysis:
        labels = [LabelScore(label, 0.9) for word, label in KEYWORDS if word in text.lower()]
        if not labels and UNSURE_WORD in text:
            labels = list(UNSURE)
        if not labels and BARELY_WORD in text:
            labels = list(BARELY)
        if not labels and MISREAD_WORD in text:
            labels = list(MISREAD)
        language = _language(text)
        intent = _intent(text, language, labels)
        if not labels and language not in ("th", "none"):
            labels = [NOT_THAI_GUESS]
        hazards = [hazard for word, hazard in HAZARDS if word in text]
        return MessageAnalysis(
            categories=labels,
            place=_place(text, lat, lon),
            sentiment=_sentiment(text, intent),
            sentiment_score=0.8,
            intent=intent,
            urgency=Urgency.HIGH if hazards else Urgency.NORMAL,
            redacted=redact(text).text,
            hazards=hazards,
            language=language,
        )


async def scripted_analyzer() -> ScriptedAnalyzer:
    return ScriptedAnalyzer()
