"""Every test gets a database in the template's state, even when PostgreSQL reuses one.

The suite's PostgreSQL databases are reset rather than dropped (tests/fixtures/postgres_pool.py);
if a reset left a row, a sequence value or a schema change behind, tests would see each other's
data. These tests write, advance sequences and change the schema, then take the next database
from the same pool and compare it with the template.
"""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from tests.fixtures.databases import DatabaseTemplate, _asyncpg_dsn, postgres_url
from tests.fixtures.postgres_pool import ReusablePool


async def _state(dsn: str) -> dict[str, object]:
    connection = await asyncpg.connect(dsn)
    try:
        tables = [
            row["tablename"]
            for row in await connection.fetch(
                "select tablename from pg_tables where schemaname = 'public' order by 1"
            )
        ]
        counts = {t: await connection.fetchval(f'select count(*) from "{t}"') for t in tables}
        agencies = await connection.fetch("select * from agency order by id")
        return {
            "counts": counts,
            "agencies": [tuple(row.values()) for row in agencies],
            "sequences": await connection.fetch(
                "select sequencename, last_value from pg_sequences order by 1"
            ),
        }
    finally:
        await connection.close()


async def _dirty(dsn: str) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute("update agency set name_th = 'changed by a test'")
        await connection.execute(
            "insert into citizen (public_id, channel, channel_user_id, language, consent_state, "
            "notifications_enabled, created_at) "
            "values ('left-behind', 'line', 'U-left-behind', 'th', 'unknown', true, now())"
        )
        await connection.execute("select nextval(pg_get_serial_sequence('agency', 'id'))")
        await connection.execute("delete from routing_rule")
    finally:
        await connection.close()


@pytest.fixture
def pool(database_template: DatabaseTemplate) -> ReusablePool:
    if database_template.backend != "postgresql":
        pytest.skip("SQLite copies the template file for every test")
    assert database_template.pool is not None
    return database_template.pool


def _dsn(template: DatabaseTemplate, name: str) -> str:
    server = postgres_url()
    assert server
    return _asyncpg_dsn(server, name)


def test_a_database_given_back_dirty_comes_back_as_the_template(
    pool: ReusablePool, database_template: DatabaseTemplate
) -> None:
    assert database_template.template_name
    fresh = asyncio.run(_state(_dsn(database_template, database_template.template_name)))
    taken = [pool.take() for _ in range(3)]
    for name in taken:
        asyncio.run(_dirty(_dsn(database_template, name)))
        pool.give_back(name)
    again: list[str] = []
    while not set(again) & set(taken) and len(again) < 12:  # clean ones waiting come first
        again.append(pool.take())
    try:
        assert set(again) & set(taken), "the pool made new databases instead of reusing"
        for name in again:
            assert asyncio.run(_state(_dsn(database_template, name))) == fresh
    finally:
        for name in again:
            pool.give_back(name)


def test_a_database_whose_schema_a_test_changed_is_replaced(
    pool: ReusablePool, database_template: DatabaseTemplate
) -> None:
    name = pool.take()
    column = f"added_{uuid.uuid4().hex[:6]}"

    async def change_schema() -> None:
        connection = await asyncpg.connect(_dsn(database_template, name))
        try:
            await connection.execute(f"alter table agency add column {column} text")
        finally:
            await connection.close()

    asyncio.run(change_schema())
    pool.give_back(name)
    taken = [pool.take() for _ in range(3)]
    try:
        for other in taken:

            async def columns(database: str = other) -> set[str]:
                connection = await asyncpg.connect(_dsn(database_template, database))
                try:
                    rows = await connection.fetch(
                        "select column_name from information_schema.columns "
                        "where table_name = 'agency'"
                    )
                    return {row["column_name"] for row in rows}
                finally:
                    await connection.close()

            assert column not in asyncio.run(columns())
    finally:
        for other in taken:
            pool.give_back(other)
