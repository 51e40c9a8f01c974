"""The civic evaluation can measure one batch (written, not yet trained on), both its halves or
one, instead of the test half. All rows here are team-written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nlp.evaluation.civic import evaluate_civic
from nlp.pipeline import ThaiAnalyzer


def row(message_id: str, text: str, split: str, category: str = "ประปา") -> dict[str, Any]:
    return {
        "id": message_id,
        "text": text,
        "category": category,
        "also": [],
        "intent": "complaint",
        "sentiment": "negative",
        "urgency": "normal",
        "hazards": [],
        "province": None,
        "district": None,
        "subdistrict": None,
        "ambiguous_place": False,
        "mask": [],
        "keep": [],
        "language": "th",
        "split": split,
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "civic.jsonl"
    rows = [
        row("c1-0001", "น้ำประปาไม่ไหลมาสามวันแล้วค่ะ", "test"),
        row("c9-0001", "ท่อประปาแตกน้ำพุ่งกลางถนน", "train"),
        row("b99-0001", "ไฟถนนหน้าบ้านดับทั้งซอยมาเป็นเดือนแล้ว", "train", "แสงสว่าง"),
        row("b99-0002", "ขยะไม่มีใครมาเก็บสามวันแล้ว เหม็นมาก", "train", "ความสะอาด"),
        row("b99-0003", "หมาจรไล่กัดเด็กหน้าโรงเรียน", "test", "สัตว์จรจัด"),
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_a_batch_is_measured_alone(corpus: Path, analyzer: ThaiAnalyzer) -> None:
    report = evaluate_civic(corpus=corpus, analyzer=analyzer, batch="b99")
    assert report["messages"] == 3
    assert report["split"] == "both, batch b99"
    assert report["category"]["n"] == 3


def test_one_half_of_a_batch(corpus: Path, analyzer: ThaiAnalyzer) -> None:
    test = evaluate_civic(corpus=corpus, analyzer=analyzer, batch="b99", split="test")
    train = evaluate_civic(corpus=corpus, analyzer=analyzer, batch="b99", split="train")
    assert (test["split"], test["messages"]) == ("test, batch b99", 1)
    assert (train["split"], train["messages"]) == ("train, batch b99", 2)


def test_without_a_batch_the_test_half_is_measured(corpus: Path, analyzer: ThaiAnalyzer) -> None:
    report = evaluate_civic(corpus=corpus, analyzer=analyzer)
    assert (report["split"], report["messages"]) == ("test", 2)


def test_a_batch_that_is_not_there_is_an_error(corpus: Path, analyzer: ThaiAnalyzer) -> None:
    with pytest.raises(ValueError, match="b98"):
        evaluate_civic(corpus=corpus, analyzer=analyzer, batch="b98")


def test_an_unknown_half_is_an_error(corpus: Path, analyzer: ThaiAnalyzer) -> None:
    with pytest.raises(ValueError, match="half"):
        evaluate_civic(corpus=corpus, analyzer=analyzer, split="dev")
