"""The duplicate evaluation pairs tickets by distance and scores the text rule. Team-written rows."""

from __future__ import annotations

from pathlib import Path

from nlp.evaluation.duplicates import evaluate_duplicates

HEADER = "ticket_id,text,types,district,lat,lon\n"


def test_pairs_close_together_count_as_the_same_problem(tmp_path: Path) -> None:
    rows = [
        "1,ไฟทางดับทั้งซอย มืดมาก อันตราย,แสงสว่าง,บางกะปิ,13.7650,100.6400",
        "2,ไฟทางดับทั้งซอย มืดมากค่ะ อันตราย,แสงสว่าง,บางกะปิ,13.7651,100.6401",
        "3,หลอดไฟเสาริมคลองเสีย ไม่มีใครซ่อม,แสงสว่าง,บางกะปิ,13.7800,100.6600",
        "4,ถนนเป็นหลุม,ถนน,บางกะปิ,13.7650,100.6400",
    ]
    (tmp_path / "traffy_tickets.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    report = evaluate_duplicates(tmp_path)
    assert report["same_problem_pairs"] == 1
    assert report["different_problem_pairs"] == 2
    assert report["by_threshold"]["0.5"] == {"recall": 1.0, "false_merge": 0.0}
