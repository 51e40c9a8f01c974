"""What a session keeps for its lifetime: reference rows (agencies, boards, areas) read once,
and data derived from them (the active routing rules).

The session's identity map holds objects weakly, so a row nobody references is read again on
the next `session.get`. Keeping reference rows here makes a batch (the demo, a scheduled run)
read each agency or district once. They change rarely, and a session is short.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

T = TypeVar("T")
_KEY = "siang.reference_rows"


async def get_reference(session: AsyncSession, model: type[T], key: Any) -> T | None:
    if key is None:
        return None
    kept: dict[tuple[type[Any], Any], Any] = session.info.setdefault(_KEY, {})
    if (model, key) in kept:
        found: T | None = kept[(model, key)]
        return found
    row = await session.get(model, key)
    kept[(model, key)] = row
    return row


def session_cache(session: AsyncSession, name: str) -> dict[str, Any]:
    """A per-session dict for derived data (the active routing rules, agency type levels)."""
    caches: dict[str, dict[str, Any]] = session.info.setdefault("siang.caches", {})
    return caches.setdefault(name, {})


def forget(session: AsyncSession, name: str) -> None:
    session.info.setdefault("siang.caches", {}).pop(name, None)
