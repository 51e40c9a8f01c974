"""The async engine and session factory; a unit of work commits or rolls back in one place."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the web process read while a background job writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine for SQLite (aiosqlite) or PostgreSQL (asyncpg)."""
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            connect_args={"timeout": 30},  # see below
        )
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    return create_async_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        # A failed statement's message is logged and kept as an inbound event's error; with the
        # parameters in it, that would copy a citizen's words and phone number into both.
        hide_parameters=True,
        pool_size=10,
        max_overflow=10,
        # asyncpg prepares every statement; after five runs PostgreSQL may switch a statement to
        # a generic plan that ignores the parameters. For the admin aggregates, whose best plan
        # depends on the period asked for, that made the same query 5-10x slower (measured with
        # bench/admin_stats.py); planning each run costs well under a millisecond.
        connect_args={"server_settings": {"plan_cache_mode": "force_custom_plan"}},
    )


class Database:
    """One engine and its session factory, shared by the app, the CLI and background jobs."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = create_engine(url, echo=echo)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )
        # One turn per event loop (a lock belongs to the loop it first waits in).
        self._writer_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> AsyncSession:
        """A bare session; the caller commits."""
        return self._sessions()

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """A session that commits when the block ends and rolls back if it raises."""
        async with self._sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    @asynccontextmanager
    async def writer_turn(self) -> AsyncIterator[None]:
        """On SQLite, wait for this process's other writers before writing (FIFO).

        SQLite has one writer at a time; a writer that finds the lock taken sleeps in SQLite's
        busy handler for 1, 2, 5 … up to 100 ms at a time, however soon the lock is freed. The
        chat intake's writers (webhooks storing events, the conversations) queue here instead
        and start the moment the previous one commits. PostgreSQL needs no turn.
        """
        if self.dialect != "sqlite":
            yield
            return
        turn = self._writer_turns.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        async with turn:
            yield

    async def ping(self) -> bool:
        """True when the database answers a trivial query."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
