"""Dialect-aware "insert … on conflict do nothing" for idempotent loads and durable intake.

The statements are built from subclasses that SQLAlchemy can cache. SQLAlchemy 2.0 compiles a
PostgreSQL or SQLite `Insert` with ON CONFLICT on every execution (the dialects' `Insert` set
`inherit_cache = False`, and the ON CONFLICT clause has no cache key): about a tenth of a web
process's time in a burst of webhooks (py-spy, bench/webhook_burst.py), and as much again in
the workers, whose answers are queued the same way. A bare ON CONFLICT DO NOTHING (no target:
any unique key) has nothing to tell apart, so its cache key is empty, and the INSERT around it
keeps its own (table, values, RETURNING, and this clause), so it is compiled once per shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import dml as postgresql_dml
from sqlalchemy.dialects.sqlite import dml as sqlite_dml
from sqlalchemy.ext.asyncio import AsyncSession


class _PostgresDoNothing(postgresql_dml.OnConflictDoNothing):
    """ON CONFLICT DO NOTHING with no conflict target: no state, so an empty cache key."""

    _traverse_internals = ()  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()


class _SqliteDoNothing(sqlite_dml.OnConflictDoNothing):
    _traverse_internals = ()  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()


class _PostgresInsert(postgresql_dml.Insert):
    # The INSERT's traversal already covers its ON CONFLICT clause (`_post_values_clause`); a
    # clause without a cache key (ON CONFLICT DO UPDATE) still makes the statement uncached.
    inherit_cache = True


class _SqliteInsert(sqlite_dml.Insert):
    inherit_cache = True


def insert_skipping_conflicts(dialect: str, table: Table) -> Any:
    """`INSERT INTO table … ON CONFLICT DO NOTHING` for the dialect, cacheable by SQLAlchemy."""
    if dialect == "postgresql":
        statement: Any = _PostgresInsert(table)
        statement._post_values_clause = _PostgresDoNothing()
    else:
        statement = _SqliteInsert(table)
        statement._post_values_clause = _SqliteDoNothing()
    return statement


def _insert(session: AsyncSession, table: Table) -> Any:
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return insert_skipping_conflicts(dialect, table)


async def insert_ignoring_conflicts(
    session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]], *, chunk: int = 500
) -> int:
    """Insert rows, skipping any that collide with a unique key; returns how many were new."""
    added = 0
    for start in range(0, len(rows), chunk):
        statement = _insert(session, table).values(list(rows[start : start + chunk]))
        connection = await session.connection()
        result = await connection.execute(statement)
        added += max(result.rowcount or 0, 0)
    return added


async def insert_one_if_new(
    session: AsyncSession, table: Table, row: dict[str, Any], *, returning: Any
) -> Any | None:
    """Insert one row unless it collides; return `returning` of the new row, or None if it existed."""
    statement = _insert(session, table).values(row).returning(returning)
    connection = await session.connection()
    return (await connection.execute(statement)).scalar_one_or_none()


async def insert_many_new(
    session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]], *, returning: Any
) -> list[Any]:
    """Insert rows, skipping those that collide; `returning` of the new ones. One statement
    compiled once and sent as executemany (SQLAlchemy batches it into multi-row INSERTs itself),
    so 20,000 rows take no longer to compile than one."""
    if not rows:
        return []
    statement = _insert(session, table).returning(returning)
    connection = await session.connection()
    return list((await connection.execute(statement, list(rows))).scalars())


async def insert_new_rows_returning(
    session: AsyncSession,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *columns: Any,
) -> list[tuple[Any, ...]]:
    """Insert rows, skipping those that collide; `columns` of the new ones. Sent as executemany
    of one single-row statement, as `insert_many_new`: SQLAlchemy caches its compilation and
    batches the rows into multi-row INSERTs within the database's parameter limit."""
    if not rows:
        return []
    connection = await session.connection()
    statement = insert_skipping_conflicts(connection.dialect.name, table).returning(*columns)
    result = await connection.execute(statement, list(rows))
    return [tuple(row) for row in result]
