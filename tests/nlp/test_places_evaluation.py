"""`evaluate_places` on a small team-written ticket file shaped like traffy_tickets.csv."""

from __future__ import annotations

import csv
from pathlib import Path

from nlp.evaluation.places import TICKETS, evaluate_places

COLUMNS = [
    "ticket_id", "source", "text", "types", "n_types", "organization", "district", "subdistrict",
    "province", "address", "lon", "lat", "timestamp", "state", "district_in_text",
    "subdistrict_in_text", "province_in_text",
]  # fmt: skip


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with (path / TICKETS).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(rows)


def test_figures_count_found_wrong_and_located_tickets(tmp_path: Path) -> None:
    bangkok = {"province": "กรุงเทพมหานคร", "province_in_text": "False"}
    _write(
        tmp_path,
        [
            # named and found (district and subdistrict)
            {
                **bangkok,
                "text": "ทางเท้าพัง แขวงพระบรมมหาราชวัง เขตพระนคร",
                "district": "พระนคร",
                "subdistrict": "พระบรมมหาราชวัง",
                "district_in_text": "True",
                "subdistrict_in_text": "True",
                "lat": "13.7500",
                "lon": "100.4913",
            },
            # named but pinned elsewhere: a wrong district from the text, the point decides
            {
                **bangkok,
                "text": "เคยแจ้งเขตบางนาแล้วไม่มีใครมา",
                "district": "พระนคร",
                "district_in_text": "False",
                "lat": "13.7500",
                "lon": "100.4913",
            },
            # nothing named, no coordinates
            {**bangkok, "text": "ไฟดับทั้งซอย", "district": "บางรัก", "district_in_text": "False"},
        ],
    )
    figures = evaluate_places(tmp_path)
    assert figures["tickets"] == 3
    assert figures["district_named_in_text"] == 1
    assert figures["district_found"] == 1.0
    assert figures["district_wrong"] == round(1 / 3, 4)
    assert figures["subdistrict_found"] == 1.0
    assert figures["coordinates_tickets"] == 2
    assert figures["district_from_location"] == 1.0
    assert figures["district_from_coordinates_only"] == 1.0


def test_figures_report_landmarks_unsettled_places_and_conflicts(tmp_path: Path) -> None:
    bangkok = {"province": "กรุงเทพมหานคร", "province_in_text": "False"}
    _write(
        tmp_path,
        [
            # a landmark gives the district
            {
                **bangkok,
                "text": "ทางเท้าหน้าโรงพยาบาลศิริราชพัง",
                "district": "บางกอกน้อย",
                "district_in_text": "False",
            },
            # a name with two readings: candidates, no district
            {**bangkok, "text": "น้ำท่วมที่จอมทอง", "district": "จอมทอง", "district_in_text": "True"},
            # the text names a khet far from the point: a conflict, the point is returned
            {
                **bangkok,
                "text": "เคยแจ้งเขตบางนาแล้วไม่มีใครมา",
                "district": "พระนคร",
                "district_in_text": "False",
                "lat": "13.7500",
                "lon": "100.4913",
            },
            # text and point agree
            {
                **bangkok,
                "text": "ทางเท้าพัง เขตพระนคร",
                "district": "พระนคร",
                "district_in_text": "True",
                "lat": "13.7500",
                "lon": "100.4913",
            },
        ],
    )
    figures = evaluate_places(tmp_path)
    assert figures["landmarks"] >= 500
    assert figures["landmark_tickets"] == 1
    assert figures["landmark_district_right"] == 1.0
    assert figures["unsettled_share"] == 0.25
    assert figures["conflict_share"] == 0.5
    assert figures["conflict_point_is_gold"] == 1.0


def test_wrong_districts_the_text_names_with_its_prefix_are_told_apart(tmp_path: Path) -> None:
    bangkok = {"province": "กรุงเทพมหานคร", "province_in_text": "False"}
    _write(
        tmp_path,
        [
            # the text says เขตพระนคร, the ticket was pinned (and labelled) in the next khet, but
            # its point lies in พระนคร by the shipped boundaries: a doubtful label
            {
                **bangkok,
                "text": "ทางเท้าพัง เขตพระนคร",
                "district": "ดุสิต",
                "district_in_text": "False",
                "lat": "13.7500",
                "lon": "100.4913",
            },
            # a bare khet name pinned elsewhere, no point: wrong, and not the text's own statement
            {**bangkok, "text": "ไฟดับแถวบางรัก", "district": "สาทร", "district_in_text": "False"},
            {**bangkok, "text": "ไฟดับทั้งซอย", "district": "บางรัก", "district_in_text": "False"},
            {**bangkok, "text": "ขยะล้นถัง", "district": "บางรัก", "district_in_text": "False"},
        ],
    )
    figures = evaluate_places(tmp_path)
    assert figures["district_wrong"] == 0.5
    assert figures["district_wrong_prefixed"] == 0.25
    assert figures["district_wrong_point_agrees"] == 0.25
