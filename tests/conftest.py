"""Fixtures for the whole suite: a fresh migrated database per test on each backend, and the app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from siang.app import create_app
from siang.settings import Settings
from storage.database import Database
from storage.passwords import use_cheapest_hashing_for_tests
from tests.fakes.fixtures import (  # noqa: F401 - fixtures for every test package
    _line_server,
    _telegram_server,
    chat_settings,
    line_api,
    telegram_api,
)
from tests.fixtures.databases import BACKENDS, DatabaseTemplate, build_template

use_cheapest_hashing_for_tests()  # accounts made by the hundred; a test of the cost is below

# Modules whose tests take minutes between them (trainings, fault runs, CLI subprocesses) and use
# no test database. pytest puts them after the database tests, so with pytest-xdist they began
# in the last minutes and one process worked on alone while the others had finished (a tail of
# 1–2 minutes). Run first, they overlap the database tests. Whole modules are moved, in their
# own order, so their module-scoped fixtures (the one training of tests/nlp/test_training.py)
# are still made once.
LONG_MODULES_FIRST = (
    "tests/nlp/test_training.py",
    "tests/bot/test_faults_during_a_burst.py",
    "tests/siang/test_cli.py",
    "tests/siang/test_cli_nlp.py",
)


@pytest.hookimpl(trylast=True)  # after pytest groups the tests by database backend
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        module = item.nodeid.split("::", 1)[0]
        return (
            LONG_MODULES_FIRST.index(module)
            if module in LONG_MODULES_FIRST
            else len(LONG_MODULES_FIRST)
        )

    items.sort(key=rank)  # stable: every other test keeps its place


@pytest.fixture(scope="session", params=BACKENDS)
def database_template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseTemplate]:
    yield from build_template(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture
def database_url(database_template: DatabaseTemplate, tmp_path: Path) -> Iterator[str]:
    """The URL of this test's own migrated, seeded database."""
    url = database_template.clone(tmp_path)
    yield url
    database_template.drop(url)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        environment="test",
        database_url=database_url,
        media_dir=tmp_path / "media",
        scheduler_enabled=False,
    )


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    db = Database(settings.database_url)
    yield db
    await db.dispose()


@pytest.fixture
async def app(settings: Settings, database: Database) -> AsyncIterator[FastAPI]:
    application = create_app(settings, database=database)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://siang.test") as http:
        yield http
