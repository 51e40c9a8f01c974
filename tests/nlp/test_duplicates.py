"""Near-duplicate reports are grouped; different problems or places are not. Team-written texts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nlp.duplicates import (
    cluster,
    distance_m,
    numbers_conflict,
    place_numbers,
    same_problem,
    similarity,
    top_issues,
)

LAMP_1 = "ไฟทางเดินดับทั้งซอย มืดมาก อันตราย ซอยรามคำแหง 24"
LAMP_2 = "ไฟฟ้าส่องสว่างดับ ซอยรามคำแหง 24 มืดมากตอนกลางคืน อันตรายค่ะ"
LAMP_3 = "ซอยรามคำแหง24 ไฟทางดับหลายต้น มืดมาก"
HOLE = "ถนนเป็นหลุมใหญ่หน้าปากซอยรามคำแหง 24 รถล้มบ่อย"
RUBBISH = "ขยะล้นถังไม่มีคนมาเก็บสามวันแล้ว ส่งกลิ่นเหม็นมาก"


def test_similarity_is_one_for_the_same_words_and_zero_for_nothing_shared() -> None:
    assert similarity(LAMP_1, LAMP_1) == pytest.approx(1.0)
    assert similarity("ไฟดับ ซอย ๒๔", "ไฟดับ  ซอย 24!!") == pytest.approx(1.0)  # Thai digits, punct.
    assert similarity("ไฟดับ", "hello") == 0.0
    assert similarity("", LAMP_1) == 0.0


def test_the_same_problem_in_other_words_is_closer_than_a_different_problem() -> None:
    assert similarity(LAMP_1, LAMP_2) > similarity(LAMP_1, HOLE)
    assert similarity(LAMP_1, LAMP_3) > similarity(LAMP_1, RUBBISH)
    assert similarity("ไฟดับบบบบ ซอย 24", "ไฟดับ ซอย 24") == pytest.approx(1.0)  # stretched


def test_same_problem_needs_same_category_and_place() -> None:
    assert same_problem(LAMP_1, "แสงสว่าง", "104501", LAMP_2, "แสงสว่าง", "104501")
    # A district contains its subdistricts.
    assert same_problem(LAMP_1, "แสงสว่าง", "1045", LAMP_3, "แสงสว่าง", "104501")
    assert not same_problem(LAMP_1, "แสงสว่าง", "104501", LAMP_2, "ถนน", "104501")
    assert not same_problem(LAMP_1, "แสงสว่าง", "104501", LAMP_2, "แสงสว่าง", "104502")
    assert not same_problem(LAMP_1, "แสงสว่าง", "104501", HOLE, "แสงสว่าง", "104501")


def test_a_province_alone_is_not_a_known_place() -> None:
    assert same_problem(LAMP_1, "แสงสว่าง", "1045", LAMP_2, "แสงสว่าง", "1045")
    assert not same_problem(LAMP_1, "แสงสว่าง", "10", LAMP_2, "แสงสว่าง", "1045")


def test_an_unknown_place_asks_more_of_the_words() -> None:
    text = "ไฟทางดับ ซอยรามคำแหง 24 มืดมาก"
    near_copy = "ไฟทางดับ ซอยรามคำแหง 24 มืดมากค่ะ"
    assert same_problem(text, "แสงสว่าง", None, near_copy, "แสงสว่าง", "104501")
    assert not same_problem(LAMP_1, "แสงสว่าง", None, LAMP_2, "แสงสว่าง", None)


def test_different_soi_numbers_are_different_places() -> None:
    assert place_numbers("ซอย 15 บ้านเลขที่ 99/1 น้ำท่วม 30 ซม. 2 วันแล้ว เมื่อ 12/10/2567") == {
        "15",
        "99/1",
    }
    assert numbers_conflict("น้ำท่วมซอยลาดพร้าว 27", "น้ำท่วมซอยลาดพร้าว 36")
    assert not numbers_conflict("น้ำท่วมซอยลาดพร้าว 27", "น้ำท่วมซอยลาดพร้าว 27 สูงมาก")
    assert not numbers_conflict("น้ำท่วมซอยลาดพร้าว 27", "น้ำท่วมในซอย")
    assert not same_problem(
        "น้ำท่วมขังซอยลาดพร้าว 27 ระบายไม่ทัน",
        "น้ำท่วม",
        "1038",
        "น้ำท่วมขังซอยลาดพร้าว 36 ระบายไม่ทัน",
        "น้ำท่วม",
        "1038",
    )


def test_shared_locations_decide_the_place() -> None:
    here = (13.7563, 100.5018)
    next_door = (13.7565, 100.5019)
    across_town = (13.80, 100.55)
    assert distance_m(here, next_door) < 50
    assert distance_m(here, across_town) > 5000
    args = (LAMP_1, "แสงสว่าง", None, LAMP_2, "แสงสว่าง", None)
    assert same_problem(*args, a_location=here, b_location=next_door)
    assert not same_problem(*args, a_location=here, b_location=across_town)


@dataclass(frozen=True)
class Report:
    id: int
    text: str
    category: str | None
    place_code: str | None


def test_cluster_groups_reports_biggest_first_with_a_typical_one_in_front() -> None:
    reports = [
        Report(1, RUBBISH, "ความสะอาด", "104501"),
        Report(2, LAMP_1, "แสงสว่าง", "104501"),
        Report(3, HOLE, "ถนน", "104501"),
        Report(4, LAMP_2, "แสงสว่าง", "104501"),
        Report(5, "ขยะล้นถัง ไม่มีใครมาเก็บ เหม็นมาก", "ความสะอาด", "104501"),
        Report(6, LAMP_3, "แสงสว่าง", "1045"),
        Report(7, LAMP_1, "แสงสว่าง", "103801"),  # same words, another district
    ]
    groups = cluster(reports)
    assert [sorted(r.id for r in group) for group in groups] == [[2, 4, 6], [1, 5], [3], [7]]
    assert groups[0][0].id in (2, 4, 6)

    issues = top_issues(reports, limit=2)
    assert [issue.count for issue in issues] == [3, 2]
    assert issues[0].representative is groups[0][0]


def test_cluster_takes_accessors_for_other_shapes() -> None:
    rows = [
        {"t": LAMP_1, "c": "แสงสว่าง", "p": "104501"},
        {"t": LAMP_2, "c": "แสงสว่าง", "p": "104501"},
    ]
    groups = cluster(
        rows,
        text=lambda r: r["t"],
        category=lambda r: r["c"],
        place_code=lambda r: r["p"],
    )
    assert len(groups) == 1 and len(groups[0]) == 2
    assert cluster([]) == []
