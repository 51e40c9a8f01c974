"""The `siang` command as an operator runs it: in a subprocess, with settings from the environment."""

from __future__ import annotations

import json
import os
import sqlite3
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

    def test_seeding_a_fresh_database_loads_the_starter_routing_rules_once(
        self, sqlite_env: dict[str, str]
    ) -> None:
        assert run_siang("db", "upgrade", env=sqlite_env).returncode == 0
        seeded = run_siang("db", "seed", env=sqlite_env)
        assert seeded.returncode == 0, seeded.stderr
        shown = run_siang("routing", "show", "--json", env=sqlite_env)
        rules = [json.loads(line) for line in shown.stdout.splitlines()]
        assert rules and rules[-1]["name"] == "ศูนย์ดำรงธรรมจังหวัด"
        assert "routing rules" in seeded.stdout
        again = run_siang("db", "seed", env=sqlite_env)
        assert again.returncode == 0 and "routing rules" not in again.stdout
        assert run_siang("routing", "show", "--json", env=sqlite_env).stdout == shown.stdout

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


class TestDemoRefusesRealData:
    """`siang demo` creates accounts with a published password: never next to real data."""

    def test_production_is_refused_before_anything_is_touched(self) -> None:
        env = {
            "SIANG_ENVIRONMENT": "production",
            "SIANG_SECRET_KEY": "k3J9-xQ2mVt7Lp0sZr4Yb8NcWd6HfGa1Ue5OiTq",
            "SIANG_DATABASE_URL": "postgresql+asyncpg://siang@127.0.0.1:9/nowhere",
        }
        result = run_siang("demo", "--port", "9", env=env)
        assert result.returncode == 2
        assert "production" in result.stderr and "demo password" in result.stderr
        assert "Traceback" not in result.stderr

    def test_a_database_holding_real_citizens_is_refused(
        self, sqlite_env: dict[str, str], tmp_path: Path
    ) -> None:
        assert run_siang("db", "upgrade", env=sqlite_env).returncode == 0
        with sqlite3.connect(tmp_path / "cli.db") as db:
            db.execute(
                "INSERT INTO citizen (public_id, channel, channel_user_id, language,"
                " consent_state, notifications_enabled, created_at)"
                " VALUES ('p1', 'line', 'U-real-person', 'th', 'accepted', 1,"
                " '2026-12-01 00:00:00')"
            )
        result = run_siang("demo", "--port", "9", env=sqlite_env)
        assert result.returncode == 2
        assert "1 citizen" in result.stderr and "not demo data" in result.stderr
        with sqlite3.connect(tmp_path / "cli.db") as db:
            assert db.execute("SELECT count(*) FROM user_account").fetchone() == (0,)
