"""The `siang` command as an operator runs it: in a subprocess, with settings from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SIANG = [sys.executable, "-m", "siang"]


def run_siang(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SIANG, *args], capture_output=True, text=True, env=os.environ | env, timeout=120
    )


@pytest.fixture
def sqlite_env(tmp_path: Path) -> dict[str, str]:
    return {"SIANG_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"}


class TestDatabaseCommands:
    def test_upgrade_seed_and_list_on_a_fresh_database(self, sqlite_env: dict[str, str]) -> None:
        assert run_siang("db", "upgrade", env=sqlite_env).returncode == 0
        seeded = run_siang("db", "seed", env=sqlite_env)
        assert seeded.returncode == 0
        assert "provinces          77 (77 new)" in seeded.stdout
        again = run_siang("db", "seed", env=sqlite_env)
        assert "boards             77 (0 new)" in again.stdout
        listed = run_siang("feedback", "list", "--json", env=sqlite_env)
        assert listed.returncode == 0
        assert json.loads(listed.stdout) == []

    def test_downgrade_to_base(self, sqlite_env: dict[str, str]) -> None:
        run_siang("db", "upgrade", env=sqlite_env)
        result = run_siang("db", "downgrade", "base", env=sqlite_env)
        assert result.returncode == 0
        assert "downgraded to base" in result.stdout


class TestBadSettings:
    def test_a_bad_value_stops_start_up_naming_the_setting(self) -> None:
        result = run_siang("db", "upgrade", env={"SIANG_DATABASE_URL": "mysql://somewhere/db"})
        assert result.returncode == 2
        assert "SIANG_DATABASE_URL" in result.stderr
        assert "Traceback" not in result.stderr

    def test_every_command_has_help(self) -> None:
        for command in (
            ["--help"],
            ["db", "--help"],
            ["serve", "--help"],
            ["feedback", "list", "--help"],
        ):
            result = run_siang(*command, env={})
            assert result.returncode == 0, command
            assert "Usage" in result.stdout
