"""Words people misspell are read as the words they meant, and nothing spelt right changes."""

from __future__ import annotations

from importlib.resources import files

import pytest

from nlp.analysis import Hazard, Urgency
from nlp.misspellings import STANDARD_SPELLING, standard_spelling
from nlp.normalise import normalise
from nlp.pipeline import ThaiAnalyzer


def _dictionary() -> list[str]:
    text = files("pythainlp.corpus").joinpath("words_th.txt").read_text(encoding="utf-8-sig")
    return text.split()


def test_no_misspelt_form_is_or_is_inside_a_real_word() -> None:
    words = _dictionary()
    spoilt = {form: [w for w in words if form in w] for form in STANDARD_SPELLING}
    assert {form: hits for form, hits in spoilt.items() if hits} == {}


def test_every_standard_form_is_spelt_as_the_dictionary_has_it() -> None:
    words = _dictionary()
    missing = [right for right in STANDARD_SPELLING.values() if not any(right in w for w in words)]
    assert missing == []


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ไฟใหม้บ้านค้าบ", "ไฟไหม้บ้านค้าบ"),
        ("ปลั๊กช๊อตมีควัน", "ปลั๊กช็อตมีควัน"),
        ("น้ำท้วมเข้าบ้านแล้ว", "น้ำท่วมเข้าบ้านแล้ว"),
        ("ตอนนี้อยุ่หน้าบ้าน", "ตอนนี้อยู่หน้าบ้าน"),
        ("ไฟสัญญานจราจรดับ", "ไฟสัญญาณจราจรดับ"),
        ("ไม่ได้รับอนุญาติ", "ไม่ได้รับอนุญาต"),
        # A mark typed twice is cleaned first, then the word is fixed.
        ("ไฟใหม้้บ้าน", "ไฟไหม้บ้าน"),
    ],
)
def test_a_misspelt_word_is_read_as_meant(typed: str, read: str) -> None:
    assert normalise(typed) == read


@pytest.mark.parametrize(
    "right",
    [
        "ลุงอ้วนท้วมขายหมูปิ้ง",  # ท้วม is a word of its own (plump)
        "ญาติพี่น้องมาช่วยกัน",  # ญาติ (relatives), not อนุญาติ
        "ช็อตไฟฟ้า ปฏิบัติงาน สังเกต ใหม่ ไหม้",
    ],
)
def test_words_spelt_right_stay_as_they_are(right: str) -> None:
    assert standard_spelling(right) == right


@pytest.mark.parametrize(
    ("message", "hazard"),
    [
        ("ไฟใหม้บ้านค้าบ ด่วนนน ม.2 บ้านโนนสูง", Hazard.FIRE),
        ("น้ำท้วมเข้าบ้านแล้วค่ะ", Hazard.FLOOD_RISING),
    ],
)
def test_a_misspelt_emergency_is_rated_high(
    analyzer: ThaiAnalyzer, message: str, hazard: Hazard
) -> None:
    analysis = analyzer.analyze(message)
    assert analysis.urgency is Urgency.HIGH
    assert hazard in analysis.hazards
