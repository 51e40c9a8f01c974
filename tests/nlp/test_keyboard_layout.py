"""Thai typed with the keyboard still on English is read as the Thai it means; English, names,
numbers and mashed keys are left alone. All texts are team-written."""

from __future__ import annotations

import pytest

from nlp.analysis import Intent, Urgency
from nlp.keyboard_layout import thai_typed_as_latin
from nlp.pipeline import ThaiAnalyzer


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("l;ylfu", "สวัสดี"),
        ("wafy[myh':vp8jt", "ไฟดับทั้งซอยค่ะ"),
        ("ohew,jws]", "น้ำไม่ไหล"),
        ("-v[86I8iy[", "ขอบคุณครับ"),
        # a number typed on the English layout is the number
        ("-ptw,j,u8o,kgdH[ 3 ;yoc]h;", "ขยะไม่มีคนมาเก็บ 3 วันแล้ว"),
    ],
)
def test_thai_typed_on_the_english_layout_is_put_back(typed: str, meant: str) -> None:
    assert thai_typed_as_latin(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "fire",  # ดรพำ would be two short words: English stays English
        "FIRE!! help",
        "hello anyone there?",
        "The street light on Soi 5 is broken",
        "don't know where to report",
        "ok",
        "Somchai 081-234-5678",
        "asdfghjkl",
        "ไฟดับ wafy[",  # Thai letters in it: typed on the Thai layout
        "",
    ],
)
def test_english_and_everything_else_is_left_as_written(text: str) -> None:
    assert thai_typed_as_latin(text) is None


def test_the_analysis_reads_the_thai_it_means(analyzer: ThaiAnalyzer) -> None:
    assert analyzer.analyze("l;ylfu8jt").intent is Intent.GREETING  # สวัสดีค่ะ
    danger = analyzer.analyze("=j;pfh;p waws,h,u8o9bfvp^j").urgency  # ช่วยด้วย ไฟไหม้มีคนติดอยู่
    assert danger is Urgency.HIGH
    assert analyzer.analyze("fire").language == "en"
