"""The house rules a reviewer would otherwise check by hand: queries live in `storage/`, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("admin", "bot", "nlp", "services", "siang", "storage")

QUERY_LIBRARIES = ("sqlmodel", "sqlalchemy")
QUERY_BUILDERS = frozenset(
    {"select", "update", "delete", "insert", "func", "col", "text", "and_", "or_"}
)
SESSION_QUERY_METHODS = frozenset({"exec", "execute", "scalar", "scalars", "stream"})

MAX_LINES = 500


def _modules(*, outside: tuple[str, ...]) -> list[Path]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not relative.startswith(outside):
                found.append(path)
    return found


def _is_session(node: ast.expr) -> bool:
    """`session`, `self.session`, `turn.session`, `reader_session` …: a name that says it is one."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name.endswith("session")


def queries_built_in(source: str, *, relative: str) -> list[str]:
    """Each query builder imported and each query run on a session, as `file:line what`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] in QUERY_LIBRARIES
        ):
            for alias in node.names:
                if alias.name in QUERY_BUILDERS:
                    found.append(f"{relative}:{node.lineno} imports {node.module}.{alias.name}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SESSION_QUERY_METHODS
            and _is_session(node.func.value)
        ):
            found.append(f"{relative}:{node.lineno} runs session.{node.func.attr}()")
    return found


class TestQueriesLiveInStorage:
    def test_no_module_outside_storage_builds_or_runs_a_query(self) -> None:
        modules = _modules(outside=("storage/",))
        assert len(modules) > 100
        hits = [
            hit
            for path in modules
            for hit in queries_built_in(
                path.read_text(encoding="utf-8"), relative=path.relative_to(ROOT).as_posix()
            )
        ]
        assert hits == []

    def test_the_check_sees_a_query_when_there_is_one(self) -> None:
        source = (
            "from sqlmodel import col, select\n"
            "from sqlmodel.ext.asyncio.session import AsyncSession\n\n"
            "async def f(self, session: AsyncSession):\n"
            "    await self.session.execute(select(1))\n"
            "    return await session.get(AsyncSession, 1)\n"
        )
        assert queries_built_in(source, relative="services/probe.py") == [
            "services/probe.py:1 imports sqlmodel.col",
            "services/probe.py:1 imports sqlmodel.select",
            "services/probe.py:5 runs session.execute()",
        ]


class TestModuleLength:
    def test_no_module_outside_the_migrations_is_over_the_limit(self) -> None:
        modules = _modules(outside=("storage/migrations/",))
        modules += sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "bench").rglob("*.py"))
        too_long = {
            path.relative_to(ROOT).as_posix(): lines
            for path in modules
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        }
        assert len(modules) > 300
        assert too_long == {}
