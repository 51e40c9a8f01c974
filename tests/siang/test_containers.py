"""The Dockerfile and compose file are sound and run the same commands as the README.

No Docker engine runs here, so we lint the Dockerfile with hadolint and check that every command
the containers run is a real `siang` command.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _siang_help(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "siang", *command, "--help"], capture_output=True, text=True
    )


class TestDockerfile:
    def test_hadolint_finds_nothing(self) -> None:
        hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
        if not Path(hadolint).exists():
            pytest.skip("hadolint is not installed (it comes with the dev extra)")
        result = subprocess.run(
            [hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def test_runs_as_a_non_root_user(self) -> None:
        lines = (ROOT / "Dockerfile").read_text().splitlines()
        users = [line.split()[1] for line in lines if line.startswith("USER ")]
        assert users and not users[-1].startswith(("root", "0"))

    def test_start_command_uses_real_siang_commands(self) -> None:
        for command in (["db", "upgrade"], ["db", "seed"], ["serve"]):
            assert _siang_help(*command).returncode == 0, command


class TestCompose:
    def test_has_app_worker_postgres_and_redis(self) -> None:
        compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
        assert {"app", "worker", "postgres", "redis"} <= set(compose["services"])

    def test_app_and_worker_use_postgres_and_redis(self) -> None:
        compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
        for name in ("app", "worker"):
            env = compose["services"][name]["environment"]
            assert env["SIANG_DATABASE_URL"].startswith("postgresql+asyncpg://")
            assert env["SIANG_REDIS_URL"].startswith("redis://")

    def test_worker_command_exists(self) -> None:
        compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
        command = compose["services"]["worker"]["command"]
        assert command[0] == "siang"
        assert _siang_help(*command[1:]).returncode == 0, command

    def test_runs_two_web_processes_and_two_workers(self) -> None:
        """The production shape of issue 18, as bench/webhook_burst.py --production starts it."""
        compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
        app = compose["services"]["app"]["command"]
        assert app[:2] == ["sh", "-c"]
        serve = app[2].rsplit("exec ", 1)[1].split()
        assert serve[:2] == ["siang", "serve"] and "--workers" in serve
        assert serve[serve.index("--workers") + 1] == "2"
        assert _siang_help("serve").stdout.count("--workers") == 1
        assert compose["services"]["worker"]["deploy"]["replicas"] == 2
