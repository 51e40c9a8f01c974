"""Lao read in Thai letters for the danger rules (team-written examples)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Urgency
from nlp.lao_letters import has_lao, in_thai_letters
from nlp.pipeline import ThaiAnalyzer


@pytest.mark.parametrize(
    ("lao", "thai"),
    [
        ("ນ້ອງຕົກນ້ຳ", "น้องตกน้ำ"),  # mai kon unwritten in Thai
        ("ຫົວແຕກ", "หัวแตก"),  # ◌ົວ is ◌ัว
        ("ທໍ່ແຕກ", "ท่อแตก"),  # ໍ after its tone mark is อ
        ("ບໍ່ຫາຍໃຈ", "บ่หายใจ"),  # "not" as Isan writes it
        ("ຢູ່ໃນເຮືອນ", "อยู่ในเฮือน"),
        ("ເຈັບ", "เจ็บ"),
        ("ສຽງ", "เสียง"),
        ("ໝາກັດ ໜ້າ ໑໒", "หมากัด หน้า 12"),
    ],
)
def test_lao_is_written_as_the_thai_that_reads_alike(lao: str, thai: str) -> None:
    assert in_thai_letters(lao) == thai


def test_thai_and_english_are_left_as_they_are() -> None:
    text = "น้ำท่วม flood ๑๒"
    assert not has_lao(text) and in_thai_letters(text) is text


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("ລູກຊາຍຕົກນ້ຳຢູ່ແມ່ນ້ຳ ເບິ່ງບໍ່ເຫັນແລ້ວ", Hazard.DROWNING),
        ("ນ້ຳເຂົ້າເຮືອນແລ້ວ ຍັງຂຶ້ນບໍ່ຢຸດ", Hazard.FLOOD_RISING),
        ("ມີຄົນຖືມີດໄລ່ຟັນຄົນ ມີຄົນເຈັບ", Hazard.INJURED),
    ],
)
def test_a_lao_emergency_is_urgent_and_named(
    analyzer: ThaiAnalyzer, text: str, hazard: Hazard
) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.language == "lo"
    assert analysis.urgency is Urgency.HIGH and hazard in analysis.hazards


def test_a_lao_greeting_is_not_urgent(analyzer: ThaiAnalyzer) -> None:
    assert analyzer.analyze("ສະບາຍດີ ຂອບໃຈຫຼາຍໆ").urgency is not Urgency.HIGH
