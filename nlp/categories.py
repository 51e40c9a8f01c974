"""What a message is about: the category label set and the multi-label category classifier.

The labels are Traffy Fondue's own categories, spelt exactly as Traffy spells them (so Traffy
data scores against them with no mapping), plus the national matters a city service does not
cover (public health, education, welfare, agriculture, public transport, officials' conduct,
land, environment; corruption is Traffy's ทุจริต). Each label has an English gloss for officials
and documentation. The classifier gives every label a score from 0 to 1 (one-vs-rest logistic
regression over word and character n-grams, so a message can be about several things); see
``nlp.training`` for how it is trained and ``nlp/models/RECORD.md`` for what on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.analysis import LabelScore
from nlp.text_model import ModelBundle, TextInput, load_bundle, to_probabilities


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    label: str  # Thai, exactly as Traffy Fondue names it where Traffy has it
    gloss_en: str
    source: str  # "traffy" (Traffy Fondue's category) or "national" (added for national matters)


CATEGORIES: tuple[CategoryInfo, ...] = (
    CategoryInfo("ถนน", "roads: potholes, damaged or uneven road surface", "traffy"),
    CategoryInfo("ทางเท้า", "sidewalks and footpaths", "traffy"),
    CategoryInfo("น้ำท่วม", "flooding and standing water", "traffy"),
    CategoryInfo("ท่อระบายน้ำ", "drains and sewers: blocked, broken or missing covers", "traffy"),
    CategoryInfo(
        "ความสะอาด", "cleanliness: rubbish, waste collection, dirty public places", "traffy"
    ),
    CategoryInfo("สายไฟ", "overhead cables and wires: hanging, tangled or fallen", "traffy"),
    CategoryInfo("กีดขวาง", "obstructions: things blocking roads or paths", "traffy"),
    CategoryInfo("จราจร", "traffic: congestion, signals, road markings, parking", "traffy"),
    CategoryInfo("สะพาน", "bridges and footbridges", "traffy"),
    CategoryInfo("ความปลอดภัย", "public safety: crime, dangerous spots, accidents", "traffy"),
    CategoryInfo("ต้นไม้", "trees: pruning, fallen trees and branches", "traffy"),
    CategoryInfo("คลอง", "canals and waterways", "traffy"),
    CategoryInfo("สัตว์จรจัด", "stray animals", "traffy"),
    CategoryInfo("แสงสว่าง", "street lighting", "traffy"),
    CategoryInfo("เสียงรบกวน", "noise nuisance", "traffy"),
    CategoryInfo("ไฟฟ้า", "electricity supply: power cuts, transformers, meters", "traffy"),
    CategoryInfo("ประปา", "water supply: no water, dirty water, burst mains", "traffy"),
    CategoryInfo("ฝุ่นควัน&กลิ่น&PM2.5", "dust, smoke, smells and PM2.5 air pollution", "traffy"),
    CategoryInfo("ผิดกฎจราจร", "traffic violations: illegal parking, wrong-way riding", "traffy"),
    CategoryInfo("หาบเร่แผงลอย", "street vendors and stalls on public space", "traffy"),
    CategoryInfo("ป้าย", "signs and billboards", "traffy"),
    CategoryInfo("ทุจริต", "corruption and bribery", "traffy"),
    CategoryInfo(
        "สาธารณสุข", "public health: hospitals, clinics, disease control, food safety", "national"
    ),
    CategoryInfo(
        "การศึกษา", "education: schools, teachers, scholarships, childcare centres", "national"
    ),
    CategoryInfo(
        "สวัสดิการสังคม", "social welfare: allowances, elderly, disabled, homeless people", "national"
    ),
    CategoryInfo(
        "เกษตร", "agriculture: crops, prices, livestock disease, irrigation for farms", "national"
    ),
    CategoryInfo("ขนส่งสาธารณะ", "public transport: buses, trains, boats, taxis, vans", "national"),
    CategoryInfo(
        "พฤติกรรมเจ้าหน้าที่", "officials' conduct: rudeness, absence, abuse of power", "national"
    ),
    CategoryInfo("ที่ดิน", "land: encroachment, title deeds, boundaries, expropriation", "national"),
    CategoryInfo(
        "สิ่งแวดล้อม", "environment: pollution of water and land, forests, coast", "national"
    ),
)

LABELS: tuple[str, ...] = tuple(category.label for category in CATEGORIES)
_ENGLISH_NAMES = {category.label: category.gloss_en.split(":")[0] for category in CATEGORIES}


def english_name(label: str) -> str:
    """A category's short English name ("ถนน" → "roads"); a label we do not know, as it is."""
    return _ENGLISH_NAMES.get(label, label)


# Traffy's raw type names that mean one of our labels (its taxonomy changed over the years).
# Types not listed and not labels themselves (อื่นๆ "other", ร้องเรียน "complaint",
# เสนอแนะ "suggestion", สอบถาม "question", ...) say nothing about the topic and are ignored.
TRAFFY_SYNONYMS: dict[str, str] = {
    "เสียง": "เสียงรบกวน",
    "PM2.5": "ฝุ่นควัน&กลิ่น&PM2.5",
    "เผาในที่โล่ง": "ฝุ่นควัน&กลิ่น&PM2.5",
    "จุดเสี่ยง": "ความปลอดภัย",
    "อุบัติเหตุ": "ความปลอดภัย",
    "สายสื่อสาร": "สายไฟ",
    "ขยะ": "ความสะอาด",
    "สัตว์": "สัตว์จรจัด",
    "ป้ายจราจร": "ป้าย",
    "แท็กซี่/รถเมล์": "ขนส่งสาธารณะ",
    "รถสาธารณะ": "ขนส่งสาธารณะ",
    "คนจรจัด": "สวัสดิการสังคม",
    "คนเร่ร่อน": "สวัสดิการสังคม",
    "ไฟจราจร": "จราจร",
    "สะพานลอย": "สะพาน",
    "เสาไฟฟ้า": "ไฟฟ้า",
    "เจ้าหน้าที่": "พฤติกรรมเจ้าหน้าที่",
    "กรุงเทพโปร่งใส": "ทุจริต",
}


def our_labels(raw_types: list[str]) -> list[str]:
    """Traffy's raw types for one ticket as our labels (synonyms mapped, topic-less ones dropped)."""
    labels: list[str] = []
    for raw in raw_types:
        label = TRAFFY_SYNONYMS.get(raw.strip(), raw.strip())
        if label in LABELS and label not in labels:
            labels.append(label)
    return labels


class CategoryClassifier:
    """Scores every category for a message; load once, then ``predict`` many times.

    Since issue 13 item 2 the bundle may also hold Traffy tickets' correction to the category
    head and a head that says how much a message reads like a Traffy ticket: the served score
    is the shared one plus that share of the correction (``nlp.training.ticket_style``)."""

    HEAD = "category"
    CORRECTION = "category_tickets"
    STYLE = "ticket_style"

    def __init__(self, bundle: ModelBundle) -> None:
        self._head = bundle.head(self.HEAD)
        self._correction = bundle.heads.get(self.CORRECTION)
        self._style = bundle.heads.get(self.STYLE)
        if (self._correction is None) != (self._style is None):
            raise ValueError(
                "a bundle holds Traffy tickets' correction with its style head or neither"
            )
        self.labels = self._head.labels

    @classmethod
    def load(cls, path: Path | None = None) -> CategoryClassifier:
        return cls(load_bundle(path))

    def decision(self, text: TextInput) -> np.ndarray:
        """Raw scores, one per label (before the sigmoid)."""
        shared = self._head.decision(text)
        if self._correction is None or self._style is None:
            return shared
        ticket_like = float(self._style.probabilities(text)[0])
        return shared + ticket_like * self._correction.decision(text)

    def predict(self, text: str | TextInput, *, top: int | None = None) -> list[LabelScore]:
        """Every label with its score (0..1), best first; ``top`` keeps only the first few."""
        scores = to_probabilities(self.decision(TextInput.of(text)), "sigmoid")
        ranked = sorted(zip(self.labels, scores.tolist(), strict=True), key=lambda p: -p[1])
        return [LabelScore(label, score) for label, score in ranked[:top]]
