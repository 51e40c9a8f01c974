"""The charts' words in Thai (first) and English: titles, descriptions, series and units."""

from __future__ import annotations

from datetime import date

from admin.dates import BUDDHIST_ERA_OFFSET
from nlp.categories import english_name

TH: dict[str, str] = {
    "volume.title": "เรื่องที่ได้รับรายสัปดาห์ เทียบกับปีก่อน",
    "volume.desc": "จำนวนเรื่องที่ได้รับในแต่ละสัปดาห์ {weeks} สัปดาห์ล่าสุด (ปีนี้ {this} เรื่อง) "
    "เทียบกับสัปดาห์เดียวกันของปีก่อน ({last} เรื่อง)",
    "volume.this_year": "ปีนี้",
    "volume.last_year": "ปีก่อน",
    "week": "สัปดาห์เริ่ม",
    "items": "เรื่อง",
    "sentiment.category.title": "ความรู้สึกของผู้แจ้ง แยกตามหมวด",
    "sentiment.district.title": "ความรู้สึกของผู้แจ้ง แยกตามเขต/อำเภอ",
    "sentiment.desc": "จำนวนเรื่องเชิงลบ กลาง และบวก ใน {count} {groups}ที่มีเรื่องมากที่สุด",
    "sentiment.negative": "ลบ",
    "sentiment.neutral": "กลาง",
    "sentiment.positive": "บวก",
    "groups.category": "หมวด",
    "groups.district": "เขต/อำเภอ",
    "resolution.title": "เวลาที่ใช้แก้ไข (วัน) แยกตามหมวด",
    "resolution.desc": "ค่ามัธยฐาน {median} วัน และ 90% แก้ไขเสร็จภายใน {p90} วัน "
    "จากเรื่องที่แก้ไขแล้ว {fixed} เรื่อง",
    "resolution.median": "มัธยฐาน",
    "resolution.p90": "90% เสร็จภายใน",
    "days": "วัน",
    "overdue.title": "เรื่องค้างเกินกำหนด แยกตามหมวด",
    "overdue.desc": "เรื่องที่ยังไม่เสร็จและเลยวันครบกำหนดแล้ว {count} เรื่อง",
    "satisfaction.title": "ความพึงพอใจของผู้แจ้ง (คะแนน 1–5)",
    "satisfaction.desc": "ผู้แจ้งให้คะแนน {ratings} ครั้ง เฉลี่ย {average} จาก 5",
    "satisfaction.score": "คะแนน",
    "satisfaction.ratings": "จำนวนผู้ให้คะแนน",
    "outcomes.title": "ผลการแก้ไข ผู้แจ้งยืนยัน และการเปิดเรื่องซ้ำ แยกตามหมวด",
    "outcomes.desc": "แก้ไขแล้ว {fixed} เรื่อง ผู้แจ้งยืนยันว่าแก้ไขจริง {confirmed} เรื่อง "
    "ผู้แจ้งเปิดเรื่องซ้ำ {reopened} เรื่อง ({reopens} ครั้ง)",
    "outcomes.fixed": "แก้ไขแล้ว",
    "outcomes.confirmed": "ผู้แจ้งยืนยัน",
    "outcomes.reopened": "เปิดซ้ำ",
    "empty": "ยังไม่มีข้อมูลในช่วงนี้",
    "page.title": "กราฟ",
    "page.heading": "ภาพรวมเป็นกราฟ",
    "page.scope.everything": "ทั้งประเทศ",
    "page.scope.agencies": "หน่วยงานของคุณ",
    "page.scope.province": "จังหวัดของคุณ",
    "page.period": "เรื่องที่แจ้งระหว่าง {start} ถึง {end} (เรื่องค้างเกินกำหนด: ทุกช่วงเวลา)",
    "page.table": "ดูเป็นตาราง",
    "none": "-",
}

EN: dict[str, str] = {
    "volume.title": "Items received per week, against last year",
    "volume.desc": "Items received in each of the last {weeks} weeks ({this} this year) against "
    "the same weeks a year before ({last})",
    "volume.this_year": "this year",
    "volume.last_year": "last year",
    "week": "Week from",
    "items": "items",
    "sentiment.category.title": "How people felt, per category",
    "sentiment.district.title": "How people felt, per district",
    "sentiment.desc": "Negative, neutral and positive items in the {count} {groups} with most items",
    "sentiment.negative": "negative",
    "sentiment.neutral": "neutral",
    "sentiment.positive": "positive",
    "groups.category": "categories",
    "groups.district": "districts",
    "resolution.title": "Days to resolve, per category",
    "resolution.desc": "Median {median} days; 90% resolved within {p90} days; "
    "{fixed} items resolved",
    "resolution.median": "median",
    "resolution.p90": "90% within",
    "days": "days",
    "overdue.title": "Overdue items, per category",
    "overdue.desc": "{count} items still open past their due date",
    "satisfaction.title": "Citizens' satisfaction (scores 1–5)",
    "satisfaction.desc": "{ratings} ratings, {average} out of 5 on average",
    "satisfaction.score": "Score",
    "satisfaction.ratings": "ratings",
    "outcomes.title": "Fixed, confirmed by the citizen, and reopened, per category",
    "outcomes.desc": "{fixed} items fixed, {confirmed} confirmed fixed by the citizen, "
    "{reopened} reopened by the citizen ({reopens} times)",
    "outcomes.fixed": "fixed",
    "outcomes.confirmed": "citizen confirmed",
    "outcomes.reopened": "reopened",
    "empty": "No data for this period yet",
    "page.title": "Charts",
    "page.heading": "The figures as charts",
    "page.scope.everything": "the whole country",
    "page.scope.agencies": "your agencies",
    "page.scope.province": "your province",
    "page.period": "Items reported from {start} to {end} (overdue items: any time)",
    "page.table": "Show as a table",
    "none": "-",
}

CATALOGUES = {"th": TH, "en": EN}


class ChartWords:
    """One language's chart words: `words("key", **values)`, categories and week labels."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGUES else "th"
        self._words = CATALOGUES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        template = self._words.get(key) or TH[key]
        return template.format(**values) if values else template

    def category(self, label: str | None) -> str:
        if not label:
            return self("none")
        return english_name(label) if self.language == "en" else label

    def day(self, day: date) -> str:
        """A week's first day, short: 1/12 (the year is in the chart's description)."""
        return f"{day.day}/{day.month}"

    def year(self, day: date) -> str:
        return str(day.year + BUDDHIST_ERA_OFFSET) if self.language == "th" else str(day.year)
