"""`siang nlp …` as a script or evaluator runs it: a subprocess with JSON Lines on stdin."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from siang.cli.nlp import BadLineError, analyze_stream, parse_line
from tests.fixtures.training_data import write_training_data

SIANG = [sys.executable, "-m", "siang"]
ENV = os.environ | {"PYTHONIOENCODING": "utf-8"}


def run_nlp(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SIANG, "nlp", *args], input=stdin, capture_output=True, text=True, env=ENV, timeout=300
    )


class TestParseLine:
    def test_text_with_and_without_coordinates(self) -> None:
        assert parse_line('{"text": "ไฟดับ"}') == ("ไฟดับ", None, None, None)
        assert parse_line('{"text": "ไฟดับ", "lat": 13.75, "lon": "100.5", "id": 7}') == (
            "ไฟดับ",
            13.75,
            100.5,
            7,
        )
        assert parse_line('{"text": "", "lat": null, "lon": null}') == ("", None, None, None)

    @pytest.mark.parametrize(
        ("line", "reason"),
        [
            ("", "empty line"),
            ("not json", "not JSON"),
            ('{"text": "ไฟดับ"', "not JSON"),
            ('["ไฟดับ"]', "expected a JSON object, got list"),
            ('"ไฟดับ"', "expected a JSON object, got str"),
            ('{"message": "ไฟดับ"}', 'no "text"'),
            ('{"text": 5}', '"text" must be a string'),
            ('{"text": "ไฟดับ", "lat": "north", "lon": 100}', '"lat" must be a number'),
            ('{"text": "ไฟดับ", "lat": true, "lon": 100}', '"lat" must be a number'),
            ('{"text": "ไฟดับ", "lat": 13.7}', '"lat" and "lon" go together'),
            ('{"text": "ไฟดับ", "lat": 95, "lon": 100}', '"lat" out of range'),
            ('{"text": "ไฟดับ", "lat": 13, "lon": [100]}', '"lon" must be a number'),
        ],
    )
    def test_bad_lines_say_why(self, line: str, reason: str) -> None:
        with pytest.raises(BadLineError, match=reason.replace("[", r"\[")):
            parse_line(line)


def test_analyze_stream_answers_every_line_in_order() -> None:
    lines = [
        '{"text": "ถนนเป็นหลุมใหญ่ ซอยสุขุมวิท 71 เขตวัฒนา", "id": "a"}',
        "not json at all",
        '{"text": "สายไฟขาดห้อยลงมา อันตราย", "lat": 13.7567, "lon": 100.5018}',
        '{"lat": 1, "lon": 2}',
    ]
    out = io.StringIO()
    assert analyze_stream(io.StringIO("\n".join(lines) + "\n"), out) == (4, 2)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 4
    assert results[0]["id"] == "a" and results[0]["district"] == "วัฒนา"
    assert results[1] == {"error": results[1]["error"], "line": 2}
    assert "not JSON" in results[1]["error"]
    assert "สายไฟ" in [c["label"] for c in results[2]["categories"]]
    assert results[2]["district"] == "พระนคร"
    assert results[3] == {"error": 'no "text"', "line": 4}


def test_the_command_reads_stdin_and_writes_one_object_per_line() -> None:
    stdin = "\n".join(
        [
            json.dumps({"text": "น้ำท่วมขังหน้าบ้าน โทร 0812345678"}, ensure_ascii=False),
            "{broken",
            json.dumps({"text": "ขอบคุณที่มาซ่อมไฟให้ครับ"}, ensure_ascii=False),
        ]
    )
    result = run_nlp("analyze", stdin=stdin + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert rows[0]["category"] == "น้ำท่วม"
    assert "0812345678" not in rows[0]["redacted"]
    assert {"category", "categories", "province", "district", "subdistrict", "sentiment"} <= set(
        rows[0]
    )
    assert "error" in rows[1]
    assert rows[2]["intent"] == "praise"


def test_the_command_streams_each_answer_before_the_next_line_arrives() -> None:
    process = subprocess.Popen(
        [*SIANG, "nlp", "analyze"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        for text in ("ไฟดับทั้งซอย", "ขยะไม่มีคนเก็บ"):
            process.stdin.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())  # would block forever if buffered
            assert "category" in answer
        process.stdin.close()
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()


def test_categories_lists_labels_with_english_glosses() -> None:
    listed = run_nlp("categories", "--json")
    assert listed.returncode == 0, listed.stderr
    labels = json.loads(listed.stdout)
    by_label = {row["label"]: row for row in labels}
    for traffy in ("ถนน", "ทางเท้า", "น้ำท่วม", "ท่อระบายน้ำ", "ความสะอาด", "สายไฟ", "ทุจริต"):
        assert traffy in by_label
    assert all(row["gloss_en"] for row in labels)
    table = run_nlp("categories")
    assert table.returncode == 0
    assert "น้ำท่วม" in table.stdout and "flood" in table.stdout.lower()


def test_eval_prints_a_table_and_json(tmp_path: Path) -> None:
    (tmp_path / "messages.csv").write_text(
        'id,text\n1,"โทร 081-234-5678 ซอย 15 เวลา 14.30 น."\n', encoding="utf-8"
    )
    table = run_nlp("eval", "--data", str(tmp_path), "--only", "personal_data")
    assert table.returncode == 0, table.stderr
    assert "[personal_data]" in table.stdout
    assert "cases_masked" in table.stdout
    as_json = run_nlp("eval", "--data", str(tmp_path), "--only", "personal_data", "--json")
    report = json.loads(as_json.stdout)
    assert report["personal_data"]["leftover_phone"] == 0
    assert report["personal_data"]["cases_masked"] == 1.0


def test_eval_and_train_refuse_a_missing_data_folder(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere")
    assert run_nlp("eval", "--data", missing).returncode == 2
    assert run_nlp("train", "--data", missing, "--out", str(tmp_path / "out")).returncode == 2


def test_train_refuses_figures_that_are_not_a_json_object(tmp_path: Path) -> None:
    data = write_training_data(tmp_path / "data")
    broken = tmp_path / "figures.json"
    broken.write_text("[0.6", encoding="utf-8")
    out = tmp_path / "model"
    refused = run_nlp("train", "--data", str(data), "--out", str(out), "--figures", str(broken))
    assert refused.returncode == 2
    assert "cannot read figures" in refused.stderr
    assert not out.exists()
