"""The learnt name tagger in what officials read (`redact`, at `CAREFUL`), the negatives it is
trained with and how its threshold is chosen. Messages written for these tests, not taken from
the corpus."""

from __future__ import annotations

from typing import Any

import pytest

from nlp.personal_data import redact, redact_for_public
from nlp.personal_data.learnt_names import CAREFUL, EAGER
from nlp.personal_data.name_features import _address_words
from nlp.training.name_negatives import _id, written_texts
from nlp.training.names import _fold
from nlp.training.names_check import THRESHOLDS, officials_threshold


def test_the_officials_threshold_is_stricter_than_the_publics() -> None:
    assert EAGER < CAREFUL < 1


@pytest.mark.parametrize(
    "text",
    [
        "ลุงแถวบ้านเปิดเพลงดังทั้งคืน",
        "ป้าข้างบ้านเผาขยะทุกวัน",
        "พี่วินจอดขวางทางเข้าซอย",
        "น้องที่ร้านบอกว่าไม่มีของ",
        "ยายแก่ๆเดินข้ามถนนลำบาก",
        "ครูประจำชั้นไม่สนใจเด็กเลย",
        "หมอฟันที่อนามัยไม่อยู่ทั้งวัน",
        "ลุงขี้เมาด่าคนในซอยทุกคืน",
        "ซื้อไวตามิ้นท์ที่ร้านยา",  # ไว|ตา|มิ้นท์: ตา is part of a word here
    ],
)
def test_a_form_of_address_without_a_name_stays_for_everyone(text: str) -> None:
    assert redact(text).text == text
    assert redact_for_public(text).text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # ("ลุงเปียกข้างบ้านเผาขยะ…" is now the rules' own: `kin_deeds`)
        ("ลุงเปียกกับป้าข้างบ้านทะเลาะกันทุกคืน", "เปียก"),
    ],
)
def test_the_officials_read_no_name_the_tagger_is_sure_of(text: str, name: str) -> None:
    assert name in redact(text, learnt=False).text  # the rules alone leave it
    official = redact(text).text
    assert name not in official and "[ชื่อ]" in official


def test_the_written_negatives_hold_a_form_of_address_and_are_grouped_by_what_follows() -> None:
    texts = written_texts(200)
    assert len(texts) == 200 and len({t for t, _ in texts}) == 200
    assert texts == written_texts(200)  # reproducible
    address = _address_words() | {"คุณ"}
    assert all(any(text.find(word) >= 0 for word in address) for text, _ in texts)
    # the same words after the form of address land in one fold
    same = [_id("written", text, group) for text, group in texts if group == texts[0][1]]
    assert len({_fold(i) for i in same}) == 1


def _report(rows: dict[float, tuple[int, int]], rules_touched: int = 0) -> dict[str, Any]:
    report: dict[str, Any] = {"rules_only": {"touched": rules_touched}}
    for at in THRESHOLDS:
        touched, stray = rows.get(at, (0, 0))
        report[f"with_tagger_at_{at}"] = {
            "touched": touched,
            "spans_outside_mask": stray,
            "written_spans": 0,
            "traffy_spans": 0,
        }
    return report


def test_the_officials_threshold_is_the_lowest_that_touches_nothing_more() -> None:
    strays = {at: (1, 0) for at in THRESHOLDS if at < 0.8} | {0.8: (0, 9), 0.9: (0, 3)}
    assert officials_threshold(_report(strays), 4000) == 0.9
    assert officials_threshold(_report(strays, rules_touched=1), 4000) == THRESHOLDS[0]
    never = {at: (1, 0) for at in THRESHOLDS}
    assert officials_threshold(_report(never), 4000) is None
