"""The async engine and session factory; a unit of work commits or rolls back in one place,
then wakes outbox delivery when its transaction queued messages."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.connection_checks import check_connections_on_checkout
from storage.outbox_wake import OutboxAwareSession, take_outbox_due
from storage.writer_turn import WriterTurn

logger = logging.getLogger(__name__)

OutboxWaker = Callable[[], Awaitable[None]]
# The databases whose outbox wake-up is held back in this task (see `outbox_wake_held`), each
# with whether a unit of work inside the block made messages due.
_held_wakes: ContextVar[dict[int, bool] | None] = ContextVar("siang_held_wakes", default=None)


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
    engine = create_async_engine(
        url,
        echo=echo,
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
    check_connections_on_checkout(engine)  # pool_pre_ping's three round trips, only when due
    return engine


class Database:
    """One engine and its session factory, shared by the app, the CLI and background jobs."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = create_engine(url, echo=echo)
        self._sessions = async_sessionmaker(
            self.engine,
            class_=AsyncSession,
            sync_session_class=OutboxAwareSession,
            expire_on_commit=False,
        )
        self._outbox_waker: OutboxWaker | None = None
        # One turn per event loop (a lock belongs to the loop it first waits in).
        self._writer_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, WriterTurn] = (
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
        """A session that commits when the block ends and rolls back if it raises.

        After a commit of messages queued in it (`storage.outbox_wake`), delivery is woken at
        once instead of at the next poll; a rollback wakes nothing."""
        async with self._sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
            due = take_outbox_due(session)
        if due:
            await self._outbox_due()

    @asynccontextmanager
    async def asyncpg_connection(self) -> AsyncIterator[asyncpg.Connection]:
        """PostgreSQL only: a pooled connection's asyncpg connection, outside any transaction
        (each statement commits on its own), for a statement written for asyncpg. The pool's
        checks apply on checkout as to any other; nothing here wakes the outbox."""
        async with self.engine.connect() as connection:
            pooled = await connection.get_raw_connection()
            driver: asyncpg.Connection = pooled.driver_connection
            yield driver

    def wake_outbox_with(self, waker: OutboxWaker | None) -> None:
        """Who delivers the outbox (the app's or the worker's background work); None: nobody
        in this process, the poll of another one will."""
        self._outbox_waker = waker

    @asynccontextmanager
    async def outbox_wake_held(self) -> AsyncIterator[None]:
        """Units of work in the block wake delivery once, when the block ends, not as each
        commits: the chat intake sends a citizen's own answer first, then what it queued."""
        held = dict(_held_wakes.get() or {})
        held[id(self)] = False
        token = _held_wakes.set(held)
        try:
            yield
        finally:
            _held_wakes.reset(token)
            if held[id(self)]:
                await self._wake_outbox()

    async def _outbox_due(self) -> None:
        held = _held_wakes.get()
        if held is not None and id(self) in held:
            held[id(self)] = True
            return
        await self._wake_outbox()

    async def _wake_outbox(self) -> None:
        if self._outbox_waker is None:
            return
        try:
            await self._outbox_waker()
        except Exception:  # the rows are committed: the outbox poll delivers them later
            logger.exception("waking outbox delivery failed")

    @asynccontextmanager
    async def writer_turn(self, *, first: bool = False) -> AsyncIterator[None]:
        """On SQLite, wait for this process's other writers before writing (`storage.writer_turn`:
        first come, first served, except that writers marked `first` go before the others).

        SQLite has one writer at a time; a writer that finds the lock taken sleeps in SQLite's
        busy handler for 1, 2, 5 … up to 100 ms at a time, however soon the lock is freed. The
        chat intake's writers (webhooks storing events, the conversations) queue here instead
        and start the moment the previous one commits. PostgreSQL needs no turn.
        """
        if self.dialect != "sqlite":
            yield
            return
        turns = self._writer_turns.setdefault(asyncio.get_running_loop(), WriterTurn())
        async with turns.turn(first=first):
            yield

    async def ping(self) -> bool:
        """True when the database answers a trivial query."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
