"""A pooled PostgreSQL connection is checked before it is handed out, as cheaply as it can be.

SQLAlchemy's `pool_pre_ping` asks the server on every checkout, and on asyncpg a ping is three
round trips (BEGIN, an empty query, ROLLBACK): as many as the work itself for a webhook's
one-INSERT transaction, and most of the time spent around it (py-spy, bench/webhook_burst.py).
Instead, a connection the server has closed (a restart, an administrator, an idle timeout; the
driver sees it as soon as the socket says so) is replaced without asking, and only one that
sat in the pool longer than `PING_WHEN_IDLE_FOR`, where a silently dropped connection hides,
is pinged. A connection that died unseen while in use fails its statement; SQLAlchemy then
discards the whole pool, as it does when a ping fails.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine

PING_WHEN_IDLE_FOR = 5.0  # seconds in the pool before a connection is pinged on checkout
_RETURNED = "siang_returned_at"


def check_connections_on_checkout(engine: AsyncEngine) -> None:
    """Install the checks on the engine's pool (instead of `pool_pre_ping`)."""
    pool = engine.sync_engine.pool
    event.listen(pool, "connect", _mark_returned)
    event.listen(pool, "checkin", _mark_returned)
    event.listen(pool, "checkout", _check)


def _mark_returned(_dbapi_connection: Any, record: Any) -> None:
    record.info[_RETURNED] = time.monotonic()


def _check(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Raising DisconnectionError makes the pool discard this connection and take another."""
    if dbapi_connection.driver_connection.is_closed():
        raise exc.DisconnectionError("the server closed this connection")
    if time.monotonic() - record.info.get(_RETURNED, 0.0) > PING_WHEN_IDLE_FOR:
        try:
            dbapi_connection.ping()
        except Exception as error:
            raise exc.DisconnectionError(f"ping failed: {error}") from error
