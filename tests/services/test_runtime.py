"""The app's runtime has one door: no endpoint or helper reads `app.state` for itself."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi import FastAPI, Request

from admin.dependencies import get_runtime as admin_runtime
from bot.dependencies import get_runtime as chat_runtime
from services.runtime import install_runtime, runtime_of
from siang.runtime import app_runtime

ROOT = Path(__file__).resolve().parents[2]


def _reads_of_app_state(path: Path) -> list[str]:
    """`….app.state` or `app.state` anywhere in the module, as `file:line`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "state":
            owner = node.value
            if (isinstance(owner, ast.Attribute) and owner.attr == "app") or (
                isinstance(owner, ast.Name) and owner.id == "app"
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


class TestRuntimeOf:
    @pytest.mark.parametrize("package", ["admin", "bot"])
    def test_no_module_of_the_package_reads_app_state(self, package: str) -> None:
        modules = sorted((ROOT / package).rglob("*.py"))
        assert modules
        assert [read for path in modules for read in _reads_of_app_state(path)] == []

    def test_only_the_runtime_module_reads_app_state_below_the_composition_root(self) -> None:
        modules = sorted((ROOT / "services").rglob("*.py")) + sorted(
            (ROOT / "storage").rglob("*.py")
        )
        readers = {read.split(":")[0] for path in modules for read in _reads_of_app_state(path)}
        assert readers == {"services/runtime.py"}

    async def test_the_app_holds_one_runtime_every_package_reads(self, app: FastAPI) -> None:
        request = Request({"type": "http", "app": app})
        runtime = app_runtime(app)

        assert admin_runtime(request) is runtime
        assert chat_runtime(request) is runtime
        assert runtime.database.dialect in {"sqlite", "postgresql"}

    def test_an_app_that_has_not_started_says_so(self) -> None:
        with pytest.raises(RuntimeError, match="create_app"):
            runtime_of(FastAPI(), object)

    def test_a_runtime_without_what_the_chat_needs_is_refused(self) -> None:
        app = FastAPI()
        install_runtime(app, SimpleNamespace(database=None, settings=None))

        with pytest.raises(TypeError, match="ChatRuntime"):
            chat_runtime(Request({"type": "http", "app": app}))
