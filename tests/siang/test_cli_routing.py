"""`siang routing load` and `show` as an operator runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.siang.test_cli import run_siang


class TestRoutingCommands:
    def test_load_the_starter_rules_twice_then_show_them(self, database_url: str) -> None:
        env = {"SIANG_DATABASE_URL": database_url}
        first = run_siang("routing", "load", env=env)
        assert first.returncode == 0, first.stderr
        assert " 0 updated" in first.stdout and "added" in first.stdout
        again = run_siang("routing", "load", env=env)
        assert again.returncode == 0, again.stderr
        assert "0 added, 0 updated" in again.stdout
        shown = run_siang("routing", "show", "--category", "ประปา", "--json", env=env)
        assert shown.returncode == 0, shown.stderr
        rows = [json.loads(line) for line in shown.stdout.splitlines()]
        served = {row["name"]: row["provinces_served"] for row in rows}
        assert served["ประปา-นครหลวง"] + served["ประปา-ส่วนภูมิภาค"] == 77
        assert rows[-1]["name"] == "ศูนย์ดำรงธรรมจังหวัด"

    def test_a_bad_file_is_refused_with_line_numbers(
        self, database_url: str, tmp_path: Path
    ) -> None:
        path = tmp_path / "rules.yaml"
        path.write_text(
            "rules:\n  - name: ผิด\n    category: ประปา\n    agency_type: waterworks\n",
            encoding="utf-8",
        )
        result = run_siang("routing", "load", str(path), env={"SIANG_DATABASE_URL": database_url})
        assert result.returncode == 1
        assert "rules.yaml:2: rule 'ผิด': unknown agency type 'waterworks'" in result.stderr
        assert "nothing was loaded" in result.stderr
