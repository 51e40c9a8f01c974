"""The civic corpus labels house numbers as must-mask spans, and its evaluation says so.

All rows here are team-written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nlp.evaluation.civic import evaluate_civic
from nlp.pipeline import ThaiAnalyzer
from nlp.training.civic import CORPUS_FILE, read_corpus
from nlp.training.civic_house_numbers import is_house_number, relabel, relabel_file


def row(
    text: str, *, mask: list[str], keep: list[str], split: str = "train", number: int = 1
) -> dict[str, Any]:
    return {
        "id": f"t-{number:04d}",
        "text": text,
        "category": "น้ำท่วม",
        "also": [],
        "intent": "complaint",
        "sentiment": "negative",
        "urgency": "normal",
        "hazards": [],
        "province": None,
        "district": None,
        "subdistrict": None,
        "ambiguous_place": False,
        "mask": mask,
        "keep": keep,
        "language": "th",
        "split": split,
    }


def test_a_house_number_moves_to_mask_and_its_village_stays_kept() -> None:
    message = row(
        "น้ำท่วมบ้านเลขที่ 12/1 หมู่ 6 ค่ะ โทร 0812345678",
        mask=["0812345678"],
        keep=["บ้านเลขที่ 12/1 หมู่ 6"],
    )
    assert relabel(message) == 1
    assert message["mask"] == ["0812345678", "บ้านเลขที่ 12/1"]
    assert message["keep"] == ["หมู่ 6"]


def test_a_bare_number_before_the_village_and_an_english_house_move_too() -> None:
    thai = row("ท่อแตกหน้า 99/123 หมู่ 4 ครับ", mask=[], keep=["99/123 หมู่ 4"])
    english = row("glass breaking, house 88/9 Moo 2", mask=[], keep=["88/9", "Moo 2"])
    assert relabel(thai) == relabel(english) == 1
    assert (thai["mask"], thai["keep"]) == (["99/123"], ["หมู่ 4"])
    assert (english["mask"], english["keep"]) == (["88/9"], ["Moo 2"])


def test_numbers_that_are_not_house_numbers_stay_kept() -> None:
    keep = ["คำขอเลขที่ 45/2569", "โฉนดเลขที่ 12345", "ซอย 5/1", "ม.2/3", "20 บาท"]
    message = row(
        "คำขอเลขที่ 45/2569 โฉนดเลขที่ 12345 ซอย 5/1 ห้อง ม.2/3 ค่ารถ 20 บาท",
        mask=[],
        keep=list(keep),
    )
    assert relabel(message) == 0
    assert message["keep"] == keep and message["mask"] == []


def test_relabelling_a_file_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    corpus = tmp_path / "civic.jsonl"
    rows = [
        row("บ้านเลขที่ 45/2 หมู่ 4 น้ำเข้าบ้าน", mask=[], keep=["บ้านเลขที่ 45/2 หมู่ 4"]),
        row("ไฟดับ ซอย 5", mask=[], keep=["ซอย 5"], split="test", number=2),
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert relabel_file(corpus) == {"train": 1}
    once = corpus.read_text("utf-8")
    assert relabel_file(corpus) == {}
    assert corpus.read_text("utf-8") == once
    assert [m.mask for m in read_corpus((corpus,))] == [("บ้านเลขที่ 45/2",), ()]


def test_the_shipped_corpus_keeps_no_house_number() -> None:
    rows = [json.loads(line) for line in CORPUS_FILE.read_text("utf-8").splitlines() if line]
    assert not [r["id"] for r in rows if relabel(r)]
    masks = [span for m in read_corpus((CORPUS_FILE,)) for span in m.mask]
    assert sum(is_house_number(span) for span in masks) >= 30


def test_the_civic_evaluation_counts_house_numbers_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "civic.jsonl"
    rows = [
        row(
            "น้ำเข้าบ้านแล้ว บ้านเลขที่ 45/2 หมู่ 4 โทร 0812345678",
            mask=["บ้านเลขที่ 45/2", "0812345678"],
            keep=["หมู่ 4"],
            split="test",
        )
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    report = evaluate_civic(corpus=corpus, analyzer=ThaiAnalyzer.load())["personal_data"]
    assert (report["must_mask"], report["left"]) == (2, 0)
    assert (report["house_numbers_must_mask"], report["house_numbers_left"]) == (1, 0)
    assert report["must_mask_without_house_numbers"] == 1
    assert report["touched"] == 0
    assert "house numbers" in report["convention"]
