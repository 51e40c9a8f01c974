"""Migrations go up, down to base and up again, and match the models, on every backend."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from storage import migrate
from storage.database import Database
from storage.models import metadata
from tests.fixtures.databases import DatabaseTemplate


def _tables(url: str) -> set[str]:
    async def read() -> set[str]:
        database = Database(url)
        try:
            async with database.engine.connect() as connection:
                names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        finally:
            await database.dispose()
        return names - {"alembic_version"}

    return asyncio.run(read())


def _differences(url: str) -> list[object]:
    def compare(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))

    async def run() -> list[object]:
        database = Database(url)
        try:
            async with database.engine.connect() as connection:
                return await connection.run_sync(compare)
        finally:
            await database.dispose()

    return asyncio.run(run())


class TestMigrations:
    def test_down_to_base_and_up_again(
        self, database_template: DatabaseTemplate, tmp_path: Path
    ) -> None:
        url = database_template.clone(tmp_path)
        try:
            assert set(metadata.tables) <= _tables(url)
            migrate.downgrade(url, "base")
            assert _tables(url) == set()
            migrate.upgrade(url)
            assert set(metadata.tables) <= _tables(url)
        finally:
            database_template.drop(url)

    def test_schema_matches_the_models(self, database_url: str) -> None:
        assert _differences(database_url) == []
